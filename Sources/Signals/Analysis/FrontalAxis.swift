import Foundation

/// The mean QRS axis in the frontal plane from two limb leads.
///
/// With the hexaxial reference system (lead I at 0°, II at 60°, aVF at 90°, III at 120°, aVL at −30°,
/// aVR at −150°), a lead records the projection of the cardiac vector on its direction; aVF (Goldberger's
/// augmented lead) is √3/2 times the projection on 90°. So the axis is atan2(2·aVF/√3, I) with the net QRS areas
/// of leads I and aVF. Without aVF it is derived from the limb leads through Einthoven's and Goldberger's
/// relations: aVF = II − I/2, or from II and III: I = II − III. Net areas (R minus Q and S) are used rather than
/// peak amplitudes because they are less sensitive to one sharp deflection.
public enum FrontalAxis {
    /// Degrees in (−180°, 180°] from the net QRS areas of the leads named in `areas` (keys "I", "II", "III",
    /// "AVF"); nil when no pair of them determines the axis or the net areas are all zero.
    public static func degrees(netAreas areas: [String: Double]) -> Double? {
        var i = areas["I"]
        var aVF = areas["AVF"]
        if i == nil, let ii = areas["II"], let iii = areas["III"] { i = ii - iii }
        if aVF == nil, let ii = areas["II"], let leadI = i { aVF = ii - leadI / 2 }
        if aVF == nil, let iii = areas["III"], let leadI = i { aVF = iii + leadI / 2 }
        guard let x = i, let f = aVF, x != 0 || f != 0 else { return nil }
        return atan2(2 * f / 3.0.squareRoot(), x) * 180 / Double.pi
    }
}
