import Foundation

// Reading a value a part at a time: an object a field at a time (its known keys matched by their
// bytes), a value whole, or a value skipped with its syntax still checked.
extension JSONReader {
    /// Where the reader is, in bytes from the start of the buffer.
    public var offset: Int { position }

    /// Skips white space up to the next value.
    public mutating func skipToValue() {
        skipWhitespace()
    }

    /// Whether the next value is an object.
    public var atObject: Bool {
        var probe = self
        probe.skipWhitespace()
        return probe.position < bytes.count && bytes[probe.position] == UInt8(ascii: "{")
    }

    /// Reads the next value whole.
    public mutating func readValue() throws(JSONError) -> LuaValue {
        skipWhitespace()
        return try parseValue()
    }

    /// Reads the next value, an object, a field at a time: `field` gets each key, those `keys`
    /// knows matched by their bytes, with the reader at its value, and must read that value. A
    /// key that appears twice is an error, as when the object is read whole.
    public mutating func readObject(keys: JSONKeys, _ field: (JSONKey, inout JSONReader) throws(JSONError) -> Void) throws(JSONError) {
        var fields = try beginObject(keys: keys)
        while let key = try nextField(&fields) { try field(key, &self) }
    }

    /// An object being read a field at a time with ``nextField(_:)``: what it has seen of its keys.
    public struct ObjectFields {
        fileprivate let keys: JSONKeys
        /// Where the object starts, to look for a key again among those before.
        fileprivate let start: Int
        fileprivate var first = true
        /// The known keys seen, one bit each.
        fileprivate var seenKnown: UInt64 = 0
        /// The other keys seen, one bit of 64 by a hash of their text: only when its bit is set
        /// already are the keys before looked at again.
        fileprivate var seenOther: UInt64 = 0
        /// How many other keys there were.
        fileprivate var otherCount = 0
        /// Past 16 other keys, all the keys so far, to look a key up in.
        fileprivate var others: Set<String>?
    }

    /// Starts reading the next value, an object, a field at a time: call ``nextField(_:)``
    /// until it gives nil, reading each field's value in between (``readValue()``,
    /// ``skipValue()``...). The same as ``readObject(keys:_:)``, without a closure.
    public mutating func beginObject(keys: JSONKeys) throws(JSONError) -> ObjectFields {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "{") else { throw error("expected an object") }
        let start = position
        try enter()
        position += 1
        return ObjectFields(keys: keys, start: start)
    }

    /// The next field's key, with the reader at its value, which must be read before the next
    /// call; nil past the object's end. A key that appears twice is an error, as when the object
    /// is read whole.
    public mutating func nextField(_ fields: inout ObjectFields) throws(JSONError) -> JSONKey? {
        skipWhitespace()
        if fields.first {
            fields.first = false
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                position += 1
                depth -= 1
                return nil
            }
        } else {
            guard position < bytes.count else { throw error("the JSON ends inside an object; expected ',' or '}'") }
            if bytes[position] == UInt8(ascii: "}") {
                position += 1
                depth -= 1
                return nil
            }
            guard bytes[position] == UInt8(ascii: ",") else { throw error("expected ',' or '}' after a field") }
            position += 1
            skipWhitespace()
        }
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
            throw error("expected a field name in double quotes")
        }
        let keyStart = position
        let key = try parseKey(fields.keys)
        switch key {
        case .known(let index):
            guard fields.seenKnown & (1 << index) == 0 else { throw error("the field \(JSONWriter.quoted(fields.keys.names[index])) appears twice", at: keyStart) }
            fields.seenKnown |= 1 << index
        case .other(let text):
            fields.otherCount += 1
            if fields.otherCount > 16 {  // a large object: its keys in a set
                if fields.others == nil { fields.others = try keys(of: fields, before: keyStart) }
                guard fields.others?.insert(text).inserted ?? true else { throw error("the field \(JSONWriter.quoted(text)) appears twice", at: keyStart) }
            } else {
                let bit: UInt64 = 1 << UInt64(JSONReader.cheapHash(text) & 63)
                if fields.seenOther & bit != 0, try keys(of: fields, before: keyStart).contains(text) {
                    throw error("the field \(JSONWriter.quoted(text)) appears twice", at: keyStart)
                }
                fields.seenOther |= bit
            }
        }
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
            throw error("expected ':' after the field name \(JSONWriter.quoted(key.name(in: fields.keys)))")
        }
        position += 1
        skipWhitespace()
        return key
    }

    /// A cheap hash of a text: its length and its first and last bytes.
    private static func cheapHash(_ text: String) -> Int {
        func hash(_ utf8: UnsafeBufferPointer<UInt8>) -> Int { utf8.count &* 31 &+ Int(utf8.first ?? 0) &* 7 &+ Int(utf8.last ?? 0) }
        return text.utf8.withContiguousStorageIfAvailable(hash) ?? Array(text.utf8).withUnsafeBufferPointer(hash)
    }

    /// The keys of the object being read, before `end` (read again).
    private func keys(of fields: ObjectFields, before end: Int) throws(JSONError) -> Set<String> {
        var reader = self
        reader.position = fields.start + 1
        var keys: Set<String> = []
        while true {
            reader.skipWhitespace()
            guard reader.position < end else { return keys }
            if reader.bytes[reader.position] == UInt8(ascii: ",") {
                reader.position += 1
                reader.skipWhitespace()
                guard reader.position < end else { return keys }
            }
            keys.insert(try reader.parseString())
            reader.skipWhitespace()
            reader.position += 1  // the ':', checked when it was read
            try reader.skipValue()
        }
    }

    /// Reads past the next value, checking its syntax but keeping nothing of it.
    public mutating func skipValue() throws(JSONError) {
        skipWhitespace()
        guard position < bytes.count else { throw error("the JSON ends where a value was expected") }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            var fields = try beginObject(keys: JSONKeys.none)
            while try nextField(&fields) != nil { try skipValue() }
        case UInt8(ascii: "["): try parseArray { (reader: inout JSONReader) throws(JSONError) in try reader.skipValue() }
        case UInt8(ascii: "\""): try skipString()
        default: _ = try parseValue()  // a number, true, false or null: nothing to keep anyway
        }
    }

    /// Reads past a text, checking its escapes and its UTF-8, without making it a string.
    private mutating func skipString() throws(JSONError) {
        let start = position
        position += 1
        var ascii = true
        while true {
            guard position < bytes.count else { throw error("the JSON ends inside a text; a closing '\"' is missing", at: start) }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                if !ascii, !JSONReader.isUTF8(UnsafeBufferPointer(rebasing: bytes[(start + 1)..<(position - 1)])) {
                    throw error("the text is not valid UTF-8", at: start)
                }
                return
            }
            if byte < 0x20 { throw error("a control character inside a text must be escaped (\\n, \\t, \\u00XX)") }
            if byte >= 0x80 { ascii = false }
            guard byte == UInt8(ascii: "\\") else {
                position += 1
                continue
            }
            position = start
            _ = try parseString()  // escapes are rare: read this one in full
            return
        }
    }

    /// Whether the bytes are valid UTF-8, checked without making a string.
    private static func isUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
