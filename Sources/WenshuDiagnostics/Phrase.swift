/// A text in English and Chinese with named parameters (`{field}`), declared once in the catalogue.
public struct Phrase: Sendable, Hashable {
    public let english: String
    public let chinese: String

    public init(en english: String, zh chinese: String) {
        self.english = english
        self.chinese = chinese
    }

    public func text(in language: MessageLanguage) -> String {
        language == .zh ? chinese : english
    }

    /// The text in `language` with each `{name}` replaced by its argument (rendered in the same language).
    public func render(in language: MessageLanguage, _ arguments: [String: DiagnosticArgument] = [:]) -> String {
        let template = text(in: language)
        guard template.contains("{") else { return template }
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if let argument = arguments[name] {
                result += argument.render(in: language)
            } else {
                result += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The parameter names in `language`'s text, sorted.
    public func parameters(in language: MessageLanguage) -> [String] {
        var names = Set<String>()
        var rest = text(in: language)[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names.sorted()
    }
}

/// A value for a message parameter: text that reads the same in every language (a name, a number, a field
/// path), a value the site has in both languages (a list joined by each language's separator), or a
/// declared phrase of its own.
public enum DiagnosticArgument: Sendable, Hashable, ExpressibleByStringInterpolation {
    case text(String)
    case localized(en: String, zh: String)
    indirect case phrase(Phrase, [String: DiagnosticArgument])

    public init(stringLiteral value: String) { self = .text(value) }

    public static func phrase(_ phrase: Phrase) -> DiagnosticArgument { .phrase(phrase, [:]) }

    public func render(in language: MessageLanguage) -> String {
        switch self {
        case .text(let text): return text
        case .localized(let english, let chinese): return language == .zh ? chinese : english
        case .phrase(let phrase, let arguments): return phrase.render(in: language, arguments)
        }
    }
}

extension DiagnosticArgument {
    /// Items joined by the language's list separator (`, ` or `、`).
    public static func list(_ items: [String]) -> DiagnosticArgument {
        .localized(en: items.joined(separator: ", "), zh: items.joined(separator: "、"))
    }
}

extension DiagnosticArgument {
    /// Items joined as alternatives: `a or b` (`a或b`).
    public static func alternatives(_ items: [String]) -> DiagnosticArgument {
        .localized(en: items.joined(separator: " or "), zh: items.joined(separator: "或"))
    }
}
