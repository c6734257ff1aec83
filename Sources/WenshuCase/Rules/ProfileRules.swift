import WenshuXML

/// What the office profile says about a case of one of its committees: the numbers follow the office's
/// series with the committee's prefix. A warning only: the profile describes the usual, not the law.
/// Cases of committees the profile does not list are not judged (an office checks others' cases too).
/// Id: `number-series`.
enum ProfileRules {
    /// Which number series applies to which field.
    static let numberedFields: [(path: String, series: String)] = [
        ("number", "案件"),
        ("agreement/number", "调解协议"),
        ("dossier/number", "卷宗"),
        ("report/number", "专报"),
    ]

    /// The series of each kind of notice.
    static let noticeSeries = ["受理": "受理通知", "不予受理": "不予受理通知", "终止调解": "终止调解告知"]

    private static let committeeNameField = ChildSteps(path: "committee/name")
    private static let routings = ChildSteps(path: "routings/routing")
    private static let notices = ChildSteps(path: "notices/notice")
    private static let replyNumber = ChildSteps(path: "reply/number")
    private static let sourceKind = ChildSteps(path: "source/kind")

    static let rule: CaseRule = { context in
        guard let profile = context.profile, let committeeName = context.root.node(committeeNameField)?.stringValue,
              let committee = profile.committee(named: committeeName) else { return }
        var fields = numberedFields
        for routing in context.root.nodes(routings) {
            if let kind = routing.value("kind"), routing.element(named: "number") != nil {
                let index = routing.parent!.elements(named: "routing").firstIndex(of: routing)! + 1
                fields.append(("routings/routing[\(index)]/number", kind))
            }
        }
        for (index, notice) in context.root.nodes(notices).enumerated() where notice.element(named: "number") != nil {
            if let kind = notice.value("kind"), let series = noticeSeries[kind] {
                fields.append(("notices/notice[\(index + 1)]/number", series))
            }
        }
        if replyNumber.reachesElement(from: context.root) {
            fields.append(("reply/number", context.root.node(sourceKind)?.stringValue == "移送" ? "办结回复函" : "结果告知函"))
        }
        for (path, series) in fields {
            guard let format = profile.numberFormats.first(where: { $0.kind == series }),
                  let node = numberNode(context.root, path) else { continue }
            if format.pattern.matches(node.stringValue, prefix: committee.prefix) == false {
                context.report(.numberSeries, at: node,
                               ["number": "\(node.stringValue)", "series": "\(series)", "pattern": "\(format.pattern.text)",
                                "prefix": committee.prefix.map { .phrase(InputWording.withPrefix, ["prefix": "\($0)"]) } ?? ""])
            }
        }
    }

    /// The node at a path whose steps may carry a 1-based index: `routings/routing[2]/number`.
    private static func numberNode(_ root: XMLNode, _ path: String) -> XMLNode? {
        var nodes = [root]
        for step in path.split(separator: "/") {
            if let open = step.firstIndex(of: "["), let index = Int(step[step.index(after: open)...].dropLast()) {
                let name = String(step[..<open])
                nodes = nodes.flatMap { $0.elements(named: name) }
                nodes = index <= nodes.count ? [nodes[index - 1]] : []
            } else {
                nodes = nodes.flatMap { $0.elements(named: String(step)) }
            }
        }
        return nodes.first
    }
}
