// Opens and fully decodes the given DICOM files in-process, `--rounds` times, and prints one
// JSON line per round with the seconds it took. Driven by Benchmarks/dicom_bench.py, which runs
// the peers (DCMTK's tools, pydicom) on the same files in the same run.
import DICOM
import Foundation

var arguments = Array(CommandLine.arguments.dropFirst())
var rounds = 5
if let flag = arguments.firstIndex(of: "--rounds"), flag + 1 < arguments.count {
    rounds = Int(arguments[flag + 1]) ?? rounds
    arguments.removeSubrange(flag...(flag + 1))
}
var perFile = false
if let flag = arguments.firstIndex(of: "--per-file") {
    perFile = true
    arguments.remove(at: flag)
}
let files = arguments
var checksum = 0.0
for round in 0..<rounds {
    let start = DispatchTime.now().uptimeNanoseconds
    var frames = 0
    for path in files {
        let fileStart = DispatchTime.now().uptimeNanoseconds
        defer {
            if perFile {
                let ms = Double(DispatchTime.now().uptimeNanoseconds - fileStart) / 1e6
                FileHandle.standardError.write(Data("\(ms) ms \(path)\n".utf8))
            }
        }
        do {
            let file = try DicomFile(path: path)
            for frame in try file.decodeAllFrames() {
                frames += 1
                checksum += Double(frame.values[frame.values.count / 2])
            }
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
        }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print("{\"round\":\(round),\"seconds\":\(seconds),\"files\":\(files.count),\"frames\":\(frames)}")
}
FileHandle.standardError.write(Data("checksum \(checksum)\n".utf8))
