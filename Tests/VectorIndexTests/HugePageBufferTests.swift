import Testing

@testable import VectorIndex

@Suite struct HugePageBufferTests {
    @Test func keepsValuesInOrderAcrossGrowth() {
        var buffer = HugePageBuffer<Float>()
        #expect(buffer.count == 0)
        buffer.withUnsafeBufferPointer { #expect($0.isEmpty) }
        // From ordinary pages past the 8 MiB at which huge pages are asked for, moving several times.
        var expected: [Float] = []
        for chunk in 0..<250 {
            let values = (0..<10_000).map { Float(chunk * 10_000 + $0) }
            buffer.append(contentsOf: values)
            expected += values
        }
        #expect(buffer.count == 2_500_000)
        buffer.withUnsafeBufferPointer { #expect(Array($0) == expected) }
        #expect(buffer[2_499_999] == 2_499_999)
        #expect(buffer.array(1000..<1003) == [1000, 1001, 1002])
    }

    @Test func appendsRepeatedValuesAndEditsInPlace() {
        var buffer = HugePageBuffer<Int32>()
        buffer.append(repeating: 0, count: 33)
        buffer.append(repeating: 7, count: 2)
        buffer.withUnsafeMutableBufferPointer { $0[0] = 5 }
        #expect(buffer.array(0..<buffer.count) == [5] + [Int32](repeating: 0, count: 32) + [7, 7])
    }

    @Test func fillsInPlaceAndAppendsNothingWhenTheFillFails() {
        struct Refused: Error {}
        var buffer = HugePageBuffer<Int32>()
        buffer.append(contentsOf: [9])
        buffer.append(count: 3) { raw in
            let values: [Int32] = [1, -2, .min]
            values.withUnsafeBytes { raw.copyMemory(from: $0) }
        }
        #expect(buffer.array(0..<buffer.count) == [9, 1, -2, .min])
        #expect(throws: Refused.self) { try buffer.append(count: 1000) { (_) throws(Refused) in throw Refused() } }
        #expect(buffer.count == 4 && buffer.array(0..<4) == [9, 1, -2, .min])
    }
}
