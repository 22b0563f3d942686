// Text encoder throughput: texts/s, tokens/s and GFLOP/s of the BERT forward pass for inputs of
// 128 and 256 tokens, beside the single-call sgemm peak measured in the same process.
// Thread count comes from OPENBLAS_NUM_THREADS (set by Benchmarks/text_bench.py). Prints JSON lines.
import CBLAS
import Encoders
import Foundation

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

/// sgemm peak: 512x512x512 products, the best of several repetitions' median (OpenBLAS is open:
/// the encoder loaded it).
func sgemmPeak() -> Double {
    let n = 512
    let a = [Float](repeating: 0.5, count: n * n)
    let b = [Float](repeating: 0.25, count: n * n)
    var c = [Float](repeating: 0, count: n * n)
    var rates: [Double] = []
    for _ in 0..<15 {
        let time = seconds {
            for _ in 0..<4 {
                caseatlas_sgemm(
                    CblasRowMajor, CblasNoTrans, CblasTrans, Int32(n), Int32(n), Int32(n), 1, a, Int32(n), b, Int32(n),
                    0, &c, Int32(n))
            }
        }
        rates.append(4 * 2 * Double(n * n * n) / time / 1e9)
    }
    return median(rates)
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: text-bench MODEL_FOLDER [ROUNDS]\n".utf8))
    exit(2)
}
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
let encoder = try TextEncoder(modelFolder: arguments[1])
let threads = ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"] ?? "default"
print("{\"kind\":\"sgemm\",\"threads\":\"\(threads)\",\"gflops\":\(sgemmPeak())}")

// Deterministic texts: ordinary clinical vocabulary cycled to the wanted length.
let words =
    "patient presents with chest pain radiating to the left arm and shortness of breath the ecg shows sinus rhythm with st elevation in the inferior leads troponin is elevated"
    .split(separator: " ")
let batchSize = 8
for length in [128, 256] {
    let content = length - 2
    let batch: [[Int]] = (0..<batchSize).map { offset in
        var ids: [Int] = []
        var index = offset
        while ids.count < content {
            ids += encoder.tokenizer.tokenize(String(words[index % words.count]))
            index += 1
        }
        return [encoder.tokenizer.classifierID] + ids.prefix(content) + [encoder.tokenizer.separatorID]
    }
    _ = try encoder.model.hiddenStates(batch)  // warm-up
    var times: [Double] = []
    for _ in 0..<rounds { times.append(try seconds { _ = try encoder.model.hiddenStates(batch) }) }
    let perRound = median(times)
    let textsPerSecond = Double(batchSize) / perRound
    let gflops = encoder.model.flops(tokens: length) * textsPerSecond / 1e9
    print(
        "{\"kind\":\"bert\",\"threads\":\"\(threads)\",\"tokens\":\(length),\"batch\":\(batchSize),"
            + "\"textsPerSecond\":\(textsPerSecond),\"tokensPerSecond\":\(textsPerSecond * Double(length)),"
            + "\"gflops\":\(gflops)}")
}
