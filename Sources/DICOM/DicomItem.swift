import CDCMTK

/// Owns one DCMTK file handle; items and frames keep it alive while they are in use.
final class DicomHandle {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    deinit { cdcm_close(pointer) }
}

/// The value representation and length of one attribute, as met while walking a dataset.
public struct DicomElementHeader: Sendable, Equatable {
    public let tag: DicomTag
    public let vr: String
    /// In bytes; `0xFFFF_FFFF` for undefined-length (encapsulated or sequence) values.
    public let length: UInt32
}

/// A dataset or a sequence item: the generic attribute look-up over DCMTK.
///
/// String values come back with DICOM's padding removed; numbers come back as `Double` whatever
/// their binary or decimal-string encoding, because callers want values, not encodings.
public struct DicomItem {
    let handle: DicomHandle
    let pointer: OpaquePointer

    /// Every attribute directly in this item, in tag order.
    public var elements: [DicomElementHeader] {
        let count = cdcm_item_element_count(pointer)
        var result: [DicomElementHeader] = []
        result.reserveCapacity(count)
        for index in 0..<count {
            var group: UInt16 = 0
            var element: UInt16 = 0
            var length: UInt32 = 0
            var vr: (CChar, CChar, CChar) = (0, 0, 0)
            let status = withUnsafeMutablePointer(to: &vr) { tuple in
                tuple.withMemoryRebound(to: CChar.self, capacity: 3) {
                    cdcm_item_element_at(pointer, index, &group, &element, $0, &length)
                }
            }
            guard status == Int32(CDCM_OK) else { continue }
            let name = String(decoding: [UInt8(bitPattern: vr.0), UInt8(bitPattern: vr.1)], as: UTF8.self)
            result.append(DicomElementHeader(tag: DicomTag(group, element), vr: name, length: length))
        }
        return result
    }

    /// The attribute's value representation ("US", "DS", "SQ", ...); nil when absent.
    public func vr(of tag: DicomTag) -> String? {
        var vr: (CChar, CChar, CChar) = (0, 0, 0)
        let status = withUnsafeMutablePointer(to: &vr) { tuple in
            tuple.withMemoryRebound(to: CChar.self, capacity: 3) { cdcm_item_vr(pointer, tag.group, tag.element, $0) }
        }
        guard status == Int32(CDCM_OK) else { return nil }
        return String(decoding: [UInt8(bitPattern: vr.0), UInt8(bitPattern: vr.1)], as: UTF8.self)
    }

    public func contains(_ tag: DicomTag) -> Bool {
        cdcm_item_contains(pointer, tag.group, tag.element) == 1
    }

    /// The whole value as text, trailing padding removed; `nil` when absent or not textual.
    public func string(_ tag: DicomTag) -> String? {
        var raw: UnsafeMutablePointer<CChar>?
        var length = 0
        guard cdcm_item_string(pointer, tag.group, tag.element, &raw, &length) == Int32(CDCM_OK), let raw else {
            return nil
        }
        defer { free(raw) }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: length)
        return DicomText.decode(bytes).trimmingDicomPadding()
    }

    /// The values of a multi-valued text attribute, split at backslashes.
    public func strings(_ tag: DicomTag) -> [String]? {
        string(tag).map {
            $0.split(separator: "\\", omittingEmptySubsequences: false).map { String($0).trimmingDicomPadding() }
        }
    }

    /// Every value of a numeric attribute (binary or decimal/integer string); `nil` when absent,
    /// empty or not numeric.
    public func numbers(_ tag: DicomTag) -> [Double]? {
        if let vr = vr(of: tag), vr == "IS" || vr == "DS" {
            // Parse decimal strings strictly: "1A" is an error, not 1.
            guard let values = strings(tag), !values.isEmpty else { return nil }
            let numbers = values.compactMap { Double($0) }
            return numbers.count == values.count ? numbers : nil
        }
        var count = 0
        var values = [Double](repeating: 0, count: 16)
        var status = cdcm_item_numbers(pointer, tag.group, tag.element, &values, values.count, &count)
        if status == Int32(CDCM_OK), count > values.count {
            values = [Double](repeating: 0, count: count)
            status = cdcm_item_numbers(pointer, tag.group, tag.element, &values, values.count, &count)
        }
        guard status == Int32(CDCM_OK), count > 0 else { return nil }
        return Array(values.prefix(count))
    }

    public func number(_ tag: DicomTag) -> Double? { numbers(tag)?.first }

    /// An integer attribute that must fit `Int`; `nil` when absent or not an integer.
    public func integer(_ tag: DicomTag) -> Int? {
        guard let value = number(tag), value.isFinite, value == value.rounded(),
            abs(value) < 9.0e15
        else { return nil }
        return Int(value)
    }

    /// The items of a sequence attribute (empty when absent or not a sequence).
    public func sequence(_ tag: DicomTag) -> [DicomItem] {
        let count = cdcm_item_sequence_count(pointer, tag.group, tag.element)
        return (0..<count).compactMap { index in
            cdcm_item_sequence_item(pointer, tag.group, tag.element, index).map {
                DicomItem(handle: handle, pointer: $0)
            }
        }
    }

    /// The value's length in bytes; `nil` when absent.
    public func valueLength(_ tag: DicomTag) -> UInt32? {
        var length: UInt32 = 0
        guard cdcm_item_value_length(pointer, tag.group, tag.element, &length) == Int32(CDCM_OK) else { return nil }
        return length
    }

    /// Raw value bytes (little-endian for multi-byte VRs), e.g. LUT data or native pixel data.
    func bytes(_ tag: DicomTag, offset: UInt32, count: UInt32, source: String) throws(DicomError) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: Int(count))
        guard count > 0 else { return result }
        let (status, message) = withErrorBuffer { err, cap in
            result.withUnsafeMutableBytes {
                cdcm_item_read_bytes(pointer, tag.group, tag.element, offset, $0.baseAddress, count, err, cap)
            }
        }
        guard status == Int32(CDCM_OK) else {
            throw DicomError(.inconsistent, source: source, reason: "cannot read attribute \(tag): \(message)")
        }
        return result
    }

    // MARK: Editing

    /// Removes an attribute; returns whether it was there.
    @discardableResult
    public func remove(_ tag: DicomTag) -> Bool {
        cdcm_item_remove(pointer, tag.group, tag.element) == Int32(CDCM_OK)
    }

    /// Sets a text-valued attribute (creating it), with the VR taken from the data dictionary.
    public func set(_ tag: DicomTag, to value: String) throws(DicomError) {
        let (status, message) = withErrorBuffer { err, cap in
            cdcm_item_put_string(pointer, tag.group, tag.element, value, err, cap)
        }
        guard status == Int32(CDCM_OK) else {
            throw DicomError(.writeFailed, source: "dataset", reason: "cannot set \(tag): \(message)")
        }
    }

    /// Sets an unsigned short (US) attribute.
    public func set(_ tag: DicomTag, to value: UInt16) throws(DicomError) {
        let (status, message) = withErrorBuffer { err, cap in
            cdcm_item_put_uint16(pointer, tag.group, tag.element, value, err, cap)
        }
        guard status == Int32(CDCM_OK) else {
            throw DicomError(.writeFailed, source: "dataset", reason: "cannot set \(tag): \(message)")
        }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
