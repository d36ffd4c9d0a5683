import Foundation
import HTTPTypes
import Hummingbird

/// Checks every request before its route: the Host must be one of the server's own names (no
/// DNS rebinding); a submission must come from the server's own pages (its Origin, if a
/// browser sent one, is the server itself) and carry the header `X-Werkvorm: 1` with a JSON
/// body (no other site can send that without asking first, and the server never says yes).
struct GuardMiddleware<Context: RequestContext>: RouterMiddleware {
    let server: LiveServer

    static var customHeader: HTTPField.Name { HTTPField.Name("X-Werkvorm")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let host = request.head.authority
        guard server.requestGuard.accepts(host: host) else {
            return server.refusal(
                .misdirectedRequest, code: "unknown_host",
                nl: "Deze server antwoordt alleen op zijn eigen adressen; open het adres dat de begeleider toont",
                en: "this server answers on its own addresses only; open the address the facilitator shows")
        }
        if request.method == .post {
            if let origin = request.headers[.origin], !server.requestGuard.accepts(origin: origin, host: host) {
                return server.refusal(
                    .forbidden, code: "foreign_origin",
                    nl: "Een andere website mag hier niets insturen", en: "another website may not send anything here")
            }
            guard request.headers[Self.customHeader] == "1" else {
                return server.refusal(
                    .forbidden, code: "missing_header",
                    nl: "Een inzending heeft de kop X-Werkvorm: 1 nodig; gebruik de pagina van de sessie",
                    en: "a submission needs the header X-Werkvorm: 1; use the session's page")
            }
            guard let type = request.headers[.contentType], type.lowercased().hasPrefix("application/json") else {
                return server.refusal(
                    .unsupportedMediaType, code: "not_json",
                    nl: "Een inzending is JSON (Content-Type: application/json)", en: "a submission is JSON (Content-Type: application/json)")
            }
        }
        var response = try await next(request, context)
        response.headers[.cacheControl] = "no-store"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        return response
    }
}
