/// How serious a finding is. Errors stop the work they are about; warnings and notes do not.
public enum Severity: String, Sendable, Comparable, CaseIterable {
    case note, warning, error
    private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    /// `error`, `warning`, `note`; 错误, 警告, 提示.
    public func word(in language: MessageLanguage) -> String {
        switch (self, language) {
        case (.error, .en): return "error"
        case (.warning, .en): return "warning"
        case (.note, .en): return "note"
        case (.error, .zh): return "错误"
        case (.warning, .zh): return "警告"
        case (.note, .zh): return "提示"
        }
    }
}

/// libxml2's own identification of an error it reported (`xmlError.domain` and `.code`), kept beside the
/// message so a finding that came from libxml2 can be traced to its source.
public struct LibXML2Code: Sendable, Hashable, Codable {
    public var domain: Int
    public var code: Int

    public init(domain: Int, code: Int) {
        self.domain = domain
        self.code = code
    }
}

/// A finding about an input: a case, a template, a profile. Every stage reports these, all of them in one
/// run; tests match `id` and `location`, never the prose. The id and its wording come from the catalogue
/// (`DiagnosticCatalogue`); the message is rendered in `MessageLanguage.current` when read.
public struct Diagnostic: Error, Sendable, Equatable, Hashable, CustomStringConvertible {
    public typealias Severity = WenshuDiagnostics.Severity

    /// Stable, dotted id, e.g. `case.id-check-digit`, `template.unknown-element`.
    public var id: String
    public var severity: Severity
    public var location: SourceLocation
    /// The field path (`parties[1].id_number`) or XPath the finding is about, when there is one.
    public var subject: String?
    /// The catalogue's wording for this finding, in both languages.
    public var wording: Phrase
    /// The values of the wording's `{parameters}`.
    public var arguments: [String: DiagnosticArgument]
    /// libxml2's domain and code, for a finding libxml2 made.
    public var libxml2: LibXML2Code?

    /// A finding with a catalogued id: its severity (unless given) and wording come from the catalogue;
    /// `wording` picks one of the variants the entry declares.
    public init<ID: DiagnosticID>(_ id: ID, _ severity: Severity? = nil, at location: SourceLocation,
                                  subject: String? = nil, _ arguments: [String: DiagnosticArgument] = [:],
                                  wording: Phrase? = nil, libxml2: LibXML2Code? = nil) {
        self.init(entry: id.entry, severity, at: location, subject: subject, arguments, wording: wording, libxml2: libxml2)
    }

    /// A finding from a catalogue entry (for ids declared per file kind, see `InputID`).
    public init(entry: DiagnosticEntry, _ severity: Severity? = nil, at location: SourceLocation,
                subject: String? = nil, _ arguments: [String: DiagnosticArgument] = [:],
                wording: Phrase? = nil, libxml2: LibXML2Code? = nil) {
        assert(wording == nil || entry.variants.contains(wording!), "\(entry.id): undeclared wording")
        self.id = entry.id
        self.severity = severity ?? entry.severity
        self.location = location
        self.subject = subject
        self.wording = wording ?? entry.message
        self.arguments = arguments
        self.libxml2 = libxml2
    }

    /// A finding whose id is not (yet) in the catalogue: its message reads the same in every language.
    /// Only for code written before the catalogue; `DiagnosticCatalogueTests` refuses it in Sources.
    public init(_ id: String, _ severity: Severity = .error, at location: SourceLocation, subject: String? = nil,
                _ message: String) {
        self.id = id
        self.severity = severity
        self.location = location
        self.subject = subject
        self.wording = Phrase(en: message, zh: message)
        self.arguments = [:]
    }

    /// The message in `language`.
    public func message(in language: MessageLanguage) -> String {
        wording.render(in: language, arguments)
    }

    /// The message in the current language: a sentence a clerk can act on.
    public var message: String { message(in: .current) }

    /// One line: `case.yaml:14:7: error: parties[1].id_number: check digit … should be X [case.id-check-digit]`,
    /// in Chinese `case.yaml:14:7: 错误: parties[1].id_number: 身份证号码…校验位应为X [case.id-check-digit]`.
    /// What it quotes from an input is escaped (`TerminalText`): no control character reaches the terminal.
    public func description(in language: MessageLanguage) -> String {
        var s = "\(location): \(severity.word(in: language)): "
        if let subject { s += "\(subject): " }
        return TerminalText.escaped(s + message(in: language)) + " [\(id)]"
    }

    public var description: String { description(in: .current) }
}

extension Array where Element == Diagnostic {
    package var hasErrors: Bool { contains { $0.severity == .error } }
    /// Sorted by file, line, column, then id: a stable order for output and tests.
    package var sortedByLocation: [Diagnostic] {
        sorted { ($0.location, $0.id) < ($1.location, $1.id) }
    }
}
