/// Writes a ``LuaValue`` as JSON, the same bytes for the same value on every run.
///
/// Object keys are sorted by their UTF-8 bytes; integers are written as integers and doubles
/// always with a fraction or an exponent (`1.0`), so that reading the JSON back gives exactly
/// the same value. Foundation's `JSONEncoder` writes `1.0` as `1`, which would turn a Lua float
/// into an integer on the way back; that is why Werkvorm writes its own.
public enum JSONWriter {
    /// The JSON text of `value`: one line, or indented with two spaces when `pretty`.
    public static func string(_ value: LuaValue, pretty: Bool = false) -> String {
        var output = ""
        write(value, to: &output, pretty: pretty, indent: 0)
        return output
    }

    /// `text` as a JSON string literal, quotes included.
    public static func quoted(_ text: String) -> String {
        var output = ""
        writeString(text, to: &output)
        return output
    }

    /// Keys in the order JSON output uses: by UTF-8 bytes, as Lua compares strings.
    public static func sortedKeys<V>(_ dictionary: [String: V]) -> [String] {
        dictionary.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    static func write(_ value: LuaValue, to output: inout String, pretty: Bool, indent: Int) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .integer(let number): output += String(number)
        case .double(let number): output += format(number)
        case .string(let text): writeString(text, to: &output)
        case .array(let elements):
            if elements.isEmpty {
                output += "[]"
                return
            }
            output += "["
            for (position, element) in elements.enumerated() {
                if position > 0 { output += "," }
                newline(&output, pretty: pretty, indent: indent + 1)
                write(element, to: &output, pretty: pretty, indent: indent + 1)
            }
            newline(&output, pretty: pretty, indent: indent)
            output += "]"
        case .object(let fields):
            if fields.isEmpty {
                output += "{}"
                return
            }
            output += "{"
            for (position, key) in sortedKeys(fields).enumerated() {
                if position > 0 { output += "," }
                newline(&output, pretty: pretty, indent: indent + 1)
                writeString(key, to: &output)
                output += pretty ? ": " : ":"
                write(fields[key] ?? .null, to: &output, pretty: pretty, indent: indent + 1)
            }
            newline(&output, pretty: pretty, indent: indent)
            output += "}"
        }
    }

    /// The shortest text that reads back as the same double, always with "." or "e".
    static func format(_ number: Double) -> String {
        let text = "\(number)"  // Swift prints the shortest round-tripping form: 0.1, 1e-07, 1e+300
        if text.contains(".") || text.contains("e") { return text }
        return text + ".0"
    }

    private static func newline(_ output: inout String, pretty: Bool, indent: Int) {
        guard pretty else { return }
        output += "\n"
        output += String(repeating: "  ", count: indent)
    }

    private static func writeString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
