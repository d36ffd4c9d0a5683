import Foundation
import LuaHost

/// Stable pseudonyms for a session's participants: the first participant is `deelnemer-1`
/// (`participant-1` in English), and so on in roster order (or order of first appearance).
/// With `--anonymise`, names are replaced before the exercises see them, so no outcome and no
/// record holds a name.
public struct Pseudonyms: Sendable {
    /// Name → pseudonym.
    public let mapping: [String: String]
    /// The pseudonyms, in the participants' order.
    public let participants: [String]

    /// Pseudonyms for `participants`, in their order.
    public init(participants: [String], language: Language) {
        let word = language == .nl ? "deelnemer" : "participant"
        var mapping: [String: String] = [:]
        var pseudonyms: [String] = []
        for (offset, name) in participants.enumerated() {
            let pseudonym = "\(word)-\(offset + 1)"
            mapping[name] = pseudonym
            pseudonyms.append(pseudonym)
        }
        self.mapping = mapping
        self.participants = pseudonyms
    }

    /// The event with its participant, and every field that names a participant, replaced.
    public func apply(to event: SessionEvent, in script: SessionScript) -> SessionEvent {
        guard case .input(var input) = event.action else { return event }
        if let who = input.participant { input.participant = mapping[who] ?? who }
        if let step = script.steps.first(where: { $0.id == event.step }), case .exercise(let exerciseStep) = step.kind,
            let declaration = exerciseStep.exercise.input(named: input.name)?.input
        {
            for field in declaration.fields where field.kind == .participant {
                if let name = input.fields[field.name]?.stringValue, let pseudonym = mapping[name] {
                    input.fields[field.name] = .string(pseudonym)
                }
            }
        }
        var copy = event
        copy.action = .input(input)
        return copy
    }

    /// The script's text with every participant's name replaced where it stands alone (the roster).
    public func apply(toScript text: String) -> String {
        var result = text
        for name in mapping.keys.sorted(by: { $0.count > $1.count }) {
            guard let pseudonym = mapping[name] else { continue }
            let pattern = "(?<![\\p{L}\\p{N}_-])" + NSRegularExpression.escapedPattern(for: name) + "(?![\\p{L}\\p{N}_-])"
            guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
            result = regex.stringByReplacingMatches(in: result, range: NSRange(result.startIndex..., in: result), withTemplate: NSRegularExpression.escapedTemplate(for: pseudonym))
        }
        return result
    }
}
