import Foundation
import WenshuCase
import WenshuDiagnostics
import WenshuXML

/// Changes values in a case file's own text, keeping its comments, order and layout: each value is found at
/// the line the loader marked for it and replaced there. Values written on one line next to their key (or as one
/// list item) are patched, and so are YAML block scalars (`key: |` / `key: >` and the indented lines under
/// them); anything else — a flow list, a block with an indentation indicator or `+` chomping, two values on one
/// XML line — returns nil and the caller rewrites the file in the canonical layout instead.
enum SourcePatcher {
    static func patch(_ text: String, file: CaseFile, changes: [String: String]) -> String? {
        var lines = text.components(separatedBy: "\n")
        var edits: [(line: Int, element: String, key: String?, value: String)] = []
        for (path, value) in changes {
            guard let steps = PathStep.parse(path), let node = element(at: steps, in: file.root) else { return nil }
            let line = file.location(of: node).line
            guard line >= 1, line <= lines.count else { return nil }
            edits.append((line, node.name, steps.last!.index == nil ? steps.last!.name : nil, value))
        }
        // From the last line up: a block scalar that grows or shrinks leaves the lines above it where they were.
        for edit in edits.sorted(by: { ($0.line, $0.element) > ($1.line, $1.element) }) {
            let index = edit.line - 1
            switch file.format {
            case .yaml:
                if let block = yamlBlock(lines, at: index, key: edit.key, value: edit.value) {
                    lines.replaceSubrange(index..<(index + block.replacing), with: block.lines)
                    continue
                }
                guard let patched = yamlLine(lines[index], key: edit.key, value: edit.value) else { return nil }
                lines[index] = patched
            case .json:
                guard let patched = jsonLine(lines[index], key: edit.key, value: edit.value) else { return nil }
                lines[index] = patched
            case .xml:
                guard let patched = xmlLine(lines[index], element: edit.element, value: edit.value) else { return nil }
                lines[index] = patched
            }
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

    /// A YAML block scalar whose header is on `lines[index]` (`key: |`, `- >-`, with a comment after it or not):
    /// the header line kept, the content lines under it replaced by `value` at the block's own indentation.
    /// Returns how many lines to replace (header and content, not the blank lines after it) and the new ones;
    /// nil when the line is no block header this can keep (an indentation indicator, `+` chomping, a value whose
    /// first line starts with a space, or a folded value whose lines start with spaces).
    static func yamlBlock(_ lines: [String], at index: Int, key: String?, value: String) -> (replacing: Int, lines: [String])? {
        let line = lines[index]
        var rest = Substring(line)
        var base = rest.prefix { $0 == " " }.count
        rest = rest.dropFirst(base)
        if rest.hasPrefix("- ") { rest = rest.dropFirst(2); if key != nil { base += 2 } }
        if let key {
            guard rest.hasPrefix(key + ":") else { return nil }
            rest = rest.dropFirst(key.count + 1).drop { $0 == " " }
        }
        guard let style = rest.first, style == "|" || style == ">" else { return nil }
        let header = rest.dropFirst().prefix { $0 != " " && $0 != "#" }
        guard header.isEmpty || header == "-" else { return nil }
        let after = rest.dropFirst(1 + header.count).trimmingCharacters(in: .whitespaces)
        guard after.isEmpty || after.hasPrefix("#") else { return nil }

        // The content: the lines after the header that are blank or indented deeper than the key (or dash).
        func indent(_ s: String) -> Int { s.prefix { $0 == " " }.count }
        func isBlank(_ s: String) -> Bool { s.allSatisfy { $0 == " " } }
        var end = index + 1
        var lastContent = index
        while end < lines.count, isBlank(lines[end]) || indent(lines[end]) > base {
            if !isBlank(lines[end]) { lastContent = end }
            end += 1
        }
        let contentIndent = lastContent > index ? lines[(index + 1)...lastContent].first { !isBlank($0) }.map(indent)! : base + 2

        let valueLines = value.components(separatedBy: "\n")
        guard let first = valueLines.first, !first.hasPrefix(" "), !first.hasPrefix("\t"), !value.contains("\r") else { return nil }
        var content: [String]
        if style == "|" {
            content = valueLines
        } else {
            // Folded: a line break between two lines reads as a space, so each break of the value is a blank line,
            // and lines beginning with white space would be kept as they are: not written this way.
            guard !valueLines.contains(where: { $0.hasPrefix(" ") || $0.hasPrefix("\t") }) else { return nil }
            content = []
            for (i, part) in valueLines.enumerated() {
                if i > 0 { content.append("") }
                if !part.isEmpty || i == 0 { content.append(part) }
            }
        }
        let pad = String(repeating: " ", count: contentIndent)
        content = content.map { $0.isEmpty ? "" : pad + $0 }
        return (lastContent - index + 1, [line] + content)
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
