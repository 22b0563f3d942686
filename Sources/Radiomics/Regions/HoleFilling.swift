/// Fills the holes of a region: background that cannot reach the border of the grid.
///
/// A body outline encloses the lungs, the airways and bowel gas; a threshold leaves them out, so
/// they have to be filled back in. Background is flood-filled from the border voxels with the
/// face-connected neighbourhood (4 in a slice, 6 in the volume), and whatever it does not reach is
/// a hole. Using the smaller neighbourhood for the background fills more generously: a hole whose
/// wall is only closed diagonally is still a hole.
///
/// `perSlice` is the one to use for patients: a chest scan cuts the trachea, which therefore
/// opens the lungs onto the top face of the volume, and in 3D they would not be a hole; within
/// each x-y slice they are enclosed. Every 3D hole is also a hole in each slice it crosses, so
/// `perSlice` fills at least what `volumetric` fills.
///
/// Both work on a copy padded by one sentinel voxel on every side and fill with `SpanFloodFill`:
/// iterative, linear in the number of voxels, no recursion.
public enum HoleFilling {
    private static let background: Int32 = 0
    private static let foreground: Int32 = 1
    private static let reached: Int32 = 2
    private static let padding: Int32 = 3

    /// Fills, slice by slice in the x-y plane, the background not 4-connected to the slice's edge.
    public static func perSlice(_ mask: RegionMask) -> RegionMask {
        let grid = mask.grid
        let (sizeX, sizeY) = (grid.sizeX, grid.sizeY)
        let paddedX = sizeX + 2
        var inside = mask.inside
        var states = [Int32](repeating: padding, count: paddedX * (sizeY + 2))
        var stack: [Int] = []
        stack.reserveCapacity(1 << 12)
        inside.withUnsafeMutableBufferPointer { inside in
            states.withUnsafeMutableBufferPointer { states in
                for z in 0..<grid.sizeZ {
                    let base = z * grid.sliceSize
                    for y in 0..<sizeY {
                        let row = (y + 1) * paddedX + 1
                        for x in 0..<sizeX { states[row + x] = inside[base + y * sizeX + x] ? foreground : background }
                        stack.append(row)
                        stack.append(row + sizeX - 1)
                    }
                    for x in 0..<sizeX {
                        stack.append(paddedX + 1 + x)
                        stack.append(sizeY * paddedX + 1 + x)
                    }
                    _ = SpanFloodFill.fill(
                        states, from: background, to: reached, rowSteps: [-paddedX, paddedX], diagonal: false,
                        stack: &stack)
                    for y in 0..<sizeY {
                        let row = (y + 1) * paddedX + 1
                        for x in 0..<sizeX where states[row + x] == background { inside[base + y * sizeX + x] = true }
                    }
                }
            }
        }
        return RegionMask(grid: grid, inside: inside)
    }

    /// Fills the background not 6-connected to any face of the volume.
    public static func volumetric(_ mask: RegionMask) -> RegionMask {
        let grid = mask.grid
        let (sizeX, sizeY, sizeZ) = (grid.sizeX, grid.sizeY, grid.sizeZ)
        let paddedX = sizeX + 2
        let paddedSlice = paddedX * (sizeY + 2)
        var inside = mask.inside
        var states = [Int32](repeating: padding, count: paddedSlice * (sizeZ + 2))
        var stack: [Int] = []
        stack.reserveCapacity(1 << 16)
        inside.withUnsafeMutableBufferPointer { inside in
            states.withUnsafeMutableBufferPointer { states in
                var voxel = 0
                for z in 0..<sizeZ {
                    for y in 0..<sizeY {
                        let row = (z + 1) * paddedSlice + (y + 1) * paddedX + 1
                        for x in 0..<sizeX {
                            states[row + x] = inside[voxel] ? foreground : background
                            voxel += 1
                        }
                        // Every voxel on a face of the volume seeds the fill; the fill skips the
                        // foreground ones.
                        if z == 0 || z == sizeZ - 1 || y == 0 || y == sizeY - 1 {
                            for x in 0..<sizeX { stack.append(row + x) }
                        } else {
                            stack.append(row)
                            stack.append(row + sizeX - 1)
                        }
                    }
                }
                _ = SpanFloodFill.fill(
                    states, from: background, to: reached,
                    rowSteps: SpanFloodFill.rowSteps(.faces, rowLength: paddedX, sliceLength: paddedSlice),
                    diagonal: false, stack: &stack)
                voxel = 0
                for z in 0..<sizeZ {
                    for y in 0..<sizeY {
                        let row = (z + 1) * paddedSlice + (y + 1) * paddedX + 1
                        for x in 0..<sizeX {
                            if states[row + x] == background { inside[voxel] = true }
                            voxel += 1
                        }
                    }
                }
            }
        }
        return RegionMask(grid: grid, inside: inside)
    }
}
