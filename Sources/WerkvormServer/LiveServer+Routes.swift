import Foundation
import HTTPTypes
import Hummingbird
import LuaHost
import NIOCore
import Werkvorm
import WerkvormRendering

extension LiveServer {
    /// The routes: the phone's (which need no token to open), the facilitator's and the
    /// projector's (which need theirs).
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: GuardMiddleware(server: self))

        // The phone
        router.get("/") { _, _ in self.page(PhonePage.html(self.pageContext)) }
        router.get("/qr.svg") { _, _ in self.qrCode() }
        router.post("/api/join") { request, _ in try await self.join(request) }
        router.get("/api/phone/me") { request, _ in await self.phoneMe(request) }
        router.get("/api/phone/stream") { request, _ in await self.phoneStream(request) }
        router.post("/api/phone/input") { request, _ in try await self.phoneInput(request) }

        // The facilitator
        router.get("/facilitator") { request, _ in self.facilitatorPage(request) }
        router.get("/api/facilitator/stream") { request, _ in await self.facilitatorStream(request) }
        router.post("/api/facilitator/event") { request, _ in try await self.facilitatorEvent(request) }
        router.post("/api/facilitator/end") { request, _ in await self.facilitatorEnd(request) }
        router.get("/api/facilitator/record") { request, _ in await self.export(request, report: false) }
        router.get("/api/facilitator/report") { request, _ in await self.export(request, report: true) }

        // The projector
        router.get("/projector") { request, _ in self.projectorPage(request) }
        router.get("/api/projector/stream") { request, _ in await self.projectorStream(request) }
        return router
    }

    var pageContext: PageContext {
        PageContext(language: script.language, title: script.title, joinCode: keys.joinCode, asksNames: script.asksNames)
    }

    // MARK: Answers

    /// A refusal: an HTTP status with a JSON body `{"code": ..., "reason": ...}` in the session's
    /// language.
    func refusal(_ status: HTTPResponse.Status, code: String, nl: String, en: String) -> Response {
        answer(status, ["code": .string(code), "reason": .string(say(nl, en))])
    }

    func answer(_ status: HTTPResponse.Status, _ fields: LuaObject, headers: HTTPFields = [:]) -> Response {
        var all = headers
        all[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: all, body: ResponseBody(byteBuffer: ByteBuffer(string: JSONWriter.string(.object(fields)))))
    }

    func page(_ html: String, headers: HTTPFields = [:]) -> Response {
        var all = headers
        all[.contentType] = "text/html; charset=utf-8"
        all[.contentSecurityPolicy] =
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
        return Response(status: .ok, headers: all, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    func tooMany() -> Response {
        var headers = HTTPFields()
        headers[.retryAfter] = "1"
        return answer(
            .tooManyRequests, ["code": "rate_limited", "reason": .string(say("Te veel tegelijk; het wordt zo opnieuw geprobeerd", "Too many at once; it is tried again shortly"))],
            headers: headers)
    }

    /// The request's JSON object, or a refusal naming what is wrong (too large, not JSON, not
    /// an object, a text too long).
    func body(of request: Request) async -> Result<LuaObject, RefusedRequest> {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limits.bodyBytes)
        } catch {
            return .failure(
                RefusedRequest(
                    refusal(
                        .contentTooLarge, code: "too_large",
                        nl: "De inzending is groter dan \(limits.bodyBytes) bytes", en: "the submission is larger than \(limits.bodyBytes) bytes")))
        }
        let value: LuaValue
        do {
            value = try buffer.withUnsafeReadableBytes { bytes throws(JSONError) in try JSONReader.parse(buffer: bytes) }
        } catch {
            return .failure(RefusedRequest(refusal(.badRequest, code: "malformed_json", nl: "Dit is geen geldige JSON (\(error))", en: "this is not valid JSON (\(error))")))
        }
        guard case .object(let fields) = value else {
            return .failure(RefusedRequest(refusal(.badRequest, code: "not_an_object", nl: "Een inzending is een JSON-object", en: "a submission is a JSON object")))
        }
        if let long = Self.longestText(value), long > limits.textCharacters {
            return .failure(
                RefusedRequest(
                    refusal(
                        .contentTooLarge, code: "too_long",
                        nl: "Een tekst is \(long) tekens lang; er passen er hoogstens \(limits.textCharacters)",
                        en: "a text is \(long) characters long; at most \(limits.textCharacters) fit")))
        }
        return .success(fields)
    }

    static func longestText(_ value: LuaValue) -> Int? {
        switch value {
        case .string(let text): return text.count
        case .array(let elements): return elements.compactMap(longestText).max()
        case .object(let fields): return (fields.keys.map(\.count) + fields.values.compactMap(longestText)).max()
        default: return nil
        }
    }

    /// The participant of the request's token, if it has a valid one of someone who joined,
    /// with the step the session is at.
    func standing(of request: Request) async -> (participant: String, currentStep: Int?)? {
        guard let token = request.cookies[CookieName.participant]?.value, let participant = keys.participant(ofToken: token) else { return nil }
        let standing = await recording.standing(of: participant)
        return standing.takesPart ? (participant, standing.currentStep) : nil
    }

    /// The participant of the request's token, if it has a valid one of someone who joined.
    func participant(of request: Request) async -> String? {
        await standing(of: request)?.participant
    }

    func isFacilitator(_ request: Request) -> Bool {
        guard let token = request.cookies[CookieName.facilitator]?.value else { return false }
        return LiveKeys.same(token, keys.facilitatorToken)
    }

    func isProjector(_ request: Request) -> Bool {
        if isFacilitator(request) { return true }
        guard let token = request.cookies[CookieName.projector]?.value else { return false }
        return LiveKeys.same(token, keys.projectorToken)
    }

    func cookie(_ name: String, _ value: String) -> Cookie {
        Cookie(name: name, value: value, maxAge: 60 * 60 * 24, path: "/", secure: false, httpOnly: true, sameSite: .strict)
    }

    func noToken() -> Response {
        refusal(
            .unauthorized, code: "no_token", nl: "Je bent (nog) niet aangemeld bij deze sessie; meld je aan met de code",
            en: "you have not joined this session (yet); join with the code")
    }

    // MARK: The phone

    func qrCode() -> Response {
        let address = mainJoinAddress
        guard let code = QRCode(address) else { return refusal(.internalServerError, code: "no_qr", nl: "Geen QR-code", en: "no QR code") }
        return Response(status: .ok, headers: [.contentType: "image/svg+xml"], body: ResponseBody(byteBuffer: ByteBuffer(string: code.svg(label: address))))
    }

    /// `{"code": "K7WX3P", "name": "An"}`: joins under a name (when the script asks for names)
    /// or a pseudonym; answers with the participant and a token cookie. A phone that has a
    /// valid token is the same participant again.
    func join(_ request: Request) async throws -> Response {
        guard requestGuard.allow("join", rate: limits.joinRate) else { return tooMany() }
        let fields: LuaObject
        switch await body(of: request) {
        case .failure(let refused): return refused.response
        case .success(let given): fields = given
        }
        if let unknown = fields.keys.sorted().first(where: { !["code", "name"].contains($0) }) {
            return refusal(
                .badRequest, code: "unknown_field", nl: "Onbekend veld '\(unknown)'; een aanmelding heeft code en name", en: "unknown field '\(unknown)'; a join has code and name")
        }
        guard let code = fields["code"]?.stringValue, LiveKeys.same(Self.normalised(code: code), keys.joinCode) else {
            return refusal(
                .forbidden, code: "wrong_code", nl: "Deze code klopt niet; kijk op het scherm of vraag de begeleider",
                en: "this code is not right; look at the screen or ask the facilitator")
        }
        if let known = await participant(of: request) {
            return answer(.ok, ["participant": .string(known), "rejoined": true])
        }
        var name: String?
        if script.asksNames {
            let given = (fields["name"]?.stringValue ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !given.isEmpty else {
                return refusal(.unprocessableContent, code: "name_needed", nl: "Vul je naam in", en: "fill in your name")
            }
            guard given.count <= 40 else {
                return refusal(.unprocessableContent, code: "too_long", nl: "Een naam heeft hoogstens 40 tekens", en: "a name has at most 40 characters")
            }
            name = given
        }
        let recorded: RecordedEvent
        do {
            recorded = try await recording.join(name: name)
        } catch {
            return refusal(
                .serviceUnavailable, code: "not_recorded", nl: "De sessie kon je aanmelding niet vastleggen; probeer het zo opnieuw",
                en: "the session could not record your joining; try again shortly")
        }
        guard case .accepted = recorded.result, let participant = recorded.event.participant else {
            if case .rejected(let rejection) = recorded.result, rejection.code == .alreadyJoined {
                return refusal(.conflict, code: "name_taken", nl: "Die naam is al in gebruik; voeg bijvoorbeeld een initiaal toe", en: "that name is taken; add an initial, say")
            }
            return answer(.unprocessableContent, json.result(recorded))
        }
        var response = answer(.ok, ["participant": .string(participant), "rejoined": false])
        response.setCookie(cookie(CookieName.participant, keys.participantToken(participant)))
        return response
    }

    /// A join code as typed: upper case, without spaces or dashes.
    static func normalised(code: String) -> String {
        String(code.uppercased().filter { !$0.isWhitespace && $0 != "-" })
    }

    /// `{"id": "…", "step": 8, "input": "dot", "fields": {"note": 3}}`: one input of the
    /// participant of the token, answered with its result once it is journalled.
    func phoneInput(_ request: Request) async throws -> Response {
        guard let (participant, currentStep) = await standing(of: request) else { return noToken() }
        guard requestGuard.allow("p:" + participant, rate: limits.participantRate) else { return tooMany() }
        var fields: LuaObject
        switch await body(of: request) {
        case .failure(let refused): return refused.response
        case .success(let given): fields = given
        }
        if let unknown = fields.keys.sorted().first(where: { !["id", "step", "input", "fields"].contains($0) }) {
            return refusal(
                .badRequest, code: "unknown_field", nl: "Onbekend veld '\(unknown)'; een invoer heeft id, step, input en fields",
                en: "unknown field '\(unknown)'; an input has id, step, input and fields")
        }
        guard let id = fields["id"]?.stringValue, Self.isClientID(id) else {
            return refusal(
                .badRequest, code: "id_needed", nl: "Een invoer heeft een id van 8 tot 64 letters, cijfers, - of _", en: "an input needs an id of 8 to 64 letters, digits, - or _")
        }
        // Before the facilitator goes to a step, phones have nothing to take part in (an events
        // file may give inputs without a `go`; a phone may not). A step other than the current
        // one is the session's to refuse, and that refusal is recorded.
        if currentStep == nil {
            return refusal(
                .conflict, code: "not_started", nl: "De sessie is nog niet begonnen; wacht op de begeleider", en: "the session has not started yet; wait for the facilitator")
        }
        fields["participant"] = .string(participant)
        fields["time"] = .string(SessionEvent.timeNow())
        return await submit(fields)
    }

    static func isClientID(_ id: String) -> Bool {
        (8...64).contains(id.utf8.count) && id.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 45 || $0 == 95 }
    }

    /// Reads the event, journals and applies it, and answers with its result: 200 for an
    /// accepted or held one (and a repeat of one), 422 with the reason for a refused one.
    func submit(_ fields: LuaObject) async -> Response {
        let event: SessionEvent
        do {
            event = try SessionEvent(.object(fields))
        } catch {
            return refusal(.badRequest, code: "invalid_event", nl: "Deze invoer klopt niet: \(error.description)", en: "this input is not right: \(error.description)")
        }
        let recorded: RecordedEvent
        do {
            recorded = try await recording.submit(event)
        } catch {
            if await recording.hasFinished {
                return refusal(.gone, code: "session_ended", nl: "De sessie is afgelopen; er kan niets meer bij", en: "the session has ended; nothing more can be added")
            }
            return refusal(
                .serviceUnavailable, code: "not_recorded", nl: "De invoer kon niet vastgelegd worden; hij wordt opnieuw geprobeerd",
                en: "the input could not be recorded; it is tried again")
        }
        switch recorded.result {
        case .accepted, .held: return answer(.ok, json.result(recorded))
        case .rejected, .failed: return answer(.unprocessableContent, json.result(recorded))
        }
    }

    /// Who the phone's token says it is: 401 when it has none (the phone shows the join form).
    func phoneMe(_ request: Request) async -> Response {
        guard let participant = await participant(of: request) else { return noToken() }
        return answer(.ok, ["participant": .string(participant)])
    }

    func phoneStream(_ request: Request) async -> Response {
        guard let participant = await participant(of: request) else { return noToken() }
        return eventStream(interval: limits.phoneInterval, token: "p:" + participant) {
            let (seq, view) = await self.recording.participantSnapshot(participant)
            return (seq, JSONWriter.string(self.json.participant(view, session: self.script)))
        }
    }

    // MARK: The facilitator

    func facilitatorPage(_ request: Request) -> Response {
        if let key = request.uri.queryParameters["key"].map(String.init) {
            guard spend(oneTimeKey: key) else {
                return page(
                    PageContext.message(
                        language: script.language,
                        title: say("Deze link is al gebruikt", "This link has been used"),
                        text: say(
                            "Een link naar de bedieningspagina werkt één keer. Vraag een nieuwe in de terminal van werkvorm serve (toets f en Enter).",
                            "A link to the control page works once. Ask for a new one in the terminal of werkvorm serve (press f and Enter).")))
            }
            var response = Response(status: .seeOther, headers: [.location: "/facilitator"])
            response.setCookie(cookie(CookieName.facilitator, keys.facilitatorToken))
            return response
        }
        guard isFacilitator(request) else {
            return page(
                PageContext.message(
                    language: script.language,
                    title: say("Alleen voor de begeleider", "For the facilitator only"),
                    text: say("Open de link die werkvorm serve in de terminal toont.", "Open the link that werkvorm serve shows in the terminal.")))
        }
        return page(FacilitatorPage.html(pageContext))
    }

    func facilitatorStream(_ request: Request) async -> Response {
        guard isFacilitator(request) else { return noFacilitator() }
        return eventStream(interval: limits.projectorInterval, urgent: true, token: "facilitator") {
            let (seq, view) = await self.recording.facilitatorSnapshot()
            return (seq, JSONWriter.string(self.facilitatorJSON(view)))
        }
    }

    func noFacilitator() -> Response {
        refusal(
            .unauthorized, code: "no_token", nl: "Alleen de begeleider kan dit; open de link uit de terminal",
            en: "only the facilitator can do this; open the link from the terminal")
    }

    /// One event as an events file has it (`{"go": 3}`, `{"step": 3, "phase": "vote"}`, an input
    /// with `participant` and `on_behalf` for someone without a phone), answered with its result.
    func facilitatorEvent(_ request: Request) async throws -> Response {
        guard isFacilitator(request) else { return noFacilitator() }
        guard requestGuard.allow("facilitator", rate: limits.facilitatorRate) else { return tooMany() }
        var fields: LuaObject
        switch await body(of: request) {
        case .failure(let refused): return refused.response
        case .success(let given): fields = given
        }
        if fields["time"] == nil { fields["time"] = .string(SessionEvent.timeNow()) }
        if fields["participant"] != nil { fields["on_behalf"] = true }  // the facilitator typed it, never the participant
        return await submit(fields)
    }

    func facilitatorEnd(_ request: Request) async -> Response {
        guard isFacilitator(request) else { return noFacilitator() }
        do {
            try await end()
        } catch {
            return refusal(.internalServerError, code: "not_written", nl: error.description, en: error.description)
        }
        return answer(.ok, ["ended": true])
    }

    func export(_ request: Request, report: Bool) async -> Response {
        guard isFacilitator(request) else { return noFacilitator() }
        let record = await recording.record()
        let base = "werkvorm-" + script.date.description
        guard report else {
            return Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8", .contentDisposition: "attachment; filename=\"\(base).json\""],
                body: ResponseBody(byteBuffer: ByteBuffer(string: JSONWriter.string(record.value, pretty: true) + "\n")))
        }
        do {
            let recorded = try RecordedSession(record, file: base + ".json")
            let blocks = try SessionReport.blocks(recorded, language: script.language)
            let html = ReportRenderer(language: script.language).htmlDocument(title: script.title, blocks: blocks)
            return Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8", .contentDisposition: "attachment; filename=\"\(base).html\""],
                body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
        } catch {
            return refusal(.internalServerError, code: "no_report", nl: "Het verslag lukt nu niet: \(error.description)", en: "the report cannot be made now: \(error.description)")
        }
    }

    func facilitatorJSON(_ view: FacilitatorView) -> LuaValue {
        let steps: [LuaValue] = script.steps.map { step in
            var fields: LuaObject = ["id": .integer(Int64(step.id)), "title": .string(step.title(script.language)), "minutes": .integer(Int64(step.minutes))]
            if case .exercise(let exerciseStep) = step.kind {
                fields["exercise"] = .string(exerciseStep.exercise.id)
                fields["moderated"] = .bool(exerciseStep.moderated)
                fields["phases"] = .array(
                    exerciseStep.phases.map { phase in
                        .object(["id": .string(phase.id), "title": json.text(phase.title), "inputs": .array(phase.inputs.map(json.input))])
                    })
            }
            return .object(fields)
        }
        return .object([
            "session": .string(script.title), "step": json.step(view.step), "paused": .bool(view.paused),
            "steps": .array(steps),
            "participants": .array(view.participants.map { .object(["id": .string($0.id), "joined": .integer(Int64($0.joined))]) }),
            "view": view.view ?? .null,
            "held": .array(
                view.held.map { held in
                    .object(["seq": .integer(Int64(held.seq)), "step": .integer(Int64(held.step)), "input": .string(held.input.name), "fields": .object(held.input.fields)])
                }),
            "events": .integer(Int64(view.events)),
            "join": .object([
                "code": .string(keys.joinCode), "addresses": .array(addresses.map { .string(joinAddress(ip: $0)) }),
                "projector": .string(projectorLink),
            ]),
        ])
    }

    // MARK: The projector

    func projectorPage(_ request: Request) -> Response {
        if let key = request.uri.queryParameters["key"].map(String.init) {
            guard LiveKeys.same(key, keys.projectorToken) else {
                return page(
                    PageContext.message(
                        language: script.language, title: say("Deze link klopt niet", "This link is not right"),
                        text: say("Open de projectorlink van de bedieningspagina.", "Open the projector link of the control page.")))
            }
            var response = Response(status: .seeOther, headers: [.location: "/projector"])
            response.setCookie(cookie(CookieName.projector, keys.projectorToken))
            return response
        }
        guard isProjector(request) else {
            return page(
                PageContext.message(
                    language: script.language, title: say("Alleen voor de projector", "For the projector only"),
                    text: say("Open de projectorlink van de bedieningspagina.", "Open the projector link of the control page.")))
        }
        return page(ProjectorPage.html(pageContext))
    }

    func projectorStream(_ request: Request) async -> Response {
        guard isProjector(request) else {
            return refusal(.unauthorized, code: "no_token", nl: "Alleen de projector kan dit; open de projectorlink", en: "only the projector can do this; open the projector link")
        }
        return eventStream(interval: limits.projectorInterval, urgent: true, token: "projector") {
            let (seq, view) = await self.projector.view()
            return (seq, JSONWriter.string(self.projectorJSON(view)))
        }
    }

    func projectorJSON(_ view: ProjectorView) -> LuaValue {
        var fields: LuaObject = [
            "session": .string(script.title), "step": json.step(view.step),
            "instructions": view.instructions.map(LuaValue.string) ?? .null, "participants": .integer(Int64(view.participants)),
            "join": .string(mainJoinAddress), "code": .string(keys.joinCode),
        ]
        if let blocks = view.blocks { fields["html"] = .string(ReportRenderer(language: script.language).htmlFragment(blocks)) }
        if view.problem != nil { fields["problem"] = .string(say("De uitslag kan nu niet getoond worden.", "The outcome cannot be shown now.")) }
        return .object(fields)
    }

    // MARK: Event streams

    /// A stream of Server-Sent Events: the view now, then again after every change (at most
    /// once an `interval`), each with the sequence number it reflects as its id; a comment as
    /// heartbeat; `event: end` when the session ends.
    /// A phone's view waits behind submissions (`urgent` false); the projector's and the
    /// facilitator's, which are one each however many phones there are, do not.
    func eventStream(interval: Duration, urgent: Bool = false, token: String, view: @escaping @Sendable () async -> (Int, String)) -> Response {
        guard openStream(token) else {
            return refusal(.tooManyRequests, code: "too_many_streams", nl: "Te veel verbindingen tegelijk; sluit een tabblad", en: "too many connections at once; close a tab")
        }
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-store", HTTPField.Name("X-Accel-Buffering")!: "no"]
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                defer { self.closeStream(token) }
                try await writer.write(ByteBuffer(string: "retry: 1500\n\n"))
                var sent = -1
                var last = ""
                var outcome = ChangeSignal.Outcome.changed(0)
                while true {
                    switch outcome {
                    case .ended:
                        try await writer.write(ByteBuffer(string: "event: end\ndata: {}\n\n"))
                        try await writer.finish(nil)
                        return
                    case .timeout:
                        try await writer.write(ByteBuffer(string: ": heartbeat\n\n"))
                    case .changed:
                        let (seq, payload) = urgent ? await view() : await Self.later(view)
                        if payload != last {
                            try await writer.write(ByteBuffer(string: "id: \(seq)\ndata: \(payload)\n\n"))
                            last = payload
                        }
                        sent = max(sent, seq)
                        try await Task.sleep(for: interval)
                    }
                    outcome = await self.signal.next(after: sent)
                }
            })
    }
}

extension LiveServer {
    /// `body` at low priority, so that the session answers submissions before it makes views.
    /// (A detached task whose value is awaited would be raised to the waiter's priority; a
    /// continuation is not.)
    static func later<T: Sendable>(_ body: @escaping @Sendable () async -> T) async -> T {
        await withCheckedContinuation { continuation in
            Task.detached(priority: .low) { continuation.resume(returning: await body()) }
        }
    }
}

/// A request refused before it reached the session.
struct RefusedRequest: Error {
    let response: Response

    init(_ response: Response) {
        self.response = response
    }
}
