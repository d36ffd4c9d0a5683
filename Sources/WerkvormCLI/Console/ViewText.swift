import LuaHost
import Werkvorm
import WerkvormLibrary
import WerkvormRendering

/// An exercise's view (plain data) as lines for the terminal: `key: value` for objects, one
/// line a list element, nested data indented; short lists of plain values on one line.
/// Text in both languages (`{nl = ..., en = ...}`) shows in the session's language only.
enum ViewText {
    static func lines(_ value: LuaValue, language: Language) -> [String] {
        var lines: [String] = []
        render(picking(language, in: value), indent: "", into: &lines)
        return lines
    }

    /// The value with every `{nl, en}` pair replaced by its text in `language`.
    private static func picking(_ language: Language, in value: LuaValue) -> LuaValue {
        switch value {
        case .object(let fields):
            if fields.count == 2, let nl = fields["nl"]?.stringValue, let en = fields["en"]?.stringValue {
                return .string(language == .nl ? nl : en)
            }
            return .object(fields.mapValues { picking(language, in: $0) })
        case .array(let elements): return .array(elements.map { picking(language, in: $0) })
        default: return value
        }
    }

    private static func render(_ value: LuaValue, indent: String, into lines: inout [String]) {
        switch value {
        case .object(let fields):
            for key in JSONWriter.sortedKeys(fields) {
                guard let field = fields[key] else { continue }
                if let plain = inline(field) {
                    lines.append("\(indent)\(key): \(plain)")
                } else {
                    lines.append("\(indent)\(key):")
                    render(field, indent: indent + "  ", into: &lines)
                }
            }
        case .array(let elements):
            for element in elements {
                if let plain = inline(element) {
                    lines.append("\(indent)- \(plain)")
                } else {
                    var nested: [String] = []
                    render(element, indent: indent + "  ", into: &nested)
                    if let first = nested.first {
                        lines.append(indent + "- " + first.dropFirst(indent.count + 2))
                        lines += nested.dropFirst()
                    }
                }
            }
        default:
            lines.append(indent + (inline(value) ?? ""))
        }
    }

    /// A value that fits on one line: plain values, and short lists of them.
    private static func inline(_ value: LuaValue) -> String? {
        switch value {
        case .null: return "—"
        case .bool(let flag): return flag ? "✓" : "✗"
        case .string(let text): return text
        case .integer, .double: return JSONWriter.string(value)
        case .array(let elements) where elements.isEmpty: return "—"
        case .object(let fields) where fields.isEmpty: return "—"
        case .array(let elements):
            let parts = elements.compactMap { element -> String? in
                if case .array = element { return nil }
                if case .object = element { return nil }
                return inline(element)
            }
            guard parts.count == elements.count, parts.joined(separator: ", ").count <= 70 else { return nil }
            return parts.joined(separator: ", ")
        case .object: return nil
        }
    }
}
