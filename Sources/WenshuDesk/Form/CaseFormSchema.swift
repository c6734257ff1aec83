/// The case form: the fields of docs/case-format.md in Chinese, grouped as a clerk thinks
/// (受理 — 当事人 — 调查 — 调解 — 协议 — 履行 — 回访 — 司法确认 — 归档). Fields the form does not show
/// (an attribute, a field the schema has and this list lacks) are kept untouched when a case is saved.
indirect enum FieldSpec: Sendable {
    /// What an input holds; it decides the widget and nothing else (values are kept as typed).
    enum Kind: Sendable { case text, longText, date, time, money, count, choice([String]), scan }

    case value(String, String, Kind)
    case record(String, String, [FieldSpec])
    case list(String, String, [FieldSpec])
    /// A list of plain values (`claims`): each item is its own text.
    case valueList(String, String, Kind)

    var name: String {
        switch self { case .value(let n, _, _), .record(let n, _, _), .list(let n, _, _), .valueList(let n, _, _): return n }
    }
    var label: String {
        switch self { case .value(_, let l, _), .record(_, let l, _), .list(_, let l, _), .valueList(_, let l, _): return l }
    }
}

/// One titled part of the form.
struct FormSection: Sendable {
    var anchor: String
    var title: String
    var fields: [FieldSpec]
}

enum CaseFormSchema {
    static let disputeTypes = ["婚姻家庭", "邻里", "房屋宅基地", "山林土地", "合同", "生产经营", "损害赔偿", "道路交通事故",
                               "劳动争议", "医疗", "物业", "征地拆迁", "环境污染", "消费", "村务管理", "其他"]
    private static let yesNo: FieldSpec.Kind = .choice(["true", "false"])
    private static let idTypes = ["居民身份证", "护照", "港澳居民来往内地通行证", "台湾居民来往大陆通行证", "外国人永久居留身份证"]

    private static let serviceMethods: FieldSpec.Kind = .choice(["直接送达", "留置送达", "邮寄送达", "委托送达", "电子送达"])

    private static let mediator: [FieldSpec] = [
        .value("name", "姓名", .text), .value("role", "职责", .choice(["主持调解员", "调解员"])),
        .value("id_number", "身份证号码", .text), .value("phone", "电话", .text),
    ]

    static let sections: [FormSection] = [
        FormSection(anchor: "accept", title: "受理", fields: [
            .value("number", "案号", .text), .value("title", "纠纷名称", .text),
            .record("committee", "调解委员会", [
                .value("name", "名称", .text), .value("level", "层级", .choice(["村(居)", "乡镇(街道)", "企事业", "行业性专业性"])),
                .value("address", "地址", .text), .value("phone", "电话", .text),
            ]),
            .value("type", "纠纷类型", .choice(disputeTypes)), .value("grade", "难易程度", .choice(["一般", "疑难", "重大"])),
            .record("source", "纠纷来源", [
                .value("kind", "来源", .choice(["申请", "主动", "移送", "委派", "委托", "邀请"])),
                .value("body", "移送单位", .text), .value("sender", "移送人", .text), .value("date", "移送日期", .date),
                .value("reference", "移送文号", .text), .value("time_limit", "办理期限（天）", .count),
            ]),
            .value("received", "收到日期", .date), .value("accepted", "受理日期", .date), .value("accepted_by", "登记人", .text),
            .value("summary", "纠纷简要情况", .longText),
            .valueList("claims", "申请事项", .longText),
            .list("routings", "交办、移交、督办", [
                .value("kind", "类别", .choice(["交办", "移交", "督办"])), .value("number", "单号", .text), .value("date", "日期", .date),
                .value("from_unit", "交办单位", .text), .value("to_unit", "承办单位", .text), .value("responsible", "责任人", .text),
                .value("deadline", "办理期限", .date), .value("requirements", "办理要求", .longText), .value("progress", "督办事项", .longText),
                .value("new_deadline", "新期限", .date),
                .record("done", "销号", [.value("date", "日期", .date), .value("result", "办理结果", .longText), .value("reported_by", "报告人", .text)]),
            ]),
            .list("notices", "书面通知", [
                .value("kind", "类别", .choice(["受理", "不予受理", "终止调解"])), .value("number", "编号", .text), .value("date", "日期", .date),
                .value("to", "送达对象", .text), .value("reason", "理由", .longText), .value("route", "其他途径", .longText),
                .value("served_by", "送达人", .text), .value("method", "送达方式", serviceMethods),
            ]),
            .record("report", "重大、疑难纠纷报告（专报）", [
                .value("number", "编号", .text), .value("date", "日期", .date), .value("to", "报送单位", .text),
                .value("risk", "激化风险", .longText), .value("measures", "已采取的措施", .longText), .value("requests", "请求事项", .longText),
            ]),
        ]),
        FormSection(anchor: "parties", title: "当事人", fields: [
            .list("parties", "当事人", [
                .value("id", "代号", .text), .value("role", "身份", .choice(["申请人", "被申请人", "当事人", "第三人"])),
                .value("kind", "类别", .choice(["person", "organisation"])), .value("name", "姓名或名称", .text),
                .value("gender", "性别", .choice(["男", "女"])), .value("ethnicity", "民族", .text),
                .value("birth_date", "出生日期", .date), .value("occupation", "职业", .text),
                .value("id_type", "证件类型", .choice(idTypes)), .value("id_number", "证件号码", .text),
                .value("credit_code", "统一社会信用代码", .text),
                .record("representative", "法定代表人或负责人", [
                    .value("name", "姓名", .text), .value("title", "职务", .choice(["法定代表人", "负责人"])),
                ]),
                .value("address", "住址", .text), .value("phone", "电话", .text),
                .record("group", "群体纠纷", [
                    .value("size", "人数", .count), .list("members", "其他成员", [.value("name", "姓名", .text)]),
                ]),
                .list("agents", "代理人", [
                    .value("name", "姓名", .text), .value("kind", "类别", .choice(["委托代理人", "法定代理人"])),
                    .value("relation", "关系", .text), .value("gender", "性别", .choice(["男", "女"])),
                    .value("id_type", "证件类型", .choice(idTypes)), .value("id_number", "证件号码", .text), .value("workplace", "工作单位", .text),
                    .value("address", "住址", .text), .value("phone", "电话", .text),
                    .value("authority", "代理权限", .choice(["一般授权", "特别授权"])),
                    .value("may_apply_confirmation", "可申请司法确认", yesNo),
                ]),
            ]),
        ]),
        FormSection(anchor: "investigation", title: "调查", fields: [
            .list("investigations", "调查记录", [
                .value("date", "日期", .date), .value("time", "时间", .time), .value("place", "地点", .text),
                .value("investigator", "调查人", .text), .value("recorder", "记录人", .text),
                .value("subject", "被调查人", .text), .value("present", "在场人", .text),
                .list("exchanges", "问答", [.value("question", "问", .longText), .value("answer", "答", .longText)]),
            ]),
        ]),
        FormSection(anchor: "mediation", title: "调解", fields: [
            .list("mediators", "调解员", mediator),
            .record("recorder", "记录人", [.value("name", "姓名", .text)]),
            .list("sessions", "调解记录", [
                .value("date", "日期", .date), .value("time", "时间", .time), .value("place", "地点", .text),
                .value("present", "参加人", .text), .value("course", "调解经过", .longText), .value("result", "调解结果", .longText),
            ]),
            .list("extensions", "延长期限", [.value("date", "日期", .date), .value("days", "延长天数", .count), .value("reason", "理由", .longText)]),
            .list("escalations", "防止纠纷激化", [
                .value("kind", "类别", .choice(["自杀", "民转刑", "群体性械斗", "群体性上访"])), .value("persons", "人数", .count),
            ]),
            .record("outcome", "调解结果", [
                .value("result", "结果", .choice(["调解成功", "调解不成功", "终止调解"])),
                .value("reason", "原因", .longText), .value("advice", "告知的其他途径", .longText),
            ]),
        ]),
        FormSection(anchor: "agreement", title: "协议", fields: [
            .record("agreement", "调解协议", [
                .value("number", "协议编号", .text), .value("form", "形式", .choice(["written", "oral"])),
                .value("date", "达成日期", .date), .value("effective", "生效日期", .date),
                .value("facts", "纠纷事实", .longText), .value("responsibilities", "责任认定", .longText),
                .list("terms", "协议条款", [.value("text", "内容", .longText), .value("amount", "金额（元）", .money)]),
                .value("total_amount", "总金额（元）", .money),
                .list("instalments", "分期履行", [
                    .value("due", "到期日", .date), .value("amount", "金额（元）", .money), .value("payer", "付款人代号", .text),
                ]),
                .value("performance_terms", "履行方式、时限", .longText), .value("copies", "份数", .count),
                .list("copy_holders", "各方持有份数", [.value("holder", "持有方", .text), .value("copies", "份数", .count)]),
                .value("confirms_status_relation", "涉及身份关系", yesNo), .value("confirms_ownership", "涉及物权确认", yesNo),
            ]),
        ]),
        FormSection(anchor: "performance", title: "履行", fields: [
            .record("agreement", "协议履行", [
                .record("performance", "履行情况", [
                    .value("status", "状态", .choice(["已履行", "部分履行", "未履行"])),
                    .list("payments", "付款", [.value("date", "日期", .date), .value("amount", "金额（元）", .money), .value("note", "备注", .text)]),
                ]),
            ]),
        ]),
        FormSection(anchor: "visits", title: "回访", fields: [
            .list("visits", "回访", [
                .value("date", "日期", .date), .value("time", "时间", .time), .value("method", "方式", .text),
                .value("visitor", "回访人", .text), .value("recorder", "记录人", .text), .value("performance", "履行情况", .longText),
                .value("satisfaction", "满意度", .choice(["满意", "基本满意", "不满意"])), .value("notes", "备注", .longText),
            ]),
        ]),
        FormSection(anchor: "confirmation", title: "司法确认", fields: [
            .record("confirmation", "司法确认", [
                .value("court", "法院", .text), .value("applied", "申请日期", .date),
                .value("result", "结果", .choice(["确认有效", "驳回", "审查中"])), .value("decided", "裁定日期", .date),
                .value("reference", "裁定书文号", .text),
            ]),
        ]),
        FormSection(anchor: "archive", title: "归档", fields: [
            .value("closed", "结案日期", .date),
            .list("services", "送达回证", [
                .value("paper", "送达文书", .text), .value("number", "文号", .text), .value("recipient", "受送达人", .text),
                .value("method", "送达方式", serviceMethods), .value("date", "送达日期", .date), .value("place", "送达地点", .text),
                .value("served_by", "送达人", .text), .value("notes", "备注", .longText),
            ]),
            .record("reply", "回复移送单位", [.value("number", "编号", .text), .value("date", "日期", .date), .value("contact", "联系人", .text)]),
            .list("attachments", "附件", [
                .value("kind", "类别", .choice(["身份证明", "授权委托书", "证据材料", "履行凭证", "司法确认材料", "其他"])),
                .value("title", "名称", .text), .value("pages", "页数", .count), .value("scan", "扫描件", .scan),
            ]),
            .record("dossier", "卷宗", [
                .value("number", "卷号", .text), .value("filed_by", "立卷人", .text), .value("filed_on", "立卷日期", .date),
                .value("retention", "保管期限", .choice(["永久", "30年", "10年"])), .value("checked_by", "检查人", .text),
                .value("notes", "备注", .longText),
            ]),
        ]),
    ]

    /// A field path as the page names it, in Chinese: `parties[1].agents[1].id_number` →
    /// 当事人第1项 · 代理人第1项 · 证件号码. Segments the form does not show keep their own name; a path
    /// whose first step the form does not show is returned as it is.
    static func label(forPath path: String) -> String {
        guard let (words, known) = labelWords(path), known > 0 else { return path }
        return words.joined(separator: " · ")
    }

    /// The Chinese name of a path every step of which the form shows; nil otherwise.
    static func knownLabel(forPath path: String) -> String? {
        guard let (words, known) = labelWords(path), known == words.count else { return nil }
        return words.joined(separator: " · ")
    }

    /// Each step's name, and how many steps from the start the form shows.
    private static func labelWords(_ path: String) -> ([String], Int)? {
        guard let steps = PathStep.parse(path) else { return nil }
        var candidates = sections.flatMap(\.fields)
        var words: [String] = []
        var known = 0
        for step in steps {
            // A record can stand in two sections (协议 and 履行 both hold `agreement`): look in all of them.
            let matches = candidates.filter { $0.name == step.name }
            guard let spec = matches.first, known == words.count else {
                words.append(step.name + (step.index.map { "[\($0)]" } ?? ""))
                candidates = []
                continue
            }
            known += 1
            words.append(spec.label + (step.index.map { "第\($0)项" } ?? ""))
            candidates = matches.flatMap { match -> [FieldSpec] in
                switch match {
                case .record(_, _, let fields), .list(_, _, let fields): return fields
                case .value, .valueList: return []
                }
            }
        }
        return (words, known)
    }
}
