import WenshuCase
import WenshuDiagnostics

/// Where a new case starts for each dispute type: the office's first committee, an application received
/// today, and the two sides the type usually has (an employer, a hospital, a property company or a business
/// is an organisation). The clerk fills in the rest; the checker says what is still missing.
enum CaseStartingPoint {
    /// Dispute types whose other side is usually an organisation.
    static let organisationRespondent: Set<String> = ["劳动争议", "医疗", "物业", "消费", "生产经营", "征地拆迁", "环境污染"]

    static func tree(number: String, type: String, profile: OfficeProfile?, on day: CivilDate) -> CaseTree {
        var committee = CaseTree(name: "committee")
        if let first = profile?.file.root.element(named: "committees")?.elements.first {
            for field in ["name", "level"] {
                if let value = first.element(named: field)?.stringValue { committee.children.append(CaseTree(name: field, text: value)) }
            }
        }
        func party(_ id: String, _ role: String, _ kind: String) -> CaseTree {
            CaseTree(name: "party", children: [CaseTree(name: "id", text: id), CaseTree(name: "role", text: role), CaseTree(name: "kind", text: kind)])
        }
        var children = [CaseTree(name: "number", text: number)]
        if !committee.children.isEmpty { children.append(committee) }
        children += [
            CaseTree(name: "type", text: type),
            CaseTree(name: "source", children: [CaseTree(name: "kind", text: "申请")]),
            CaseTree(name: "received", text: day.description),
            CaseTree(name: "parties", children: [
                party("p1", "申请人", "person"),
                party("p2", "被申请人", organisationRespondent.contains(type) ? "organisation" : "person"),
            ]),
        ]
        return CaseTree(name: "case", children: children)
    }
}
