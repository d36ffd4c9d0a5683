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
        case .integer(let number): writeInteger(number, to: &output)
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

    /// Appends `object`'s fields, in the order it keeps them.
    public static func write(object fields: LuaObject, to output: inout [UInt8], pretty: Bool, indent: Int) {
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

    static func newline(_ output: inout [UInt8], pretty: Bool, indent: Int) {
        guard pretty else { return }
        output.append(0x0A)
        // the indent copied from one run of spaces, 64 levels at a time
        var remaining = 2 * indent
        while remaining > 0 {
            let run = min(remaining, spaces.count)
            spaces.withUnsafeBufferPointer { output.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<run])) }
            remaining -= run
        }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 128)

    /// An integer's decimal digits, made in a buffer on the stack rather than through a string.
    private static func writeInteger(_ number: Int64, to output: inout [UInt8]) {
        if number >= 0, number < 10 {
            output.append(UInt8(ascii: "0") &+ UInt8(number))
            return
        }
        // 20 bytes hold Int64.min's sign and 19 digits
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            var magnitude = number.magnitude
            var start = 20
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") &+ UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if number < 0 {
                start -= 1
                buffer[start] = UInt8(ascii: "-")
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<20]))
        }
    }

    /// The digits of a `\u00XX` escape.
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// A text in quotes.
    private static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        if text.utf8.withContiguousStorageIfAvailable({ writeEscaped($0, to: &output) }) == nil {
            var copy = text  // a string not stored as UTF-8 is made so first
            copy.withUTF8 { writeEscaped($0, to: &output) }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// A string's bytes, escaped: runs that need no escape are copied whole.
    private static func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var run = 0
        for index in bytes.indices {
            let byte = bytes[index]
            // printable ASCII but " and \, and every byte of UTF-8 past ASCII, go as they are
            if byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte != 0x7F { continue }
            let escape: StaticString
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x08: escape = "\\b"
            case 0x0C: escape = "\\f"
            default: escape = "\\u00"  // the other control characters and DEL
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
}
