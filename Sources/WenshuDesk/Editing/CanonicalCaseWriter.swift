import Foundation
import WenshuCase
import WenshuDiagnostics

/// Writes a case tree in the canonical layout of its format: YAML with two-space indents, JSON indented by
/// two, XML indented by two. Used for new cases and for structural edits (fields or list items added or
/// removed), where the file's own layout cannot be kept. Lists follow the loader's rule in reverse.
enum CanonicalCaseWriter {
    static func text(_ tree: CaseTree, format: SourceFormat) -> String {
        switch format {
        case .yaml: return yaml(tree)
        case .json: return json(tree)
        case .xml: return xml(tree)
        }
    }

    // MARK: YAML

    static func yaml(_ tree: CaseTree) -> String {
        var out = ""
        yamlFields(tree.children, indent: "", into: &out)
        return out
    }

    private static func yamlFields(_ fields: [CaseTree], indent: String, into out: inout String) {
        for field in fields {
            if field.isList {
                out += "\(indent)\(field.name):\n"
                for item in field.children {
                    if item.children.isEmpty {
                        out += "\(indent)  - \(yamlScalar(item.text ?? ""))\n"
                    } else {
                        var body = ""
                        yamlFields(item.children, indent: indent + "    ", into: &body)
                        out += indent + "  - " + body.dropFirst(indent.count + 4)
                    }
                }
            } else if !field.children.isEmpty {
                out += "\(indent)\(field.name):\n"
                yamlFields(field.children, indent: indent + "  ", into: &out)
            } else {
                out += "\(indent)\(field.name): \(yamlScalar(field.text ?? ""))\n"
            }
        }
    }

    /// A plain scalar when YAML reads it back as the same text, else a double-quoted one.
    static func yamlScalar(_ text: String) -> String {
        let plainStarts = Set("-?:,[]{}#&*!|>'\"%@`")
        let reserved: Set<String> = ["null", "Null", "NULL", "~", ""]
        let needsQuotes = reserved.contains(text) || plainStarts.contains(text.first!) || text.contains(": ")
            || text.contains(" #") || text.hasSuffix(":") || text.first!.isWhitespace || text.last!.isWhitespace
            || text.contains(where: { $0.isNewline || $0 == "\t" || ($0.asciiValue.map { $0 < 32 } ?? false) })
        return needsQuotes ? jsonString(text) : text
    }

    // MARK: JSON

    static func json(_ tree: CaseTree) -> String { jsonValue(tree, indent: "") + "\n" }

    private static func jsonValue(_ node: CaseTree, indent: String) -> String {
        let inner = indent + "  "
        if node.isList {
            let items = node.children.map { inner + jsonValue($0, indent: inner) }
            return "[\n" + items.joined(separator: ",\n") + "\n\(indent)]"
        }
        if node.children.isEmpty { return jsonString(node.text ?? "") }
        let fields = node.children.map { "\(inner)\(jsonString($0.name)): \(jsonValue($0, indent: inner))" }
        return "{\n" + fields.joined(separator: ",\n") + "\n\(indent)}"
    }

    /// A JSON string literal (also YAML's double-quoted form): quotes, backslashes and controls escaped.
    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    // MARK: XML

    static func xml(_ tree: CaseTree) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xmlElement(tree, indent: "", into: &out)
        return out
    }

    private static func xmlElement(_ node: CaseTree, indent: String, into out: inout String) {
        if node.children.isEmpty {
            out += "\(indent)<\(node.name)>\(xmlEscape(node.text ?? ""))</\(node.name)>\n"
            return
        }
        out += "\(indent)<\(node.name)>\n"
        for child in node.children { xmlElement(child, indent: indent + "  ", into: &out) }
        out += "\(indent)</\(node.name)>\n"
    }

    static func xmlEscape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
