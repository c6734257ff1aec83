/// The categories statistics are broken down by, in the order reports print them (docs/ledgers-and-statistics.md,
/// docs/case-format.md). A value a case uses that is not listed still gets its row, after these, so a
/// vocabulary extended in the case schema needs no change here to be counted.
package enum StatisticsCategories {
    package static let types = ["婚姻家庭", "邻里", "房屋宅基地", "山林土地", "合同", "生产经营", "损害赔偿", "道路交通事故",
                               "劳动争议", "医疗", "物业", "征地拆迁", "环境污染", "消费", "村务管理", "其他"]
    package static let sources = ["申请", "主动", "移送", "委派", "委托", "邀请"]
    /// The channels a case came by (对接渠道), as reports count them.
    package static let channels = ["诉调对接", "公调对接", "访调对接", "检调对接", "其他部门移送", "当事人申请", "主动调解"]

    /// The channel of a case: a court's 委派, 委托 or 邀请, or a 移送 by the kind of body that sent it (the
    /// case's `source/sender`, else read from the body's name: 法院, 公安 or 派出所, 信访, 检察); `nil` when
    /// the case records no source.
    package static func channel(kind: String?, sender: String?, body: String?) -> String? {
        switch kind {
        case "委派", "委托", "邀请": return "诉调对接"
        case "申请": return "当事人申请"
        case "主动": return "主动调解"
        case "移送":
            let name = body ?? ""
            let sender = sender ?? (name.contains("法院") ? "法院" : name.contains("公安") || name.contains("派出所") ? "公安机关"
                : name.contains("信访") ? "信访部门" : name.contains("检察") ? "检察院" : "其他部门")
            switch sender {
            case "法院": return "诉调对接"
            case "公安机关": return "公调对接"
            case "信访部门": return "访调对接"
            case "检察院": return "检调对接"
            default: return "其他部门移送"
            }
        default: return nil
        }
    }
    package static let committeeLevels = ["村(居)", "乡镇(街道)", "企事业", "行业性专业性"]
    package static let grades = ["一般", "疑难", "重大"]

    /// The escalations prevented, as published reports name them: `(case-file kind, report label)`.
    package static let escalations: [(kind: String, label: String)] = [
        ("自杀", "防止民间纠纷引起自杀"),
        ("民转刑", "防止民间纠纷转化为刑事案件"),
        ("群体性械斗", "制止群体性械斗"),
        ("群体性上访", "制止群体性上访"),
    ]

    /// Every value of `known` (a statistics form lists its categories even when they count zero), then the
    /// other `values` in code-point order.
    static func ordered(_ values: some Sequence<String>, known: [String]) -> [String] {
        let extra = Set(values).subtracting(known).sorted(by: Statistics.precedes)
        return known + extra
    }

    /// The report label of an escalation kind (the kind itself when it is not a standard one).
    static func escalationLabel(_ kind: String) -> String {
        escalations.first { $0.kind == kind }?.label ?? kind
    }
}
