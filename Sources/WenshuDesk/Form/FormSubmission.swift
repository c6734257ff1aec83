import Foundation

/// A posted form: `application/x-www-form-urlencoded` pairs, in order. Input names are field paths
/// (`parties[2].name`); a list's items also post `_from` (the item's position when the page was made, empty for
/// a new one) and each list posts `PATH._list`, so an emptied list is told from one the form does not show.
struct FormSubmission: Sendable {
    var pairs: [(String, String)]

    init(pairs: [(String, String)]) { self.pairs = pairs }

    /// Decodes a urlencoded body (`+` is a space, `%XX` UTF-8 bytes).
    init(urlEncoded body: String) {
        pairs = body.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (FormSubmission.decode(parts[0]), parts.count > 1 ? FormSubmission.decode(parts[1]) : "")
        }
    }

    private static func decode(_ s: Substring) -> String {
        String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
    }

    subscript(name: String) -> String? { pairs.last { $0.0 == name }?.1 }

    /// The 1-based positions posted for the list at `path` (from `path[N]…` names), in order.
    func itemPositions(of path: String) -> [Int] {
        let prefix = path + "["
        var positions = Set<Int>()
        for (name, _) in pairs where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            if let close = rest.firstIndex(of: "]"), let n = Int(rest[..<close]) { positions.insert(n) }
        }
        return positions.sorted()
    }
}

/// Applies a posted case form to a case tree: values set, emptied values removed, list items kept, added,
/// removed and reordered as the page had them. Fields the form does not show are left as they were, and a
/// list item keeps its hidden fields when it moves (`_from`).
enum FormApplier {
    static func apply(_ form: FormSubmission, to tree: CaseTree) -> CaseTree {
        var root = tree
        for section in CaseFormSchema.sections {
            apply(section.fields, form: form, path: "", to: &root)
        }
        return root
    }

    static func apply(_ specs: [FieldSpec], form: FormSubmission, path: String, to record: inout CaseTree) {
        for spec in specs {
            let fieldPath = path.isEmpty ? spec.name : "\(path).\(spec.name)"
            switch spec {
            case .value:
                guard let posted = form[fieldPath] else { continue }
                set(spec.name, to: posted, in: &record)
            case .record(_, _, let fields):
                var child = record.children.first { $0.name == spec.name } ?? CaseTree(name: spec.name)
                apply(fields, form: form, path: fieldPath, to: &child)
                replace(spec.name, with: child.children.isEmpty ? nil : child, in: &record)
            case .list(_, _, let fields):
                applyList(spec, itemFields: fields, form: form, path: fieldPath, to: &record)
            case .valueList:
                applyList(spec, itemFields: nil, form: form, path: fieldPath, to: &record)
            }
        }
    }

    /// A list: its items in the page's order, each from the item it was (`_from`) or new.
    private static func applyList(_ spec: FieldSpec, itemFields: [FieldSpec]?, form: FormSubmission, path fieldPath: String,
                                  to record: inout CaseTree) {
                guard form[fieldPath + "._list"] != nil else { return }
                let old = record.children.first { $0.name == spec.name }
                let itemName = CaseTree.itemName(forList: spec.name) ?? spec.name
                let oldItems = old?.children.filter { $0.name == itemName } ?? []
                var items: [CaseTree] = []
                for position in form.itemPositions(of: fieldPath) {
                    let itemPath = "\(fieldPath)[\(position)]"
                    guard let itemFields else {
                        let text = (form[itemPath] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                        let kept = position <= oldItems.count ? oldItems[position - 1].text : nil
                        let same = kept?.trimmingCharacters(in: .whitespacesAndNewlines) == text
                        if !text.isEmpty { items.append(CaseTree(name: itemName, text: same ? kept : text)) }
                        continue
                    }
                    var item = form[itemPath + "._from"].flatMap(Int.init).flatMap { $0 >= 1 && $0 <= oldItems.count ? oldItems[$0 - 1] : nil }
                        ?? CaseTree(name: itemName)
                    apply(itemFields, form: form, path: itemPath, to: &item)
                    if !item.children.isEmpty { items.append(item) }
                }
                replace(spec.name, with: items.isEmpty ? nil : CaseTree(name: spec.name, children: items), in: &record)
    }

    /// Sets a value field; an empty or blank value removes it (docs/case-format.md: empty means left out).
    private static func set(_ name: String, to posted: String, in record: inout CaseTree) {
        let trimmed = posted.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        // A value shown and posted unchanged stays exactly as the file has it (a block scalar's final newline).
        if let old = record.children.first(where: { $0.name == name })?.text,
           old.trimmingCharacters(in: .whitespacesAndNewlines) == trimmed { return }
        replace(name, with: trimmed.isEmpty ? nil : CaseTree(name: name, text: trimmed), in: &record)
    }

    /// Puts `child` in place of the element named `name` (appended when there was none), or removes it.
    private static func replace(_ name: String, with child: CaseTree?, in record: inout CaseTree) {
        if let index = record.children.firstIndex(where: { $0.name == name }) {
            if let child { record.children[index] = child } else { record.children.remove(at: index) }
        } else if let child {
            record.children.append(child)
        }
    }
}
