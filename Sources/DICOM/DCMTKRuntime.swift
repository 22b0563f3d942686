import CDCMTK

/// The process-wide DCMTK set-up: codecs registered once, DCMTK's own logging silenced, and the
/// data dictionary checked, since without it every file fails to open in a confusing way.
enum DCMTKRuntime {
    private static let status: DicomError? = {
        var buffer = [CChar](repeating: 0, count: 512)
        let result = cdcm_initialize(&buffer, buffer.count)
        guard result != Int32(CDCM_OK) else { return nil }
        return DicomError(.dictionaryMissing, source: "DCMTK", reason: String(nulTerminated: buffer))
    }()

    static func ensureReady() throws(DicomError) {
        if let status { throw status }
    }
}

/// Calls a C function that reports failures through an error buffer.
func withErrorBuffer<T>(_ body: (UnsafeMutablePointer<CChar>, Int) -> T) -> (T, String) {
    var buffer = [CChar](repeating: 0, count: 512)
    let result = buffer.withUnsafeMutableBufferPointer { body($0.baseAddress!, $0.count) }
    return (result, String(nulTerminated: buffer))
}

extension String {
    /// The text of a NUL-terminated C buffer filled by the shim.
    init(nulTerminated buffer: [CChar]) {
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        self.init(decoding: bytes, as: UTF8.self)
    }
}
