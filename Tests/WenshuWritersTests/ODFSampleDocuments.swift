import WenshuDocument

/// Documents the ODF and archival-XML tests write: small, but shaped like the forms Wenshu prints.
enum SampleDocuments {
    static let metadata = DocumentMetadata(formID: "agreement", title: "人民调解协议书", number: "（2026）西交调字第37号",
                                           caseNumber: "（2026）西交调字第37号", date: "2026-05-20", templateVersion: "1")

    /// The amount in capitals the tests look for in the PDF.
    static let amountInCapitals = "人民币肆万叁仟贰佰元整"

    /// An agreement: title, number, parties, headings, numbered terms, an instalment table with spans and a
    /// header row, checkboxes, a blank, signatures with date lines.
    static func agreement() -> Document {
        Document(metadata: metadata, blocks: [
            .title([.text("人民调解协议书")]),
            .subtitle([.field("（2026）西交调字第37号")], alignment: .right),
            .paragraph(Paragraph([.text("申请人："), .field("王建国"), .text("，男，汉族，1978年3月12日出生，个体工商户，住"),
                                  .field("杭州市西湖区古荡街道嘉绿苑12幢3单元402室"), .text("，联系电话"), .field("13805712345"), .text("。")])),
            .paragraph(Paragraph([.text("委托代理人："), .field("周敏"), .text("，浙江明德律师事务所律师，特别授权。")])),
            .paragraph(Paragraph([.text("被申请人："), .field("李明"), .text("，女，汉族，1982年7月15日出生，公司职员，住"),
                                  .field("杭州市西湖区翠苑街道翠苑二区8幢1单元201室"), .text("，联系电话"), .field("0571-88123456"), .text("。")])),
            .heading(level: 1, [.text("一、纠纷主要事实、争议事项")]),
            .paragraph(Paragraph([.field("2026年2月14日18时许，李明驾驶浙A·3K729号小型轿车在文三路与学院路交叉口右转时，与骑电动自行车直行的王建国相撞，致王建国左腿骨折。交警部门认定李明负事故主要责任，王建国负次要责任。")],
                                 firstLineIndent: true)),
            .heading(level: 2, [.text("（一）各方当事人的责任")]),
            .paragraph(Paragraph([.text("李明负事故主要责任，王建国负次要责任。")], firstLineIndent: true)),
            .heading(level: 1, [.text("二、协议内容")]),
            .paragraph(Paragraph([.text("经调解，自愿达成如下协议：")], firstLineIndent: true)),
            .paragraph(Paragraph([.text("1. 被申请人李明赔偿申请人王建国各项损失共计"), .field(amountInCapitals),
                                  .text("（"), .field("￥43,200.00"), .text("），分三期支付："),], firstLineIndent: true)),
            .table(Table(columnWidths: [1, 3, 3], rows: [
                TableRow(isHeader: true, cells: [cell("期次", .center), cell("金额", .center), cell("履行期限", .center)]),
                TableRow(cells: [cell("第一期", .center), cell("￥20,000.00"), cell("2026年5月31日前")]),
                TableRow(cells: [cell("第二期", .center), cell("￥13,200.00"), cell("2026年6月30日前", rowSpan: 2)]),
                TableRow(cells: [cell("第三期", .center), cell("￥10,000.00")]),
                TableRow(cells: [cell("合计", .center), TableCell([Paragraph([.field("￥43,200.00"), .text("（"), .field(amountInCapitals), .text("）")])], columnSpan: 2)]),
            ])),
            .paragraph(Paragraph([.text("履行方式："), .checkbox(label: "一次性履行", checked: false), .text("　"),
                                  .checkbox(label: "分期履行", checked: true)], firstLineIndent: true)),
            .paragraph(Paragraph([.text("收款账户："), .blank(width: 12)], firstLineIndent: true)),
            .paragraph(Paragraph([.text("本协议一式三份，当事人、人民调解委员会各持一份，自各方当事人签名、盖章或按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。")],
                                 firstLineIndent: true)),
            .signatures(SignatureBlock([
                Signature(label: [.text("当事人（签名、盖章或按指印）：")], name: [.field("王建国")]),
                Signature(label: [.text("当事人（签名、盖章或按指印）：")], name: [.field("李明")]),
                Signature(label: [.text("人民调解员（签名）：")], name: [.field("陈晓红")]),
                Signature(label: [.text("记录人（签名）：")], name: [.field("吴磊")]),
                Signature(label: [.field("杭州市西湖区道路交通事故人民调解委员会"), .text("（印）")],
                          date: [.field("2026年5月20日")]),
            ])),
        ])
    }

    /// A one-page table form (受理登记表-like) on the form page: labels and values, a merged row for the
    /// account of the dispute with room to write by hand, checkboxes, a date line.
    static func intakeRegister() -> Document {
        func label(_ text: String) -> TableCell { cell(text, .center) }
        func value(_ text: String, columnSpan: Int = 1) -> TableCell {
            TableCell([Paragraph([.field(text)])], columnSpan: columnSpan)
        }
        return Document(metadata: DocumentMetadata(formID: "intake-register", title: "人民调解受理登记表",
                                                   number: "（2026）西交调字第37号", date: "2026-03-03"),
                        pageStyle: .form, blocks: [
            .title([.text("人民调解受理登记表")]),
            .subtitle([.text("编号："), .field("（2026）西交调字第37号")], alignment: .right),
            .table(Table(columnWidths: [2, 3, 2, 3], rows: [
                TableRow(cells: [label("申请人"), value("王建国"), label("联系电话"), value("13805712345")]),
                TableRow(cells: [label("被申请人"), value("李明"), label("联系电话"), value("0571-88123456")]),
                TableRow(cells: [label("纠纷类型"), TableCell([Paragraph([.checkbox(label: "道路交通事故", checked: true), .text("　"),
                                                                          .checkbox(label: "合同", checked: false), .text("　"),
                                                                          .checkbox(label: "其他", checked: false)])], columnSpan: 3)]),
                TableRow(cells: [label("纠纷简要情况"), TableCell([Paragraph([.field("双方就医疗费、误工费等赔偿数额协商未果。")], firstLineIndent: true)], columnSpan: 3)],
                         minLines: 8),
                TableRow(cells: [label("受理人"), value("陈晓红"), label("受理日期"), value("2026年3月3日")]),
                TableRow(cells: [label("备注"), TableCell([Paragraph([.blank(width: 10)])], columnSpan: 3)], minLines: 2),
            ])),
            .signatures(SignatureBlock([Signature(label: [.field("杭州市西湖区道路交通事故人民调解委员会"), .text("（印）")],
                                                  date: [.field("2026年3月3日")])])),
        ])
    }

    /// Odd shapes the model allows: an empty table, rows without cells, spans past the edge, deep headings, empty and nested sections, leading and trailing page breaks, an
    /// empty signature block, text that is only spaces.
    static func oddShapes() -> Document {
        Document(metadata: DocumentMetadata(formID: "odd", title: "边界"), pageStyle: .form, blocks: [
            .pageBreak,
            .heading(level: 0, [.text("零级")]),
            .heading(level: 9, [.text("九级")]),
            .table(Table(columnWidths: [], rows: [])),
            .table(Table(columnWidths: [1, 1], rows: [
                TableRow(cells: []),
                TableRow(cells: [TableCell([], columnSpan: 5, rowSpan: 9)]),
                TableRow(cells: []),
            ], bordered: false)),
            .signatures(SignatureBlock([])),
            .paragraph(Paragraph([.text("   ")])),
            .section(Section(id: "empty", blocks: [])),
            .section(Section(id: "outer", startsNewPage: false, numbering: .restart(at: 5), blocks: [
                .section(Section(id: "inner", startsNewPage: false, pageStyle: .landscape, blocks: [
                    .paragraph(Paragraph([.pageRef(target: "empty", end: true), .pageRef(target: "inner", end: false)])),
                ])),
                .paragraph(Paragraph([.text("回到外层")])),
            ])),
            .pageBreak,
        ])
    }

    /// A landscape report with two charted tables: cases by type (horizontal bars of two series, the 合计
    /// row left out) and by source (columns of one series, every body row).
    static func chartReport() -> Document {
        func row(_ cells: [String]) -> TableRow {
            TableRow(cells: cells.enumerated().map { cell($1, $0 == 0 ? .left : .right) })
        }
        func header(_ cells: [String]) -> TableRow {
            TableRow(isHeader: true, cells: cells.map { TableCell([Paragraph([.strong($0)], alignment: .center)]) })
        }
        var byType = Table(columnWidths: [4, 2, 2, 2], rows: [header(["纠纷类型", "受理", "调解成功", "成功率"])]
            + chartTypes.map { row([$0.type, String($0.accepted), String($0.successful), $0.rate]) }
            + [row(["合计", "15", "13", "86.7%"])])
        byType.chart = TableChart(kind: .bar, title: "各类纠纷受理与调解成功件数", categoryColumn: 0, valueColumns: [1, 2],
                                  rows: 1..<(1 + chartTypes.count), valueAxisTitle: "件数")
        var bySource = Table(columnWidths: [4, 2], rows: [header(["纠纷来源", "受理"])]
            + chartSources.map { row([$0.source, String($0.accepted)]) })
        bySource.chart = TableChart(kind: .column, title: "各来源受理件数", categoryColumn: 0, valueColumns: [1])
        return Document(metadata: DocumentMetadata(formID: "statistics", title: "人民调解工作统计表", date: "2026-06-30"),
                        pageStyle: .landscape, blocks: [
                            .title([.text("人民调解工作统计表")]),
                            .heading(level: 1, [.text("一、按纠纷类型统计")]),
                            .table(byType),
                            .heading(level: 1, [.text("二、按纠纷来源统计")]),
                            .table(bySource),
                        ])
    }

    static let chartTypes: [(type: String, accepted: Int, successful: Int, rate: String)] = [
        ("婚姻家庭", 3, 2, "66.7%"), ("邻里", 1, 1, "100.0%"), ("房屋宅基地", 0, 0, "—"),
        ("损害赔偿", 5, 4, "80.0%"), ("道路交通事故", 6, 6, "100.0%"),
    ]
    static let chartSources: [(source: String, accepted: Int)] = [("申请", 8), ("主动", 3), ("移送", 4)]

    static func cell(_ text: String, _ alignment: Alignment = .left, rowSpan: Int = 1) -> TableCell {
        TableCell([Paragraph([.text(text)], alignment: alignment)], rowSpan: rowSpan)
    }

    /// `count` different CJK characters, none of them punctuation (so no line-breaking rule applies).
    static func hanzi(_ count: Int, from start: Int = 0) -> String {
        let pool = Array("天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜金生丽水玉出昆冈剑号巨阙珠称夜光果珍李柰菜重芥姜海咸河淡鳞潜羽翔龙师火帝鸟官人皇始制文字乃服衣裳推位让国有虞陶唐吊民伐罪周发殷汤坐朝问道垂拱平章爱育黎首臣伏戎羌遐迩一体率宾归王")
        return String((0..<count).map { pool[(start + $0) % pool.count] })
    }

    /// A prose page of `lines` paragraphs, each exactly one full line of 28 characters.
    static func fullLines(_ lines: Int) -> Document {
        Document(metadata: DocumentMetadata(formID: "grid", title: "版心测试", date: "2026-01-01"),
                 blocks: (0..<lines).map { .paragraph(Paragraph([.text(hanzi(28, from: $0 * 3))])) })
    }

    /// One prose paragraph of `lines` × 28 characters, left to the word processor to break into lines.
    static func fullParagraph(lines: Int) -> Document {
        Document(metadata: DocumentMetadata(formID: "grid", title: "版心测试", date: "2026-01-01"),
                 blocks: [.paragraph(Paragraph([.text(hanzi(28 * lines))]))])
    }

    /// A bound volume in small: an unnumbered cover, a contents page whose page numbers are page references,
    /// then three documents numbered from 1, the second running over several pages, the last on a landscape
    /// ledger page; the 备考表 line counts the numbered pages.
    static func dossier() -> Document {
        let parts: [(id: String, title: String, paragraphs: Int)] = [
            ("application", "人民调解申请书", 3), ("record", "人民调解记录", 40), ("agreement", "人民调解协议书", 5),
        ]
        var contents: [TableRow] = [TableRow(isHeader: true, cells: [cell("序号", .center), cell("文件名称", .center), cell("页号", .center)])]
        for (index, part) in parts.enumerated() {
            contents.append(TableRow(cells: [
                cell("\(index + 1)", .center),
                cell(part.title),
                TableCell([Paragraph([.pageRef(target: part.id, end: false), .text("—"), .pageRef(target: part.id, end: true)],
                                     alignment: .center)]),
            ]))
        }
        var blocks: [Block] = [
            .section(Section(id: "cover", startsNewPage: false, numbering: .unnumbered, pageStyle: .form, blocks: [
                .title([.text("调解卷宗")]), .paragraph(Paragraph([.text("卷号："), .field("（2026）西人调字第37号")], alignment: .center)),
            ])),
            .section(Section(id: "contents", numbering: .unnumbered, pageStyle: .form, blocks: [
                .title([.text("卷内目录")]), .table(Table(columnWidths: [1, 5, 2], rows: contents)),
            ])),
        ]
        for (index, part) in parts.enumerated() {
            var body: [Block] = [.title([.text(part.title)])]
            for p in 0..<part.paragraphs {
                body.append(.paragraph(Paragraph([.text(part.id.uppercased() + "-\(p + 1)："), .text(hanzi(60, from: p))], firstLineIndent: true)))
            }
            blocks.append(.section(Section(id: part.id, pageStyle: index == 2 ? .landscape : nil, blocks: body)))
        }
        blocks.append(.section(Section(id: "notes", blocks: [
            .title([.text("备考表")]),
            .paragraph(Paragraph([.text("本卷共3件，"), .pageCount, .text("页。")], firstLineIndent: true)),
        ])))
        return Document(metadata: DocumentMetadata(formID: "dossier", title: "调解卷宗", caseNumber: "（2026）西交调字第37号",
                                                   date: "2026-06-01"),
                        pageStyle: .prose, blocks: blocks)
    }
}
