import WenshuDocument
import WenshuXML

/// A compiled form template: immutable, every XPath compiled once, shareable across threads. Binding it
/// to a case (`render(_:)`) keeps its per-run state elsewhere, so one template serves a whole batch.
public final class FormTemplate: Sendable {
    /// The form's stable id, e.g. `agreement`.
    public let id: String
    /// The printed title, e.g. `人民调解协议书`.
    public let title: String
    public let version: String
    /// The page the form is printed on.
    public let pageStyle: PageStyle
    /// The template file, as messages name it.
    public let file: String
    /// The file and line of the `<form>` element.
    let origin: SourceLocation
    /// The condition under which the form applies to a case (XPath), if the template gives one.
    public var appliesWhenSource: String? { appliesWhen?.source }
    /// The records the form is repeated for (XPath), when it is written once per record (each 回访).
    public var forEachSource: String? { forEach?.source }
    /// The case paths the template's expressions read, derived from the template itself:
    /// `agreement/date`, `parties/party/name`, … (sorted; a path that only leads to longer ones is left out).
    public let casePaths: [String]
    /// The variables the form is given besides `$case` and `$office` (`parameters="dossier"`): documents
    /// the caller builds, such as a bound dossier's list of items. The form applies only when given them.
    public let parameters: [String]

    let appliesWhen: TemplateExpression?
    let forEach: TemplateExpression?
    /// The variable naming the current record of a `for-each` form.
    let recordVariable: String
    /// The document's date (ISO) and case number, for the metadata.
    let date: TemplateExpression?
    let caseNumber: TemplateExpression?
    let body: [Part<BlockNode>]

    init(id: String, title: String, version: String, pageStyle: PageStyle, origin: SourceLocation, casePaths: [String],
         parameters: [String] = [], appliesWhen: TemplateExpression?, forEach: TemplateExpression?, recordVariable: String,
         date: TemplateExpression?, caseNumber: TemplateExpression?, body: [Part<BlockNode>]) {
        self.id = id
        self.title = title
        self.version = version
        self.pageStyle = pageStyle
        self.file = origin.file
        self.origin = origin
        self.casePaths = casePaths
        self.parameters = parameters
        self.appliesWhen = appliesWhen
        self.forEach = forEach
        self.recordVariable = recordVariable
        self.date = date
        self.caseNumber = caseNumber
        self.body = body
    }
}
