import WenshuXML

/// Identity numbers (GB 11643-1999, GB 32100-2015).
enum IdentityRules {
    /// Resident ID numbers (GB 11643) of the records along `paths`: check digit, and agreement with the
    /// record's `birth_date` and `gender`. Only records whose `id_type` is 居民身份证 or absent are checked;
    /// a 15-digit first-generation number is a warning, and its birth date and gender are compared too. Organisations are left to `creditCodes`.
    ///
    /// Ids: `id-malformed`, `id-check-digit`, `id-birth-date`, `id-gender`, `id-first-generation`.
    static func residentIDs(in paths: [String]) -> CaseRule {
        let paths = paths.map(ChildSteps.init(path:))
        return { context in
            for path in paths {
                path.forEachElement(from: context.root) { record in
                    guard !record.value("kind", is: "organisation"), let idNode = record.element(named: "id_number") else { return }
                    let idType = record.element(named: "id_type")
                    guard idType == nil || idType!.hasStringValue("居民身份证") else { return }
                    check(idNode, of: record, typeGiven: idType != nil, &context)
                }
            }
        }
    }

    private static func check(_ idNode: XMLNode, of record: XMLNode, typeGiven: Bool, _ context: inout RuleContext) {
        let text = idNode.stringValue
        do throws(ResidentIDNumber.Problem) {
            let id = try ResidentIDNumber(text)
            compare(record, withBirthDate: id.birthDate, gender: id.gender, digit: 17, text: text, &context)
        } catch {
            report(error, idNode, masked: ResidentIDNumber.masked(text), typeGiven: typeGiven, &context)
            // A first-generation number still says when its holder was born and whether a man or a woman:
            // a contradiction is the same error as for an 18-digit number.
            if case .firstGeneration = error, let old = ResidentIDNumber.firstGeneration(text) {
                compare(record, withBirthDate: old.birthDate, gender: old.gender, digit: 15, text: text, &context)
            }
        }
    }

    /// The record's `birth_date` and `gender` against what its ID number `text` encodes (the gender in its
    /// 17th digit, or the 15th of a first-generation number). The number is masked only for a finding.
    private static func compare(_ record: XMLNode, withBirthDate birthDate: CivilDate, gender: String, digit: Int,
                                text: String, _ context: inout RuleContext) {
        if let birthNode = record.element(named: "birth_date"), let stated = birthNode.date, stated != birthDate {
            context.report(.idBirthDate, at: birthNode,
                           ["stated": "\(stated)", "id": "\(ResidentIDNumber.masked(text))", "fromID": "\(birthDate)"])
        }
        if let genderNode = record.element(named: "gender"), ["男", "女"].contains(genderNode.stringValue),
           genderNode.stringValue != gender {
            context.report(.idGender, at: genderNode,
                           ["stated": "\(genderNode.stringValue)", "id": "\(ResidentIDNumber.masked(text))",
                            "whose": .phrase(digit == 15 ? (gender == "男" ? InputWording.mansOldID : InputWording.womansOldID)
                                                         : (gender == "男" ? InputWording.mansID : InputWording.womansID))])
        }
    }

    private static func report(_ problem: ResidentIDNumber.Problem, _ idNode: XMLNode, masked: String, typeGiven: Bool,
                               _ context: inout RuleContext) {
        switch problem {
        case .firstGeneration:
            context.report(.idFirstGeneration, at: idNode, ["id": "\(masked)"])
        case .checkCharacter(let expected):
            context.report(.idCheckDigit, at: idNode, ["id": "\(masked)", "expected": "\(expected)"])
        case .impossibleBirthDate:
            context.report(.idMalformed, at: idNode, ["id": "\(masked)"], wording: InputWording.idBirthDigits)
        case .malformed:
            context.report(.idMalformed, at: idNode, ["hint": typeGiven ? "" : .phrase(InputWording.idTypeHint)])
        }
    }

    /// Unified social credit codes (GB 32100) of the organisations along `paths`.
    /// Ids: `credit-code-malformed`, `credit-code-check`.
    static func creditCodes(in paths: [String]) -> CaseRule {
        let paths = paths.map(ChildSteps.init(path:))
        return { context in
            for path in paths {
                path.forEachElement(from: context.root) { node in
                    do throws(CreditCode.Problem) {
                        _ = try CreditCode(node.stringValue)
                    } catch {
                        switch error {
                        case .malformed:
                            context.report(.creditCodeMalformed, at: node)
                        case .checkCharacter(let expected):
                            context.report(.creditCodeCheck, at: node, ["code": "\(node.stringValue)", "expected": "\(expected)"])
                        }
                    }
                }
            }
        }
    }
}
