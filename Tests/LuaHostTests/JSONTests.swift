import LuaHost
import Testing

@Suite struct JSONTests {
    @Test func writesSortedKeysAndExactNumbers() {
        let value: LuaValue = ["b": 1, "a": [1.0, 0.1, 1e-7, 1e300], "é": "x\n\"y\"", "A": .null]
        #expect(JSONWriter.string(value) == #"{"A":null,"a":[1.0,0.1,1e-07,1e+300],"b":1,"é":"x\n\"y\""}"#)
        #expect(
            JSONWriter.string(["a": [1, 2], "b": .object([:])], pretty: true) == """
                {
                  "a": [
                    1,
                    2
                  ],
                  "b": {}
                }
                """)
    }

    @Test func writesEveryIntegerEscapeAndIndentExactly() throws {
        let integers: [Int64] = [0, 7, 9, 10, -1, -10, 1_234_567_890, .max, .min]
        #expect(JSONWriter.string(.array(integers.map { .integer($0) })) == "[0,7,9,10,-1,-10,1234567890,9223372036854775807,-9223372036854775808]")
        let controls = String(decoding: [0x00, 0x08, 0x09, 0x0A, 0x0C, 0x0D, 0x1F, 0x7F, 0x22, 0x5C, 0x2F], as: UTF8.self)
        #expect(JSONWriter.string(.string("a" + controls + "ë")) == #""a\u0000\b\t\n\f\r\u001f\u007f\"\\/ë""#)
        #expect(try JSONReader.parse(JSONWriter.string(.string(controls))) == .string(controls))
        // 70 levels deep: the indent runs past one copy of the spaces it is cut from
        var deep: LuaValue = "x"
        for _ in 0..<70 { deep = .array([deep]) }
        let lines = JSONWriter.string(deep, pretty: true).split(separator: "\n")
        #expect(lines[70] == Substring(String(repeating: " ", count: 140) + "\"x\""))
        #expect(lines.last == "]" && lines[69] == Substring(String(repeating: " ", count: 138) + "["))
        #expect(try JSONReader.parse(JSONWriter.string(deep, pretty: true)) == deep)
    }

    @Test func escapesEachASCIIByteWhereverItStands() {
        let named: [UInt8: String] = [0x22: "\\\"", 0x5C: "\\\\", 0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t", 0x08: "\\b", 0x0C: "\\f"]
        let hex = Array("0123456789abcdef")
        for byte in UInt8(0)...0x7F {
            let escaped =
                named[byte]
                ?? (byte < 0x20 || byte == 0x7F ? "\\u00\(hex[Int(byte >> 4)])\(hex[Int(byte & 0x0F)])" : String(UnicodeScalar(byte)))
            // before, inside and after a group of eight, in strings shorter and longer than one
            for offset in 0..<17 {
                let text = String(repeating: "a", count: offset) + String(UnicodeScalar(byte)) + String(repeating: "é", count: 16 - offset)
                let expected = "\"" + String(repeating: "a", count: offset) + escaped + String(repeating: "é", count: 16 - offset) + "\""
                if JSONWriter.string(.string(text)) != expected {
                    Issue.record("byte \(byte) at \(offset): \(JSONWriter.string(.string(text)))")
                }
            }
        }
    }

    @Test func readsEscapesAndSurrogates() throws {
        #expect(try JSONReader.parse(#"["\u00eb\ud83d\ude00\n\t\/", -0, 12, 1.5e2, 1E-2]"#) == ["ë😀\n\t/", 0, 12, 150.0, 0.01])
    }

    /// A text without escapes is read in one pass, one with an escape byte by byte: both give
    /// the same, and both refuse what is not JSON text at the same place.
    @Test func readsTextsWithAndWithoutEscapes() throws {
        #expect(
            try JSONReader.parse(#"["", "dot", "anonymous-1000", "één café", "a\"b", "plain then \u00e9"]"#) == ["", "dot", "anonymous-1000", "één café", "a\"b", "plain then é"])
        #expect(throws: JSONError(line: 1, column: 5, message: "a control character inside a text must be escaped (\\n, \\t, \\u00XX)")) {
            try JSONReader.parse("[\"ab\u{9}c\"]")
        }
        #expect(throws: JSONError(line: 1, column: 2, message: "the text is not valid UTF-8")) { try JSONReader.parse(bytes: Array(#"["é"#.utf8) + [0xFF] + Array(#""]"#.utf8)) }
        #expect(throws: JSONError(line: 1, column: 2, message: "the JSON ends inside a text; a closing '\"' is missing")) { try JSONReader.parse(#"["ab"#) }
    }

    @Test(arguments: [
        ("{\"a\": 1,\n \"b\" 2}", "line 2, column 6: expected ':' after the field name \"b\""),
        ("[1, 2", "line 1, column 6: the JSON ends inside a list; expected ',' or ']'"),
        ("{\"a\": 1, \"a\": 2}", "line 1, column 10: the field \"a\" appears twice"),
        ("{\"b\": 1, \"a\": 2, \"b\": 3}", "line 1, column 18: the field \"b\" appears twice"),  // out of order
        ("{\"a\": 1, \"b\": 2, \"b\": 3}", "line 1, column 18: the field \"b\" appears twice"),  // in order
        ("\"abc", "line 1, column 1: the JSON ends inside a text; a closing '\"' is missing"),
        ("[1] x", "line 1, column 5: unexpected text after the end of the JSON value"),
        ("99999999999999999999", "line 1, column 1: the integer 99999999999999999999 is too large (the range is ±9223372036854775807)"),
        ("[tru]", "line 1, column 2: expected 'true'"),
        ("{'a': 1}", "line 1, column 2: expected a field name in double quotes"),
        ("[01]", "line 1, column 3: expected ',' or ']' after a list element"),
        ("\"\\x\"", "line 1, column 2: unknown escape '\\x'"),
        ("", "line 1, column 1: the JSON ends where a value was expected"),
    ])
    func errorsAreLocated(text: String, message: String) {
        #expect(throws: JSONError.self) { try JSONReader.parse(text) }
        do {
            _ = try JSONReader.parse(text)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func readsIntegersToTheEdgesOfTheirRange() throws {
        #expect(try JSONReader.parse("[9223372036854775807, -9223372036854775808, -7, 0]") == [.integer(.max), .integer(.min), -7, 0])
        #expect(throws: JSONError(line: 1, column: 2, message: "the integer -9223372036854775809 is too large (the range is ±9223372036854775807)")) {
            try JSONReader.parse("[-9223372036854775809]")
        }
    }

    @Test func streamsTheElementsOfOneTopLevelList() throws {
        let text = #"{"events": [{"n": 1}, [2], "drie"], "inner": {"events": [4]}, "z": 5}"#
        var elements: [LuaValue] = []
        let value = try Array(text.utf8).withUnsafeBytes { buffer in
            try JSONReader.parse(buffer: buffer, streaming: "events") { (reader: inout JSONReader) throws(JSONError) in elements.append(try reader.readValue()) }
        }
        #expect(elements == [["n": 1], [2], "drie"])
        // the streamed list is left empty; the same key deeper down is read as usual
        #expect(value == ["events": [], "inner": ["events": [4]], "z": 5])
    }

    @Test func aStreamedListsErrorsAreLocated() {
        let text = "{\"events\": [\n  {\"n\": 1},\n  {\"n\" 2}\n]}"
        var count = 0
        #expect(throws: JSONError(line: 3, column: 8, message: "expected ':' after the field name \"n\"")) {
            try Array(text.utf8).withUnsafeBytes { buffer in
                try JSONReader.parse(buffer: buffer, streaming: "events") { (reader: inout JSONReader) throws(JSONError) in
                    _ = try reader.readValue()
                    count += 1
                }
            }
        }
        #expect(count == 1)
    }

    /// Reads `text` with `body`, which reads a value a part at a time.
    private func read<T>(_ text: String, _ body: (inout JSONReader) throws(JSONError) -> T) throws(JSONError) -> T {
        try Array(text.utf8).withUnsafeBytes { buffer in Result { () throws(JSONError) in try JSONReader.read(buffer: buffer, body) } }.get()
    }

    @Test func readsAnObjectByItsKnownKeysAndOthers() throws {
        let keys = JSONKeys(["step", "input", "fields"])
        var seen: [String] = []
        try read(#"{"input": "dot", "st\u0065p": 3, "other": [1, {"a": "}"}], "fields": {"note": 1}, "": null}"#) { (reader: inout JSONReader) throws(JSONError) in
            try reader.readObject(keys: keys) { (key, reader: inout JSONReader) throws(JSONError) in
                switch key {
                case .known(let index): seen.append("\(keys.names[index])=\(JSONWriter.string(try reader.readValue()))")
                case .other(let name):
                    seen.append("other \(name)")
                    try reader.skipValue()
                }
            }
        }
        // an escaped key is still the known one
        #expect(seen == [#"input="dot""#, "step=3", "other other", #"fields={"note":1}"#, "other "])
    }

    @Test func aKnownKeyIsMatchedByEveryByteWhateverItsLengthAndPlace() throws {
        // 7 to 17 bytes, around the two words a short key is compared by; one not ASCII
        let known = ["a234567", "b2345678", "c23456789", "d23456789012345", "e234567890123456", "f2345678901234567", "é-sleutel"]
        let keys = JSONKeys(known)
        // a byte off at the start, in the middle, at the end; one shorter, one longer
        let others = ["a234568", "b2345679", "c2345678", "d23456789012346", "e234567890123457", "f2345678901234568", "f23456789012345670", "é-sleuteL", "x"]
        func names(_ text: String) throws(JSONError) -> [String] {
            var names: [String] = []
            try read(text) { (reader: inout JSONReader) throws(JSONError) in
                try reader.readObject(keys: keys) { (key, reader: inout JSONReader) throws(JSONError) in
                    switch key {
                    case .known(let index): names.append("known " + keys.names[index])
                    case .other(let name): names.append("other " + name)
                    }
                    try reader.skipValue()
                }
            }
            return names
        }
        let expected = known.map { "known " + $0 } + others.map { "other " + $0 }
        let object = "{" + (known + others).map { "\"\($0)\": 1" }.joined(separator: ", ") + "}"
        #expect(try names(object) == expected)
        // each key last, where fewer than 16 bytes follow it
        for name in known + others {
            #expect(try names("{\"\(name)\":1}") == [(known.contains(name) ? "known " : "other ") + name])
        }
    }

    @Test func aKeyTwiceIsAnErrorAlsoWhenKnownAndTextAfterTheValueToo() {
        let keys = JSONKeys(["step"])
        func readAll(_ text: String) throws(JSONError) {
            try read(text) { (reader: inout JSONReader) throws(JSONError) in
                try reader.readObject(keys: keys) { (_, reader: inout JSONReader) throws(JSONError) in try reader.skipValue() }
            }
        }
        #expect(throws: JSONError(line: 1, column: 13, message: "the field \"step\" appears twice")) { try readAll(#"{"step": 1, "step": 2}"#) }
        #expect(throws: JSONError(line: 1, column: 10, message: "the field \"x\" appears twice")) { try readAll(#"{"x": 1, "x": 2}"#) }
        #expect(throws: JSONError(line: 1, column: 13, message: "unexpected text after the end of the JSON value")) { try readAll(#"{"step": 1} 2"#) }
        #expect(throws: JSONError(line: 1, column: 1, message: "expected an object")) { try readAll("[1]") }
    }

    @Test func skippingAnObjectFindsAKeyTwiceAsReadingItWholeDoes() throws {
        func skip(_ text: String) throws(JSONError) { try read(text) { (reader: inout JSONReader) throws(JSONError) in try reader.skipValue() } }
        // many keys, so that their hashes share bits: none of them twice
        let many = "{" + (1...200).map { "\"key \($0)\": \($0)" }.joined(separator: ", ") + "}"
        #expect(throws: Never.self) { try skip(many) }
        for text in [
            #"{"a": 1, "b": {"x": 1, "y": [], "x": 2}}"#, #"{"ab": 1, "\u0061b": 2}"#,
            "{" + (1...200).map { "\"key \($0)\": \($0)" }.joined(separator: ", ") + #", "key 117": 0}"#,
        ] {
            var whole: JSONError?
            do { _ = try JSONReader.parse(text) } catch { whole = error }
            #expect(whole?.message.hasSuffix("appears twice") == true)
            #expect(throws: whole!) { try skip(text) }
        }
    }

    @Test func skippingAValueStillChecksItsSyntax() {
        func skip(_ text: String) throws(JSONError) { try read(text) { (reader: inout JSONReader) throws(JSONError) in try reader.skipValue() } }
        #expect(throws: Never.self) { try skip(#"{"a": ["b\n", 1.5e3, {"c": [true, false, null]}]}"#) }
        #expect(throws: JSONError(line: 1, column: 10, message: "expected ',' or ']' after a list element")) { try skip(#"{"a": [1 2]}"#) }
        #expect(throws: JSONError(line: 1, column: 7, message: "the JSON ends inside a text; a closing '\"' is missing")) { try skip(#"{"a": "b"#) }
        #expect(throws: JSONError(line: 1, column: 9, message: "unknown escape '\\q'")) { try skip(#"{"a": "b\q"}"#) }
        // a text that is not UTF-8 fails as it does when read whole
        let notUTF8: [UInt8] = Array(#"{"a": "re"#.utf8) + [0xC7, 0xC7] + Array(#""}"#.utf8)
        #expect(throws: JSONError(line: 1, column: 7, message: "the text is not valid UTF-8")) {
            try notUTF8.withUnsafeBytes { buffer in
                Result { () throws(JSONError) in try JSONReader.read(buffer: buffer) { (reader: inout JSONReader) throws(JSONError) in try reader.skipValue() } }
            }.get()
        }
        #expect(throws: JSONError(line: 1, column: 7, message: "the text is not valid UTF-8")) { try JSONReader.parse(bytes: notUTF8) }
    }

    @Test func refusesDeepNesting() {
        let text = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        #expect(throws: JSONError(line: 1, column: 201, message: "lists and objects nest more than 200 deep")) {
            try JSONReader.parse(text)
        }
    }
}
