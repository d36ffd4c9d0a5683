import LuaHost
import PropertyBased
import Testing

@testable import Werkvorm

/// An input's fields are checked field by field of the input when all is well (the quick
/// check), and field by field of the declaration otherwise (the full check, which finds the
/// first thing wrong). Whatever the fields, the quick check gives what the full check gives,
/// or leaves the input to it.
@Suite struct InputCheckPropertyTests {
    static let declaration = InputDeclaration(
        name: "vote", title: BilingualText(nl: "Stem", en: "Vote"), by: .participant, anonymous: false,
        fields: [
            FieldDeclaration(name: "text", kind: .text, label: BilingualText(nl: "Tekst", en: "Text"), required: true, maxLength: 12),
            FieldDeclaration(name: "note", kind: .integer, label: BilingualText(nl: "Nummer", en: "Number"), required: false, minimum: 1, maximum: 5),
            FieldDeclaration(
                name: "side", kind: .choice, label: BilingualText(nl: "Kant", en: "Side"), required: false,
                options: [ChoiceOption(value: "ja", label: BilingualText(nl: "Ja", en: "Yes")), ChoiceOption(value: "nee", label: BilingualText(nl: "Nee", en: "No"))]),
            FieldDeclaration(name: "who", kind: .participant, label: BilingualText(nl: "Wie", en: "Who"), required: false),
        ])
    static let keys = ["text", "note", "side", "who", "txt"]
    static let values: [LuaValue] = [.null, "", "  ", " Samen ", "Samen", "veel te lange tekst", 0, 3, 3.0, 3.5, 9, "ja", "misschien", "An", "Zoë", true, ["a"], [:]]

    /// Fields from numbers: each number picks a key and a value, over a valid text for an even
    /// count of numbers, so that many cases pass.
    static func fields(from numbers: [Int]) -> LuaObject {
        var fields: LuaObject = numbers.count % 2 == 0 ? ["text": " Samen "] : [:]
        for number in numbers { fields[keys[number % keys.count]] = values[(number / keys.count) % values.count] }
        return fields
    }

    @Test func theQuickCheckAgreesWithTheFullCheck() async {
        let participants: Set<String> = ["An", "Bram"]
        var quick = 0
        await propertyCheck(count: 400, input: Gen.int(in: 0...1000).array(of: 0...4)) { numbers in
            let fields = Self.fields(from: numbers)
            let full = Result { () throws(Rejection) in try Self.declaration.fullCheck(fields, participants: participants) }
            if let checked = Self.declaration.quickCheck(fields, participants: participants) {
                quick += 1
                #expect(full == .success(checked), "fields \(fields)")
            }
            let validated = Result { () throws(Rejection) in try Self.declaration.validate(fields: fields, participants: participants) }
            #expect(validated == full, "fields \(fields)")
        }
        #expect(quick > 20, "the quick check took too few of the cases to be tested: \(quick)")
    }

    @Test func theQuickCheckTrimsAndLeavesOutEmptyOptionalFields() {
        let checked = Self.declaration.quickCheck(["text": " Samen ", "note": 3.0, "who": .null], participants: [])
        #expect(checked == ["text": "Samen", "note": 3])
    }
}
