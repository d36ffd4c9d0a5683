import Foundation

/// Writes all of `bytes` to an open file and syncs it to disk: 0 when they are safe, else the
/// `errno` of the write or the sync that failed. What the journal and the record write with.
func writeAndSync(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32 {
    let failure = writeAll(descriptor, bytes)
    return failure != 0 ? failure : (fsync(descriptor) == 0 ? 0 : errno)
}

/// Writes all of `bytes` to an open file: 0, or the `errno` of the write that failed.
private func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32 {
    var written = 0
    while written < bytes.count {
        let count = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + written, $0.count - written) }
        if count < 0 {
            if errno == EINTR { continue }
            return errno
        }
        written += count
    }
    return 0
}

/// Why a file could not be written, and what to do.
public struct FileWriteError: Error, Sendable, CustomStringConvertible {
    /// What went wrong ("cannot write the record: the disk is full").
    public var message: String
    /// What to do about it ("free some space").
    public var remedy: String

    public var description: String { "\(message); \(remedy)" }
}

/// Writes `bytes` as the whole of the file at `url`: to a new temporary file beside it (a
/// unique name, created exclusively, never following a symbolic link), synced, then renamed
/// over it. So the file is never half written, a failed write leaves nothing behind, and a link
/// planted at the file or at a temporary name is replaced, never followed. `what` names the
/// file in errors ("the record", "the report").
public func replaceFile(at url: URL, with bytes: [UInt8], mode: mode_t = 0o644, what: String) throws(FileWriteError) {
    try replaceFile(at: url, mode: mode, what: what) { output in output.bytes = bytes }
}

/// Bytes on their way to a file: `write` appends to ``bytes``, and ``flushIfFull()`` writes
/// them out once they pass a megabyte, so that a large file is never whole in memory.
public struct FileOutput {
    fileprivate let descriptor: Int32
    /// What is not written out yet.
    public var bytes: [UInt8] = []
    /// The `errno` of the first write that failed; 0 while all went well.
    fileprivate var failure: Int32 = 0

    /// Writes out what there is when it is a megabyte or more.
    public mutating func flushIfFull() {
        if bytes.count >= 1 << 20 { flush() }
    }

    fileprivate mutating func flush() {
        if failure == 0 { failure = writeAll(descriptor, bytes) }
        bytes.removeAll(keepingCapacity: true)
    }
}

/// The same as ``replaceFile(at:with:mode:what:)``, with the bytes made by `write` as it goes.
/// When `write` throws, nothing is written and the file stays as it was.
public func replaceFile(at url: URL, mode: mode_t = 0o644, what: String, write: (inout FileOutput) throws(FileWriteError) -> Void) throws(FileWriteError) {
    let target = url.standardizedFileURL
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue {
        throw FileWriteError(message: "is a directory; \(what) must be a file", remedy: "remove or rename that directory, or choose another name")
    }
    let directory = target.deletingLastPathComponent()
    let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).\(UInt32.random(in: .min ... .max)).partial").path
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
    guard descriptor >= 0 else { throw writeError(errno, what: what) }
    var output = FileOutput(descriptor: descriptor)
    do {
        try write(&output)
    } catch {
        close(descriptor)
        unlink(temporary)
        throw error
    }
    output.flush()
    let synced = output.failure != 0 ? output.failure : (fsync(descriptor) == 0 ? 0 : errno)
    close(descriptor)
    guard synced == 0 else {
        unlink(temporary)
        throw writeError(synced, what: what)
    }
    guard rename(temporary, target.path) == 0 else {  // atomic; replaces a link, not its target
        let failure = errno
        unlink(temporary)
        throw writeError(failure, what: what)
    }
}

private func writeError(_ failure: Int32, what: String) -> FileWriteError {
    switch failure {
    case ENOSPC, EDQUOT: FileWriteError(message: "cannot write \(what): the disk is full", remedy: "free some space")
    case ENOENT, ENOTDIR: FileWriteError(message: "cannot write \(what): its directory does not exist", remedy: "create the directory")
    case EACCES, EPERM, EROFS: FileWriteError(message: "cannot write \(what): its directory is not writable", remedy: "choose a writable place")
    default: FileWriteError(message: "cannot write \(what) (\(String(cString: strerror(failure))))", remedy: "fix the cause")
    }
}
