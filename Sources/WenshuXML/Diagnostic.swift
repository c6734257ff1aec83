/// Where something was found: a file, a line, a column (0 when unknown).
public struct SourceLocation: Sendable, Equatable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, leaving out what is unknown.
    public var description: String {
        var s = file
        if line > 0 { s += ":\(line)" }
        if line > 0 && column > 0 { s += ":\(column)" }
        return s
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// A finding about an input: a case, a template, a profile. Every stage reports these, all of them in one
/// run; tests match `id` and `location`, never the prose.
public struct Diagnostic: Error, Sendable, Equatable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable, CaseIterable {
        case note, warning, error
        private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    /// Stable, dotted id, e.g. `case.id-check-digit`, `template.unknown-element`.
    public var id: String
    public var severity: Severity
    public var location: SourceLocation
    /// The field path (`parties[1].id_number`) or XPath the finding is about, when there is one.
    public var subject: String?
    /// A sentence a clerk can act on.
    public var message: String

    public init(_ id: String, _ severity: Severity = .error, at location: SourceLocation, subject: String? = nil,
                _ message: String) {
        self.id = id
        self.severity = severity
        self.location = location
        self.subject = subject
        self.message = message
    }

    /// One line: `case.yaml:14:7: error: parties[1].id_number: check digit should be X [case.id-check-digit]`.
    /// What it quotes from an input is escaped (`TerminalText`): no control character reaches the terminal.
    public var description: String {
        var s = "\(location): \(severity.rawValue): "
        if let subject { s += "\(subject): " }
        return TerminalText.escaped(s + message) + " [\(id)]"
    }
}

extension Diagnostic {
    /// A libxml2 issue as a diagnostic with the given id.
    public init(_ id: String, issue: XMLIssue, subject: String? = nil) {
        self.init(id, .error, at: SourceLocation(file: issue.file ?? "<input>", line: issue.line, column: issue.column),
                  subject: subject, issue.message)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    /// Sorted by file, line, column, then id: a stable order for output and tests.
    public var sortedByLocation: [Diagnostic] {
        sorted { ($0.location, $0.id) < ($1.location, $1.id) }
    }
}
