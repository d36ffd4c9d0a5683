/// Field names known beforehand: matched by their bytes as an object is read (see
/// ``JSONReader/readObject(keys:_:)``), so that no string is made for them and no strings
/// are compared. At most 64.
public struct JSONKeys: Sendable {
    /// The names, in the order of their indexes.
    public let names: [String]
    /// Their bytes one after the other, and where each starts.
    private let bytes: [UInt8]
    private let starts: [Int]
    /// For each first byte, the keys that start with it (up to four, then -1), so that a key
    /// read is compared with one or two candidates, not all.
    private let byFirstByte: [Int8]

    /// No known keys: for an object read for nothing but its syntax.
    public static let none = JSONKeys([])

    public init(_ names: [String]) {
        precondition(names.count <= 64, "at most 64 known keys")
        self.names = names
        var bytes: [UInt8] = [], starts: [Int] = []
        var byFirstByte = [Int8](repeating: -1, count: 256 * 4)
        var overflow = false
        for (index, name) in names.enumerated() {
            starts.append(bytes.count)
            bytes += name.utf8
            let first = Int(name.utf8.first ?? 0)
            if let slot = (0..<4).first(where: { byFirstByte[first * 4 + $0] == -1 }) {
                byFirstByte[first * 4 + slot] = Int8(index)
            } else {
                overflow = true
            }
        }
        starts.append(bytes.count)
        precondition(!overflow, "at most four known keys may start with the same byte")
        self.bytes = bytes
        self.starts = starts
        self.byFirstByte = byFirstByte
    }

    /// The index of the key whose bytes these are.
    func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = key.first else { return names.firstIndex(of: "") }
        candidates: for slot in 0..<4 {
            let index = Int(byFirstByte[Int(first) &* 4 &+ slot])
            guard index >= 0 else { return nil }
            let start = starts[index]
            guard starts[index + 1] &- start == key.count else { continue }
            for offset in 1..<key.count where bytes[start &+ offset] != key[offset] { continue candidates }
            return index
        }
        return nil
    }
}

/// A field name as ``JSONReader/readObject(keys:_:)`` reads it: one of the known keys, by its
/// index, or another.
public enum JSONKey: Sendable, Equatable {
    case known(Int)
    case other(String)

    /// The key's name.
    public func name(in keys: JSONKeys) -> String {
        switch self {
        case .known(let index): keys.names[index]
        case .other(let text): text
        }
    }
}
