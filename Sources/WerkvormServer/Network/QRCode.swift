import CQRencode
import Foundation

/// A QR code of a text (the join address), from libqrencode: the one place this module
/// touches C. Drawn as SVG for the projector and as half blocks for a terminal.
public struct QRCode: Sendable, Hashable {
    /// Modules per side.
    public let size: Int
    /// Dark modules, row by row.
    public let modules: [Bool]

    /// The code of `text` at error correction level M, or nil when it does not fit.
    public init?(_ text: String) {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        size = width
        modules = (0..<width * width).map { code.pointee.data[$0] & 1 == 1 }
    }

    /// Whether the module at `row`, `column` is dark; outside the code (the quiet zone) it is not.
    public func isDark(row: Int, column: Int) -> Bool {
        guard row >= 0, column >= 0, row < size, column < size else { return false }
        return modules[row * size + column]
    }

    /// The code as an SVG image with a quiet zone of four modules, one path of unit squares.
    public func svg(label: String) -> String {
        let side = size + 8
        var path = ""
        for row in 0..<size {
            for column in 0..<size where isDark(row: row, column: column) {
                path += "M\(column + 4) \(row + 4)h1v1h-1z"
            }
        }
        let title = label.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" shape-rendering="crispEdges" role="img" aria-label="\(title.replacingOccurrences(of: "\"", with: "&quot;"))">\
            <title>\(title)</title><rect width="\(side)" height="\(side)" fill="#fff"/><path d="\(path)" fill="#000"/></svg>

            """
    }

    /// The code for a terminal: two rows of modules a line, in half blocks, dark on light, with
    /// a quiet zone of two modules (terminals draw light on dark, so light modules are blocks).
    public func halfBlocks() -> String {
        var lines: [String] = []
        let quiet = 2
        var row = -quiet
        while row < size + quiet {
            var line = ""
            for column in -quiet..<(size + quiet) {
                let top = !isDark(row: row, column: column), bottom = !isDark(row: row + 1, column: column)
                switch (top, bottom) {
                case (true, true): line += "█"
                case (true, false): line += "▀"
                case (false, true): line += "▄"
                case (false, false): line += " "
                }
            }
            lines.append(line)
            row += 2
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
