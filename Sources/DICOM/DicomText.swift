/// Turns stored attribute bytes into Swift strings.
///
/// Values are decoded as UTF-8 when they are valid UTF-8 (which covers ASCII, the default
/// repertoire, and ISO_IR 192) and as ISO 8859-1 otherwise, the most common single-byte character
/// set in practice. Other character sets are not converted yet.
enum DicomText {
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }
}

extension String {
    /// Removes the space and NUL padding DICOM adds to reach an even length, and leading spaces.
    func trimmingDicomPadding() -> String {
        var scalars = Substring(self)
        while let last = scalars.last, last == " " || last == "\0" { scalars.removeLast() }
        while let first = scalars.first, first == " " { scalars.removeFirst() }
        return String(scalars)
    }
}
