import Foundation

/// A file a user named (a session script, an events file, an exercise, a record), read whole.
/// Every way of failing is a problem that names the file and says what is wrong with it: not
/// there, a directory, not readable, or not UTF-8 text (with the line and column of the first
/// bad byte).
public enum TextFile {
    /// The bytes of the file at `path`; `what` names it in problems ("the events file").
    public static func bytes(_ path: String, what: String) throws(Problem) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw problem(errno, path, what) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw problem(errno, path, what) }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw problem(EISDIR, path, what) }
        var bytes: [UInt8] = []
        if status.st_size > 0 { bytes.reserveCapacity(Int(status.st_size)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw problem(errno, path, what)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<count])
        }
    }

    /// The text of the file at `path`, which must be UTF-8 (a byte order mark is dropped).
    public static func text(_ path: String, what: String) throws(Problem) -> String {
        try text(of: try bytes(path, what: what), file: path)
    }

    /// `bytes` as UTF-8 text, or a problem at the first byte that is not UTF-8.
    public static func text(of bytes: [UInt8], file: String) throws(Problem) -> String {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        if let text = String(validating: body, as: UTF8.self) { return text }
        let (line, column, byte) = firstInvalidByte(body)
        throw Problem(
            file: file, line: line, column: column,
            "is not UTF-8 text: the byte 0x\(String(byte, radix: 16, uppercase: true)) here is not UTF-8 (perhaps Latin-1 or Windows-1252); save the file as UTF-8")
    }

    /// The line and column (1-based, counted in characters) of the first byte of `bytes` that
    /// does not belong to a valid UTF-8 sequence, and that byte.
    static func firstInvalidByte(_ bytes: ArraySlice<UInt8>) -> (line: Int, column: Int, byte: UInt8) {
        var line = 1, column = 1
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0
            guard length > 0, index + length <= bytes.endIndex,
                String(validating: bytes[index..<index + length], as: UTF8.self) != nil
            else { return (line, column, lead) }
            if lead == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return (line, column, 0)
    }

    static func problem(_ failure: Int32, _ path: String, _ what: String) -> Problem {
        switch failure {
        case ENOENT: Problem(file: path, "there is no such file; check the path and the name of \(what)")
        case EISDIR: Problem(file: path, "is a directory; give the path of \(what), a file")
        case EACCES, EPERM: Problem(file: path, "cannot be read (permission denied); make \(what) readable")
        default: Problem(file: path, "cannot read \(what) (\(String(cString: strerror(failure))))")
        }
    }
}
