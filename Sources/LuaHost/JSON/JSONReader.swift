/// A JSON syntax error, located by line and column (both 1-based).
public struct JSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The line of the offending character.
    public var line: Int
    /// The column of the offending character, counted in bytes.
    public var column: Int
    /// What is wrong, in one sentence.
    public var message: String

    /// An error at a line and column.
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "line \(line), column \(column): \(message)" }
}

/// Reads JSON into a ``LuaValue``, keeping integers and doubles apart: `1` is an integer and
/// `1.0` a double, as ``JSONWriter`` writes them.
public struct JSONReader {
    /// How deeply arrays and objects may nest.
    public static let maximumDepth = 200

    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    var depth = 0

    /// Parses one JSON document; nothing but white space may follow it.
    public static func parse(_ text: String) throws(JSONError) -> LuaValue {
        var text = text
        return try text.withUTF8 { bytes in Result { () throws(JSONError) in try parse(buffer: bytes) } }.get()
    }

    /// Parses one JSON document from UTF-8 bytes.
    public static func parse(bytes: [UInt8]) throws(JSONError) -> LuaValue {
        try bytes.withUnsafeBufferPointer { buffer throws(JSONError) in try parse(buffer: buffer) }
    }

    /// Parses one JSON document from UTF-8 bytes in memory the caller owns (a file's `Data`,
    /// without a copy).
    public static func parse(buffer: UnsafeRawBufferPointer) throws(JSONError) -> LuaValue {
        try parse(buffer: buffer.bindMemory(to: UInt8.self))
    }

    /// Parses one JSON document whose top level is an object, handing the reader to `element`
    /// at each element of the list in its field `key`, instead of reading the element into the
    /// value: `element` must read exactly one value (``readValue()``, ``readObject(keys:_:)`` or
    /// ``skipValue()``). A long list is so never whole in memory, and its elements can be read
    /// straight into typed values, without a dictionary each. In the object returned, that
    /// field is an empty list.
    public static func parse(
        buffer: UnsafeRawBufferPointer, streaming key: String, element: (inout JSONReader) throws(JSONError) -> Void
    ) throws(JSONError) -> LuaValue {
        try withoutActuallyEscaping(element) { element in
            Result { () throws(JSONError) in
                var reader = JSONReader(bytes: buffer.bindMemory(to: UInt8.self))
                reader.streaming = (key, element)
                return try reader.parseDocument()
            }
        }.get()
    }

    /// Reads one JSON document from UTF-8 bytes with `body`, which reads its value a part at a
    /// time (``readObject(keys:_:)``...); nothing but white space may follow it.
    public static func read<T>(buffer: UnsafeRawBufferPointer, _ body: (inout JSONReader) throws(JSONError) -> T) throws(JSONError) -> T {
        var reader = JSONReader(bytes: buffer.bindMemory(to: UInt8.self))
        reader.skipWhitespace()
        let value = try body(&reader)
        reader.skipWhitespace()
        if reader.position < reader.bytes.count { throw reader.error("unexpected text after the end of the JSON value") }
        return value
    }

    private static func parse(buffer: UnsafeBufferPointer<UInt8>) throws(JSONError) -> LuaValue {
        var reader = JSONReader(bytes: buffer)
        return try reader.parseDocument()
    }

    /// The list field whose elements go to a function instead of into the value.
    private var streaming: (key: String, element: (inout JSONReader) throws(JSONError) -> Void)?

    private mutating func parseDocument() throws(JSONError) -> LuaValue {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        if position < bytes.count {
            throw error("unexpected text after the end of the JSON value")
        }
        return value
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// A field name at `position`: a known one by its bytes when it has no escapes.
    mutating func parseKey(_ keys: JSONKeys) throws(JSONError) -> JSONKey {
        var end = position + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 { end += 1 }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\""),
            let index = keys.index(of: UnsafeBufferPointer(rebasing: bytes[(position + 1)..<end]), readable: bytes.count - position - 1)
        {
            position = end + 1
            return .known(index)
        }
        let text = try parseString()
        return keys.names.firstIndex(of: text).map(JSONKey.known) ?? .other(text)
    }

    /// Reads an object at `position`, handing `field` each key, where it starts, and the reader
    /// at its value, which `field` reads.
    private mutating func readFields(_ field: (String, Int, inout JSONReader) throws(JSONError) -> Void) throws(JSONError) {
        try readMembers(key: { (reader: inout JSONReader) throws(JSONError) in try reader.parseString() }, shown: { $0 }, field)
    }

    /// Reads an object at `position`: each key with `key` (`shown` in errors), then `field`
    /// with the key, where it starts, and the reader at its value, which `field` reads.
    private mutating func readMembers<Key>(
        key readKey: (inout JSONReader) throws(JSONError) -> Key, shown: (Key) -> String, _ field: (Key, Int, inout JSONReader) throws(JSONError) -> Void
    ) throws(JSONError) {
        try enter()
        position += 1
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw error("expected a field name in double quotes")
            }
            let keyStart = position
            let key = try readKey(&self)
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw error("expected ':' after the field name \(JSONWriter.quoted(shown(key)))")
            }
            position += 1
            skipWhitespace()
            try field(key, keyStart, &self)
            skipWhitespace()
            guard position < bytes.count else { throw error("the JSON ends inside an object; expected ',' or '}'") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if bytes[position] == UInt8(ascii: "}") {
                position += 1
                depth -= 1
                return
            }
            throw error("expected ',' or '}' after a field")
        }
    }

    func error(_ message: String, at offset: Int? = nil) -> JSONError {
        let end = min(offset ?? position, bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0..<end where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        return JSONError(line: line, column: end - lineStart + 1, message: message)
    }

    mutating func skipWhitespace() {
        var at = position
        while at < bytes.count {
            switch bytes[at] {
            case 0x20, 0x0A, 0x0D, 0x09: at += 1
            default:
                position = at
                return
            }
        }
        position = at
    }

    mutating func parseValue() throws(JSONError) -> LuaValue {
        guard position < bytes.count else { throw error("the JSON ends where a value was expected") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectWord("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectWord("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectWord("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("expected a value (an object, list, text, number, true, false or null)")
        }
    }

    private mutating func expectWord(_ word: StaticString) throws(JSONError) {
        let start = position
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw error("expected '\(word)'", at: start) }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] {
            throw error("expected '\(word)'", at: start)
        }
        position += count
    }

    mutating func enter() throws(JSONError) {
        depth += 1
        if depth > JSONReader.maximumDepth {
            throw error("lists and objects nest more than \(JSONReader.maximumDepth) deep")
        }
    }

    private mutating func parseObject() throws(JSONError) -> LuaValue {
        // Keys in order, as Werkvorm writes them, are checked for doubles against the last one;
        // past the first key out of order, against a set of all of them.
        var fields: [LuaObject.Field] = []
        var seen: Set<[UInt8]>?
        let streamed = depth == 0 ? streaming : nil
        try readFields { (key, keyStart, reader: inout JSONReader) throws(JSONError) in
            let value: LuaValue
            if let streamed, streamed.key == key, reader.position < reader.bytes.count, reader.bytes[reader.position] == UInt8(ascii: "[") {
                let element = streamed.element
                try reader.parseArray { (reader: inout JSONReader) throws(JSONError) in try element(&reader) }
                value = .array([])
            } else {
                value = try reader.parseValue()
            }
            var twice = false
            if seen != nil {
                twice = !seen!.insert(Array(key.utf8)).inserted
            } else if let last = fields.last {
                let order = LuaObject.compare(last.key, key)
                if order > 0 {
                    seen = Set(fields.map { Array($0.key.utf8) })
                    twice = !seen!.insert(Array(key.utf8)).inserted
                }
                twice = twice || order == 0
            }
            if twice { throw reader.error("the field \(JSONWriter.quoted(key)) appears twice", at: keyStart) }
            fields.append(LuaObject.Field(key: key, value: value))
        }
        return .object(seen == nil ? LuaObject(ordered: fields) : LuaObject(uniqueKeysWithValues: fields.lazy.map { ($0.key, $0.value) }))
    }

    private mutating func parseArray() throws(JSONError) -> LuaValue {
        var elements: [LuaValue] = []
        try parseArray { (reader: inout JSONReader) throws(JSONError) in elements.append(try reader.parseValue()) }
        return .array(elements)
    }

    /// Reads a list, handing the reader to `each` at every element, which reads it.
    mutating func parseArray(each: (inout JSONReader) throws(JSONError) -> Void) throws(JSONError) {
        try enter()
        position += 1
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return
        }
        while true {
            skipWhitespace()
            try each(&self)
            skipWhitespace()
            guard position < bytes.count else { throw error("the JSON ends inside a list; expected ',' or ']'") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if bytes[position] == UInt8(ascii: "]") {
                position += 1
                depth -= 1
                return
            }
            throw error("expected ',' or ']' after a list element")
        }
    }

    private mutating func parseNumber() throws(JSONError) -> LuaValue {
        let start = position
        var isInteger = true
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else { throw error("expected a digit", at: position) }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else { throw error("expected a digit after '.'") }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < bytes.count, isDigit(bytes[position]) else { throw error("expected a digit in the exponent") }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if isInteger, let number = integer(from: start, to: position) { return .integer(number) }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        if isInteger {
            throw error("the integer \(text) is too large (the range is ±9223372036854775807)", at: start)
        }
        guard let number = Double(text), number.isFinite else {
            throw error("the number \(text) is too large", at: start)
        }
        return .double(number)
    }

    /// The integer written from `start` to `end` (digits, perhaps after a minus); nil when it
    /// does not fit in 64 bits.
    private func integer(from start: Int, to end: Int) -> Int64? {
        let negative = bytes[start] == UInt8(ascii: "-")
        var magnitude: UInt64 = 0
        for index in (negative ? start + 1 : start)..<end {
            let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(bytes[index] - 48))
            if overflow1 || overflow2 { return nil }
            magnitude = sum
        }
        if negative {
            if magnitude == UInt64(Int64.max) + 1 { return Int64.min }
            return magnitude <= UInt64(Int64.max) ? -Int64(magnitude) : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    mutating func parseString() throws(JSONError) -> String {
        // Most texts have no escape: one pass finds the closing quote and whether all is ASCII.
        if let base = bytes.baseAddress {
            let first = position + 1
            var cursor = first
            var high: UInt8 = 0
            while cursor < bytes.count {
                let byte = base[cursor]
                if byte == UInt8(ascii: "\"") {
                    let run = UnsafeBufferPointer(start: base + first, count: cursor - first)
                    let text = high < 0x80 ? String(decoding: run, as: UTF8.self) : String(validating: run, as: UTF8.self)
                    guard let text else { break }  // not UTF-8: said below, with the place
                    position = cursor + 1
                    return text
                }
                if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                high |= byte
                cursor += 1
            }
        }
        return try parseEscapedString()
    }

    /// A text with escapes, or one that is not valid: read byte by byte.
    private mutating func parseEscapedString() throws(JSONError) -> String {
        let start = position
        position += 1
        var runStart = position
        var plain: [UInt8] = []
        while true {
            guard position < bytes.count else { throw error("the JSON ends inside a text; a closing '\"' is missing", at: start) }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                if plain.isEmpty, let text = JSONReader.text(UnsafeBufferPointer(rebasing: bytes[runStart..<position])) {
                    position += 1
                    return text  // no escapes: straight from the bytes
                }
                plain.append(contentsOf: bytes[runStart..<position])
                position += 1
                break
            }
            if byte < 0x20 {
                throw error("a control character inside a text must be escaped (\\n, \\t, \\u00XX)")
            }
            if byte != UInt8(ascii: "\\") {
                position += 1
                continue
            }
            plain.append(contentsOf: bytes[runStart..<position])
            position += 1
            guard position < bytes.count else { throw error("the JSON ends inside an escape") }
            let escape = bytes[position]
            position += 1
            switch escape {
            case UInt8(ascii: "\""): plain.append(0x22)
            case UInt8(ascii: "\\"): plain.append(0x5C)
            case UInt8(ascii: "/"): plain.append(0x2F)
            case UInt8(ascii: "b"): plain.append(0x08)
            case UInt8(ascii: "f"): plain.append(0x0C)
            case UInt8(ascii: "n"): plain.append(0x0A)
            case UInt8(ascii: "r"): plain.append(0x0D)
            case UInt8(ascii: "t"): plain.append(0x09)
            case UInt8(ascii: "u"):
                var code = try parseHex4()
                if code >= 0xD800, code < 0xDC00 {
                    guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                        throw error("a \\u escape for a high surrogate must be followed by its low surrogate")
                    }
                    position += 2
                    let low = try parseHex4()
                    guard low >= 0xDC00, low < 0xE000 else { throw error("expected a low surrogate \\uDC00-\\uDFFF") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                } else if code >= 0xDC00, code < 0xE000 {
                    throw error("a low surrogate \\u escape without its high surrogate")
                }
                guard let scalar = Unicode.Scalar(code) else { throw error("\\u escape is not a character") }
                plain.append(contentsOf: Array(String(scalar).utf8))
            default:
                throw error("unknown escape '\\\(Character(Unicode.Scalar(escape)))'", at: position - 2)
            }
            runStart = position
        }
        guard let text = plain.withUnsafeBufferPointer({ JSONReader.text($0) }) else {
            throw error("the text is not valid UTF-8", at: start)
        }
        return text
    }

    /// The bytes as a string, or nil when they are not valid UTF-8. ASCII, the common case,
    /// needs no validation pass.
    private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        return String(validating: bytes, as: UTF8.self)
    }

    private mutating func parseHex4() throws(JSONError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("expected four hex digits after \\u") }
        var code: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case 48...57: digit = UInt32(byte - 48)
            case 65...70: digit = UInt32(byte - 55)
            case 97...102: digit = UInt32(byte - 87)
            default: throw error("expected four hex digits after \\u")
            }
            code = code * 16 + digit
            position += 1
        }
        return code
    }
}
