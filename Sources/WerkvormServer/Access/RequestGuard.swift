import Foundation
import Synchronization

/// What every request is checked against before it reaches a route: the Host it names (so a
/// web page elsewhere cannot reach the server through a DNS name it controls), the Origin of a
/// submission (no other site can post), and a rate per token. Holds no IP address.
public final class RequestGuard: Sendable {
    /// The port the server listens on.
    public let port: Int
    private let state: Mutex<State>

    private struct State {
        var hosts: Set<String>
        var buckets: [String: Bucket] = [:]
    }

    /// A token bucket: `capacity` requests at once, refilled at `rate` a second.
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    /// How many requests a token may make at once, and how many a second after that.
    public struct Rate: Sendable {
        public var capacity: Double
        public var perSecond: Double

        public init(capacity: Double, perSecond: Double) {
            self.capacity = capacity
            self.perSecond = perSecond
        }
    }

    /// A guard for a server on `port` that answers to the loopback names, the laptop's
    /// addresses and `names` (a host name of the venue's router, say).
    public init(port: Int, addresses: [String], names: [String] = []) {
        self.port = port
        state = Mutex(State(hosts: Self.hosts(addresses: addresses, names: names)))
        extraNames = names
    }

    private let extraNames: [String]

    private static func hosts(addresses: [String], names: [String]) -> Set<String> {
        Set((["localhost", "127.0.0.1", "[::1]"] + addresses + names).map { $0.lowercased() })
    }

    /// The laptop's addresses changed (another network): the guard answers to the new ones.
    public func update(addresses: [String]) {
        let hosts = Self.hosts(addresses: addresses, names: extraNames)
        state.withLock { $0.hosts = hosts }
    }

    /// Whether a Host header names this server: one of its names, with its port.
    public func accepts(host header: String?) -> Bool {
        guard let header, let (name, port) = Self.split(header.lowercased()) else { return false }
        guard port ?? 80 == self.port else { return false }
        return state.withLock { $0.hosts.contains(name) }
    }

    /// Whether an Origin header (present on every submission a browser makes) is this server
    /// itself, as named by `host`.
    public func accepts(origin: String, host: String?) -> Bool {
        guard let host, origin.lowercased() == "http://" + host.lowercased() else { return false }
        return accepts(host: host)
    }

    /// Takes one request from `key`'s bucket; false when it is empty (too many, too fast).
    public func allow(_ key: String, rate: Rate) -> Bool {
        let now = ContinuousClock.now
        return state.withLock { state in
            var bucket = state.buckets[key] ?? Bucket(tokens: rate.capacity, updated: now)
            let elapsed = now - bucket.updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket.tokens = min(rate.capacity, bucket.tokens + seconds * rate.perSecond)
            bucket.updated = now
            guard bucket.tokens >= 1 else {
                state.buckets[key] = bucket
                return false
            }
            bucket.tokens -= 1
            state.buckets[key] = bucket
            return true
        }
    }

    /// `name:port` or `[v6]:port` into the name and the port.
    static func split(_ host: String) -> (String, Int?)? {
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return nil }
            let name = String(host[...close])
            let rest = host[host.index(after: close)...]
            if rest.isEmpty { return (name, nil) }
            guard rest.hasPrefix(":"), let port = Int(rest.dropFirst()) else { return nil }
            return (name, port)
        }
        let parts = host.split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return (host, nil)
        case 2:
            guard let port = Int(parts[1]) else { return nil }
            return (String(parts[0]), port)
        default: return nil
        }
    }
}
