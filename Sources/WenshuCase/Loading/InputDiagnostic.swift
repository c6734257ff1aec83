import WenshuXML

extension Diagnostic {
    /// A stage-1 finding about a file of `kind`: the id declared for that kind (`case.syntax`, `office.syntax` …).
    init(_ id: InputID, _ kind: FileKind, _ severity: Severity? = nil, at location: SourceLocation,
         subject: String? = nil, _ arguments: [String: DiagnosticArgument] = [:], wording: Phrase? = nil) {
        self.init(entry: id.entry(kindPrefix: kind.idPrefix), severity, at: location, subject: subject, arguments,
                  wording: wording)
    }

    /// A libxml2 issue as a stage-1 finding about a file of `kind`.
    init(_ id: InputID, _ kind: FileKind, issue: XMLIssue, wording: Phrase? = nil) {
        self.init(entry: id.entry(kindPrefix: kind.idPrefix), issue: issue, wording: wording)
    }
}
