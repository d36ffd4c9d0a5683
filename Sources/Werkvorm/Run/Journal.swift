import Crypto
import Foundation
import LuaHost

/// The journal of a running session, beside its record (`RECORD.json.journal`): a header line,
/// then every event as one JSON line with its sequence number, written and synced to disk
/// *before* the event is applied. Events that arrive together are written and synced once
/// (group commit). After a crash or a kill, the journal rebuilds the session; nothing entered
/// is lost.
///
/// The journal is created exclusively and locked while its run lasts, so a second run on the
/// same record is refused, naming the first.
public final class Journal {
    /// Where it is.
    public let url: URL
    /// What its header says.
    public let header: Header
    private let descriptor: Int32

    /// A journal's first line: what the run was started with.
    public struct Header: Sendable, Hashable {
        public var seed: Int64
        public var scriptSHA256: String
        /// Whether names were replaced by pseudonyms before anything was journalled.
        public var anonymise: Bool
        /// The process that started the run, and when (ISO 8601), to name it to a second run.
        public var process: Int
        public var started: String

        var value: LuaValue {
            [
                "journal": "werkvorm", "version": 2, "seed": .integer(seed), "script_sha256": .string(scriptSHA256),
                "anonymise": .bool(anonymise), "process": .integer(Int64(process)), "started": .string(started),
            ]
        }

        init(seed: Int64, scriptSHA256: String, anonymise: Bool) {
            self.seed = seed
            self.scriptSHA256 = scriptSHA256
            self.anonymise = anonymise
            process = Int(getpid())
            started = ISO8601DateFormatter().string(from: Date())
        }

        init?(_ value: LuaValue) {
            guard value["journal"] == "werkvorm", let seed = value["seed"]?.integerValue, let hash = value["script_sha256"]?.stringValue else { return nil }
            self.seed = seed
            scriptSHA256 = hash
            anonymise = value["anonymise"]?.boolValue ?? false
            process = Int(value["process"]?.integerValue ?? 0)
            started = value["started"]?.stringValue ?? "?"
        }

        /// "the run of process 1234, started 2026-12-01T10:02:17Z"
        var run: String { process > 0 ? "the run of process \(process), started \(started)" : "another run" }
    }

    /// The journal beside a record.
    public static func url(forRecord record: URL) -> URL {
        record.appendingPathExtension("journal")
    }

    /// Starts a new journal, created exclusively: it is made under a unique name beside the
    /// record, locked, its header written and synced, and only then linked to its own name,
    /// which fails if a journal is there. So a journal is never seen unlocked while its run
    /// lives, a second run is refused naming the first, and a symbolic link is never followed.
    public init(creating url: URL, seed: Int64, scriptText: String, anonymise: Bool) throws(Problem) {
        let shown = Journal.shownPath(url)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: .min ... .max))").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)  // the trainer's alone: it holds every input
        guard descriptor >= 0 else {
            throw Problem(file: shown, "cannot create the journal (\(String(cString: strerror(errno)))); check that the record's directory exists and is writable")
        }
        defer { unlink(temporary) }  // the journal keeps its own name
        header = Header(seed: seed, scriptSHA256: Journal.sha256(scriptText), anonymise: anonymise)
        let written = flock(descriptor, LOCK_EX | LOCK_NB) == 0 ? writeAndSync(descriptor, Array((JSONWriter.string(header.value) + "\n").utf8)) : errno
        guard written == 0 else {
            close(descriptor)
            throw Journal.writeProblem(url, written)
        }
        guard link(temporary, url.path) == 0 else {
            let failure = errno
            close(descriptor)
            guard failure == EEXIST else {
                throw Problem(file: shown, "cannot create the journal (\(String(cString: strerror(failure)))); check that the record's directory exists and is writable")
            }
            if let other = try? Journal.read(url, keepsLastLine: true), other.running {
                throw Problem(file: shown, "\(other.header.run) is recording this session; wait for it to end, or choose another --record")
            }
            if !FileManager.default.fileExists(atPath: url.path) {
                throw Problem(file: shown, "another run was recording this session and has just ended; run again to replace its record, or choose another --record")
            }
            throw Problem(file: shown, "a run of this record was interrupted; go on with --resume, or remove the journal to start over")
        }
        self.url = url
        self.descriptor = descriptor
    }

    /// Opens a journal to go on with its run: read and checked whole first, then locked, and a
    /// last line cut short by a kill is cut off (its event was never applied).
    public init(resuming url: URL) throws(Problems) {
        let shown = Journal.shownPath(url)
        let descriptor = open(url.path, O_RDWR | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            let failure = errno
            if failure == ENOENT { throw Problems([Problem(file: shown, "there is no journal to resume from; run without --resume to start the session")]) }
            if failure == ELOOP { throw Problems([Problem(file: shown, "is a symbolic link; a journal must be a file of its own")]) }
            throw Problems([Problem(file: shown, "cannot open the journal (\(String(cString: strerror(failure))))")])
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            let other = (try? Journal.read(url, keepsLastLine: true))?.header.run ?? "another run"
            throw Problems([Problem(file: shown, "\(other) is recording this session; wait for it to end, or choose another --record")])
        }
        let contents: Contents
        do {
            contents = try Journal.read(url, keepsLastLine: false)
        } catch {
            close(descriptor)
            throw error
        }
        if let kept = contents.cutAt {
            guard ftruncate(descriptor, off_t(kept)) == 0 else {
                close(descriptor)
                throw Problems([Problem(file: shown, "cannot cut off the journal's unfinished last line (\(String(cString: strerror(errno))))")])
            }
        }
        lseek(descriptor, 0, SEEK_END)
        self.url = url
        self.descriptor = descriptor
        header = contents.header
        events = contents.events
    }

    /// The events read back when resuming, as they were journalled.
    public private(set) var events: [SessionEvent] = []

    deinit {
        close(descriptor)  // and with it the lock
    }

    /// Writes events and syncs them to disk once: when this returns, they are safe.
    public func append(_ events: [SessionEvent]) throws(Problem) {
        var bytes: [UInt8] = []
        for event in events {
            event.write(to: &bytes)
            bytes.append(0x0A)
        }
        try write(bytes)
    }

    private func write(_ bytes: [UInt8]) throws(Problem) {
        let failure = writeAndSync(descriptor, bytes)
        guard failure == 0 else { throw Journal.writeProblem(url, failure) }
    }

    private static func writeProblem(_ url: URL, _ failure: Int32) -> Problem {
        let cause = failure == ENOSPC ? "the disk is full" : String(cString: strerror(failure))
        return Problem(
            file: shownPath(url),
            "cannot write the journal (\(cause)); the session stops here and loses nothing before this event: free the disk or fix the cause, then go on with --resume")
    }

    /// Reads back every event journalled so far, in order, a few megabytes of lines at a time:
    /// what a record is written from when the run did not keep its events.
    public func readEvents(_ body: ([SessionEvent]) -> Void) throws(Problem) {
        let shown = Journal.shownPath(url)
        let reading = open(url.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard reading >= 0 else { throw Problem(file: shown, "cannot read the journal back (\(String(cString: strerror(errno))))") }
        defer { close(reading) }
        var pending: [UInt8] = []  // a line not yet ended
        var line = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 22)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(reading, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw Problem(file: shown, "cannot read the journal back (\(String(cString: strerror(errno))))") }
            guard count > 0 else { break }
            guard let end = chunk[..<count].lastIndex(of: 0x0A) else {
                pending += chunk[..<count]
                continue
            }
            var lines = SessionEvent.Lines(bytes: pending + chunk[..<end], file: shown, after: line)
            pending = Array(chunk[(end + 1)..<count])
            if line == 0 { lines.skipLine() }  // the header
            while !lines.atEnd {
                let group = lines.next(4096)
                if var problem = lines.problems.first {
                    problem.message += "; the journal is damaged at this line"
                    throw problem
                }
                body(group.map(\.event))
            }
            line = lines.line
        }
        guard pending.isEmpty else { throw Problem(file: shown, line: line + 1, "is cut short; the journal is damaged at this line") }
    }

    /// Removes the journal, once its record is written.
    public func remove() {
        unlink(url.path)
    }

    /// What a journal holds: its header, its events, and where an unfinished last line starts.
    struct Contents {
        var header: Header
        var events: [SessionEvent]
        var cutAt: Int?
        /// Whether a run holds its lock now.
        var running = false
    }

    /// Reads a journal whole and checks every line before anything is changed.
    static func read(_ url: URL, keepsLastLine: Bool) throws(Problems) -> Contents {
        let shown = shownPath(url)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw Problems([Problem(file: shown, "there is no journal to resume from; run without --resume to start the session")])
        }
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        var cutAt: Int?
        if data.last != 0x0A, let last = lines.popLast() {
            cutAt = data.count - last.count  // the kill came while this line was written
        } else if lines.last?.isEmpty == true {
            lines.removeLast()
        }
        guard let first = lines.first, let value = try? JSONReader.parse(String(decoding: first, as: UTF8.self)), let header = Header(value) else {
            throw Problems([Problem(file: shown, line: 1, "is not a Werkvorm journal (its first line must be the journal header); nothing was changed")])
        }
        var events: [SessionEvent] = []
        for (offset, line) in lines.enumerated().dropFirst() {
            do {
                events.append(try SessionEvent(try JSONReader.parse(String(decoding: line, as: UTF8.self))))
            } catch let error as Problem {
                throw Problems([Problem(file: shown, line: offset + 1, field: error.field, error.message + "; the journal is damaged at this line, and nothing was changed")])
            } catch {
                throw Problems([Problem(file: shown, line: offset + 1, "\(error); the journal is damaged at this line, and nothing was changed")])
            }
        }
        var contents = Contents(header: header, events: events, cutAt: keepsLastLine ? nil : cutAt)
        let probe = open(url.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        if probe >= 0 {
            contents.running = flock(probe, LOCK_SH | LOCK_NB) != 0
            close(probe)
        }
        return contents
    }

    /// The SHA-256 of a text, in lowercase hex.
    public static func sha256(_ text: String) -> String {
        var text = text
        let digest = text.withUTF8 { SHA256.hash(data: UnsafeRawBufferPointer($0)) }
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in digest {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// A path as messages show it: as the user gave it.
    static func shownPath(_ url: URL) -> String {
        url.relativePath
    }
}
