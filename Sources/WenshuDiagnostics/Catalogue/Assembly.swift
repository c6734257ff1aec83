// Rendering to files, the bound dossier, ledgers and statistics (docs/dossier.md,
// docs/ledgers-and-statistics.md).

extension RenderID {
    public static let writeFailed = RenderID(
        "render.write-failed",
        en: "{detail}", zh: "无法写出文件：{detail}",
        means: "Writing an output file failed.",
        fix: "Check the output folder (space, permissions).")
    public static let unknownForm = RenderID(
        "render.unknown-form",
        en: "the form {form} is not among the templates that loaded (see the problems above)",
        zh: "已读取的模板中没有表单{form}（见上面列出的问题）",
        means: "A form asked for whose template did not load.",
        fix: "Fix the template's problems printed before it.")
}

extension DossierID {
    public static let missingRequired = DossierID(
        "dossier.missing-required",
        en: "the dossier must hold {title} (必须) but has nothing for it: {wanted}{remedy}",
        zh: "卷宗必须有{title}，但没有相应内容：{wanted}{remedy}",
        means: "A required (必须) row of the dossier model has nothing in it; a warning with --force.",
        fix: "Add the record or attachment to the case, or bind with --force (the cover notes the gap).")
    public static let missingTemplate = DossierID(
        "dossier.missing-template",
        en: "the dossier needs the template {form}, which is not among the installed ones",
        zh: "卷宗需要模板{form}，但已安装的模板中没有",
        means: "The cover or contents template is not installed.",
        fix: "Use the bundled templates.")
    public static let attachmentWithoutRow = DossierID(
        "dossier.attachment-without-row", .note,
        en: "no row of the dossier model takes attachments of kind {kind}: {title} is bound as 其他材料 before the 备考表",
        zh: "卷宗目录中没有收录{kind}类附件的一项：{title}作为其他材料装订在备考表之前",
        means: "An attachment whose kind no row of the model takes.",
        fix: "Nothing, or add a row for the kind to the profile's dossier model.")
    public static let scanPath = DossierID(
        "dossier.scan-path",
        en: "the scan {path} must be a relative path to a file in the case file's folder or below it",
        zh: "扫描件{path}应为相对路径，指向案件文件所在文件夹或其下的文件",
        means: "A scan path that is absolute or leaves the case file's folder.",
        fix: "Keep scans beside the case file and name them relatively.")
    public static let scanUnreadable = DossierID(
        "dossier.scan-unreadable",
        en: "the scan {path} cannot be read (looked for {url})", zh: "无法读取扫描件{path}（查找位置：{url}）",
        means: "A scan file that is missing or unreadable.",
        fix: "Check the scan's name and place.")
    public static let scanFormat = DossierID(
        "dossier.scan-format",
        en: "the scan {path} is not a PNG or JPEG image; scan each page to an image file",
        zh: "扫描件{path}不是PNG或JPEG图像；请将每页扫描为图像文件",
        means: "A scan that is not a PNG or JPEG image.",
        fix: "Scan each page to PNG or JPEG.")
    public static let writeFailed = DossierID(
        "dossier.write-failed",
        en: "{detail}", zh: "无法写出卷宗：{detail}",
        means: "Writing the dossier's files failed.",
        fix: "Check the output folder (space, permissions).")
}

extension LedgerID {
    public static let unknownCommittee = LedgerID(
        "report.unknown-committee",
        en: "no case or register knows {name}{nearest}",
        zh: "没有任何案件或登记册包含调解组织{name}{nearest}",
        means: "`--committee` names a committee no case or register has (a misspelt name would give an all-zero report).",
        fix: "Write the committee's exact name; the message names the nearest known ones.")
    public static let unknownMediator = LedgerID(
        "report.unknown-mediator",
        en: "no case or register knows {name}{nearest}",
        zh: "没有任何案件或登记册包含调解员{name}{nearest}",
        means: "`--mediator` names a mediator no case or register has.",
        fix: "Write the mediator's exact name; the message names the nearest known ones.")
    public static let otherCommittee = LedgerID(
        "report.other-committee", .warning,
        en: "the case's committee {committee} is not one of the office's (the profile's committees, the committees register): left out of the ledgers and statistics{nearest}",
        zh: "案件的调解组织{committee}不是本单位所辖调解组织（办公室配置的committees、调解组织登记册）：不计入台账和统计{nearest}",
        means: "Ledgers and statistics count only the committees the office profile and the committees register list; this case belongs to another (or its committee's name is misspelt).",
        fix: "Correct the committee's name in the case, add the committee to the profile and the register, or leave the case out of the inputs.")
    public static let notACase = LedgerID(
        "ledger.not-a-case", .warning,
        en: "this is a {kind} file, not a case: left out of the ledgers and statistics",
        zh: "这是{kind}文件，不是案件：不计入台账和统计",
        means: "A file among the inputs that is not a case.",
        fix: "Name registers and the work log with their options, or leave them out.")
    public static let duplicateNumber = LedgerID(
        "ledger.duplicate-number", .warning,
        en: "case number {number} is also used by {first}; the ledger lists both",
        zh: "案号{number}也被{first}使用；台账两者都列出",
        means: "Two cases with one number.",
        fix: "Correct the number of one of them.")

    // The reasons a case earns no subsidy (以案定补); the Chinese is what the subsidy report prints.
    public static let subsidyNoDossier = LedgerID(
        "subsidy.no-dossier", .note, en: "not filed in a dossier", zh: "未立卷归档",
        means: "No subsidy: the case is not bound into a dossier (一案一卷).", fix: "Bind the dossier.")
    public static let subsidyNotSuccessful = LedgerID(
        "subsidy.not-successful", .note, en: "not mediated successfully ({outcome})", zh: "未调解成功（{outcome}）",
        variants: [LedgerWording.stillMediating],
        means: "No subsidy: the mediation did not succeed, or has no outcome yet.", fix: "None (the rule).")
    public static let subsidyNotPerformed = LedgerID(
        "subsidy.not-performed", .note, en: "agreement not fully performed ({status})", zh: "协议未履行完毕（{status}）",
        variants: [LedgerWording.performanceUnrecorded],
        means: "No subsidy: the agreement is not fully performed, or performance is not recorded.",
        fix: "Record the performance when it is complete.")
    public static let subsidyNoGrade = LedgerID(
        "subsidy.no-grade", .note, en: "no case grade", zh: "未填写案件等级",
        means: "No subsidy: the case has no grade (一般, 疑难, 重大).", fix: "Record the grade.")
    public static let subsidyNoCommitteeLevel = LedgerID(
        "subsidy.no-committee-level", .note, en: "no committee level", zh: "未填写调解组织类别",
        means: "No subsidy: the committee's level is unknown.", fix: "Record the committee's level.")
    public static let subsidyNoRate = LedgerID(
        "subsidy.no-rate", .note, en: "no rate for {level}·{grade} in the profile", zh: "补助标准中无“{level}·{grade}”一档",
        means: "No subsidy: the profile has no rate for the level and grade.", fix: "Add the rate to the profile.")
    public static let subsidyMissingMaterials = LedgerID(
        "subsidy.missing-materials", .note, en: "missing papers: {titles}", zh: "缺少材料：{titles}",
        means: "No subsidy: papers the rate requires are missing.", fix: "Record the papers in the case.")
    public static let subsidyNoMediator = LedgerID(
        "subsidy.no-mediator", .note, en: "no mediator named", zh: "未填写调解员",
        means: "No subsidy: no mediator is named to receive it.", fix: "Name the mediator.")
}

/// Phrases the dossier's and the ledgers' messages put in their parameters.
package enum DossierWording {
    package static let noData = Phrase(en: "{title} (the case has no data for it)", zh: "{title}（案件没有相应数据）")
    package static let noTemplate = Phrase(en: "{title} (no installed template has this title)",
                                          zh: "{title}（已安装的模板中没有此标题）")
    package static let attachmentOfKind = Phrase(en: "an attachment of kind {kind}", zh: "{kind}类附件")
    package static let boundAnyway = Phrase(en: "; bound anyway (--force), as the cover's note says",
                                           zh: "；已强制装订（--force），封面备注载明")
    package static let addOrForce = Phrase(en: "; add it to the case, or bind with --force", zh: "；请补入案件，或用--force装订")
    package static let it = Phrase(en: "it", zh: "该附件")
}

package enum LedgerWording {
    package static let stillMediating = Phrase(en: "still being mediated, no outcome yet", zh: "尚在调解，未有调解结果")
    package static let performanceUnrecorded = Phrase(en: "performance not recorded", zh: "协议履行情况未记录")
}


extension LedgerWording {
    package static let nearestKnown = Phrase(en: "; the nearest known: {names}", zh: "；最接近的是：{names}")
}
