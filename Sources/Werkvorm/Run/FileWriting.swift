import Foundation

/// Writes all of `bytes` to an open file and syncs it to disk: 0 when they are safe, else the
/// `errno` of the write or the sync that failed. What the journal and the record write with.
func writeAndSync(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32 {
    var written = 0
    while written < bytes.count {
        let count = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + written, $0.count - written) }
        if count < 0 {
            if errno == EINTR { continue }
            return errno
        }
        written += count
    }
    return fsync(descriptor) == 0 ? 0 : errno
}
