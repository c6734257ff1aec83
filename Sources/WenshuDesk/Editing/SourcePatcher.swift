import Foundation
import WenshuCase
import WenshuDiagnostics
import WenshuXML

/// Changes values in a case file's own text, keeping its comments, order and layout: each value is found at
/// the line the loader marked for it and replaced there. Only values written on one line next to their key
/// (or as one list item) are patched; anything else — a block scalar, a flow list, two values on one XML line —
/// returns nil and the caller rewrites the file in the canonical layout instead.
enum SourcePatcher {
    static func patch(_ text: String, file: CaseFile, changes: [String: String]) -> String? {
        var lines = text.components(separatedBy: "\n")
        for (path, value) in changes.sorted(by: { $0.key < $1.key }) {
            guard let steps = PathStep.parse(path), let node = element(at: steps, in: file.root) else { return nil }
            let line = file.location(of: node).line
            guard line >= 1, line <= lines.count else { return nil }
            let key = steps.last!.index == nil ? steps.last!.name : nil
            let patched: String?
            switch file.format {
            case .yaml: patched = yamlLine(lines[line - 1], key: key, value: value)
            case .json: patched = jsonLine(lines[line - 1], key: key, value: value)
            case .xml: patched = xmlLine(lines[line - 1], element: node.name, value: value)
            }
            guard let patched else { return nil }
            lines[line - 1] = patched
        }
        return lines.joined(separator: "\n")
    }

    /// The element a field path names (`parties[2].name`), if the tree has it.
    static func element(at steps: [PathStep], in root: XMLNode) -> XMLNode? {
        var current = root
        for step in steps {
            guard let child = current.element(named: step.name) else { return nil }
            if let index = step.index {
                let items = child.elements
                guard index <= items.count else { return nil }
                current = items[index - 1]
            } else {
                current = child
            }
        }
        return current
    }

    // MARK: YAML: `key: value  # comment` or `- value`

    static func yamlLine(_ line: String, key: String?, value: String) -> String? {
        guard !value.contains("\n") else { return nil }
        var rest = Substring(line)
        let indent = rest.prefix { $0 == " " }
        rest = rest.dropFirst(indent.count)
        var head = String(indent)
        if rest.hasPrefix("- ") { head += "- "; rest = rest.dropFirst(2) }
        if let key {
            guard rest.hasPrefix(key + ":") else { return nil }
            head += key + ":"
            rest = rest.dropFirst(key.count + 1)
            let gap = rest.prefix { $0 == " " }
            guard !gap.isEmpty else { return nil }
            head += gap
            rest = rest.dropFirst(gap.count)
        } else {
            guard head.hasSuffix("- ") else { return nil }
        }
        guard let first = rest.first, !"|>[{&*!".contains(first) else { return nil }
        let scalarEnd: Substring.Index
        if first == "\"" || first == "'" {
            guard let close = closingQuote(rest, quote: first) else { return nil }
            scalarEnd = rest.index(after: close)
        } else {
            scalarEnd = rest.range(of: " #")?.lowerBound ?? rest.endIndex
        }
        let tail = rest[scalarEnd...]
        let trailing = tail.trimmingCharacters(in: .whitespaces)
        guard trailing.isEmpty || trailing.hasPrefix("#") else { return nil }
        return head + CanonicalCaseWriter.yamlScalar(value) + tail
    }

    private static func closingQuote(_ s: Substring, quote: Character) -> Substring.Index? {
        var i = s.index(after: s.startIndex)
        while i < s.endIndex {
            if quote == "\"", s[i] == "\\" { i = s.index(i, offsetBy: 2, limitedBy: s.endIndex) ?? s.endIndex; continue }
            if s[i] == quote {
                let next = s.index(after: i)
                if quote == "'", next < s.endIndex, s[next] == "'" { i = s.index(after: next); continue }
                return i
            }
            i = s.index(after: i)
        }
        return nil
    }

    // MARK: JSON: `"key": value` once on the line, or a lone string item

    static func jsonLine(_ line: String, key: String?, value: String) -> String? {
        var start = line.startIndex
        if let key {
            let quotedKey = "\"\(key)\""
            let hits = line.ranges(of: quotedKey)
            guard hits.count == 1 else { return nil }
            var i = hits[0].upperBound
            while i < line.endIndex, line[i] == " " { i = line.index(after: i) }
            guard i < line.endIndex, line[i] == ":" else { return nil }
            i = line.index(after: i)
            while i < line.endIndex, line[i] == " " { i = line.index(after: i) }
            start = i
        } else {
            start = line.firstIndex { $0 != " " } ?? line.endIndex
        }
        guard start < line.endIndex else { return nil }
        let rest = line[start...]
        let end: Substring.Index
        let bare: Bool
        if rest.first == "\"" {
            guard let close = closingQuote(rest, quote: "\"") else { return nil }
            end = rest.index(after: close)
            bare = false
        } else {
            end = rest.firstIndex { ",}] ".contains($0) } ?? rest.endIndex
            bare = true
            guard end > rest.startIndex else { return nil }
        }
        let tail = rest[end...].trimmingCharacters(in: .whitespaces)
        guard tail.isEmpty || [",", "}", "]", "},", "],"].contains(tail) || (key == nil && tail.hasPrefix(",") == false && tail.isEmpty) else { return nil }
        let isNumber = !value.isEmpty && value.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") } && value.first != "."
        let literal = bare && isNumber ? value : CanonicalCaseWriter.jsonString(value)
        return String(line[..<start]) + literal + String(rest[end...])
    }

    // MARK: XML: `<name>value</name>` once on the line

    static func xmlLine(_ line: String, element: String, value: String) -> String? {
        let open = "<\(element)>", close = "</\(element)>"
        let opens = line.ranges(of: open)
        guard opens.count == 1, let closeRange = line.range(of: close, range: opens[0].upperBound..<line.endIndex) else { return nil }
        guard !line[opens[0].upperBound..<closeRange.lowerBound].contains("<") else { return nil }
        return String(line[..<opens[0].upperBound]) + CanonicalCaseWriter.xmlEscape(value) + String(line[closeRange.lowerBound...])
    }
}
