import WenshuXML

/// Identity numbers (GB 11643-1999, GB 32100-2015).
enum IdentityRules {
    /// Resident ID numbers (GB 11643) of the records along `paths`: check digit, and agreement with the
    /// record's `birth_date` and `gender`. Only records whose `id_type` is 居民身份证 or absent are checked;
    /// a 15-digit first-generation number is a warning. Organisations are left to `creditCodes`.
    ///
    /// Ids: `id-malformed`, `id-check-digit`, `id-birth-date`, `id-gender`, `id-first-generation`.
    static func residentIDs(in paths: [String]) -> CaseRule {
        { context in
            for record in paths.flatMap({ context.root.nodes($0) }) where record.value("kind") != "organisation" {
                guard let idNode = record.element(named: "id_number") else { continue }
                let idType = record.value("id_type")
                guard idType == nil || idType == "居民身份证" else { continue }
                check(idNode, of: record, typeGiven: idType != nil, &context)
            }
        }
    }

    private static func check(_ idNode: XMLNode, of record: XMLNode, typeGiven: Bool, _ context: inout RuleContext) {
        let text = idNode.stringValue
        var masked: String { ResidentIDNumber.masked(text) }  // only for a finding
        do throws(ResidentIDNumber.Problem) {
            let id = try ResidentIDNumber(text)
            if let birthNode = record.element(named: "birth_date"), let stated = birthNode.date, stated != id.birthDate {
                context.report("id-birth-date", at: birthNode,
                               "`birth_date` \(stated) does not agree with the ID number \(masked), which says \(id.birthDate)")
            }
            if let genderNode = record.element(named: "gender"), ["男", "女"].contains(genderNode.stringValue),
               genderNode.stringValue != id.gender {
                context.report("id-gender", at: genderNode,
                               "`gender` \(genderNode.stringValue) does not agree with the ID number \(masked), which is a \(id.gender == "男" ? "man's (its 17th digit is odd)" : "woman's (its 17th digit is even)")")
            }
        } catch {
            report(error, idNode, masked: masked, typeGiven: typeGiven, &context)
        }
    }

    private static func report(_ problem: ResidentIDNumber.Problem, _ idNode: XMLNode, masked: String, typeGiven: Bool,
                               _ context: inout RuleContext) {
        switch problem {
        case .firstGeneration:
            context.report("id-first-generation", .warning, at: idNode,
                           "\(masked) is a 15-digit first-generation ID number, invalid since 2013; ask for the 18-digit number")
        case .checkCharacter(let expected):
            context.report("id-check-digit", at: idNode,
                           "check digit of \(masked) should be \(expected): a digit is mistyped")
        case .impossibleBirthDate:
            context.report("id-malformed", at: idNode, "the birth-date digits (7th to 14th) of \(masked) are not a real date")
        case .malformed:
            context.report("id-malformed", at: idNode,
                           "`id_number` is not a resident ID number (17 digits and a check digit 0–9 or X)"
                           + (typeGiven ? "" : "; for another document, give its `id_type`"))
        }
    }

    /// Unified social credit codes (GB 32100) of the organisations along `paths`.
    /// Ids: `credit-code-malformed`, `credit-code-check`.
    static func creditCodes(in paths: [String]) -> CaseRule {
        { context in
            for node in paths.flatMap({ context.root.nodes($0) }) {
                do throws(CreditCode.Problem) {
                    _ = try CreditCode(node.stringValue)
                } catch {
                    switch error {
                    case .malformed:
                        context.report("credit-code-malformed", at: node,
                                       "`credit_code` must be 18 characters from 0–9 and A–Y (never I, O, S, V or Z)")
                    case .checkCharacter(let expected):
                        context.report("credit-code-check", at: node,
                                       "check character of `credit_code` \(node.stringValue) should be \(expected): a character is mistyped")
                    }
                }
            }
        }
    }
}
