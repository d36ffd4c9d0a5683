/// The Swift strings last made of short Lua strings, so that the keys and values plugins give
/// back again and again ("id", "text", a participant's name) are not validated and built anew
/// every time.
///
/// An entry is found by the address of the Lua string's bytes (Lua keeps one copy of each short
/// string while it is in use), and used only when its bytes are the same as well: an address that
/// Lua has since given to another string is not mistaken for the old one.
struct LuaStringCache {
    /// The longest string kept: its bytes fit in the two words an entry compares.
    static let longest = 16
    private static let size = 256

    private struct Entry {
        var address: UnsafeRawPointer?
        var length = 0
        var bytes: (UInt64, UInt64) = (0, 0)
        var text = ""
    }

    private var entries = [Entry](repeating: Entry(), count: LuaStringCache.size)

    /// The bytes of a short string as two words, the rest zero.
    private static func words(_ address: UnsafeRawPointer, _ length: Int) -> (UInt64, UInt64) {
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(start: address, count: length)) }
        return words
    }

    private static func slot(_ address: UnsafeRawPointer) -> Int {
        Int(truncatingIfNeeded: UInt(bitPattern: address) >> 4) & (size - 1)
    }

    /// The string of `length` bytes at `address`, when it was made before.
    func text(at address: UnsafeRawPointer, length: Int) -> String? {
        let entry = entries[Self.slot(address)]
        guard entry.address == address, entry.length == length else { return nil }
        let words = Self.words(address, length)
        guard entry.bytes == words else { return nil }
        return entry.text
    }

    /// Keeps `text`, made of the `length` bytes at `address` (at most ``longest``).
    mutating func keep(_ text: String, at address: UnsafeRawPointer, length: Int) {
        entries[Self.slot(address)] = Entry(address: address, length: length, bytes: Self.words(address, length), text: text)
    }
}
