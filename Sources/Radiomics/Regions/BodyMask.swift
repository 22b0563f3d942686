/// Automatic regions of interest covering the whole patient, for images that come without a
/// segmentation.
///
/// Both start from a threshold, keep the largest face-connected 3D component (dropping the
/// table, cables, noise and anything else separated from the patient by air) and fill its holes
/// slice by slice (`HoleFilling.perSlice`), so that lungs, airways and bowel gas, which lie below
/// any sensible threshold, are inside the body. An image with nothing above the threshold gives an
/// empty region, which feature extraction reports as "the region of interest is empty".
public enum BodyMask {
    /// The patient in a CT: voxels above `thresholdHU` (-500 HU by default, between air at
    /// -1000 and fat at about -100), largest component, holes filled.
    public static func ct(_ image: IntensityImage, thresholdHU: Float = -500) -> RegionMask {
        body(candidates: image.values.map { $0 > thresholdHU }, grid: image.grid)
    }

    /// The foreground of an image in arbitrary units (MR, ultrasound): voxels above the Otsu
    /// threshold of the image's 256-bin histogram, largest component, holes filled. A uniform
    /// image has no foreground and gives an empty region.
    public static func foreground(_ image: IntensityImage) -> RegionMask {
        guard let threshold = OtsuThreshold.threshold(image.values) else {
            return RegionMask(grid: image.grid, inside: [Bool](repeating: false, count: image.grid.voxelCount))
        }
        return body(candidates: image.values.map { $0 > threshold }, grid: image.grid)
    }

    private static func body(candidates: [Bool], grid: VoxelGrid) -> RegionMask {
        let candidates = RegionMask(grid: grid, inside: candidates)
        guard candidates.voxelCount > 0 else { return candidates }
        return HoleFilling.perSlice(ConnectedComponents.largest(candidates, connectivity: .faces))
    }
}
