import Foundation
import Radiomics

/// One component of the radiomics vector: a named feature and how its raw value is brought to a
/// scale near 1 before the vector is normalised.
///
/// Features span many orders of magnitude (a volume in mm³, a probability, a HU mean), so each
/// is centred and scaled by a fixed, documented amount and then compressed with asinh, which is
/// linear near 0 and logarithmic far from it: one outlying feature cannot dominate the cosine.
/// Fixed constants (not statistics of a training corpus) keep the encoder deterministic and the
/// vector of one case independent of every other case.
struct RadiomicsDescriptor: Sendable {
    enum Transform: Sendable {
        /// asinh((x - centre) / scale).
        case linear(centre: Double, scale: Double)
        /// log(x / scale) for positive x (asinh-compressed), for counts, volumes and ratios.
        case logarithmic(scale: Double)
        /// asinh((sqrt(x) - centre) / scale), for variances.
        case squareRoot(centre: Double, scale: Double)
    }

    let name: String
    let transform: Transform
    /// Relative weight in the vector before normalisation.
    let weight: Double

    init(_ name: String, _ transform: Transform, weight: Double = 1) {
        self.name = name
        self.transform = transform
        self.weight = weight
    }

    /// The scaled value; 0 for a feature that is undefined (NaN) on this image.
    func scaled(_ raw: Double) -> Double {
        guard raw.isFinite else { return 0 }
        let value: Double
        switch transform {
        case .linear(let centre, let scale): value = asinh((raw - centre) / scale)
        case .logarithmic(let scale): value = raw > 0 ? asinh(log(raw / scale)) : -asinh(log(1e12))
        case .squareRoot(let centre, let scale): value = asinh((Swift.max(raw, 0).squareRoot() - centre) / scale)
        }
        return value * weight
    }

    var canonicalDescription: String {
        switch transform {
        case .linear(let centre, let scale): "\(name):lin(\(centre),\(scale))x\(weight)"
        case .logarithmic(let scale): "\(name):log(\(scale))x\(weight)"
        case .squareRoot(let centre, let scale): "\(name):sqrt(\(centre),\(scale))x\(weight)"
        }
    }
}

/// The chosen feature set: shape once, intensity and texture at the original scale, and a
/// smaller intensity-and-texture set at 2x and 4x coarser in-plane scales.
enum RadiomicsDescriptorSet {
    /// Intensity features depend on units: HU for CT, robust standard deviations otherwise.
    static func intensity(calibrated: Bool) -> [RadiomicsDescriptor] {
        let scale = calibrated ? 200.0 : 1.0
        let centre = calibrated ? 0.0 : 0.0
        return [
            RadiomicsDescriptor("stat.mean", .linear(centre: centre, scale: scale)),
            RadiomicsDescriptor("stat.median", .linear(centre: centre, scale: scale)),
            RadiomicsDescriptor("stat.var", .squareRoot(centre: 0, scale: scale)),
            RadiomicsDescriptor("stat.skew", .linear(centre: 0, scale: 1)),
            RadiomicsDescriptor("stat.kurt", .linear(centre: 0, scale: 3)),
            RadiomicsDescriptor("stat.P10", .linear(centre: centre, scale: scale)),
            RadiomicsDescriptor("stat.P90", .linear(centre: centre, scale: scale)),
            RadiomicsDescriptor("stat.iqr", .linear(centre: 0, scale: scale)),
            RadiomicsDescriptor("stat.rmad", .linear(centre: 0, scale: scale)),
            RadiomicsDescriptor("ih.entropy", .linear(centre: 3, scale: 1)),
            RadiomicsDescriptor("ih.uniformity", .linear(centre: 0.2, scale: 0.2)),
        ]
    }

    static let shape: [RadiomicsDescriptor] = [
        RadiomicsDescriptor("morph.vol", .logarithmic(scale: 1e5)),
        RadiomicsDescriptor("morph.sphericity", .linear(centre: 0.5, scale: 0.25)),
        RadiomicsDescriptor("morph.pca.elongation", .linear(centre: 0.5, scale: 0.25)),
        RadiomicsDescriptor("morph.pca.flatness", .linear(centre: 0.5, scale: 0.25)),
        RadiomicsDescriptor("morph.av", .logarithmic(scale: 0.1)),
        RadiomicsDescriptor("morph.v.dens.conv.hull", .linear(centre: 0.8, scale: 0.15)),
    ]

    static let texture: [RadiomicsDescriptor] = [
        RadiomicsDescriptor("cm.joint.entr/3D:mrg", .linear(centre: 5, scale: 2)),
        RadiomicsDescriptor("cm.contrast/3D:mrg", .logarithmic(scale: 1)),
        RadiomicsDescriptor("cm.corr/3D:mrg", .linear(centre: 0.5, scale: 0.3)),
        RadiomicsDescriptor("cm.inv.diff.mom.norm/3D:mrg", .linear(centre: 0.95, scale: 0.05)),
        RadiomicsDescriptor("cm.energy/3D:mrg", .logarithmic(scale: 0.01)),
        RadiomicsDescriptor("cm.clust.shade/3D:mrg", .linear(centre: 0, scale: 100)),
        RadiomicsDescriptor("rlm.sre/3D:mrg", .linear(centre: 0.7, scale: 0.2)),
        RadiomicsDescriptor("rlm.lre/3D:mrg", .logarithmic(scale: 3)),
        RadiomicsDescriptor("rlm.rl.entr/3D:mrg", .linear(centre: 5, scale: 2)),
        RadiomicsDescriptor("rlm.glnu.norm/3D:mrg", .logarithmic(scale: 0.1)),
        RadiomicsDescriptor("rlm.rlnu.norm/3D:mrg", .linear(centre: 0.5, scale: 0.25)),
        RadiomicsDescriptor("szm.sze/3D", .linear(centre: 0.5, scale: 0.25)),
        RadiomicsDescriptor("szm.lze/3D", .logarithmic(scale: 100)),
        RadiomicsDescriptor("szm.zs.entr/3D", .linear(centre: 5, scale: 2)),
        RadiomicsDescriptor("szm.z.perc/3D", .logarithmic(scale: 0.1)),
        RadiomicsDescriptor("szm.glnu.norm/3D", .logarithmic(scale: 0.1)),
        RadiomicsDescriptor("dzm.sde/3D", .linear(centre: 0.5, scale: 0.25)),
        RadiomicsDescriptor("dzm.zd.entr/3D", .linear(centre: 5, scale: 2)),
        RadiomicsDescriptor("ngt.coarseness/3D", .logarithmic(scale: 1e-3)),
        RadiomicsDescriptor("ngt.contrast/3D", .logarithmic(scale: 0.1)),
        RadiomicsDescriptor("ngt.busyness/3D", .logarithmic(scale: 1)),
        RadiomicsDescriptor("ngt.strength/3D", .logarithmic(scale: 1)),
        RadiomicsDescriptor("ngl.lde/3D", .logarithmic(scale: 0.1)),
        RadiomicsDescriptor("ngl.hde/3D", .logarithmic(scale: 30)),
        RadiomicsDescriptor("ngl.dc.entr/3D", .linear(centre: 5, scale: 2)),
    ]

    /// The subset repeated at coarser scales: how intensity and texture change with scale.
    static func multiScale(calibrated: Bool) -> [RadiomicsDescriptor] {
        let names: Set = [
            "stat.mean", "stat.var", "stat.skew", "stat.kurt", "ih.entropy", "cm.joint.entr/3D:mrg",
            "cm.contrast/3D:mrg", "cm.corr/3D:mrg", "cm.inv.diff.mom.norm/3D:mrg", "rlm.sre/3D:mrg",
            "rlm.rl.entr/3D:mrg", "szm.zs.entr/3D", "ngt.coarseness/3D", "ngt.contrast/3D", "ngl.dc.entr/3D",
        ]
        return (intensity(calibrated: calibrated) + texture).filter { names.contains($0.name) }
    }
}
