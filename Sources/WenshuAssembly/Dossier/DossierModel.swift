import WenshuCase

/// The 卷内目录 model a dossier is bound by: one row per kind of paper, in binding order (the MoJ formats and the county 卷内目录 model, docs/dossier.md).
///
/// Offices keep it in their profile (`dossier/rows`); without a profile, or with one that has no rows, the
/// county model of the MoJ formats and the county 卷内目录 model, docs/dossier.md (`standard`) applies. Forms are named by their printed titles (as
/// templates' `title` gives them), attachments by the case's `attachments/attachment/kind`.
package struct DossierModel: Sendable, Equatable {
    package struct Row: Sendable, Equatable {
        /// 序号 in the model, from 1.
        package var position: Int
        package var title: String
        /// 必须 (true) or 按需: a dossier without anything for a required row is refused unless forced.
        package var required: Bool
        /// Titles of the forms Wenshu writes that fill the row, in binding order.
        package var forms: [String]
        /// Attachment kinds of the case that fill the row.
        package var attachmentKinds: [String]

        package init(position: Int, title: String, required: Bool, forms: [String] = [], attachmentKinds: [String] = []) {
            self.position = position
            self.title = title
            self.required = required
            self.forms = forms
            self.attachmentKinds = attachmentKinds
        }
    }

    package var rows: [Row]

    package init(rows: [Row]) { self.rows = rows }

    /// The profile's model, or `standard` when there is no profile or it lists no rows.
    package init(profile: OfficeProfile?) {
        guard let profile, !profile.dossierRows.isEmpty else {
            self = .standard
            return
        }
        rows = profile.dossierRows.map {
            Row(position: $0.position, title: $0.title, required: $0.required, forms: $0.forms, attachmentKinds: $0.attachmentKinds)
        }
    }

    /// The titles of the agreement forms: a written 人民调解协议书 or, for an oral agreement, its 登记表.
    package static let agreementTitles: Set<String> = ["人民调解协议书", "人民调解口头协议登记表"]

    /// Whether `row` must hold something for a case whose outcome is `outcome` (`outcome/result`).
    /// A required row is required, except a row of agreement forms alone when the mediation did not
    /// succeed (调解不成功, 终止调解): there is then no agreement to bind (人民调解法 arts. 28–29).
    package static func isRequired(_ row: Row, outcome: String?) -> Bool {
        guard row.required else { return false }
        let onlyAgreements = !row.forms.isEmpty && row.attachmentKinds.isEmpty && row.forms.allSatisfy(agreementTitles.contains)
        return !(onlyAgreements && outcome != nil && outcome != "调解成功")
    }

    /// Where attachments go whose kind no row takes (其他 …): bound as 其他材料 just before the dossier's
    /// own closing papers (the 备考表), so no paper of the case is left out. Position 0: not a model row.
    package static let otherMaterials = Row(position: 0, title: "其他材料", required: false)

    /// The 13-row model county justice bureaus prescribe (the MoJ formats and the county 卷内目录 model, docs/dossier.md), as examples/office.yaml writes it.
    package static let standard = DossierModel(rows: [
        Row(position: 1, title: "人民调解申请书或人民调解受理登记表", required: true, forms: ["人民调解申请书", "人民调解受理登记表"]),
        Row(position: 2, title: "人民调解当事人权利义务告知书", required: true, forms: ["人民调解当事人权利义务告知书"]),
        Row(position: 3, title: "当事人身份证明", required: true, attachmentKinds: ["身份证明"]),
        Row(position: 4, title: "授权委托书", required: false, attachmentKinds: ["授权委托书"]),
        Row(position: 5, title: "人民调解调查记录", required: false, forms: ["人民调解调查记录"]),
        Row(position: 6, title: "人民调解证据材料", required: false, attachmentKinds: ["证据材料"]),
        Row(position: 7, title: "人民调解记录", required: true, forms: ["人民调解记录"]),
        Row(position: 8, title: "人民调解协议书", required: true, forms: ["人民调解协议书", "人民调解口头协议登记表"]),
        Row(position: 9, title: "收条或汇款单等履行凭证", required: false, attachmentKinds: ["履行凭证"]),
        Row(position: 10, title: "人民调解回访记录", required: false, forms: ["人民调解回访记录"]),
        Row(position: 11, title: "司法确认有关材料", required: false, forms: ["司法确认申请书"], attachmentKinds: ["司法确认材料"]),
        Row(position: 12, title: "卷宗情况说明", required: false, forms: ["备考表"]),
        Row(position: 13, title: "封底", required: true, forms: ["封底"]),
    ])
}
