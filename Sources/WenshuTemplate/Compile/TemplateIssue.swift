/// The stable ids of template diagnostics (docs/templates.md explains each). Tests and tools match these,
/// never the prose.
public enum TemplateIssue {
    // Reading the file
    public static let xmlSyntax = "template.xml-syntax"
    public static let doctype = "template.doctype"
    public static let unreadable = "template.unreadable"
    // The schema (wenshu-template.rng)
    public static let namespace = "template.namespace"
    public static let unknownElement = "template.unknown-element"
    public static let misplacedElement = "template.misplaced-element"
    public static let missingElement = "template.missing-element"
    public static let badAttribute = "template.bad-attribute"
    public static let missingAttribute = "template.missing-attribute"
    public static let unexpectedText = "template.unexpected-text"
    public static let badContent = "template.bad-content"
    public static let schema = "template.schema"
    // XPath
    public static let xpathSyntax = "template.xpath-syntax"
    public static let unknownFunction = "template.unknown-function"
    public static let functionArguments = "template.function-arguments"
    public static let unknownVariable = "template.unknown-variable"
    // Structure
    public static let includeMissing = "template.include-missing"
    public static let includeCycle = "template.include-cycle"
    public static let unknownParameter = "template.unknown-parameter"
    public static let duplicateSection = "template.duplicate-section"
    public static let sectionInLoop = "template.section-in-loop"
    public static let tableColumns = "template.table-columns"
    public static let emptyBrackets = "template.empty-brackets"
    public static let duplicateForm = "template.duplicate-form"
    public static let libraryNotFound = "template.library-not-found"
    // Binding a case
    public static let missingField = "template.missing-field"
    public static let functionFailed = "template.function-failed"
    public static let evaluation = "template.evaluation"
    public static let notApplicable = "template.not-applicable"
    public static let noRecords = "template.no-records"
    public static let missingParameter = "template.missing-parameter"
}
