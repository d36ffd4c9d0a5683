import FuzzSupport
import LuaHost

/// LuaHost's JSON reader. What it reads, written by `JSONWriter` (on one line and indented) and
/// read again, is the same value, and written again the same bytes; a top-level object read
/// with its `events` streamed (as records are) is the same as read whole.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let value: LuaValue
    do {
        value = try JSONReader.parse(buffer: bytes)
    } catch {
        Fuzz.check(error.line >= 1 && error.column >= 1, "a JSON error without its place: \(error)")
        // streaming reads the same syntax, so it fails too
        var streamed = false
        do {
            _ = try JSONReader.parse(buffer: bytes, streaming: "events") { (reader: inout JSONReader) throws(JSONError) in try reader.skipValue() }
            streamed = true
        } catch {}
        Fuzz.check(!streamed, "read with its events streamed, JSON that does not read whole: \(error)")
        return 0
    }
    for pretty in [false, true] {
        let written = JSONWriter.string(value, pretty: pretty)
        let again: LuaValue
        do {
            again = try JSONReader.parse(written)
        } catch {
            Fuzz.check(false, "the writer's JSON does not read back (pretty: \(pretty)): \(error)\n\(written)")
            return 0
        }
        Fuzz.check(again == value, "the writer's JSON reads back as another value (pretty: \(pretty)):\n\(written)")
        Fuzz.check(JSONWriter.string(again, pretty: pretty) == written, "written twice, different JSON (pretty: \(pretty)):\n\(written)")
    }
    var elements: [LuaValue] = []
    let streamed: LuaValue
    do {
        streamed = try JSONReader.parse(buffer: bytes, streaming: "events") { (reader: inout JSONReader) throws(JSONError) in elements.append(try reader.readValue()) }
    } catch {
        Fuzz.check(false, "JSON that reads whole does not read with its events streamed: \(error)")
        return 0
    }
    // skipping the events checks the same syntax, and so does reading them by known keys
    var skipped = 0
    do {
        let keys = JSONKeys(["step", "input", "fields", "result"])
        _ = try JSONReader.parse(buffer: bytes, streaming: "events") { (reader: inout JSONReader) throws(JSONError) in
            if skipped % 2 == 0 || !reader.atObject {
                try reader.skipValue()
            } else {
                try reader.readObject(keys: keys) { (_, reader: inout JSONReader) throws(JSONError) in _ = try reader.readValue() }
            }
            skipped += 1
        }
    } catch {
        Fuzz.check(false, "JSON that reads whole does not read with its events skipped: \(error)")
    }
    Fuzz.check(skipped == elements.count, "skipping saw \(skipped) events, reading \(elements.count)")
    if case .object(var fields) = value, case .array(let events)? = fields["events"] {
        Fuzz.check(streamed.objectValue?["events"] == .array([]), "the streamed field is not left as an empty list")
        Fuzz.check(events == elements, "the streamed events differ from the events read whole")
        fields["events"] = .array([])
        Fuzz.check(streamed == .object(fields), "with its events streamed, the rest of the object differs")
    } else {
        Fuzz.check(elements.isEmpty && streamed == value, "streamed events where there is no top-level list of events")
    }
    return 0
}

/// The entry point: SwiftPM links `main` to `FuzzJSON_main`.
@_cdecl("FuzzJSON_main")
public func fuzzJSONMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    Fuzz.main(argc, argv, fuzzJSON)
}
