import Crypto
import Foundation
import LuaHost

/// The journal of a running session, beside its record (`RECORD.json.journal`): a header line,
/// then every event as one JSON line, appended and flushed to disk *before* the event is applied.
/// After a crash or a kill, the journal rebuilds the session; nothing entered is lost.
public final class Journal {
    /// Where it is.
    public let url: URL
    private let handle: FileHandle

    /// The journal beside a record.
    public static func url(forRecord record: URL) -> URL {
        record.appendingPathExtension("journal")
    }

    /// Starts a new journal with a header naming the script (by its SHA-256) and the seed.
    public init(creating url: URL, scriptText: String, seed: Int64) throws {
        let header: LuaValue = [
            "journal": "werkvorm", "version": 1, "seed": .integer(seed),
            "script_sha256": .string(Journal.sha256(scriptText)),
        ]
        guard FileManager.default.createFile(atPath: url.path, contents: Data((JSONWriter.string(header) + "\n").utf8)) else {
            throw Problem(file: url.path, "cannot create the journal; check that the record's directory exists and is writable")
        }
        self.url = url
        handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.synchronize()
    }

    /// Opens an existing journal to add to it.
    public init(appendingTo url: URL) throws {
        self.url = url
        handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
    }

    deinit {
        try? handle.close()
    }

    /// Writes one event and flushes it to disk.
    public func append(_ event: SessionEvent) throws {
        try handle.write(contentsOf: Data((JSONWriter.string(event.value) + "\n").utf8))
        try handle.synchronize()
    }

    /// What a journal holds: its seed, its script's hash, and the events in order. A last line
    /// cut short by a kill is left out (its event was never applied); it is cut off the file.
    public static func read(_ url: URL) throws(Problems) -> (seed: Int64, scriptSHA256: String, events: [SessionEvent]) {
        let path = url.path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problems([Problem(file: path, "there is no journal to resume from; run without --resume to start the session")])
        }
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let last = lines.last, !text.hasSuffix("\n") {
            // the kill came while this line was written: drop it from the file too
            lines.removeLast()
            let kept = data.count - last.utf8.count
            if let handle = try? FileHandle(forWritingTo: url) {
                try? handle.truncate(atOffset: UInt64(kept))
                try? handle.close()
            }
        } else if lines.last == "" {
            lines.removeLast()
        }
        guard let first = lines.first, let header = try? JSONReader.parse(first),
            header["journal"] == "werkvorm", let seed = header["seed"]?.integerValue, let hash = header["script_sha256"]?.stringValue
        else {
            throw Problems([Problem(file: path, line: 1, "is not a Werkvorm journal (its first line must be the journal header)")])
        }
        var events: [SessionEvent] = []
        for (offset, line) in lines.enumerated().dropFirst() {
            do {
                events.append(try SessionEvent(try JSONReader.parse(line)))
            } catch let error as Problem {
                throw Problems([error.located(file: path, line: offset + 1)])
            } catch {
                throw Problems([Problem(file: path, line: offset + 1, "\(error); the journal is damaged at this line")])
            }
        }
        return (seed, hash, events)
    }

    /// The SHA-256 of a text, in lowercase hex.
    public static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
