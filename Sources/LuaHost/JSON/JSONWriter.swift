/// Writes a ``LuaValue`` as JSON, the same bytes for the same value on every run.
///
/// Object keys are sorted by their UTF-8 bytes; integers are written as integers and doubles
/// always with a fraction or an exponent (`1.0`), so that reading the JSON back gives exactly
/// the same value. Foundation's `JSONEncoder` writes `1.0` as `1`, which would turn a Lua float
/// into an integer on the way back; that is why Werkvorm writes its own.
public enum JSONWriter {
    /// The JSON text of `value`: one line, or indented with two spaces when `pretty`.
    public static func string(_ value: LuaValue, pretty: Bool = false) -> String {
        String(decoding: bytes(value, pretty: pretty), as: UTF8.self)
    }

    /// The same as UTF-8 bytes, as files are written.
    public static func bytes(_ value: LuaValue, pretty: Bool = false) -> [UInt8] {
        var output: [UInt8] = []
        write(value, to: &output, pretty: pretty, indent: 0)
        return output
    }

    /// `text` as a JSON string literal, quotes included.
    public static func quoted(_ text: String) -> String {
        var output: [UInt8] = []
        writeString(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Keys in the order JSON output uses: by UTF-8 bytes, as Lua compares strings.
    public static func sortedKeys<V>(_ dictionary: [String: V]) -> [String] {
        dictionary.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// An object's keys, in the same order: the order it keeps them in.
    public static func sortedKeys(_ object: LuaObject) -> [String] { object.keys }

    /// Appends the JSON of `value` to `output`, indented `indent` levels when `pretty`.
    public static func write(_ value: LuaValue, to output: inout [UInt8], pretty: Bool, indent: Int) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .integer(let number): output.append(contentsOf: String(number).utf8)
        case .double(let number): output.append(contentsOf: format(number).utf8)
        case .string(let text): writeString(text, to: &output)
        case .array(let elements):
            if elements.isEmpty {
                output.append(contentsOf: "[]".utf8)
                return
            }
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                newline(&output, pretty: pretty, indent: indent + 1)
                write(element, to: &output, pretty: pretty, indent: indent + 1)
            }
            newline(&output, pretty: pretty, indent: indent)
            output.append(UInt8(ascii: "]"))
        case .object(let fields):
            write(object: fields, to: &output, pretty: pretty, indent: indent)
        }
    }

    /// Appends an object of `fields`, given in the order ``sortedKeys(_:)`` would give them.
    public static func write(fields: [(key: String, value: LuaValue)], to output: inout [UInt8], pretty: Bool, indent: Int) {
        writeObject(fields, to: &output, pretty: pretty, indent: indent)
    }

    /// Appends `object`'s fields, in the order it keeps them.
    public static func write(object: LuaObject, to output: inout [UInt8], pretty: Bool, indent: Int) {
        writeObject(object, to: &output, pretty: pretty, indent: indent)
    }

    // Generic, and private so that each caller above gets it specialised.
    private static func writeObject(_ fields: some Collection<(key: String, value: LuaValue)>, to output: inout [UInt8], pretty: Bool, indent: Int) {
        if fields.isEmpty {
            output.append(contentsOf: "{}".utf8)
            return
        }
        output.append(UInt8(ascii: "{"))
        for (position, field) in fields.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            newline(&output, pretty: pretty, indent: indent + 1)
            writeString(field.key, to: &output)
            output.append(UInt8(ascii: ":"))
            if pretty { output.append(UInt8(ascii: " ")) }
            write(field.value, to: &output, pretty: pretty, indent: indent + 1)
        }
        newline(&output, pretty: pretty, indent: indent)
        output.append(UInt8(ascii: "}"))
    }

    /// The shortest text that reads back as the same double, always with "." or "e".
    static func format(_ number: Double) -> String {
        let text = "\(number)"  // Swift prints the shortest round-tripping form: 0.1, 1e-07, 1e+300
        if text.contains(".") || text.contains("e") { return text }
        return text + ".0"
    }

    private static func newline(_ output: inout [UInt8], pretty: Bool, indent: Int) {
        guard pretty else { return }
        output.append(0x0A)
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }

    /// The digits of a `\u00XX` escape.
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// A text in quotes, byte by byte: runs that need no escape are copied whole.
    private static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            for (index, byte) in bytes.enumerated() {
                let escape: StaticString
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x08: escape = "\\b"
                case 0x0C: escape = "\\f"
                case 0x00..<0x20, 0x7F: escape = "\\u00"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                output.append(contentsOf: UnsafeBufferPointer(start: escape.utf8Start, count: escape.utf8CodeUnitCount))
                if escape.utf8CodeUnitCount == 4 {  // \u00XX
                    output.append(hexDigits[Int(byte >> 4)])
                    output.append(hexDigits[Int(byte & 0x0F)])
                }
                run = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        output.append(UInt8(ascii: "\""))
    }
}
