/// Writes one JSON object a field at a time, for a caller that knows its keys and gives them
/// in the order ``JSONWriter`` writes keys (by their bytes): the same bytes as an object of
/// those fields written by `JSONWriter`, without the object to build first.
///
/// It owns the bytes while it writes: move them in and take them back with ``finish()``,
///
///     var object = JSONObjectWriter(appendingTo: output, pretty: true, indent: 2)
///     output = []
///     object.field("seq", .integer(4))
///     output = object.finish()
public struct JSONObjectWriter {
    private var output: [UInt8]
    private let pretty: Bool
    private let indent: Int
    private var count = 0

    /// Starts an object after the bytes of `output`, indented `indent` levels when `pretty`.
    public init(appendingTo output: [UInt8], pretty: Bool, indent: Int) {
        self.output = output
        self.pretty = pretty
        self.indent = indent
        self.output.append(UInt8(ascii: "{"))
    }

    /// Appends a field. `key` is plain ASCII that needs no escape, like every key Werkvorm
    /// writes this way.
    public mutating func field(_ key: StaticString, _ value: LuaValue) {
        if count > 0 { output.append(UInt8(ascii: ",")) }
        count += 1
        JSONWriter.newline(&output, pretty: pretty, indent: indent + 1)
        output.append(UInt8(ascii: "\""))
        output.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        output.append(contentsOf: pretty ? "\": ".utf8 : "\":".utf8)
        JSONWriter.write(value, to: &output, pretty: pretty, indent: indent + 1)
    }

    /// Closes the object and gives back the bytes: those it started after, then the object.
    public mutating func finish() -> [UInt8] {
        if count > 0 {
            JSONWriter.newline(&output, pretty: pretty, indent: indent)
        }
        output.append(UInt8(ascii: "}"))
        var bytes: [UInt8] = []
        swap(&bytes, &output)
        return bytes
    }
}
