import DICOM
import Radiomics

extension MedicalImage {
    /// The region a DICOM Segmentation draws on this image: the union of the frames of `segment`
    /// (every segment when nil), each laid on the slice at its position along the slice normal.
    ///
    /// Frames without positions are laid on slices in order, which needs one frame per slice. The
    /// image must not have been reduced to fit memory, because the segmentation's pixels are those
    /// of the original grid.
    public func region(from segmentation: DicomSegmentation, segment: Int? = nil) throws(ImageEncoderError)
        -> RegionMask
    {
        let grid = intensities.grid
        guard reduction.inPlane == 1, reduction.slices == 1 else {
            throw ImageEncoderError(
                .emptyRegion,
                "the image was reduced to fit memory, so a segmentation cannot be laid on it; raise --max-voxels")
        }
        guard segmentation.rows == grid.sizeY, segmentation.columns == grid.sizeX else {
            throw ImageEncoderError(
                .emptyRegion,
                "the segmentation's frames are \(segmentation.columns)x\(segmentation.rows), "
                    + "the image's slices \(grid.sizeX)x\(grid.sizeY)")
        }
        let frames = segmentation.frames.filter { segment == nil || $0.segment == segment }
        guard !frames.isEmpty else {
            throw ImageEncoderError(
                .emptyRegion,
                "the segmentation has no frame of segment \(segment ?? 0) "
                    + "(segments present: \(segmentation.segments.map(String.init).joined(separator: ", ")))")
        }
        var inside = [Bool](repeating: false, count: grid.voxelCount)
        for (order, frame) in frames.enumerated() {
            guard frame.inside.count == grid.sliceSize else {
                throw ImageEncoderError(.emptyRegion, "a segmentation frame does not have the image's slice size")
            }
            let slice = try self.slice(for: frame, order: order, frameCount: frames.count)
            let offset = slice * grid.sliceSize
            for (pixel, flag) in frame.inside.enumerated() where flag { inside[offset + pixel] = true }
        }
        return RegionMask(grid: grid, inside: inside)
    }

    private func slice(for frame: DicomSegmentation.Frame, order: Int, frameCount: Int) throws(ImageEncoderError)
        -> Int
    {
        let grid = intensities.grid
        if let position = frame.position, let placement = slicePlacement {
            let location = (SIMD3(position[0], position[1], position[2]) * placement.normal).sum()
            var best = 0
            for (index, candidate) in placement.locations.enumerated()
            where abs(candidate - location) < abs(placement.locations[best] - location) {
                best = index
            }
            guard abs(placement.locations[best] - location) <= grid.spacing.z / 2 + 1e-3 else {
                throw ImageEncoderError(
                    .emptyRegion, "a segmentation frame lies on no slice of the image (it belongs to another series)")
            }
            return best
        }
        guard frameCount == grid.sizeZ else {
            throw ImageEncoderError(
                .emptyRegion,
                "the segmentation's frames carry no positions and their number (\(frameCount)) is not the "
                    + "image's slice count (\(grid.sizeZ))")
        }
        return order
    }
}
