/// A share such as the success rate: a count over a base, printed as a percentage with one decimal.
///
/// Computed in integers (tenths of a percent, rounded half up), so 6 of 7 is always `85.7%` and 1 of 16
/// `6.3%`; a share of nothing (base 0) prints `—`, not `NaN%` or `0.0%`.
package struct StatisticsRate: Sendable, Equatable {
    package var count: Int
    package var base: Int

    package init(count: Int, base: Int) {
        self.count = count
        self.base = base
    }

    /// The share in tenths of a percent, rounded half up; `nil` when the base is 0.
    package var tenthsOfPercent: Int? {
        guard base > 0 else { return nil }
        return (count * 2000 + base) / (2 * base)
    }

    /// `85.7%`, or `—` when the base is 0.
    package var formatted: String {
        guard let t = tenthsOfPercent else { return "—" }
        return "\(t / 10).\(t % 10)%"
    }
}
