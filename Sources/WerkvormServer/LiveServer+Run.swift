import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Werkvorm

extension LiveServer {
    /// Serves on every interface until Ctrl-C, SIGTERM or the facilitator's "end"; by then the
    /// record is written (or, when it could not be, the journal keeps everything and the error
    /// is thrown). `onRunning` is called once the server listens.
    public func run(onRunning: @escaping @Sendable () async -> Void = {}) async throws {
        var logger = Logger(label: "werkvorm.serve")
        logger.logLevel = .error
        let application = Application(
            router: router(),
            configuration: ApplicationConfiguration(address: .hostname("0.0.0.0", port: port), serverName: nil),
            onServerRunning: { _ in await onRunning() },
            logger: logger)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [
                    ServiceGroupConfiguration.ServiceConfiguration(service: application),
                    // shut down first (the last in the list goes first): the record is written and
                    // the event streams end, then the server stops
                    ServiceGroupConfiguration.ServiceConfiguration(service: SessionService(server: self), successTerminationBehavior: .gracefullyShutdownGroup),
                ],
                gracefulShutdownSignals: [.sigint, .sigterm], logger: logger))
        try await group.run()
        if await !recording.hasFinished { try await end() }
    }

    /// Whether `port` can be listened on now (nothing else has it).
    public static func isFree(port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var reuse: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr = in_addr(s_addr: INADDR_ANY)
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}

/// The session beside the server: passes its changes to the event streams and sends
/// heartbeats; on shutdown it ends the session, which writes the record and closes the streams.
struct SessionService: Service {
    let server: LiveServer

    func run() async throws {
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await server.follow() }
                group.addTask { await server.heartbeats() }
                group.addTask { await server.signal.untilEnded() }
                await group.next()  // the session ended
                group.cancelAll()
            }
        } onGracefulShutdown: {
            Task {
                // When the record cannot be written, the streams end all the same; `run` tries
                // once more and throws, and the journal keeps every event.
                try? await server.end()
                await server.signal.end()
            }
        }
    }
}
