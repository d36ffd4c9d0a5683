import Foundation
import Hummingbird
import Logging
import Werkvorm

/// The venue check: a page at `/check` that a phone on the venue's network opens. When it
/// loads, the phone reached the laptop, and `reached` is called with the address it used.
/// Nothing is recorded.
public struct VenueCheck: Sendable {
    public let port: Int
    public let hostNames: [String]

    public init(port: Int, hostNames: [String] = []) {
        self.port = port
        self.hostNames = hostNames
    }

    /// The address a phone opens for the check at `ip`.
    public func address(ip: String) -> String { "http://\(ip):\(port)/check" }

    /// Serves the check until Ctrl-C or SIGTERM.
    public func run(onRunning: @escaping @Sendable () async -> Void = {}, reached: @escaping @Sendable (String) -> Void) async throws {
        let requestGuard = RequestGuard(port: port, addresses: NetworkAddresses.current().map(\.ip), names: hostNames)
        let router = Router()
        router.get("/check") { request, _ -> Response in
            let host = request.head.authority
            requestGuard.update(addresses: NetworkAddresses.current().map(\.ip))
            guard requestGuard.accepts(host: host) else { return Response(status: .misdirectedRequest) }
            let name = host.flatMap { RequestGuard.split($0.lowercased())?.0 } ?? ""
            if ["localhost", "127.0.0.1", "[::1]"].contains(name) {  // the laptop itself: proves nothing
                let html = PageContext.message(
                    language: .nl, title: "Dit is de laptop zelf / This is the laptop itself",
                    text: "Open het adres met het IP-nummer op een telefoon. Open the address with the IP number on a phone.")
                return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
            }
            reached(host ?? "")
            let html = PageContext.message(
                language: .nl, title: "✓ Deze telefoon bereikt de laptop / This phone reaches the laptop",
                text: "Telefoons op dit netwerk kunnen meedoen. Phones on this network can take part.")
            return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"], body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
        }
        var logger = Logger(label: "werkvorm.check")
        logger.logLevel = .error
        let application = Application(
            router: router, configuration: ApplicationConfiguration(address: .hostname("0.0.0.0", port: port), serverName: nil),
            onServerRunning: { _ in await onRunning() }, logger: logger)
        try await application.runService()
    }
}
