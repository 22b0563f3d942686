/// Surface area of an ellipsoid by the Legendre series of the IBSI manual ("Area density (approximate enclosing
/// ellipsoid)"), stopped after ν = 20 as the manual prescribes, so results match other IBSI implementations
/// rather than the exact elliptic-integral area.
///
/// A = 4π a b Σ_{ν=0}^{20} (αβ)^ν / (1 − 4ν²) · P_ν((α² + β²) / (2αβ)), with α = √(1 − b²/a²), β = √(1 − c²/a²).
///
/// The term Q_ν = (αβ)^ν P_ν(·) is a polynomial in α² + β² and α²β², so it is evaluated with Bonnet's recurrence
/// scaled by (αβ)^ν: (ν + 1) Q_{ν+1} = (2ν + 1) (α² + β²)/2 · Q_ν − ν α²β² Q_{ν−1}. That stays finite for a sphere
/// (α = β = 0, where the Legendre argument itself would be 0/0).
enum EllipsoidSurface {
    /// Area for semi-axes a ≥ b ≥ c ≥ 0; NaN when a is 0 (no ellipsoid).
    static func area(a: Double, b: Double, c: Double) -> Double {
        guard a > 0, a.isFinite else { return .nan }
        let alphaSquared = max(0, 1 - (b * b) / (a * a))
        let betaSquared = max(0, 1 - (c * c) / (a * a))
        let halfSum = (alphaSquared + betaSquared) / 2
        let productSquared = alphaSquared * betaSquared
        var previous = 1.0  // Q_0
        var current = halfSum  // Q_1
        var series = previous + current / (1 - 4)
        for degree in 1..<20 {
            let nu = Double(degree)
            let next = ((2 * nu + 1) * halfSum * current - nu * productSquared * previous) / (nu + 1)
            previous = current
            current = next
            let order = nu + 1
            series += current / (1 - 4 * order * order)
        }
        return 4 * Double.pi * a * b * series
    }
}
