import WenshuFormat
import WenshuDocument
import WenshuTemplate

/// The two parts of the packet that no form template writes, because they are made from the checks: the
/// checklist of materials and, for a packet built with `--force`, the cover note listing what was overridden.
enum PacketPaper {
    /// 司法确认申请材料清单: one row per material the court needs — the packet's own parts with the page
    /// each starts on (computed when printed), the case's attachments with their page counts and the page
    /// their placeholders start on, a 授权委托书 printed to sign (待签), and 缺 where a material is missing —
    /// then a plain sentence of what is missing, and the checker's signature with a line to sign on.
    static func checklist(_ materials: PacketMaterials, facts: PacketFacts) -> [Block] {
        var blocks: [Block] = [.title([.text("司法确认申请材料清单")])]
        if let number = facts.caseNumber { blocks.append(.subtitle([.text("案件编号："), .field(number)], alignment: .right)) }
        blocks.append(.paragraph(Paragraph([.text("申请人：")] + joined(facts.parties.map(\.name)), alignment: .left)))
        if let court = facts.confirmation?.court {
            blocks.append(.paragraph(Paragraph([.text("受理法院："), .field(court)], alignment: .left)))
        }

        let header = TableRow(isHeader: true, cells: ["序号", "应附材料", "所附材料及页数", "情况"].map {
            TableCell([Paragraph([.strong($0)], alignment: .center)])
        })
        let rows = materials.items.enumerated().map { index, material -> TableRow in
            let number = TableCell([Paragraph([.text(String(index + 1))], alignment: .center)])
            let title = TableCell([Paragraph([.text(material.title)], alignment: .left)])
            let found: [Paragraph], state: Inline
            switch material.source {
            case .packet(let section):
                found = [Paragraph([.text("本申请材料第"), .pageRef(target: section, end: false), .text("页起")], alignment: .left)]
                state = .text("已附")
            case .attached(let attachments):
                found = attachments.enumerated().map { k, attachment in
                    Paragraph([.field(attachment.title), .text("，\(attachment.pages ?? 1)页，第"),
                               .pageRef(target: PacketMaterials.placeholderSection(index + 1, k + 1), end: false), .text("页起")],
                              alignment: .left)
                }
                state = .text("已附")
            case .toSign(let n):
                found = [Paragraph([.text("本申请材料第"), .pageRef(target: PacketPart.powerOfAttorney.section(n), end: false),
                                    .text("页起，待委托人、受托人签名")], alignment: .left)]
                state = .text("待签")
            case .missing:
                found = [Paragraph([.text("未附")], alignment: .left)]
                state = .strong("缺")
            }
            return TableRow(cells: [number, title, TableCell(found), TableCell([Paragraph([state], alignment: .center)])])
        }
        blocks.append(.table(Table(columnWidths: [3, 11, 12, 3], rows: [header] + rows)))

        let missing = materials.missing
        if missing.isEmpty {
            blocks.append(.paragraph(Paragraph([.text("经核对，上列应附材料均已附齐。")], firstLineIndent: true)))
        } else {
            blocks.append(.paragraph(Paragraph([.text("经核对，尚缺下列\(ChineseNumerals.spell(Int64(missing.count)))项材料，请在提交人民法院前补齐：")],
                                               firstLineIndent: true)))
            for (index, material) in missing.enumerated() {
                blocks.append(.paragraph(Paragraph([.text("\(index + 1).\(material.title)；")], firstLineIndent: true)))
            }
        }
        blocks.append(.signatures(SignatureBlock([Signature(label: [.text("材料核对人（签名）"), .blank(width: 8)],
                                                            date: Inline.handwrittenDate)])))
        return blocks
    }

    /// The cover note of a forced packet: every problem overridden, in the words the clerk and the court
    /// read (the ids are in the command's report), then what else deserves a look; the clerk who decided
    /// signs it. It is not part of what goes to
    /// the court: the clerk deals with each point and removes it.
    static func coverNote(overridden: [PacketFinding], otherPoints: [PacketFinding], facts: PacketFacts) -> [Block] {
        var blocks: [Block] = [.title([.text("司法确认申请材料审查情况说明")])]
        if let number = facts.caseNumber { blocks.append(.subtitle([.text("案件编号："), .field(number)], alignment: .right)) }
        blocks.append(.paragraph(Paragraph([.text("本申请材料经审查，存在下列不符合司法确认受理条件或者材料要求的问题，经办人决定仍予生成，供核实、补正之用。提交人民法院前，请逐项处理并撤下本说明；未处理的，人民法院可能不予受理或者驳回申请。")],
                                           firstLineIndent: true)))
        for (index, finding) in overridden.enumerated() {
            blocks.append(.paragraph(Paragraph([.text(ChineseNumerals.spell(Int64(index + 1)) + "、" + finding.notice)],
                                               firstLineIndent: true)))
        }
        if !otherPoints.isEmpty {
            blocks.append(.paragraph(Paragraph([.text("另请核实下列事项：")], firstLineIndent: true)))
            for (index, finding) in otherPoints.enumerated() {
                blocks.append(.paragraph(Paragraph([.text("\(index + 1).\(finding.notice)")], firstLineIndent: true)))
            }
        }
        blocks.append(.signatures(SignatureBlock([Signature(label: [.text("经办人（签名）")], date: Inline.handwrittenDate)])))
        return blocks
    }

    /// Names as fields, separated by 、.
    private static func joined(_ names: [String]) -> [Inline] {
        names.enumerated().flatMap { index, name -> [Inline] in index == 0 ? [.field(name)] : [.text("、"), .field(name)] }
    }
}
