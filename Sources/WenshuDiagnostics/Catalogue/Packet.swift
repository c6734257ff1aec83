// The judicial-confirmation packet (docs/packet.md). Each finding also carries a Chinese notice for the
// packet's paper (the cover note of a forced packet): that is document text, written at the rule.

extension PacketID {
    public static let window = PacketID(
        "packet.window",
        en: "applied on {applied}, day {day} after the agreement took effect on {effective}; the 30-day window for a joint application (人民调解法 art. 33, 民事诉讼法 art. 205; the day of effect is not counted, 民法典 art. 201) ended on {lastDay}{moved}: the court will not accept the application",
        zh: "{applied}申请，为协议{effective}生效后第{day}日；共同申请的三十日期限（人民调解法第三十三条、民事诉讼法第二百零五条；生效当日不计入，民法典第二百零一条）已于{lastDay}届满{moved}：人民法院不予受理",
        means: "Judicial confirmation applied for after the 30-day window.",
        fix: "Check the dates; a late application is not accepted (the parties may sue instead).")
    public static let windowOpen = PacketID(
        "packet.window-open", .note,
        en: "no application date yet (confirmation.applied): the parties must apply jointly by {lastDay}, within 30 days after the agreement took effect on {effective}{moved}",
        zh: "尚无申请日期（confirmation.applied）：协议于{effective}生效，双方当事人应于{lastDay}前（含当日）共同申请{moved}",
        means: "No application date yet: the last day to apply.",
        fix: "Apply by the day given, and record `confirmation.applied`.")
    public static let holidaysUnknown = PacketID(
        "packet.holidays-unknown", .note,
        en: "the window was counted with Saturdays and Sundays as the only rest days ({why}), so public holidays were not known; check the last day against the State Council's holiday arrangement",
        zh: "申请期限按只有周六、周日休息计算（{why}），不知道法定节假日；请对照国务院节假日安排核对最后一日",
        means: "The window was counted without the year's holiday arrangement.",
        fix: "Give the office profile with the year's holiday arrangement.")
    public static let excludedStatus = PacketID(
        "packet.excluded-status",
        en: "the agreement confirms a status relation (confirms_status_relation is true): courts do not confirm agreements that declare a marriage, parent-child or adoption relation valid, void or dissolved",
        zh: "协议确认身份关系（confirms_status_relation为true）：确认婚姻、亲子、收养关系有效、无效或解除的协议，人民法院不予确认",
        means: "The agreement confirms a marriage, parent-child or adoption relation.",
        fix: "Such an agreement cannot be confirmed; check the flag.")
    public static let excludedOwnership = PacketID(
        "packet.excluded-ownership",
        en: "the agreement confirms ownership of property or intellectual-property rights (confirms_ownership is true): courts do not confirm such agreements",
        zh: "协议确认物权或知识产权的归属（confirms_ownership为true）：人民法院不予确认此类协议",
        means: "The agreement confirms ownership of property or intellectual-property rights.",
        fix: "Such an agreement cannot be confirmed; check the flag.")
    public static let exclusionUnknown = PacketID(
        "packet.exclusion-unknown", .warning,
        en: "a {type} case whose agreement does not say whether it confirms a status relation: set agreement.confirms_status_relation to true or false (an agreement on maintenance or support only can be confirmed; one that confirms a marriage, parent-child or adoption relation cannot)",
        zh: "本案为{type}纠纷，协议未载明是否确认身份关系：请将agreement.confirms_status_relation设为true或false（仅涉及抚养费、赡养费等给付的可以确认；确认婚姻、亲子、收养关系的不能确认）",
        variants: [PacketWording.ownershipUnknown],
        means: "A 婚姻家庭 or property case whose agreement does not say what it confirms.",
        fix: "Set the flag the message names to true or false.")
    public static let missingIdentity = PacketID(
        "packet.missing-identity",
        en: "{who} has no {what}: the court needs every applicant's identity, address and contact",
        zh: "{who}的{what}未填写：人民法院需要每位申请人的身份、住所和联系方式",
        means: "A party or applying agent lacks identity, address or contact data.",
        fix: "Add the field to the case.")
    public static let agentAuthority = PacketID(
        "packet.agent-authority",
        en: "{agent}, {kind} of {party}, {has}: applying for judicial confirmation through an agent needs 特别授权 in a power of attorney the party signed; record authority 特别授权, or set may_apply_confirmation to false if {party} applies in person",
        zh: "{party}的{kind}{agent}{has}：委托他人代为申请司法确认，需要当事人签名的特别授权委托书；请记录authority为特别授权，如{party}亲自申请，请将may_apply_confirmation设为false",
        means: "An appointed agent among the applicants without 特别授权.",
        fix: "Record 特别授权, or have the party apply in person.")
    public static let noAgreement = PacketID(
        "packet.no-agreement",
        en: "the case has no agreement: there is nothing for a court to confirm",
        zh: "案件没有调解协议：没有可供人民法院确认的内容",
        means: "No agreement to confirm (cannot be forced).",
        fix: "Record the agreement first.")
    public static let oralAgreement = PacketID(
        "packet.oral-agreement",
        en: "the agreement is oral: a court confirms a written 人民调解协议书; make a written agreement first (人民调解法 art. 28)",
        zh: "调解协议为口头协议：人民法院确认的是书面人民调解协议书；请先制作书面协议（人民调解法第二十八条）",
        means: "An oral agreement (cannot be forced).",
        fix: "Make a written agreement first.")
    public static let oneParty = PacketID(
        "packet.one-party",
        en: "judicial confirmation is applied for jointly by the parties to the agreement; the case has {count} party",
        zh: "司法确认应由协议双方当事人共同申请；本案只有{count}方当事人",
        means: "Fewer than two parties.",
        fix: "Record every party to the agreement.")
    public static let noCourt = PacketID(
        "packet.no-court", .warning,
        en: "no receiving court (confirmation.court): the application's court line is left blank; it is the court that invited the mediation, else the basic court where a party lives, where the subject matter is, or where the committee sits (民事诉讼法 art. 205)",
        zh: "未载明受理法院（confirmation.court）：申请书的法院一栏留空；人民法院邀请调解的，向该法院申请，否则向当事人住所地、标的物所在地或调解组织所在地的基层人民法院申请（民事诉讼法第二百零五条）",
        means: "No receiving court recorded; the line is left for handwriting.",
        fix: "Record `confirmation.court`.")
    public static let court = PacketID(
        "packet.court", .warning,
        en: "the case was referred by {body} ({sourceKind}), so the application goes to that court (民事诉讼法 art. 205(1)), not to {court}",
        zh: "本案系{body}{sourceKind}调解的案件，应向该法院申请（民事诉讼法第二百零五条第一项），而非{court}",
        means: "A case a court referred whose application names another court.",
        fix: "Apply to the referring court.")
    public static let missingMaterial = PacketID(
        "packet.missing-material", .warning,
        en: "no identity paper of {name} among the attachments: add one of kind 身份证明 whose title names {name} (e.g. {name}居民身份证复印件)",
        zh: "附件中没有{name}的身份证明：请添加类别为身份证明、标题含{name}的附件（如{name}居民身份证复印件）",
        variants: [PacketWording.organisationPapers, PacketWording.agentIdentity, PacketWording.guardianship,
                   PacketWording.powerOfAttorney],
        means: "An identity paper or power of attorney the court needs is not among the attachments.",
        fix: "Attach it (with the kind and a title naming the person).")
    public static let propertyProof = PacketID(
        "packet.property-proof", .warning,
        en: "the agreement's terms deal with property ({property}) but no property-right proof is attached: attach the proofs (不动产权证书, 土地承包经营权证, 机动车登记证书 …) or confirm none is needed",
        zh: "协议条款涉及财产（{property}），但未附财产权利证明：请附上（不动产权证书、土地承包经营权证、机动车登记证书……），或确认无需提供",
        means: "The agreement deals with property but no property-right proof is attached.",
        fix: "Attach the proof, or confirm none is needed.")
    public static let missingTemplate = PacketID(
        "packet.missing-template",
        en: "the form {form} is not among the templates: the packet cannot be made without it (check --templates)",
        zh: "模板中没有表单{form}：缺少它无法制作材料（请检查--templates）",
        means: "A form the packet needs is not among the templates (cannot be forced).",
        fix: "Use the bundled templates, or add the form.")
    public static let writeFailed = PacketID(
        "packet.write-failed",
        en: "the packet could not be written: {detail}", zh: "无法写出材料：{detail}",
        means: "Writing the packet's files failed.",
        fix: "Check the output folder (space, permissions).")
}

/// The other wordings of the packet's ids, and phrases its messages put in their parameters.
package enum PacketWording {
    package static let ownershipUnknown = Phrase(
        en: "a {type} case whose agreement does not say whether it confirms ownership: set agreement.confirms_ownership to true or false (an agreement that confirms who owns property or intellectual-property rights cannot be confirmed)",
        zh: "本案为{type}纠纷，协议未载明是否确认物权归属：请将agreement.confirms_ownership设为true或false（确认物权或知识产权归属的协议不能确认）")
    package static let movedToWorkingDay = Phrase(
        en: " (the 30th day, {day}, is a rest day, so the window runs to the next working day, 民法典 art. 203)",
        zh: "（第三十日{day}为休息日，期限顺延至其后的第一个工作日，民法典第二百零三条）")
    package static let profileLacksYears = Phrase(en: "the office profile has no holiday arrangement for {years}",
                                                 zh: "本单位配置文件没有{years}年的节假日安排")
    package static let noProfile = Phrase(en: "no office profile was given", zh: "没有提供本单位配置文件")
    package static let hasAuthority = Phrase(en: "has {authority}", zh: "仅有{authority}")
    package static let noAuthority = Phrase(en: "has no authority recorded", zh: "未载明代理权限")
    package static let organisationPapers = Phrase(
        en: "no identity paper of {name} among the attachments: add one of kind 身份证明 (营业执照 or 法人证书, and the representative's 身份证明书)",
        zh: "附件中没有{name}的主体资格证明：请添加类别为身份证明的附件（营业执照或法人证书，以及法定代表人身份证明书）")
    package static let agentIdentity = Phrase(
        en: "no identity paper of {agent} ({kind} of {party}) among the attachments: add one of kind 身份证明 whose title names {agent} (a lawyer's 律师执业证 will do)",
        zh: "附件中没有{party}的{kind}{agent}的身份证明：请添加类别为身份证明、标题含{agent}的附件（律师可用律师执业证）")
    package static let guardianship = Phrase(
        en: "no proof that {agent} is {party}'s guardian among the attachments (户口簿, 出生医学证明 or another paper naming either of them)",
        zh: "附件中没有{agent}是{party}监护人的证明（户口簿、出生医学证明或其他载有二人之一姓名的材料）")
    package static let powerOfAttorney = Phrase(
        en: "no power of attorney for {agent} among the attachments: add one of kind 授权委托书 whose title names {agent} or {party}, signed by the party, with 特别授权 to apply for judicial confirmation",
        zh: "附件中没有{agent}的授权委托书：请添加类别为授权委托书、标题含{agent}或{party}、由当事人签名并特别授权申请司法确认的附件")
}
