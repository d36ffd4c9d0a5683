import Foundation

/// A file a user named, to be read from start to end: read whole into memory, or, when it is
/// larger than a number of bytes, mapped (a long record), its pages read in as they are reached
/// and those already read let go of with ``release(before:)``, so that a file of hundreds of
/// megabytes is never whole in memory. The mapping is private and read-only: nothing is ever
/// written to the file. (A mapped file cut short by another program while it is read ends the
/// process, as a mapping does; so only large files are mapped.)
public final class MappedFile {
    /// The file's bytes.
    public let bytes: UnsafeRawBufferPointer
    /// Up to where the pages are let go of.
    private var released = 0
    /// Whether the bytes are mapped (or read into memory of their own).
    private let mapped: Bool
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// The file at `path`, mapped when it is a file of more than `mapAbove` bytes (never
    /// without it), else read whole; `what` names it in problems ("the record"), as
    /// ``TextFile``'s do.
    public init(_ path: String, what: String, mapAbove: Int? = nil) throws(Problem) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw TextFile.problem(errno, path, what) }
        defer { close(descriptor) }  // the mapping stays
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw TextFile.problem(errno, path, what) }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw TextFile.problem(EISDIR, path, what) }
        guard let mapAbove, status.st_mode & S_IFMT == S_IFREG, status.st_size > mapAbove, status.st_size > 0 else {
            mapped = false
            guard status.st_mode & S_IFMT == S_IFREG else {  // a pipe: read as it comes
                let read = try TextFile.bytes(path, what: what)
                let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: read.count, alignment: 1)
                copy.copyBytes(from: read)
                bytes = UnsafeRawBufferPointer(copy)
                return
            }
            // a file: read whole, into memory of its own, up to the size it had when opened
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Int(status.st_size), alignment: 1)
            var count = 0
            while count < buffer.count {
                let got = Foundation.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if got < 0, errno == EINTR { continue }
                guard got >= 0 else {
                    let failure = errno
                    buffer.deallocate()
                    throw TextFile.problem(failure, path, what)
                }
                if got == 0 { break }  // cut short while it was read: what there was
                count += got
            }
            bytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[..<count])
            return
        }
        mapped = true
        let count = Int(status.st_size)
        guard let start = mmap(nil, count, PROT_READ, MAP_PRIVATE, descriptor, 0), start != MAP_FAILED else { throw TextFile.problem(errno, path, what) }
        madvise(start, count, MADV_SEQUENTIAL)
        bytes = UnsafeRawBufferPointer(start: start, count: count)
    }

    /// Lets go of the pages before `offset` that were read (they are read in again if needed).
    public func release(before offset: Int) {
        guard mapped, let start = bytes.baseAddress else { return }
        let end = min(offset, bytes.count) / Self.pageSize * Self.pageSize
        guard end - released >= 1 << 22 else { return }  // four megabytes at a time
        madvise(UnsafeMutableRawPointer(mutating: start + released), end - released, MADV_DONTNEED)
        released = end
    }

    /// Lets the pages read so far be read in again from the start.
    public func rewind() {
        released = 0
    }

    deinit {
        guard let start = bytes.baseAddress else { return }
        if mapped { munmap(UnsafeMutableRawPointer(mutating: start), bytes.count) } else { start.deallocate() }
    }
}
