import WenshuXML

/// Small reads of a loaded tree for the rules: a field's text, the nodes along a path, a field as a date.
extension XMLNode {
    /// The text of the child field `name`, if present.
    package func value(_ name: String) -> String? { element(named: name)?.stringValue }

    /// Whether the child field `name` is present and its text is `text` (`value(name) == text`, compared in
    /// place).
    package func value(_ name: String, is text: String) -> Bool { element(named: name)?.hasStringValue(text) ?? false }

    /// The elements `path` reaches from this one, in document order. A rule keeps its paths compiled (a
    /// `static let`), so a case costs the walk alone.
    package func nodes(_ path: ChildSteps) -> [XMLNode] { path.elements(from: self) }

    /// The first element `path` reaches, if any.
    package func node(_ path: ChildSteps) -> XMLNode? { path.firstElement(from: self) }

    /// The elements reached by a slash-separated path of child names (`agreement/instalments/instalment`),
    /// compiled for this one call: for code that asks once per file, not for a rule.
    package func nodes(_ path: String) -> [XMLNode] { nodes(ChildSteps(path: path)) }

    /// The first element along `path`, if any (compiled for this one call, as `nodes(_:)` is).
    package func node(_ path: String) -> XMLNode? { node(ChildSteps(path: path)) }

    /// The element's text as a date, when it is one.
    package var date: CivilDate? { withStringValueBytes { CivilDate(isoBytes: $0) } }

    /// The element's text as an amount, when it is one.
    package var amount: Amount? { withStringValueBytes { Amount(utf8: $0) } }
}
