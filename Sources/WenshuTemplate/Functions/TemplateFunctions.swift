import WenshuCase
import WenshuFormat
import WenshuXML

/// One extension function a template calls as `w:name(…)`.
package struct TemplateFunction: Sendable {
    package let name: String
    /// How many arguments it takes.
    package let arity: ClosedRange<Int>
    /// The call and what it gives, for docs and messages: `w:money(amount) → ¥12,000.00`.
    package let synopsis: String
    let body: @Sendable ([XPathValue]) throws(XPathFunctionError) -> XPathValue
    /// Whether the body reads every argument only as a field (`field(_:)`, also through `amount`, `date`,
    /// `wholeNumber`, `identity`): the first node's trimmed text, `nil` for none. Such an argument may be
    /// handed over as that text (`.string`, empty for none) instead of its node set: `DirectExpression`
    /// does, so a path argument makes no array of nodes.
    let readsFields: Bool

    init(_ name: String, _ arity: ClosedRange<Int>, _ synopsis: String, readsFields: Bool = true,
         _ body: @escaping @Sendable ([XPathValue]) throws(XPathFunctionError) -> XPathValue) {
        self.name = name
        self.arity = arity
        self.synopsis = synopsis
        self.readsFields = readsFields
        self.body = body
    }
}

/// The Wenshu extension functions: one table, each entry a few lines over a pure domain function.
///
/// Every function gives the empty string when its field argument is empty or absent, so a missing case
/// value stays missing and the template's `missing` rule (error, blank or omit) decides what prints.
package enum TemplateFunctions {
    /// The namespace of the template language and of its functions.
    package static let namespaceURI = "urn:wenshu:template:1"
    /// The prefix every template uses for the functions; bound in every evaluation.
    package static let prefix = "w"

    package static let all: [TemplateFunction] = [
        TemplateFunction("money-capitals", 1...1, "w:money-capitals(amount) → 人民币壹万贰仟元整") { args throws(XPathFunctionError) in
            try amount(args[0]).map { .string($0.capitals) } ?? .string("")
        },
        TemplateFunction("money", 1...1, "w:money(amount) → ¥12,000.00") { args throws(XPathFunctionError) in
            try amount(args[0]).map { .string($0.figures) } ?? .string("")
        },
        TemplateFunction("spell-amount", 2...2, "w:spell-amount(text, amount) → …赔偿318,640元（大写：人民币叁拾壹万捌仟陆佰肆拾元整），其中…") { args throws(XPathFunctionError) in
            guard let text = field(args[0]) else { return .string("") }
            guard let amount = try amount(args[1]) else { return .string(text) }
            return .string(amount.spelled(in: text))
        },
        TemplateFunction("sum-amounts", 1...Int.max, "w:sum-amounts(amounts, …) → 34020.00 (exact, in 分)",
                         readsFields: false) { args throws(XPathFunctionError) in
            let texts = args.flatMap { arg in arg.nodes.isEmpty ? [arg.stringValue] : arg.nodes.map(\.stringValue) }
            let amounts = try texts.map { text throws(XPathFunctionError) in try amount(.string(text)) }
            guard !amounts.isEmpty, amounts.allSatisfy({ $0 != nil }) else { return .string("") }
            return try .string(failing { () throws(AmountError) in try Amount.sum(amounts.map { $0! }) }.decimal)
        },
        TemplateFunction("date", 1...1, "w:date(date) → 2026年3月10日") { args throws(XPathFunctionError) in
            try date(args[0]).map { .string(ChineseDate.arabic($0)) } ?? .string("")
        },
        TemplateFunction("date-cn", 1...1, "w:date-cn(date) → 二〇二六年三月十日") { args throws(XPathFunctionError) in
            try date(args[0]).map { .string(ChineseDate.numerals($0)) } ?? .string("")
        },
        TemplateFunction("number-cn", 1...1, "w:number-cn(n) → 三, 十二, 一百零五") { args throws(XPathFunctionError) in
            try wholeNumber(args[0]).map { .string(ChineseNumerals.spell($0)) } ?? .string("")
        },
        TemplateFunction("count-cn", 1...1, "w:count-cn(n) → 两 (before a measure word: 一式两份), 三, 十二") { args throws(XPathFunctionError) in
            try wholeNumber(args[0]).map { .string(ChineseNumerals.count($0)) } ?? .string("")
        },
        TemplateFunction("ordinal", 1...2, "w:ordinal(n[, unit]) → 第三, 第三条", readsFields: false) { args throws(XPathFunctionError) in
            let unit = args.count == 2 ? args[1].stringValue : ""
            return try wholeNumber(args[0]).map { .string(ChineseNumerals.ordinal($0, unit: unit)) } ?? .string("")
        },
        TemplateFunction("age", 2...2, "w:age(birth-date, on-date) → 47 (completed years)") { args throws(XPathFunctionError) in
            guard let birth = try date(args[0]), let day = try date(args[1]) else { return .string("") }
            guard let years = ChineseDate.age(born: birth, on: day) else {
                throw XPathFunctionError(.phrase(FunctionWording.dateBeforeBirth, ["date": "\(day)", "birth": "\(birth)"]))
            }
            return .number(Double(years))
        },
        TemplateFunction("id-birth-date", 1...1, "w:id-birth-date(id-number) → 1978-03-12") { args throws(XPathFunctionError) in
            try identity(args[0]).map { .string($0.birthDate.description) } ?? .string("")
        },
        TemplateFunction("id-gender", 1...1, "w:id-gender(id-number) → 男 or 女") { args throws(XPathFunctionError) in
            try identity(args[0]).map { .string($0.gender) } ?? .string("")
        },
        TemplateFunction("mask-id", 1...1, "w:mask-id(id-number) → 330106********1239") { args throws(XPathFunctionError) in
            field(args[0]).map { .string(ResidentIDNumber.masked($0)) } ?? .string("")
        },
        TemplateFunction("check", 1...1, "w:check(flag) → ☑ when the flag is true or “true”, else □") { args throws(XPathFunctionError) in
            let on: Bool
            if case .boolean(let b) = args[0] { on = b } else { on = field(args[0]) == "true" }
            return .string(on ? "☑" : "□")
        },
    ]

    package static let byName: [String: TemplateFunction] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The table registered in every binding's XPath context.
    package static let table: XPathFunctionTable = {
        var table = XPathFunctionTable(prefix: prefix, namespaceURI: namespaceURI)
        for function in all {
            table.register(function.name) { args in
                guard function.arity.contains(args.count) else {
                    throw XPathFunctionError(.phrase(FunctionWording.wrongArgumentCount,
                                                             ["arity": describe(function.arity), "count": "\(args.count)"]))
                }
                return try function.body(args)
            }
        }
        return table
    }()

    /// `1 argument`, `1 or 2 arguments`, `at least 1 argument`.
    package static func describe(_ arity: ClosedRange<Int>) -> DiagnosticArgument {
        let noun = TemplateWording.argument
        if arity.upperBound == Int.max {
            return .phrase(TemplateWording.atLeast, ["count": .count(arity.lowerBound, noun)])
        }
        if arity.count == 1 { return .count(arity.lowerBound, noun) }
        let words = DiagnosticArgument.localized(en: arity.upperBound == 1 ? noun.one : noun.many, zh: noun.chinese)
        return .phrase(arity.count == 2 ? TemplateWording.eitherCount : TemplateWording.countRange,
                       ["low": "\(arity.lowerBound)", "high": "\(arity.upperBound)", "noun": words])
    }

    // MARK: Reading arguments

    /// The argument's text; `nil` for a missing field (see `XPathValue.fieldText`).
    static func field(_ value: XPathValue) -> String? { value.fieldText }

    static func amount(_ value: XPathValue) throws(XPathFunctionError) -> Amount? {
        guard let text = field(value) else { return nil }
        return try failing { () throws(AmountError) in try Amount(validating: text) }
    }

    /// Runs `body`, an amount's refusal becoming the function's error.
    static func failing(_ body: () throws(AmountError) -> Amount) throws(XPathFunctionError) -> Amount {
        do { return try body() } catch { throw XPathFunctionError(error.explanation) }
    }

    static func date(_ value: XPathValue) throws(XPathFunctionError) -> CivilDate? {
        guard let text = field(value) else { return nil }
        guard let date = CivilDate(iso: text) else {
            throw XPathFunctionError(.phrase(FunctionWording.notADate, ["text": "\(text)"]))
        }
        return date
    }

    static func wholeNumber(_ value: XPathValue) throws(XPathFunctionError) -> Int64? {
        guard let text = field(value) else { return nil }
        guard let n = Int64(text), n >= 0, n <= ChineseNumberSpelling.maximum else {
            throw XPathFunctionError(.phrase(FunctionWording.notAWholeNumber, ["text": "\(text)", "maximum": "\(ChineseNumberSpelling.maximum)"]))
        }
        return n
    }

    static func identity(_ value: XPathValue) throws(XPathFunctionError) -> IdentityFacts? {
        guard let text = field(value) else { return nil }
        do { return try IdentityFacts(idNumber: text) } catch { throw XPathFunctionError(error.explanation) }
    }
}

extension XPathValue {
    /// The text a field prints: trimmed, and `nil` when there is none — no node, empty text, or NaN (what
    /// `number()` gives for a missing field). The one definition of "missing" for values and functions.
    package var fieldText: String? {
        switch self {
        case .nodes(let nodes):
            guard let first = nodes.first else { return nil }
            return first.withStringValue(Self.fieldText(_:))
        case .number(let n) where n.isNaN:
            return nil
        case .string(var text):
            // Nearly every text has nothing to trim (a function's result, a field handed to a function): told
            // by its end bytes, without the generic index walk of `trimmingASCIIWhitespace` (≈ 200 instructions).
            if text.withUTF8({ $0.count > 0 && !Self.isBlank($0[0]) && !Self.isBlank($0[$0.count - 1]) }) { return text }
            let trimmed = text.trimmingASCIIWhitespace
            return trimmed.isEmpty ? nil : trimmed
        default:
            let text = stringValue.trimmingASCIIWhitespace
            return text.isEmpty ? nil : text
        }
    }

    /// `fieldText` of a node's string value given as UTF-8 (`XMLNode.withStringValue`): the bytes trimmed of
    /// what `trimmingASCIIWhitespace` trims before a `String` is made, so a field costs one string at most.
    static func fieldText(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let first = bytes.firstIndex(where: { !isBlank($0) }), let last = bytes.lastIndex(where: { !isBlank($0) }) else {
            return nil
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[first...last]), as: UTF8.self)
    }

    /// The bytes `trimmingASCIIWhitespace` trims from a text's ends.
    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
