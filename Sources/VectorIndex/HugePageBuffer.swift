#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A growable array of plain values in memory the kernel is asked to back with 2 MiB pages.
///
/// A graph search jumps between vectors scattered over hundreds of megabytes. With 4 KiB pages
/// almost every jump also misses the TLB and walks the page tables; with transparent huge pages
/// (`HugePages`, from 8 MiB up) one TLB entry covers 512 times as much, and at 100,000
/// vectors searches were 10-20% faster. Where huge pages are unavailable the advice is ignored
/// and this is an ordinary buffer.
///
/// Non-copyable: one owner (the index, under its lock), freed when the owner goes away.
struct HugePageBuffer<Element: BitwiseCopyable>: ~Copyable {
    private var base: UnsafeMutableRawPointer?
    private var mappedBytes = 0
    private(set) var count = 0
    private var capacity: Int { mappedBytes / MemoryLayout<Element>.stride }

    init() {}

    deinit {
        if let base { munmap(base, mappedBytes) }
    }

    private var elements: UnsafeMutablePointer<Element>? { base?.assumingMemoryBound(to: Element.self) }

    /// Room for at least `total` elements without moving them again.
    mutating func reserve(_ total: Int) {
        guard total > capacity else { return }
        let bytes = max(total * MemoryLayout<Element>.stride, 1)
        let region: UnsafeMutableRawPointer
        let size: Int
        if bytes >= HugePages.threshold {
            // Whole huge pages from a 2 MiB boundary, so every page of the region can be one.
            size = Self.roundUp(bytes, to: HugePages.pageBytes)
            region = Self.mapAligned(size)
            HugePages.advise(UnsafeMutableRawBufferPointer(start: region, count: size))
        } else {
            size = Self.roundUp(bytes, to: Int(getpagesize()))
            region = Self.map(size)
        }
        if let base {
            region.copyMemory(from: base, byteCount: count * MemoryLayout<Element>.stride)
            munmap(base, mappedBytes)
        }
        base = region
        mappedBytes = size
    }

    private static func roundUp(_ value: Int, to multiple: Int) -> Int { (value + multiple - 1) / multiple * multiple }

    private static func map(_ size: Int) -> UnsafeMutableRawPointer {
        guard let region = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
            region != MAP_FAILED
        else { fatalError("out of memory: cannot map \(size) bytes for the vector index") }
        return region
    }

    /// `size` bytes starting on a 2 MiB boundary: one huge page more is mapped, and the unaligned
    /// head and tail are unmapped again (kernels before 6.7 do not align large mappings).
    private static func mapAligned(_ size: Int) -> UnsafeMutableRawPointer {
        let mapped = map(size + HugePages.pageBytes)
        let address = Int(bitPattern: mapped)
        let aligned = roundUp(address, to: HugePages.pageBytes)
        let head = aligned - address
        if head > 0 { munmap(mapped, head) }
        let tail = HugePages.pageBytes - head
        if tail > 0 { munmap(UnsafeMutableRawPointer(bitPattern: aligned + size)!, tail) }
        return UnsafeMutableRawPointer(bitPattern: aligned)!
    }

    /// Grows geometrically, so appending one element at a time costs amortised constant time.
    private mutating func makeRoom(for extra: Int) {
        guard count + extra > capacity else { return }
        reserve(max(count + extra, capacity * 2))
    }

    mutating func append(contentsOf values: UnsafeBufferPointer<Element>) {
        guard !values.isEmpty else { return }
        makeRoom(for: values.count)
        (elements! + count).initialize(from: values.baseAddress!, count: values.count)
        count += values.count
    }

    /// Appends `extra` elements whose bytes `fill` writes in place; if it throws, nothing is
    /// appended.
    mutating func append<E: Error>(
        count extra: Int, initializingWith fill: (UnsafeMutableRawBufferPointer) throws(E) -> Void
    ) throws(E) {
        guard extra > 0 else { return }
        makeRoom(for: extra)
        try fill(UnsafeMutableRawBufferPointer(start: elements! + count, count: extra * MemoryLayout<Element>.stride))
        count += extra
    }

    mutating func append(contentsOf values: [Element]) {
        values.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    mutating func append(repeating value: Element, count extra: Int) {
        guard extra > 0 else { return }
        makeRoom(for: extra)
        (elements! + count).initialize(repeating: value, count: extra)
        count += extra
    }

    subscript(index: Int) -> Element {
        precondition(index >= 0 && index < count, "index out of range")
        return elements![index]
    }

    func withUnsafeBufferPointer<R, E: Error>(_ body: (UnsafeBufferPointer<Element>) throws(E) -> R) throws(E) -> R {
        try body(UnsafeBufferPointer(start: elements, count: count))
    }

    mutating func withUnsafeMutableBufferPointer<R, E: Error>(
        _ body: (UnsafeMutableBufferPointer<Element>) throws(E) -> R
    ) throws(E) -> R {
        try body(UnsafeMutableBufferPointer(start: elements, count: count))
    }

    /// A copy of `range` as an array.
    func array(_ range: Range<Int>) -> [Element] {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "range out of bounds")
        return withUnsafeBufferPointer { Array($0[range]) }
    }
}
