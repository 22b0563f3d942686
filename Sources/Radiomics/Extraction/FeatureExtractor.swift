import Foundation

/// Computes the IBSI families a `FeatureSettings` asks for, on one image and region.
///
/// Families are independent, so they run concurrently on up to `threads` threads; the result is
/// in a fixed order (`FeatureFamily.allCases`, then the order each family reports) whatever the
/// thread count.
public struct FeatureExtractor: Sendable {
    public let settings: FeatureSettings
    /// 1 computes everything on the calling thread.
    public let threads: Int

    public init(settings: FeatureSettings, threads: Int = 1) {
        self.settings = settings
        self.threads = Swift.max(1, threads)
    }

    public func features(image original: IntensityImage, mask originalMask: RegionMask) throws(RadiomicsError)
        -> [RadiomicsFeature]
    {
        guard original.grid == originalMask.grid else {
            throw RadiomicsError(.mismatchedGrid, "the image and the mask have different grids")
        }
        var image = original
        var mask = originalMask
        if let resampling = settings.resampling {
            image = try resampling.apply(to: original)
            mask = try resampling.apply(to: originalMask)
            guard mask.voxelCount > 0 else {
                throw RadiomicsError(.emptyRegion, "the region of interest is empty after resampling to \(resampling)")
            }
        }
        let discretised = try settings.discretisation.apply(to: image, mask: mask)
        // The slowest families first, so that two threads finish together.
        let order: [FeatureFamily] = [
            .morphology, .glszm, .gldzm, .glrlm, .glcm, .ngldm, .ngtdm, .localIntensity, .intensityStatistics,
            .intensityVolumeHistogram, .intensityHistogram,
        ]
        let families = order.filter { settings.families.contains($0) }
        let inputs = FamilyInputs(image: image, mask: mask, discretised: discretised, settings: settings)
        let results = ResultSlots(count: families.count)
        if threads == 1 {
            for (index, family) in families.enumerated() { results.store(index, inputs.compute(family)) }
        } else {
            let next = JobCounter()
            DispatchQueue.concurrentPerform(iterations: Swift.min(threads, families.count)) { _ in
                while let index = next.take(below: families.count) {
                    results.store(index, inputs.compute(families[index]))
                }
            }
        }
        // Reported in the fixed order of `FeatureFamily.allCases`, whatever ran first.
        var byFamily: [FeatureFamily: [RadiomicsFeature]] = [:]
        for (family, result) in zip(families, results.all()) { byFamily[family] = try result.get() }
        return FeatureFamily.allCases.flatMap { byFamily[$0] ?? [] }
    }
}

/// What every family needs, shared read-only by the worker threads.
private struct FamilyInputs: Sendable {
    let image: IntensityImage
    let mask: RegionMask
    let discretised: DiscretisedImage
    let settings: FeatureSettings

    func compute(_ family: FeatureFamily) -> Result<[RadiomicsFeature], RadiomicsError> {
        do {
            return .success(try features(family))
        } catch {
            return .failure(error)
        }
    }

    private func features(_ family: FeatureFamily) throws(RadiomicsError) -> [RadiomicsFeature] {
        let directional = settings.directionalAggregations
        let regional = settings.regionalAggregations
        switch family {
        case .morphology: return try MorphologyFeatures.compute(image: image, mask: mask)
        case .localIntensity: return try LocalIntensityFeatures.compute(image: image, mask: mask)
        case .intensityStatistics: return try IntensityStatisticsFeatures.compute(image: image, mask: mask)
        case .intensityHistogram: return IntensityHistogramFeatures.compute(discretised)
        case .intensityVolumeHistogram:
            return try IntensityVolumeHistogramFeatures.compute(
                image: image, mask: mask, settings: settings.intensityVolumeHistogram)
        case .glcm: return GLCMFeatures.compute(discretised, aggregations: directional)
        case .glrlm: return GLRLMFeatures.compute(discretised, aggregations: directional)
        case .glszm: return GLSZMFeatures.compute(discretised, aggregations: regional)
        case .gldzm: return GLDZMFeatures.compute(discretised, aggregations: regional)
        case .ngtdm: return NGTDMFeatures.compute(discretised, aggregations: regional)
        case .ngldm: return NGLDMFeatures.compute(discretised, aggregations: regional)
        }
    }
}

/// Per-job results written from worker threads, each slot by exactly one job.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [Result<[RadiomicsFeature], RadiomicsError>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ index: Int, _ result: Result<[RadiomicsFeature], RadiomicsError>) {
        lock.withLock { slots[index] = result }
    }

    func all() -> [Result<[RadiomicsFeature], RadiomicsError>] {
        lock.withLock { slots.map { $0 ?? .success([]) } }
    }
}

/// Hands out job indices to worker threads.
private final class JobCounter: @unchecked Sendable {
    private var next = 0
    private let lock = NSLock()

    func take(below count: Int) -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }
}
