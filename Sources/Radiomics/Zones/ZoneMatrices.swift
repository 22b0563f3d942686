/// Builds the grey level zone matrices of GLSZM (column = zone size) and GLDZM (column = zone
/// distance to the edge) for the three aggregation methods, and computes their shared statistics.
///
/// 2D and 2.5D use the same per-slice zones (8-connected, distances measured within the slice):
/// 2D averages the features of each slice's matrix, 2.5D merges the slice matrices (and their N_v)
/// first. 3D finds 26-connected zones with 3D distances.
enum ZoneMatrices {
    enum Column {
        /// Zone size in voxels (GLSZM).
        case size
        /// Smallest city-block distance to the edge of the mask over the zone's voxels (GLDZM).
        case distance
    }

    /// The statistics (`CountMatrixStatistics.values`) per method; empty when the region is empty.
    static func statistics(
        _ image: DiscretisedImage, column: Column, methods: [FeatureAggregation]
    ) -> [FeatureAggregation: [Double]] {
        guard let region = PaddedRegion(image), !methods.isEmpty else { return [:] }
        var result: [FeatureAggregation: [Double]] = [:]
        let slices = 1..<(region.sizeZ - 1)
        if methods.contains(.planar) || methods.contains(.stack) {
            let distances = column == .distance ? DistanceToEdge.map(region, planar: true) : nil
            var labeller = ZoneLabeller(region, planar: true, distances: distances)
            let largestColumn =
                column == .size ? (region.voxelsPerSlice.max() ?? 1) : region.sizeX + region.sizeY
            var sliceCounts = CountAccumulator(levelCount: region.levelCount, largestColumn: largestColumn)
            var mergedCounts = CountAccumulator(levelCount: region.levelCount, largestColumn: largestColumn)
            var average = SliceAverage(featureCount: 17)
            for z in slices where region.voxelsPerSlice[z] > 0 {
                labeller.countZones(in: z..<(z + 1), by: column, into: &sliceCounts)
                let matrix = sliceCounts.takeMatrix(voxelCount: region.voxelsPerSlice[z])
                average.add(CountMatrixStatistics(matrix).values)
                mergedCounts.add(matrix)
            }
            result[.planar] = average.means
            result[.stack] = CountMatrixStatistics(mergedCounts.takeMatrix(voxelCount: region.voxelCount)).values
        }
        if methods.contains(.volumetric) {
            let distances = column == .distance ? DistanceToEdge.map(region, planar: false) : nil
            var labeller = ZoneLabeller(region, planar: false, distances: distances)
            let largestColumn =
                column == .size ? region.voxelCount : region.sizeX + region.sizeY + region.sizeZ
            var counts = CountAccumulator(levelCount: region.levelCount, largestColumn: largestColumn)
            labeller.countZones(in: slices, by: column, into: &counts)
            result[.volumetric] = CountMatrixStatistics(counts.takeMatrix(voxelCount: region.voxelCount)).values
        }
        return result
    }
}
