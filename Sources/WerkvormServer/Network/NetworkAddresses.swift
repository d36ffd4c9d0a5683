import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The laptop's IPv4 addresses that phones in the room can reach: every interface that is
/// up, not the loopback. The join address holds the IP itself, not a `.local` name: many
/// phones cannot resolve those.
public enum NetworkAddresses {
    /// One address with the interface it belongs to (`wlan0`, `en0`).
    public struct Address: Sendable, Hashable {
        public var interface: String
        public var ip: String

        public init(interface: String, ip: String) {
            self.interface = interface
            self.ip = ip
        }
    }

    /// Interfaces of containers, virtual machines and VPNs, which no phone in the room reaches.
    static func isVirtual(_ name: String) -> Bool {
        ["docker", "br-", "veth", "virbr", "vboxnet", "vmnet", "tun", "tap", "wg", "utun", "lxc", "lxd", "podman", "cni", "flannel", "zt"].contains { name.hasPrefix($0) }
    }

    /// The current non-loopback IPv4 addresses, in the order of the interfaces.
    public static func current() -> [Address] {
        var first: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&first) == 0 else { return [] }
        defer { freeifaddrs(first) }
        var found: [Address] = []
        var cursor = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            let flags = Int32(entry.pointee.ifa_flags)
            guard let socketAddress = entry.pointee.ifa_addr, socketAddress.pointee.sa_family == sa_family_t(AF_INET),
                flags & Int32(IFF_UP) != 0, flags & Int32(IFF_RUNNING) != 0, flags & Int32(IFF_LOOPBACK) == 0,
                !Self.isVirtual(String(cString: entry.pointee.ifa_name))
            else { continue }
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            guard getnameinfo(socketAddress, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 else { continue }
            let ip = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            found.append(Address(interface: String(cString: entry.pointee.ifa_name), ip: ip))
        }
        return found
    }
}
