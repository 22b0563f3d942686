/// Counts neighbouring grey level dependence matrices (NGLDM) in one sweep over the region: per
/// voxel its grey level i and its dependence j, 1 plus the number of neighbours in the region with
/// the same level (IBSI 1; Chebyshev distance 1, coarseness alpha = 0). One matrix per slice with
/// the 8 in-plane neighbours (2D, 2.5D) and one for the volume with all 26 (3D).
///
/// Every region voxel is counted, so N_s = N_v; a voxel without neighbours has dependence 1. The
/// comparisons run offset by offset along a whole row, a loop the compiler vectorises; levels
/// outside the region are 0 and never equal a region voxel's level.
enum NeighbourhoodDependence {
    /// - Parameters:
    ///   - eachSlice: called with each padded slice's 2D matrix, in order, when `planar`; slices
    ///     without region voxels are skipped.
    /// - Returns: the 3D matrix when `volumetric`, else nil.
    static func sweep(
        _ region: PaddedRegion, planar: Bool, volumetric: Bool, eachSlice: (CountMatrix) -> Void
    ) -> CountMatrix? {
        let sizeX = region.sizeX
        let sizeY = region.sizeY
        let inPlane = region.neighbourOffsets(planar: true)
        let outOfPlane = region.neighbourOffsets(planar: false).filter { !inPlane.contains($0) }
        let budget = CountAccumulator.fewColumnsCellLimit
        var sliceCounts = CountAccumulator(levelCount: region.levelCount, largestColumn: 9, denseCellLimit: budget)
        var volumeCounts = CountAccumulator(levelCount: region.levelCount, largestColumn: 27, denseCellLimit: budget)
        var planarDependence = [Int32](repeating: 1, count: sizeX)
        var volumeDependence = [Int32](repeating: 1, count: sizeX)
        for z in 1..<(region.sizeZ - 1) where region.voxelsPerSlice[z] > 0 {
            for y in 1..<(sizeY - 1) {
                let row = (z * sizeY + y) * sizeX
                region.levels.withUnsafeBufferPointer { levels in
                    planarDependence.withUnsafeMutableBufferPointer { planarDependence in
                        volumeDependence.withUnsafeMutableBufferPointer { volumeDependence in
                            countRow(
                                levels.baseAddress! + row, count: sizeX, inPlane: inPlane, outOfPlane: outOfPlane,
                                volumetric: volumetric, planar: planarDependence.baseAddress!,
                                volume: volumeDependence.baseAddress!)
                        }
                    }
                    for x in 1..<(sizeX - 1) {
                        let level = levels[row + x]
                        if level == 0 { continue }
                        if planar { sliceCounts.add(level: level, column: Int(planarDependence[x])) }
                        if volumetric { volumeCounts.add(level: level, column: Int(volumeDependence[x])) }
                    }
                }
            }
            if planar { eachSlice(sliceCounts.takeMatrix(voxelCount: region.voxelsPerSlice[z])) }
        }
        return volumetric ? volumeCounts.takeMatrix(voxelCount: region.voxelCount) : nil
    }

    /// Dependences of the interior voxels 1..<count - 1 of the padded row starting at `centre`:
    /// `planar` receives 1 + equal in-plane neighbours, `volume` (when `volumetric`) adds the equal
    /// neighbours in the adjacent slices. Eight voxels at a time in SIMD registers.
    private static func countRow(
        _ centre: UnsafePointer<Int32>, count: Int, inPlane: [Int], outOfPlane: [Int], volumetric: Bool,
        planar: UnsafeMutablePointer<Int32>, volume: UnsafeMutablePointer<Int32>
    ) {
        typealias Lanes = SIMD8<Int32>
        let one = Lanes(repeating: 1)
        let zero = Lanes(repeating: 0)
        var x = 1
        while x + Lanes.scalarCount <= count - 1 {
            let level = UnsafeRawPointer(centre + x).loadUnaligned(as: Lanes.self)
            var dependence = one
            for offset in inPlane {
                let neighbour = UnsafeRawPointer(centre + x + offset).loadUnaligned(as: Lanes.self)
                dependence &+= zero.replacing(with: one, where: neighbour .== level)
            }
            UnsafeMutableRawPointer(planar + x).storeBytes(of: dependence, as: Lanes.self)
            if volumetric {
                for offset in outOfPlane {
                    let neighbour = UnsafeRawPointer(centre + x + offset).loadUnaligned(as: Lanes.self)
                    dependence &+= zero.replacing(with: one, where: neighbour .== level)
                }
                UnsafeMutableRawPointer(volume + x).storeBytes(of: dependence, as: Lanes.self)
            }
            x += Lanes.scalarCount
        }
        while x < count - 1 {
            let level = centre[x]
            var dependence: Int32 = 1
            for offset in inPlane where centre[x + offset] == level { dependence += 1 }
            planar[x] = dependence
            if volumetric {
                for offset in outOfPlane where centre[x + offset] == level { dependence += 1 }
                volume[x] = dependence
            }
            x += 1
        }
    }
}
