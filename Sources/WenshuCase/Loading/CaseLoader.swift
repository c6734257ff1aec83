import Foundation
import WenshuXML
import Yams

/// Loads a case (or the office profile, a register, the work log) from XML, YAML or JSON into its canonical
/// tree with locations. Loading does not validate: `CaseChecker` does, and reports everything at once.
///
/// A load that cannot produce a tree throws one `Diagnostic`: an unreadable or over-large file, a syntax
/// error (YAML and JSON with line and column, XML with line and column where libxml2 gives them), an XML
/// file with a DOCTYPE (refused outright: case data needs no DTD, and this closes every entity trick), a
/// YAML alias bomb or nesting deeper than the limits.
public enum CaseLoader {
    /// Limits that keep a hostile or mistaken file from costing more than a clear error.
    public struct Limits: Sendable {
        /// Files larger than this are refused unread (a case file is a few KiB).
        public var maxBytes: Int
        /// YAML/JSON values walked (aliases expand when walked).
        public var maxNodes: Int
        /// YAML/JSON nesting.
        public var maxDepth: Int

        public init(maxBytes: Int = 10 * 1024 * 1024, maxNodes: Int = 100_000, maxDepth: Int = 64) {
            self.maxBytes = maxBytes
            self.maxNodes = maxNodes
            self.maxDepth = maxDepth
        }
    }

    /// Compiles what loading a file of `kind` needs (its schema), so that a command can have it done on
    /// another core while it reads its templates. Loading compiles it anyway if this was not called.
    public static func prepare(_ kind: FileKind) {
        _ = BundledSchemas.entry(for: kind)
    }

    /// Loads the file at `url`. The format comes from the extension (`.xml`, `.yaml`/`.yml`, `.json`); the
    /// kind is `kind` if given, else an XML file's root element or the file's name (`FileKind(guessingFrom:)`).
    /// - Parameter displayName: the name locations use (default: the path as given).
    public static func load(_ url: URL, kind: FileKind? = nil, displayName: String? = nil,
                            limits: Limits = Limits()) throws(Diagnostic) -> CaseFile {
        let name = displayName ?? url.relativePath
        let guessedKind = kind ?? FileKind(guessingFrom: url)
        guard let format = SourceFormat(fileExtension: url.pathExtension) else {
            throw Diagnostic(.unknownFormat, guessedKind, at: SourceLocation(file: name))
        }
        let data: Data
        switch FileBytes.read(url, limit: limits.maxBytes) {
        case .read(let bytes):
            data = bytes
        case .tooLarge(let size):
            throw tooLarge(size, limits, name, guessedKind)
        case nil:
            data = try readThroughFoundation(url, name: name, kind: guessedKind, limits: limits)
        }
        return try load(data, name: name, format: format, kind: guessedKind, limits: limits, kindIsExplicit: kind != nil)
    }

    /// The slow way, kept for what `FileBytes.read` cannot read: its errors are the ones users have always seen.
    private static func readThroughFoundation(_ url: URL, name: String, kind: FileKind,
                                              limits: Limits) throws(Diagnostic) -> Data {
        let size: Int
        do {
            size = try url.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0
        } catch {
            throw Diagnostic(.unreadable, kind, at: SourceLocation(file: name), ["reason": "\(error.localizedDescription)"])
        }
        if size > limits.maxBytes { throw tooLarge(size, limits, name, kind) }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw Diagnostic(.unreadable, kind, at: SourceLocation(file: name), ["reason": "\(error.localizedDescription)"])
        }
    }

    /// Loads text held in memory; `name` is what locations call it.
    public static func load(_ data: Data, name: String, format: SourceFormat, kind: FileKind,
                            limits: Limits = Limits()) throws(Diagnostic) -> CaseFile {
        try load(data, name: name, format: format, kind: kind, limits: limits, kindIsExplicit: true)
    }

    private static func load(_ data: Data, name: String, format: SourceFormat, kind: FileKind, limits: Limits,
                             kindIsExplicit: Bool) throws(Diagnostic) -> CaseFile {
        if data.count > limits.maxBytes { throw tooLarge(data.count, limits, name, kind) }
        let file: CaseFile, nulElements: [(XMLNode, Int)]
        switch format {
        case .xml:
            file = try loadXML(data, name: name, kind: kind, kindIsExplicit: kindIsExplicit, limits: limits)
            nulElements = []
        case .yaml, .json:
            (file, nulElements) = try loadYAML(data, name: name, format: format, kind: kind, limits: limits)
        }
        BundledSchemas.entry(for: file.kind).outline.putInOrder(file.root)
        file.loadDiagnostics += TextCharacters.diagnostics(in: file, nulElements: nulElements)
        return file
    }

    // MARK: XML

    private static func loadXML(_ data: Data, name: String, kind: FileKind, kindIsExplicit: Bool,
                                limits: Limits) throws(Diagnostic) -> CaseFile {
        let document: XMLDocument
        do {
            document = try XMLDocument(parsing: data, fileName: name, allowDoctype: false, sizeLimit: limits.maxBytes,
                                       droppingLayoutBlanks: true)
        } catch let issue as XMLIssue {
            switch issue.kind {
            case .doctype: throw Diagnostic(.doctype, kind, issue: issue)
            case .tooLarge: throw tooLarge(data.count, limits, name, kind)
            default: throw Diagnostic(.syntax, kind, issue: issue, wording: InputWording.xmlSyntax)
            }
        } catch {
            throw Diagnostic(.syntax, kind, at: SourceLocation(file: name), ["detail": "\(error)"],
                             wording: InputWording.xmlSyntax)
        }
        guard let root = document.root else {
            throw Diagnostic(.empty, kind, at: SourceLocation(file: name), wording: InputWording.noElements)
        }
        var actualKind = kind
        if !kindIsExplicit, root.namespaceURI == nil, let rootKind = FileKind(rootName: root.name) { actualKind = rootKind }
        guard root.name == actualKind.rootName, root.namespaceURI == nil else {
            throw Diagnostic(.wrongRoot, actualKind, at: SourceLocation(file: name, line: root.line),
                             ["root": "\(root.name)", "kind": "\(actualKind.rawValue)", "expected": "\(actualKind.rootName)"])
        }
        root.removeLayout()  // what carries no data, so XML, YAML and JSON give the same tree
        return CaseFile(document: document, name: name, kind: actualKind, format: .xml)
    }

    // MARK: YAML and JSON

    private static func loadYAML(_ data: Data, name: String, format: SourceFormat, kind: FileKind,
                                 limits: Limits) throws(Diagnostic) -> (CaseFile, nulElements: [(XMLNode, Int)]) {
        guard let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic(.encoding, kind, at: SourceLocation(file: name))
        }
        let composed: Node?
        do {
            // No tag resolution: scalars are taken as written, and resolving them costs regular expressions.
            // UTF-8 named outright: Yams' default reads the whole environment on every parse.
            composed = try Yams.compose(yaml: text, Resolver.basic, .default, .utf8)
        } catch let error as YamlError {
            throw diagnostic(for: error, text: text, name: name, format: format, kind: kind)
        } catch {
            throw Diagnostic(.syntax, kind, at: SourceLocation(file: name), ["detail": "\(error)"],
                             wording: InputWording.xmlSyntax)
        }
        guard let composed else {
            throw Diagnostic(.empty, kind, at: SourceLocation(file: name, line: 1, column: 1))
        }
        var builder = YAMLTreeBuilder(fileName: name, kind: kind, limits: limits)
        let document = try builder.build(composed, rootName: kind.rootName)
        return (CaseFile(document: document, name: name, kind: kind, format: format, marks: builder.marks,
                         loadDiagnostics: builder.diagnostics), builder.nulElements)
    }

    /// A Yams error as a finding at its line and column.
    private static func diagnostic(for error: YamlError, text: String, name: String, format: SourceFormat,
                                   kind: FileKind) -> Diagnostic {
        let what = format == .json ? "JSON" : "YAML"
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: name, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            guard let context else {
                return Diagnostic(.syntax, kind, at: at(mark), ["format": "\(what)", "problem": YAMLWording.text(problem)])
            }
            return Diagnostic(.syntax, kind, at: at(mark),
                              ["format": "\(what)", "problem": YAMLWording.text(problem), "context": YAMLWording.text(context.text),
                               "line": "\(context.mark.line)", "column": "\(context.mark.column)"],
                              wording: InputWording.syntaxWithContext)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(.duplicateKey, kind, at: at(context.mark), ["keys": .list(duplicates.sorted())])
        case .reader(let problem, let offset, _, _):
            var location = SourceLocation(file: name)
            if let offset {
                let prefixText = text.prefix(offset)
                let line = prefixText.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
                let column = prefixText.split(separator: "\n", omittingEmptySubsequences: false).last.map { $0.unicodeScalars.count + 1 } ?? 1
                location = SourceLocation(file: name, line: line, column: column)
            }
            return Diagnostic(.syntax, kind, at: location, ["format": "\(what)", "problem": YAMLWording.text(problem)],
                              wording: InputWording.unreadableText)
        default:
            return Diagnostic(.syntax, kind, at: SourceLocation(file: name), ["format": "\(what)", "problem": "\(error)"],
                              wording: InputWording.unreadableText)
        }
    }

    private static func tooLarge(_ size: Int, _ limits: Limits, _ name: String, _ kind: FileKind) -> Diagnostic {
        Diagnostic(.tooLarge, kind, at: SourceLocation(file: name), ["size": "\(size)", "limit": "\(limits.maxBytes)"])
    }
}
