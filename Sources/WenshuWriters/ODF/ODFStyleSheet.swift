import WenshuDocument

/// The fixed part of every Wenshu ODF document: fonts, named styles, page layouts and master pages after
/// GB/T 9704-2012. It does not depend on the document, so it is built (and, for `.odt`, compressed) once.
///
/// Fonts: the document names the official fonts offices have installed (仿宋_GB2312, 方正小标宋简体, 黑体,
/// 楷体_GB2312, 宋体). A machine without them maps the names through fontconfig
/// (`templates/fonts/fonts.conf` binds them to AR PL SungtiL GB, AR PL KaitiM GB and WenQuanYi Zen Hei);
/// a list of families inside the document is not honoured by LibreOffice (docs/development.md), so there is none.
enum ODFStyleSheet {
    static let body = "仿宋_GB2312"
    static let title = "方正小标宋简体"
    static let heading1 = "黑体"
    static let heading2 = "楷体_GB2312"
    static let pageNumber = "宋体"

    /// 16 pt characters are 5.644 mm wide; 28 of them must fit 156 mm (5.571 mm each). Closing each up
    /// by 0.08 mm gives exactly 28 a line in LibreOffice (docs/development.md).
    /// Latin letters and digits are tagged English: tagged Chinese, LibreOffice breaks a line inside a
    /// number (a telephone number split as 1380|5712345). Chinese text is tagged zh-CN, so its own rules apply.
    static let languages = #"fo:language="en" fo:country="US" style:language-asian="zh" style:country-asian="CN""#
    static let bodyLetterSpacing = "-0.08mm"
    /// Two body characters: the first-line indent of Chinese paragraphs and level-1/2 headings.
    static let twoCharacters = mm(2 * (156.0 / 28.0))
    /// The space above each signatory's line, in millimetres.
    static let signatureSpace = 5.0
    /// The body line in fixed-width columns (28 full-width characters), for rules shared with the text writer.
    static let bodyColumns = 56
    /// Free height above a seal line and below its date: with the line and the date (two lines of GB/T 9704's
    /// grid, 225 mm / 22) it makes the seal's 42 mm, centred on them as a clerk stamps it.
    static let sealRoom = mm((Signature.sealDiameter - 2 * 225.0 / 22) / 2)
    /// Where the second signatory of a shared row starts (``SignatureRows``).
    static let signaturePairTab = mm(Double(SignatureRows.halfWidth(columns: bodyColumns) + SignatureRows.gap) / 2 * (156.0 / 28.0))
    /// Two characters of table text (14 pt) and of ledger text (10.5 pt), for indented cell paragraphs.
    static let twoTableCharacters = mm(2 * 14 * 25.4 / 72)
    static let twoLedgerCharacters = mm(2 * 10.5 * 25.4 / 72)
    /// One size-4 character (14 pt): the page number stands this far in from the text block's edge.
    static let onePageNumberCharacter = mm(14 * 25.4 / 72)

    /// `office:font-face-decls` with its children.
    static let fontFaces: String = {
        func face(_ name: String, _ generic: String) -> String {
            #"<style:font-face style:name="\#(name)" svg:font-family="\#(name)" style:font-family-generic="\#(generic)" style:font-pitch="variable"/>"#
        }
        return "<office:font-face-decls>\n"
            + face(body, "roman") + "\n"
            + face(title, "roman") + "\n"
            + face(heading1, "swiss") + "\n"
            + face(heading2, "script") + "\n"
            + face(pageNumber, "roman") + "\n"
            + "</office:font-face-decls>\n"
    }()

    /// Text properties naming one font at one size for all three scripts (digits and Latin letters print in
    /// the same face, as official documents do).
    static func font(_ name: String, _ size: String) -> String {
        #"style:font-name="\#(name)" fo:font-size="\#(size)" style:font-name-asian="\#(name)" style:font-size-asian="\#(size)" style:font-name-complex="\#(name)" style:font-size-complex="\#(size)""#
    }

    static let bold = #"fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold""#

    /// The children of `office:styles`: the default paragraph settings and the named styles templates'
    /// blocks map to (LibreOffice's own names where one exists, so a clerk's LibreOffice shows them
    /// translated; Wenshu's own carry a Chinese display name).
    static let namedStyles: String = """
    <style:default-style style:family="paragraph">
    <style:paragraph-properties fo:orphans="2" fo:widows="2" style:line-break="strict" style:punctuation-wrap="hanging" style:text-autospace="none" style:writing-mode="lr-tb"/>
    <style:text-properties \(font(body, "16pt")) \(languages) fo:hyphenate="false"/>
    </style:default-style>
    <style:default-style style:family="table">
    <style:table-properties table:border-model="collapsing"/>
    </style:default-style>
    <style:style style:name="Standard" style:family="paragraph" style:class="text">
    <style:paragraph-properties fo:margin-top="0mm" fo:margin-bottom="0mm"/>
    <style:text-properties \(font(body, "16pt")) fo:letter-spacing="\(bodyLetterSpacing)"/>
    </style:style>
    <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
    <style:paragraph-properties fo:text-align="justify"/>
    </style:style>
    <style:style style:name="First_20_line_20_indent" style:display-name="First line indent" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text">
    <style:paragraph-properties fo:text-indent="\(twoCharacters)"/>
    </style:style>
    <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Subtitle" style:class="chapter">
    <style:paragraph-properties fo:text-align="center" fo:keep-with-next="always"/>
    <style:text-properties \(font(title, "22pt")) fo:letter-spacing="normal"/>
    </style:style>
    <style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="chapter">
    <style:paragraph-properties fo:text-align="center" fo:keep-with-next="always"/>
    </style:style>
    <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="First_20_line_20_indent" style:default-outline-level="1" style:class="text">
    <style:paragraph-properties fo:text-indent="\(twoCharacters)" fo:keep-with-next="always"/>
    <style:text-properties \(font(heading1, "16pt"))/>
    </style:style>
    <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="First_20_line_20_indent" style:default-outline-level="2" style:class="text">
    <style:paragraph-properties fo:text-indent="\(twoCharacters)" fo:keep-with-next="always"/>
    <style:text-properties \(font(heading2, "16pt"))/>
    </style:style>
    <style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="First_20_line_20_indent" style:default-outline-level="3" style:class="text">
    <style:paragraph-properties fo:text-indent="\(twoCharacters)" fo:keep-with-next="always"/>
    <style:text-properties \(bold)/>
    </style:style>
    <style:style style:name="Heading_20_4" style:display-name="Heading 4" style:family="paragraph" style:parent-style-name="Heading_20_3" style:next-style-name="First_20_line_20_indent" style:default-outline-level="4" style:class="text"/>
    <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
    <style:paragraph-properties fo:text-align="start" style:snap-to-layout-grid="false"/>
    <style:text-properties \(font(body, "14pt")) fo:letter-spacing="normal"/>
    </style:style>
    <style:style style:name="Wenshu_20_Write_20_In" style:display-name="表格填写栏" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">
    <style:paragraph-properties style:line-height-at-least="\(mm(ODFAutomaticStyles.handwritingLine))"/>
    </style:style>
    <style:style style:name="Wenshu_20_Table_20_End" style:display-name="表后空段" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
    <style:paragraph-properties style:snap-to-layout-grid="false" style:line-height-at-least="0mm" fo:line-height="0.5mm"/>
    <style:text-properties fo:font-size="1pt" style:font-size-asian="1pt" style:font-size-complex="1pt"/>
    </style:style>
    <style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">
    <style:paragraph-properties fo:text-align="center"/>
    <style:text-properties \(bold)/>
    </style:style>
    <style:style style:name="Wenshu_20_Ledger_20_Contents" style:display-name="台账表格内容" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">
    <style:text-properties fo:font-size="10.5pt" style:font-size-asian="10.5pt" style:font-size-complex="10.5pt"/>
    </style:style>
    <style:style style:name="Wenshu_20_Ledger_20_Heading" style:display-name="台账表格标题" style:family="paragraph" style:parent-style-name="Wenshu_20_Ledger_20_Contents" style:class="extra">
    <style:paragraph-properties fo:text-align="center"/>
    <style:text-properties \(bold)/>
    </style:style>
    <style:style style:name="Wenshu_20_Signature" style:display-name="签名栏" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
    <style:paragraph-properties fo:text-align="end" fo:margin-top="\(mm(signatureSpace))" fo:margin-right="\(twoCharacters)"/>
    </style:style>
    <style:style style:name="Wenshu_20_Signature_20_Pair" style:display-name="签名栏（两人一行）" style:family="paragraph" style:parent-style-name="Wenshu_20_Signature" style:class="text">
    <style:paragraph-properties fo:text-align="start"><style:tab-stops><style:tab-stop style:position="\(signaturePairTab)"/></style:tab-stops></style:paragraph-properties>
    </style:style>
    <style:style style:name="Wenshu_20_Seal" style:display-name="印章栏" style:family="paragraph" style:parent-style-name="Wenshu_20_Signature" style:class="text">
    <style:paragraph-properties fo:margin-top="\(sealRoom)"/>
    </style:style>
    <style:style style:name="Wenshu_20_Seal_20_Date" style:display-name="印章栏日期" style:family="paragraph" style:parent-style-name="Wenshu_20_Signature_20_Date" style:class="text">
    <style:paragraph-properties fo:margin-bottom="\(sealRoom)"/>
    </style:style>
    <style:style style:name="Wenshu_20_Signature_20_Date" style:display-name="签名栏日期" style:family="paragraph" style:parent-style-name="Wenshu_20_Signature" style:class="text">
    <style:paragraph-properties fo:margin-top="0mm"/>
    </style:style>
    <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
    <style:paragraph-properties fo:text-align="end" fo:margin-right="\(onePageNumberCharacter)" style:snap-to-layout-grid="false"/>
    <style:text-properties \(font(pageNumber, "14pt")) fo:letter-spacing="normal"/>
    </style:style>
    <style:style style:name="Footer_20_left" style:display-name="Footer left" style:family="paragraph" style:parent-style-name="Footer" style:class="extra">
    <style:paragraph-properties fo:text-align="start" fo:margin-left="\(onePageNumberCharacter)" fo:margin-right="0mm"/>
    </style:style>
    <style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text">
    <style:text-properties \(bold)/>
    </style:style>
    <style:style style:name="Wenshu_20_Blank" style:display-name="填写横线" style:family="text">
    <style:text-properties style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/>
    </style:style>

    """

    /// The page layouts (automatic styles of the style part), one per page style and numbering.
    static let pageLayouts: String = ODFPage.all.map(pageLayout).joined()

    static func pageLayout(_ page: ODFPage) -> String {
        let g = page.geometry
        let footerRoom = page.numbered ? ODFPageGeometry.footerSpacing + ODFPageGeometry.footerHeight : 0
        var properties = #"fo:page-width="\#(mm(g.width))" fo:page-height="\#(mm(g.height))" style:print-orientation="\#(g.width > g.height ? "landscape" : "portrait")" fo:margin-top="\#(mm(g.top))" fo:margin-bottom="\#(mm(g.bottom - footerRoom))" fo:margin-left="\#(mm(g.left))" fo:margin-right="\#(mm(g.right))" style:writing-mode="lr-tb""#
        if g.lineGrid {
            properties += ##" style:layout-grid-mode="line" style:layout-grid-lines="\##(ODFPageGeometry.gridLines)" style:layout-grid-base-height="\##(mm(g.gridLineHeight))" style:layout-grid-ruby-height="0mm" style:layout-grid-ruby-below="false" style:layout-grid-color="#c0c0c0" style:layout-grid-print="false" style:layout-grid-display="false""##
        } else {
            properties += #" style:layout-grid-mode="none""#
        }
        var xml = #"<style:page-layout style:name="\#(page.layoutName)">"# + "\n"
        xml += "<style:page-layout-properties \(properties)/>\n"
        if page.numbered {
            xml += #"<style:footer-style><style:header-footer-properties fo:min-height="\#(mm(ODFPageGeometry.footerHeight))" fo:margin-top="\#(mm(ODFPageGeometry.footerSpacing))" style:dynamic-spacing="false"/></style:footer-style>"#
        } else {
            xml += "<style:footer-style/>"
        }
        return xml + "\n</style:page-layout>\n"
    }

    /// `office:master-styles` with its children. The page number "— N —" stands right on odd pages and
    /// left on even ones (GB/T 9704 §7.5): a footer and a left-page footer.
    static let masterStyles: String = {
        func footer(_ element: String, _ style: String) -> String {
            #"<\#(element)><text:p text:style-name="\#(style)">— <text:page-number text:select-page="current">1</text:page-number> —</text:p></\#(element)>"#
        }
        var xml = "<office:master-styles>\n"
        for page in ODFPage.all {
            xml += #"<style:master-page style:name="\#(page.masterName)" style:display-name="\#(page.displayName)" style:page-layout-name="\#(page.layoutName)">"#
            if page.numbered {
                xml += footer("style:footer", "Footer") + footer("style:footer-left", "Footer_20_left")
            }
            xml += "</style:master-page>\n"
        }
        return xml + "</office:master-styles>\n"
    }()

    /// Table-cell styles every document may use (automatic styles of the content part, each document
    /// carrying those it uses). Each cell draws
    /// its left and bottom borders, its top one only in the table's first row and its right one only on the
    /// table's right edge, so no line is drawn twice — and a table that runs on over a page break is closed
    /// on every page: the last row on the page draws its own bottom rule, and the header row that repeats
    /// on the next page its top one. (Cells drawing their top instead left the page's last row open.)
    /// `CellNone` is for tables without borders. A side not named has no border (ODF's default): the same
    /// cells in fewer bytes, deflated for every document. Cells have 0.5 mm above and below, 1 mm beside.
    /// Listed in `ODFCellStyle.allCases`' order, each with its bit: a document's styles are found by their
    /// bits, without hashing a style or making `allCases`' array.
    static let cellStyles: [(bit: UInt8, markup: [UInt8])] = {
        let line = "0.5pt solid #000000"
        func cell(_ name: String, right: Bool, top: Bool, borders: Bool = true) -> [UInt8] {
            var p = #"fo:padding-left="1mm" fo:padding-right="1mm" fo:padding-top="0.5mm" fo:padding-bottom="0.5mm" style:vertical-align="middle""#
            if borders {
                p += #" fo:border-left="\#(line)""#
                if top { p += #" fo:border-top="\#(line)""# }
                if right { p += #" fo:border-right="\#(line)""# }
                p += #" fo:border-bottom="\#(line)""#
            } else {
                p += #" fo:border="none""#
            }
            return Array((#"<style:style style:name="\#(name)" style:family="table-cell"><style:table-cell-properties \#(p)/></style:style>"# + "\n").utf8)
        }
        return ODFCellStyle.allCases.map { style in
            switch style {
            case .none: (style.bit, cell(style.rawValue, right: false, top: false, borders: false))
            default: (style.bit, cell(style.rawValue, right: style == .right || style == .corner,
                                      top: style == .top || style == .corner))
            }
        }
    }()
}

/// The border a table cell draws, by where it sits.
enum ODFCellStyle: String, CaseIterable {
    case inner = "CellLB", right = "CellLBR", top = "CellTLB", corner = "CellAll", none = "CellNone"

    /// The style's bit in a set of styles (`ODFAutomaticStyles`): a `Set` of a `String`-backed enum hashes
    /// the raw value, about 1,400 instructions for each cell of each table.
    var bit: UInt8 {
        switch self {
        case .inner: return 1
        case .right: return 2
        case .top: return 4
        case .corner: return 8
        case .none: return 16
        }
    }

    static func bordered(touchesRight: Bool, touchesTop: Bool) -> ODFCellStyle {
        switch (touchesRight, touchesTop) {
        case (false, false): return .inner
        case (true, false): return .right
        case (false, true): return .top
        case (true, true): return .corner
        }
    }
}
