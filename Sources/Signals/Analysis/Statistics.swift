import Foundation

/// Order statistics for the analysis: medians of beats, intervals and samples.
enum Statistics {
    /// Median of a list, nil when empty.
    static func median(_ values: [Double]) -> Double? {
        quantile(values, 0.5)
    }

    /// The q-quantile (0…1) of a list by linear interpolation between order statistics, nil when empty. Found by
    /// selection (Hoare's quickselect, median-of-three pivot) in linear time rather than by sorting: medians are
    /// taken for every sample of every median beat.
    static func quantile(_ values: [Double], _ q: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        var copy = values
        return selectQuantile(&copy, q)
    }

    /// As `quantile`, reordering `values` in place (no copy).
    static func selectQuantile(_ values: inout [Double], _ q: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let position = min(max(q, 0), 1) * Double(values.count - 1)
        let k = Int(position)
        return values.withUnsafeMutableBufferPointer { a -> Double in
            let low = select(a, k)
            guard k + 1 < a.count, position > Double(k) else { return low }
            // After selection everything right of k is ≥ the k-th value; the next order statistic is their minimum.
            var high = a[k + 1]
            for i in (k + 1)..<a.count where a[i] < high { high = a[i] }
            return low + (position - Double(k)) * (high - low)
        }
    }

    /// The k-th smallest element (0-based); partially reorders `a`.
    private static func select(_ a: UnsafeMutableBufferPointer<Double>, _ k: Int) -> Double {
        var lo = 0
        var hi = a.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if a[mid] < a[lo] { a.swapAt(mid, lo) }
            if a[hi] < a[lo] { a.swapAt(hi, lo) }
            if a[hi] < a[mid] { a.swapAt(hi, mid) }
            let pivot = a[mid]
            var i = lo
            var j = hi
            while i <= j {
                while a[i] < pivot { i += 1 }
                while a[j] > pivot { j -= 1 }
                if i <= j {
                    a.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j {
                hi = j
            } else if k >= i {
                lo = i
            } else {
                return a[k]
            }
        }
        return a[k]
    }
}
