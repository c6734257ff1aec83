import WenshuDocument

/// Documents built by hand for the text writer's tests: an agreement as a committee prints it, a blank
/// intake form, and a dossier with an unnumbered cover and contents whose page numbers come from the
/// paginator.
enum TextSamples {
    static func party(_ role: String, _ name: String, _ particulars: String) -> Block {
        .paragraph(Paragraph([.text(role + "："), .field(name), .text("，"), .field(particulars)], firstLineIndent: true))
    }

    static func body(_ inlines: Inline...) -> Block {
        .paragraph(Paragraph(inlines, firstLineIndent: true))
    }

    static func cell(_ text: String, alignment: Alignment = .left, columnSpan: Int = 1, rowSpan: Int = 1) -> TableCell {
        TableCell([Paragraph([.text(text)], alignment: alignment)], columnSpan: columnSpan, rowSpan: rowSpan)
    }

    /// A 人民调解协议书 for a traffic case paid in instalments.
    static var agreement: Document {
        let instalments = Table(columnWidths: [1, 3, 3], rows: [
            TableRow(isHeader: true, cells: [cell("期次", alignment: .center), cell("履行期限", alignment: .center),
                                             cell("金额（元）", alignment: .center)]),
            TableRow(cells: [cell("第一期", alignment: .center), cell("2026年12月31日前"), cell("￥10,000.00", alignment: .right)]),
            TableRow(cells: [cell("第二期", alignment: .center), cell("2027年3月31日前"), cell("￥12,000.00", alignment: .right)]),
            TableRow(cells: [cell("第三期", alignment: .center), cell("2027年6月30日前"), cell("￥12,020.00", alignment: .right)]),
            TableRow(cells: [cell("合计", alignment: .center), cell("人民币叁万肆仟零贰拾元整（￥34,020.00）", columnSpan: 2)]),
        ])
        return Document(
            metadata: DocumentMetadata(formID: "agreement", title: "人民调解协议书", number: "（2026）青调字第12号",
                                       caseNumber: "（2026）青调字第12号", date: "2026-11-22"),
            blocks: [
                .title([.text("人民调解协议书")]),
                .subtitle([.field("（2026）青调字第12号")], alignment: .right),
                party("甲方", "张三", "男，汉族，1985年3月12日出生，居民身份证号码110105198503120017，住北京市朝阳区青年路8号院3号楼2单元501室，电话13805712345。"),
                party("乙方", "北京顺达物流有限公司", "统一社会信用代码91110105MA01ABCD3X，住所地北京市朝阳区东三环北路27号，法定代表人李四，电话010-65432100。"),
                .heading(level: 1, [.text("一、纠纷主要事实、争议事项")]),
                body(.text("2026年9月18日上午8时许，乙方驾驶员王五驾驶京A·12345号重型货车在青年路与朝阳北路交叉口右转时，与骑电动自行车直行的甲方相撞，致甲方右腿骨折、车辆受损。交警部门认定乙方驾驶员负事故全部责任，甲方无责任。甲方要求乙方赔偿医疗费、误工费、护理费、交通费及财产损失共计人民币34,020.00元；乙方对赔偿数额无异议，但提出“分期支付”。")),
                .heading(level: 1, [.text("二、经调解，双方自愿达成如下协议：")]),
                body(.text("1.乙方赔偿甲方医疗费、误工费、护理费、交通费及财产损失共计人民币叁万肆仟零贰拾元整（￥34,020.00），分三期支付，具体如下：")),
                .table(instalments),
                body(.text("2.乙方按期将上述款项转入甲方账户（开户行：中国工商银行北京青年路支行，账号6222020200012345678）。任何一期逾期超过十五日的，甲方可以就剩余全部款项申请强制执行……")),
                body(.text("3.甲方收到全部款项后，不再就本次事故向乙方及其驾驶员主张任何权利。")),
                body(.text("本协议一式三份，当事人、人民调解委员会各持一份，自双方当事人签名、盖章或按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。")),
                .signatures(SignatureBlock([
                    Signature(label: [.text("甲方（签名、盖章或按指印）：")], date: [.blank(width: 8)]),
                    Signature(label: [.text("乙方（盖章）：")], name: [.field("北京顺达物流有限公司")],
                              date: [.blank(width: 8)]),
                    Signature(label: [.text("人民调解员（签名）：")], name: [.field("赵六")]),
                    Signature(label: [.text("记录人（签名）：")]),
                    Signature(label: [.text("（印）")], name: [.field("青年路街道人民调解委员会")],
                              date: [.field("二〇二六年十一月二十二日")]),
                ])),
            ])
    }

    /// A blank 人民调解受理登记表: blanks, checkboxes, a table with spans.
    static var intakeForm: Document {
        let table = Table(columnWidths: [2, 3, 2, 3], rows: [
            TableRow(cells: [cell("申请人"), TableCell([Paragraph([.blank(width: 6)])]), cell("性别"),
                             TableCell([Paragraph([.checkbox(label: "男", checked: false), .text("　"),
                                                   .checkbox(label: "女", checked: true)])])]),
            TableRow(cells: [cell("纠纷类型", rowSpan: 2),
                             TableCell([Paragraph([.checkbox(label: "婚姻家庭", checked: false), .text(" "),
                                                   .checkbox(label: "邻里", checked: false), .text(" "),
                                                   .checkbox(label: "道路交通事故", checked: true), .text(" "),
                                                   .checkbox(label: "其他", checked: false)])], columnSpan: 3)]),
            TableRow(cells: [TableCell([Paragraph([.text("其他类型请注明："), .blank(width: 8)])], columnSpan: 3)]),
            TableRow(cells: [cell("纠纷简要情况"), TableCell([], columnSpan: 3)], minLines: 4),
        ])
        return Document(
            metadata: DocumentMetadata(formID: "intake-register", title: "人民调解受理登记表"),
            pageStyle: .form,
            blocks: [
                .title([.text("人民调解受理登记表")]),
                .subtitle([.text("（"), .blank(width: 2), .text("）"), .blank(width: 2), .text("调字第"), .blank(width: 3), .text("号")],
                          alignment: .right),
                .table(table),
                .signatures(SignatureBlock([Signature(label: [.text("受理人（签名）：")], date: [.blank(width: 2)])])),
            ])
    }

    /// A dossier: unnumbered cover and contents (page numbers by reference), then documents numbered from 1.
    static func dossier(documentParagraphs: [Int] = [30, 3, 45]) -> Document {
        let titles = ["人民调解申请书", "人民调解当事人权利义务告知书", "人民调解协议书"]
        var rows = [TableRow(isHeader: true, cells: [cell("序号", alignment: .center), cell("文件名称", alignment: .center),
                                                     cell("页号", alignment: .center)])]
        for (i, title) in titles.enumerated() {
            rows.append(TableRow(cells: [
                cell("\(i + 1)", alignment: .center), cell(title),
                TableCell([Paragraph([.pageRef(target: "doc\(i + 1)", end: false), .text("-"),
                                      .pageRef(target: "doc\(i + 1)", end: true)], alignment: .center)]),
            ]))
        }
        var blocks: [Block] = [
            .section(Section(id: "cover", numbering: .unnumbered, blocks: [
                .title([.text("人民调解卷宗")]),
                body(.text("卷名："), .field("张三与北京顺达物流有限公司道路交通事故损害赔偿纠纷")),
                body(.text("本卷共"), .pageCount, .text("页。")),
            ])),
            .section(Section(id: "contents", numbering: .unnumbered, blocks: [
                .title([.text("卷内目录")]),
                .table(Table(columnWidths: [1, 5, 2], rows: rows)),
            ])),
        ]
        for (i, title) in titles.enumerated() {
            let paragraphs = (0..<documentParagraphs[i]).map { n in
                body(.field("〔\(title)〕"), .text("第\(n + 1)段：当事人陈述了纠纷的经过，人民调解员记录在案，双方核对无误。"))
            }
            blocks.append(.section(Section(id: "doc\(i + 1)", numbering: i == 0 ? .restart(at: 1) : .continues,
                                           blocks: [.title([.text(title)])] + paragraphs)))
        }
        return Document(metadata: DocumentMetadata(formID: "dossier", title: "人民调解卷宗"), blocks: blocks)
    }
}
