#if canImport(Glibc)
    import Glibc
#endif

/// Transparent huge pages for large, long or hot buffers (Linux).
///
/// A 168 MB buffer is 41,000 page faults and as many TLB entries with 4 KiB pages, and under a
/// hundred with 2 MiB ones: a snapshot loads with fewer faults, and graph searches that jump across
/// the index's vectors miss the TLB less. Small buffers keep ordinary pages, because a huge page
/// is 2 MiB of memory on first touch. Elsewhere, or with huge pages turned off, the advice is
/// ignored and nothing else changes.
enum HugePages {
    /// The x86-64 and arm64 huge page size, and the alignment a region needs to get one.
    static let pageBytes = 2 << 20
    /// Buffers smaller than this are not advised.
    static let threshold = 8 << 20

    /// Asks for huge pages for the 2 MiB-aligned inside of `buffer`, which should not have been
    /// touched yet (pages already faulted in stay small). Buffers below `threshold` are left alone.
    static func advise(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
            guard buffer.count >= threshold, let base = buffer.baseAddress else { return }
            let start = (Int(bitPattern: base) + pageBytes - 1) / pageBytes * pageBytes
            let end = (Int(bitPattern: base) + buffer.count) / pageBytes * pageBytes
            guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(aligned, end - start, MADV_HUGEPAGE)
        #endif
    }
}
