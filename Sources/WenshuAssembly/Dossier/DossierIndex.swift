import Foundation
import WenshuXML

/// The tree the dossier's own forms read as `$dossier` (卷内目录, 备考表, the cover's note), and the archive
/// keeps as `dossier-index.xml`: what was bound, in order, and what a forced dossier lacks.
///
/// ```xml
/// <dossier>
///   <items>
///     <item>
///       <position>3</position>              序号
///       <title>王建国居民身份证复印件</title>  文件名称
///       <section>item-3</section>           the section page references point to
///       <pages>1</pages>                    pages, when known before printing (attachments)
///       <kind>attachment</kind>             form (with <form>, the template id) | attachment
///       <remark>…</remark>                  备注, when there is one
///       <number>（2026）西交调协字第37号</number>  文号, when the paper has one (a form's own number)
///       <author>…人民调解委员会</author>       责任者: the committee, or the applicants of an application
///       <date>2026-03-10</date>             日期: the form's date
///       <row><position>3</position><title>当事人身份证明</title></row>   the model row it fills
///       <parts><part>scans/03-id-wang.png</part></parts>   its parts in the archive package, if any
///     </item>
///   </items>
///   <paper>                                 attachments bound as placeholder pages, when there are any
///     <items>2</items><pages>7</pages>
///   </paper>
///   <missing>                               required rows with nothing in them (only in a forced dossier)
///     <row><position>7</position><title>人民调解记录</title></row>
///   </missing>
/// </dossier>
/// ```
/// Element names follow the case vocabulary's style (no attributes, snake_case).
enum DossierIndex {
    static func document(items: [DossierItem], missing: [DossierModel.Row]) -> XMLDocument {
        let document = XMLDocument(rootName: "dossier", fileName: "dossier-index.xml")
        let root = document.root!
        let list = root.addElement("items")
        for item in items {
            let element = list.addElement("item")
            element.addElement("position", text: String(item.position))
            element.addElement("title", text: item.title)
            element.addElement("section", text: item.sectionID)
            if let pages = item.knownPages { element.addElement("pages", text: String(pages)) }
            switch item.content {
            case .form(let form):
                element.addElement("kind", text: "form")
                element.addElement("form", text: form.formID)
            case .attachment:
                element.addElement("kind", text: "attachment")
            }
            if let remark = item.remark { element.addElement("remark", text: remark) }
            if let number = item.number { element.addElement("number", text: number) }
            if let author = item.author { element.addElement("author", text: author) }
            if let date = item.date { element.addElement("date", text: date.description) }
            add(item.row, to: element)
            let parts = item.archiveParts
            if !parts.isEmpty {
                let list = element.addElement("parts")
                parts.forEach { list.addElement("part", text: $0) }
            }
        }
        let paper = items.compactMap { item -> Int? in
            guard case .attachment(let attachment) = item.content, attachment.scan == nil else { return nil }
            return attachment.pages
        }
        if !paper.isEmpty {
            let element = root.addElement("paper")
            element.addElement("items", text: String(paper.count))
            element.addElement("pages", text: String(paper.reduce(0, +)))
        }
        if !missing.isEmpty {
            let element = root.addElement("missing")
            missing.forEach { add($0, to: element) }
        }
        return document
    }

    private static func add(_ row: DossierModel.Row, to parent: XMLNode) {
        let element = parent.addElement("row")
        element.addElement("position", text: String(row.position))
        element.addElement("title", text: row.title)
    }
}
