import Foundation

/// Tensors from a safetensors file, memory-mapped, so loading a model costs no copy of the file.
///
/// Format: an 8-byte little-endian header length, a JSON header naming each tensor's dtype, shape
/// and byte range in the data section, then the data. Every range and shape is checked against the
/// file before use, so a truncated or hostile file gives an error, never a wild read.
public struct Safetensors: @unchecked Sendable {
    public enum DataType: String, Sendable {
        case f32 = "F32"
        case f16 = "F16"
        case bf16 = "BF16"
        case i64 = "I64"

        var size: Int { self == .f32 ? 4 : self == .i64 ? 8 : 2 }
    }

    public struct TensorInfo: Sendable, Equatable {
        public let dtype: DataType
        public let shape: [Int]
        /// Byte range within the data section.
        let range: Range<Int>
    }

    public let path: String
    public let tensors: [String: TensorInfo]
    private let data: Data
    private let dataStart: Int

    /// The largest header accepted; real headers are kilobytes.
    static let maxHeaderBytes = 100 << 20

    public init(path: String) throws(NeuralNetError) {
        self.path = path
        let name = (path as NSString).lastPathComponent
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw NeuralNetError(.missingFile, "\(path): weights file not found or not readable")
        }
        let mapped: Data
        do {
            mapped = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw NeuralNetError(.missingFile, "\(path): cannot read weights file")
        }
        guard mapped.count >= 8 else {
            throw NeuralNetError(.corruptWeights, "\(name): truncated (shorter than the 8-byte header length)")
        }
        let headerLength = mapped.prefix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        guard headerLength > 1, headerLength <= Self.maxHeaderBytes, 8 + headerLength <= mapped.count else {
            throw NeuralNetError(
                .corruptWeights, "\(name): header length \(headerLength) does not fit the file (\(mapped.count) bytes)")
        }
        let header = mapped.subdata(in: 8..<(8 + headerLength))
        guard let json = try? JSONSerialization.jsonObject(with: header) as? [String: Any] else {
            throw NeuralNetError(.corruptWeights, "\(name): the header is not a JSON object")
        }
        let dataLength = mapped.count - 8 - headerLength
        var tensors: [String: TensorInfo] = [:]
        for (key, value) in json where key != "__metadata__" {
            guard let entry = value as? [String: Any], let dtypeName = entry["dtype"] as? String,
                let shape = entry["shape"] as? [Int], let offsets = entry["data_offsets"] as? [Int], offsets.count == 2
            else { throw NeuralNetError(.corruptWeights, "\(name): tensor '\(key)' has a malformed header entry") }
            guard let dtype = DataType(rawValue: dtypeName) else {
                throw NeuralNetError(.corruptWeights, "\(name): tensor '\(key)' has unsupported dtype \(dtypeName)")
            }
            let (begin, end) = (offsets[0], offsets[1])
            guard begin >= 0, begin <= end, end <= dataLength else {
                throw NeuralNetError(
                    .corruptWeights, "\(name): tensor '\(key)' lies outside the file (truncated?)")
            }
            guard shape.allSatisfy({ $0 >= 0 && $0 < 1 << 31 }),
                shape.reduce(1, { $0.multipliedReportingOverflow(by: $1).overflow ? Int.max : $0 * $1 }) * dtype.size
                    == end - begin
            else {
                throw NeuralNetError(.corruptWeights, "\(name): tensor '\(key)' shape \(shape) does not match its bytes")
            }
            tensors[key] = TensorInfo(dtype: dtype, shape: shape, range: begin..<end)
        }
        self.tensors = tensors
        self.data = mapped
        self.dataStart = 8 + headerLength
    }

    /// A tensor's values as `Float` (f16 and bf16 widened), checked against an expected shape.
    public func floats(_ name: String, shape expected: [Int]) throws(NeuralNetError) -> [Float] {
        guard let info = tensors[name] else {
            throw NeuralNetError(.shapeMismatch, "\((path as NSString).lastPathComponent): tensor '\(name)' is missing")
        }
        guard info.shape == expected else {
            throw NeuralNetError(
                .shapeMismatch, "tensor '\(name)' has shape \(info.shape), the configuration needs \(expected)")
        }
        let count = info.shape.reduce(1, *)
        var output = [Float](repeating: 0, count: count)
        data.withUnsafeBytes { raw in
            let base = raw.baseAddress!.advanced(by: dataStart + info.range.lowerBound)
            output.withUnsafeMutableBufferPointer { target in
                switch info.dtype {
                case .f32:
                    memcpy(target.baseAddress!, base, count * 4)
                case .f16:
                    for index in 0..<count {
                        let bits = base.loadUnaligned(fromByteOffset: index * 2, as: UInt16.self)
                        target[index] = Float(Float16(bitPattern: UInt16(littleEndian: bits)))
                    }
                case .bf16:
                    for index in 0..<count {
                        let bits = base.loadUnaligned(fromByteOffset: index * 2, as: UInt16.self)
                        target[index] = Float(bitPattern: UInt32(UInt16(littleEndian: bits)) << 16)
                    }
                case .i64:
                    for index in 0..<count {
                        target[index] = Float(Int64(littleEndian: base.loadUnaligned(fromByteOffset: index * 8, as: Int64.self)))
                    }
                }
            }
        }
        return output
    }
}
