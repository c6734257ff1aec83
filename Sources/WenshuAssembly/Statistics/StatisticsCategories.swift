/// The categories statistics are broken down by, in the order reports print them (docs/ledgers-and-statistics.md,
/// docs/case-format.md). A value a case uses that is not listed still gets its row, after these, so a
/// vocabulary extended in the case schema needs no change here to be counted.
public enum StatisticsCategories {
    public static let types = ["婚姻家庭", "邻里", "房屋宅基地", "山林土地", "合同", "生产经营", "损害赔偿", "道路交通事故",
                               "劳动争议", "医疗", "物业", "征地拆迁", "环境污染", "消费", "村务管理", "其他"]
    public static let sources = ["申请", "主动", "移送", "委派", "委托"]
    public static let committeeLevels = ["村(居)", "乡镇(街道)", "企事业", "行业性专业性"]
    public static let grades = ["一般", "疑难", "重大"]

    /// The escalations prevented, as published reports name them: `(case-file kind, report label)`.
    public static let escalations: [(kind: String, label: String)] = [
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
