import WenshuDocument

/// The pages that stand for papers Wenshu does not write (ID copies, powers of attorney, evidence,
/// receipts): one placeholder page per page of paper, so the printed page numbers run on as in the bound
/// volume, where each paper page takes its placeholder's place.
enum DossierPaper {
    /// Lines of space above the placeholder's text, so it stands in the upper third of the page.
    static let topSpace = 6

    /// The placeholder pages of `attachment` (item `position` of the contents), page breaks between them.
    static func placeholderPages(_ attachment: DossierItem.Attachment, position: Int, row: DossierModel.Row) -> [Block] {
        placeholderPages(title: attachment.title, pages: attachment.pages, caption: "卷内目录第\(position)项，\(row.title)")
    }

    /// Placeholder pages of a paper of `pages` pages titled `title`; `caption` says where it is listed
    /// (`卷内目录第8项，人民调解证据材料`, or the packet's `申请材料清单第4项，…`).
    static func placeholderPages(title: String, pages: Int, caption: String) -> [Block] {
        let pages = max(pages, 1)
        var blocks: [Block] = []
        for page in 1...pages {
            if page > 1 { blocks.append(.pageBreak) }
            blocks += Array(repeating: .paragraph(Paragraph([])), count: topSpace)
            blocks.append(.paragraph(Paragraph([.strong(placeholderText(title, page: page, of: pages))], alignment: .center)))
            blocks.append(.paragraph(Paragraph([])))
            blocks.append(.paragraph(Paragraph([.text("（\(caption)）")], alignment: .center)))
            blocks.append(.paragraph(Paragraph([.text("装订时以该页材料替换本页，页号照本页编写。")], alignment: .center)))
        }
        return blocks
    }

    /// `此处装订：当事人身份证明（第1页，共2页）`.
    static func placeholderText(_ title: String, page: Int, of pages: Int) -> String {
        "此处装订：\(title)（第\(page)页，共\(pages)页）"
    }
}
