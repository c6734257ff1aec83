import WenshuCase
import WenshuDiagnostics

/// The case form as Mustache sees it: sections of fields with their current values, list items with the
/// position they came from, and an empty item per list for the page's "add" button.
enum FormView {
    static func sections(for tree: CaseTree) -> [[String: Any]] {
        CaseFormSchema.sections.map { section in
            ["anchor": section.anchor, "title": section.title,
             "fields": section.fields.map { field($0, in: tree, path: "") }]
        }
    }

    /// Every flag the field templates test, false unless set: Mustache looks a missing name up in the
    /// enclosing contexts, so a value inside a record would otherwise render as a record too.
    static let flags = ["isValue", "isRecord", "isList", "isText", "isLong", "isDate", "isTime", "isMoney", "isCount", "isChoice", "isScan"]

    static func field(_ spec: FieldSpec, in record: CaseTree?, path: String) -> [String: Any] {
        var view = fieldView(spec, in: record, path: path)
        for flag in flags where view[flag] == nil { view[flag] = false }
        return view
    }

    private static func fieldView(_ spec: FieldSpec, in record: CaseTree?, path: String) -> [String: Any] {
        let fieldPath = path.isEmpty ? spec.name : "\(path).\(spec.name)"
        let child = record?.children.first { $0.name == spec.name }
        switch spec {
        case .value(_, let label, let kind):
            return value(label: label, name: fieldPath, value: child?.text ?? "", kind: kind)
        case .record(_, let label, let fields):
            return ["isRecord": true, "label": label, "path": fieldPath, "fields": fields.map { field($0, in: child, path: fieldPath) }]
        case .list(_, let label, let fields):
            let items = child?.children ?? []
            return ["isList": true, "label": label, "path": fieldPath,
                    "items": items.enumerated().map { index, item in
                        listItem(fields, item: item, path: "\(fieldPath)[\(index + 1)]", position: "\(index + 1)", from: "\(index + 1)")
                    },
                    "blank": listItem(fields, item: nil, path: "\(fieldPath)[__N__]", position: "__N__", from: "")]
        case .valueList(_, let label, let kind):
            let items = child?.children ?? []
            return ["isList": true, "label": label, "path": fieldPath,
                    "items": items.enumerated().map { index, item in
                        valueItem(kind, path: "\(fieldPath)[\(index + 1)]", position: "\(index + 1)", value: item.text ?? "")
                    },
                    "blank": valueItem(kind, path: "\(fieldPath)[__N__]", position: "__N__", value: "")]
        }
    }

    private static func listItem(_ fields: [FieldSpec], item: CaseTree?, path: String, position: String, from: String) -> [String: Any] {
        ["path": path, "position": position, "from": from, "hasFrom": true, "fields": fields.map { field($0, in: item, path: path) }]
    }

    private static func valueItem(_ kind: FieldSpec.Kind, path: String, position: String, value: String) -> [String: Any] {
        var field = self.value(label: "第\(position)项", name: path, value: value, kind: kind)
        for flag in flags where field[flag] == nil { field[flag] = false }
        return ["path": path, "position": position, "from": "", "hasFrom": false, "fields": [field]]
    }

    static func value(label: String, name: String, value: String, kind: FieldSpec.Kind) -> [String: Any] {
        var view: [String: Any] = ["isValue": true, "label": label, "name": name, "value": value]
        switch kind {
        case .text: view["isText"] = true
        case .longText: view["isLong"] = true
        // A value the picker cannot show (2026-02-30) would post back empty and be lost: a text box keeps it.
        case .date: view[value.isEmpty || CivilDate(iso: value) != nil ? "isDate" : "isText"] = true
        case .time: view[value.isEmpty || value.wholeMatch(of: /[0-2][0-9]:[0-5][0-9]/) != nil ? "isTime" : "isText"] = true
        case .money: view["isMoney"] = true
        case .count: view["isCount"] = true
        case .scan: view["isScan"] = true
        case .choice(let options):
            view["isChoice"] = true
            var all = options.map { ["value": $0, "label": choiceLabels[$0] ?? $0, "selected": $0 == value] as [String: Any] }
            if !value.isEmpty, !options.contains(value) { all.append(["value": value, "label": value, "selected": true]) }
            view["options"] = all
        }
        return view
    }

    /// Chinese for the values the schema keeps in English.
    static let choiceLabels = ["person": "自然人", "organisation": "法人或其他组织", "written": "书面", "oral": "口头",
                               "true": "是", "false": "否"]
}
