import Foundation
import Radiomics
import Testing

/// IBSI chapter 1 conformance: every published reference value of the digital phantom, for every
/// family and aggregation method, computed with the settings the manual gives for the phantom.
@Suite struct IBSIPhantomTests {
    static let settings = FeatureSettings(
        discretisation: .fixedBinSize(width: 1, lowerBound: nil), intensityVolumeHistogram: .phantom)

    static let computed: [String: Double] = {
        let (image, mask) = try! PhantomFixture.load()
        let features = try! FeatureExtractor(settings: settings).features(image: image, mask: mask)
        return Dictionary(
            features.map { ("\($0.symbol)|\($0.aggregation.code)", $0.value) }, uniquingKeysWith: { first, _ in first })
    }()

    @Test func thePhantomIsTheOnePublished() throws {
        let (image, mask) = try PhantomFixture.load()
        #expect(mask.voxelCount == 74)
        #expect(image.values[image.grid.index(x: 2, y: 2, z: 2)] == 9)
        #expect(PhantomFixture.references.count == 482)
    }

    @Test(arguments: FeatureFamily.allCases)
    func everyReferenceValueOfTheFamilyMatches(family: FeatureFamily) {
        let rows = PhantomFixture.references.filter { $0.family == family.rawValue }
        #expect(!rows.isEmpty)
        for row in rows {
            let value = Self.computed["\(row.symbol)|\(row.aggregationCode)"]
            #expect(value != nil, "\(row.symbol) \(row.aggregationCode) (\(row.feature)) is not computed")
            if let value {
                #expect(
                    PhantomFixture.agrees(value, with: row),
                    "\(row.symbol) \(row.aggregationCode): computed \(value), reference \(row.value) ± \(row.tolerance)"
                )
            }
        }
    }

    /// Threads change only the schedule, never a value.
    @Test func twoThreadsGiveTheSameValues() throws {
        let (image, mask) = try PhantomFixture.load()
        let one = try FeatureExtractor(settings: Self.settings, threads: 1).features(image: image, mask: mask)
        let two = try FeatureExtractor(settings: Self.settings, threads: 2).features(image: image, mask: mask)
        #expect(one.count == two.count)
        #expect(
            zip(one, two).allSatisfy {
                $0.name == $1.name && ($0.value == $1.value || ($0.value.isNaN && $1.value.isNaN))
            })
    }
}
