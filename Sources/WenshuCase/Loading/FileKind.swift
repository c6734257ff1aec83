import Foundation

/// The kinds of file Wenshu reads: each has its root element, its schema and the prefix of its findings' ids.
public enum FileKind: String, Sendable, CaseIterable {
    /// One mediation case (`case.rng`).
    case caseFile = "case"
    /// The office profile: committees, number series, holidays, subsidy rates, the dossier model (`office.rng`).
    case office
    /// 调解组织登记册, the register of committees (`committees.rng`).
    case committees
    /// 调解人员登记册, the register of mediators (`mediators.rng`).
    case mediators
    /// 调解工作记录本, the work log (`worklog.rng`).
    case worklog

    /// The root element of the file's tree (YAML and JSON files are mappings whose keys go under it).
    public var rootName: String {
        switch self {
        case .caseFile: return "case"
        case .office: return "office"
        case .committees: return "committee_register"
        case .mediators: return "mediator_register"
        case .worklog: return "worklog"
        }
    }

    /// The schema file in the bundled `Schemas` folder.
    var schemaFileName: String {
        switch self {
        case .caseFile: return "case.rng"
        case .office: return "office.rng"
        case .committees: return "committees.rng"
        case .mediators: return "mediators.rng"
        case .worklog: return "worklog.rng"
        }
    }

    /// The first part of every finding's id about a file of this kind: `case.missing-field`,
    /// `office.bad-date`, `register.phone`, `worklog.syntax`.
    public var idPrefix: String {
        switch self {
        case .caseFile: return "case"
        case .office: return "office"
        case .committees, .mediators: return "register"
        case .worklog: return "worklog"
        }
    }

    /// The kind whose root element is `name`, if any.
    public init?(rootName name: String) {
        guard let kind = FileKind.allCases.first(where: { $0.rootName == name }) else { return nil }
        self = kind
    }

    /// The kind a file's name suggests: `office.*`, `committees.*`, `mediators.*` and `worklog.*` are those
    /// files; anything else is a case. (An XML file's root element has the last word.)
    public init(guessingFrom url: URL) {
        // `deletingPathExtension()` makes a new URL (about 40,000 instructions, for every case of a batch);
        // the name it leaves is the start of the last component, so a component that starts with none of
        // the four names is a case without asking it. That component is cut from the path's bytes:
        // `lastPathComponent` cost 17 K instructions a call, this 3 K.
        let last = Self.lastComponent(of: url.relativePath)
        guard ["office", "committees", "mediators", "worklog"].contains(where: { last.hasPrefix($0) }) else {
            self = .caseFile
            return
        }
        switch url.deletingPathExtension().lastPathComponent {
        case "office": self = .office
        case "committees": self = .committees
        case "mediators": self = .mediators
        case "worklog": self = .worklog
        default: self = .caseFile
        }
    }

    /// What follows the last `/` of `path` (trailing ones dropped).
    private static func lastComponent(of path: String) -> Substring {
        var trimmed = Substring(path)
        while trimmed.utf8.last == UInt8(ascii: "/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.utf8.lastIndex(of: UInt8(ascii: "/")) else { return trimmed }
        return trimmed[trimmed.utf8.index(after: slash)...]
    }
}

/// The text formats a file may be written in; all load to the same tree.
public enum SourceFormat: String, Sendable, CaseIterable {
    case xml, yaml, json

    /// The format a file name's extension says (`.xml`, `.yaml`/`.yml`, `.json`), if any.
    public init?(fileExtension ext: String) {
        switch ext.lowercased() {
        case "xml": self = .xml
        case "yaml", "yml": self = .yaml
        case "json": self = .json
        default: return nil
        }
    }
}
