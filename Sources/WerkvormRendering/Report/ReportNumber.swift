import Werkvorm

/// Formats numbers for reports the same way on every machine, whatever the locale.
enum ReportNumber {
    /// Integers without decimals, other values with at most two decimals and "." as separator.
    static func format(_ value: Double) -> String {
        fixed(value, scale: 100)
    }

    /// An SVG coordinate, rounded to one decimal.
    static func coordinate(_ value: Double) -> String {
        fixed(value, scale: 10)
    }

    /// `value` rounded to 1/`scale` (10 or 100), without trailing zeros.
    private static func fixed(_ value: Double, scale: Int64) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-∞" : "∞") }
        let scaled = (value * Double(scale)).rounded()
        guard abs(scaled) < 9e15 else { return "\(value.rounded())" }
        let units = Int64(scaled)
        if units == 0 { return "0" }
        let magnitude = abs(units)
        let whole = magnitude / scale
        var fraction = magnitude % scale
        let sign = units < 0 ? "-" : ""
        guard fraction != 0 else { return sign + String(whole) }
        var digits = scale == 100 ? 2 : 1
        while fraction % 10 == 0 && digits > 0 {
            fraction /= 10
            digits -= 1
        }
        var decimals = String(fraction)
        while decimals.count < digits { decimals = "0" + decimals }
        return sign + String(whole) + "." + decimals
    }
}
