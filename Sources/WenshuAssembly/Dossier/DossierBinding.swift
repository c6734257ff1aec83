import Foundation
import WenshuCase
import WenshuFormat
import WenshuDocument
import WenshuTemplate
import WenshuXML

/// One dossier being bound: the per-run state of `DossierAssembler` (items found so far, findings),
/// made afresh for every case and never shared.
struct DossierBinding {
    let assembler: DossierAssembler
    let file: CaseFile
    let source: DossierAssembler.CaseSource
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var items: [DossierItem] = []
    /// Required rows with nothing in them.
    private(set) var missing: [DossierModel.Row] = []
    /// The `$dossier` tree, once the items are known.
    private(set) var index = XMLDocument(rootName: "dossier")
    /// The volume's closing sheets (备考表, 封底: the forms that read `$dossier`), in model order: bound after
    /// the items, rendered once the item list is complete. GB/T 9705 leaves them out of the 卷内目录, out of
    /// the count of 件 and 页 and out of the page numbering: they describe the volume, they are not in it.
    private var closing: [FormTemplate] = []

    init(assembler: DossierAssembler, file: CaseFile, source: DossierAssembler.CaseSource) {
        self.assembler = assembler
        self.file = file
        self.source = source
    }

    private var office: XMLDocument? { assembler.profile?.file.document }
    private var location: SourceLocation { SourceLocation(file: file.name) }

    // MARK: The items, row by row

    /// Walks the model: each row's forms (those that apply to the case, in the row's order), then its
    /// attachments (in case order). Attachments of a kind no row takes are bound as 其他材料 before the
    /// first row holding the dossier's own forms (the 备考表), or at the end. The dossier's own forms (备考表,
    /// 封底) are closing sheets, not items. Reports required rows left empty.
    mutating func collectItems() {
        let attachments = file.root.element(named: "attachments")?.elements(named: "attachment") ?? []
        let kinds = Set(assembler.model.rows.flatMap(\.attachmentKinds))
        let others = attachments.filter { !kinds.contains($0.element(named: "kind")?.stringValue ?? "") }
        var othersBound = others.isEmpty
        let outcome = file.root.element(named: "outcome")?.element(named: "result")?.stringValue
        let probe = [DossierAssembler.parameterName: XMLDocument(rootName: "dossier")]
        for row in assembler.model.rows {
            let templates = row.forms.flatMap { title in assembler.library.templates.filter { $0.title == title } }
            if !othersBound, templates.contains(where: { $0.parameters.contains(DossierAssembler.parameterName) }) {
                addOthers(others)
                othersBound = true
            }
            let before = items.count
            var filled = false
            for template in templates {
                if template.parameters.contains(DossierAssembler.parameterName) {
                    guard template.applies(to: file.document, office: office, parameters: probe) else { continue }
                    closing.append(template)
                    filled = true
                } else {
                    guard template.applies(to: file.document, office: office) else { continue }
                    addForm(template, row: row)
                }
            }
            for attachment in attachments {
                guard let kind = attachment.element(named: "kind")?.stringValue, row.attachmentKinds.contains(kind) else { continue }
                addAttachment(attachment, kind: kind, row: row)
            }
            if items.count == before && !filled && DossierModel.isRequired(row, outcome: outcome) { reportMissing(row) }
        }
        if !othersBound { addOthers(others) }
    }

    /// Attachments no row takes, as 其他材料, each with a note saying so.
    private mutating func addOthers(_ attachments: [XMLNode]) {
        for attachment in attachments {
            let kind = attachment.element(named: "kind")?.stringValue ?? ""
            diagnostics.append(Diagnostic(
                DossierID.attachmentWithoutRow, at: file.location(of: attachment), subject: file.fieldPath(of: attachment),
                ["kind": "\(kind)",
                 "title": attachment.element(named: "title").map { .text($0.stringValue) } ?? .phrase(DossierWording.it)]))
            addAttachment(attachment, kind: kind, row: DossierModel.otherMaterials)
        }
    }

    private mutating func addForm(_ template: FormTemplate, row: DossierModel.Row) {
        let rendering = template.render(file.document, office: office)
        diagnostics += rendering.diagnostics
        let repeated = template.forEachSource != nil
        for (k, document) in rendering.documents.enumerated() {
            let form = DossierItem.FilledForm(formID: template.id, stem: repeated ? "\(template.id)-\(k + 1)" : template.id,
                                              documents: [document])
            let title = repeated ? Self.recordTitle(template.title, date: document.metadata.date) : template.title
            append(title: title, row: row, .form(form))
            items[items.count - 1].number = document.metadata.number
            items[items.count - 1].date = document.metadata.date.flatMap(CivilDate.init(iso:))
            items[items.count - 1].author = author(of: template)
        }
    }

    /// Papers a party writes and signs: their 责任者 is the applying parties, not the committee.
    static let partyPapers: Set<String> = ["人民调解申请书", "司法确认申请书"]

    /// 责任者 of a filled form (GB/T 9705: who made the paper): the applicants for an application, else the
    /// committee that wrote it.
    private func author(of template: FormTemplate) -> String? {
        let root = file.root
        if Self.partyPapers.contains(template.title) {
            let parties = root.element(named: "parties")?.elements(named: "party") ?? []
            let applicants = parties.filter { $0.element(named: "role")?.stringValue == "申请人" }
            let names = (applicants.isEmpty ? parties : applicants).compactMap { $0.element(named: "name")?.stringValue }
            if !names.isEmpty { return names.joined(separator: "、") }
        }
        return root.element(named: "committee")?.element(named: "name")?.stringValue
    }

    /// A form written per record is told apart by its record's date: `人民调解记录（2026年3月10日）`.
    static func recordTitle(_ title: String, date: String?) -> String {
        guard let date, let day = CivilDate(iso: date) else { return title }
        return "\(title)（\(ChineseDate.arabic(day))）"
    }

    private mutating func addAttachment(_ node: XMLNode, kind: String, row: DossierModel.Row) {
        let title = node.element(named: "title")?.stringValue ?? kind
        let pages = node.element(named: "pages").flatMap { Int($0.stringValue) } ?? 1
        var scan: DossierItem.Scan?
        if let scanNode = node.element(named: "scan") {
            scan = readScan(scanNode)
            if scan == nil { return }
        }
        let attachment = DossierItem.Attachment(kind: kind, title: title, pages: pages, scan: scan)
        append(title: title, row: row, .attachment(attachment), remark: scan == nil ? nil : "扫描件")
    }

    /// Reads the scan an attachment names, relative to the case file's folder; reports (and gives `nil`
    /// for) a path outside that folder, a file that cannot be read, or one that is not a PNG or JPEG image.
    private mutating func readScan(_ node: XMLNode) -> DossierItem.Scan? {
        let path = node.stringValue
        let subject = file.fieldPath(of: node)
        guard let folder = source.folder, let url = DossierScan.resolve(path, in: folder) else {
            diagnostics.append(Diagnostic(DossierID.scanPath, at: file.location(of: node), subject: subject, ["path": "\(path)"]))
            return nil
        }
        guard let header = DossierScan.header(of: url) else {
            diagnostics.append(Diagnostic(DossierID.scanUnreadable, at: file.location(of: node), subject: subject,
                                          ["path": "\(path)", "url": "\(url.path)"]))
            return nil
        }
        guard let image = DossierScan.imageSize(header) else {
            diagnostics.append(Diagnostic(DossierID.scanFormat, at: file.location(of: node), subject: subject, ["path": "\(path)"]))
            return nil
        }
        return DossierItem.Scan(fileName: url.lastPathComponent, file: url, mediaType: image.mediaType,
                                pixelWidth: image.width, pixelHeight: image.height)
    }

    private mutating func append(title: String, row: DossierModel.Row, _ content: DossierItem.Content, remark: String? = nil) {
        let position = items.count + 1
        items.append(DossierItem(position: position, title: title, sectionID: DossierItem.sectionID(position: position),
                                 row: row, content: content, remark: remark))
    }

    private mutating func reportMissing(_ row: DossierModel.Row) {
        missing.append(row)
        var wanted: [DiagnosticArgument] = []
        for title in row.forms {
            wanted.append(.phrase(assembler.library.templates.contains { $0.title == title }
                                  ? DossierWording.noData : DossierWording.noTemplate, ["title": "\(title)"]))
        }
        wanted += row.attachmentKinds.map { .phrase(DossierWording.attachmentOfKind, ["kind": "\($0)"]) }
        let alternatives = wanted.indices.map { "{\($0)}" }
        let wantedArgument = DiagnosticArgument.phrase(
            Phrase(en: alternatives.joined(separator: " or "), zh: alternatives.joined(separator: "或")),
            Dictionary(uniqueKeysWithValues: wanted.enumerated().map { ("\($0.offset)", $0.element) }))
        diagnostics.append(Diagnostic(
            DossierID.missingRequired, assembler.force ? .warning : .error, at: location,
            subject: "卷内目录第\(row.position)项 \(row.title)",
            ["title": "\(row.title)", "wanted": wantedArgument,
             "remedy": .phrase(assembler.force ? DossierWording.boundAnyway : DossierWording.addOrForce)]))
    }

    // MARK: The volume

    /// Renders the dossier's own forms with the finished item list, then the cover and the contents, and
    /// binds everything into one document. `nil` (with the reasons in `diagnostics`) when a form fails.
    mutating func bind() -> Document? {
        index = DossierIndex.document(items: items, missing: missing)
        let parameters = [DossierAssembler.parameterName: index]
        let closingSheets = closing.map { template -> (id: String, documents: [Document]) in
            let rendering = template.render(file.document, office: office, parameters: parameters)
            diagnostics += rendering.diagnostics
            return (template.id, rendering.documents)
        }
        let front = [DossierAssembler.coverFormID, DossierAssembler.contentsFormID].map { id -> [Document] in
            guard let template = assembler.library.template(id: id) else {
                diagnostics.append(Diagnostic(DossierID.missingTemplate, at: location, subject: id, ["form": "\(id)"]))
                return []
            }
            let rendering = template.render(file.document, office: office, parameters: parameters)
            diagnostics += rendering.diagnostics
            return rendering.documents
        }
        guard !diagnostics.hasErrors, let cover = front[0].first else { return nil }

        var blocks = [Block.section(Self.section(id: "cover", numbering: .unnumbered, front[0])),
                      Block.section(Self.section(id: "contents", numbering: .unnumbered, front[1]))]
        for item in items {
            let numbering: PageNumbering = item.position == 1 ? .restart(at: 1) : .continues
            switch item.content {
            case .form(let form):
                blocks.append(.section(Self.section(id: item.sectionID, numbering: numbering, form.documents)))
            case .attachment(let attachment):
                let pages = attachment.scan.map { DossierScan.page($0, attachment: attachment, position: item.position, row: item.row) }
                    ?? DossierPaper.placeholderPages(attachment, position: item.position, row: item.row)
                blocks.append(.section(Section(id: item.sectionID, numbering: numbering, pageStyle: .form, blocks: pages)))
            }
        }
        for sheet in closingSheets where !sheet.documents.isEmpty {
            blocks.append(.section(Self.section(id: sheet.id, numbering: .unnumbered, sheet.documents)))
        }
        let dossier = file.root.element(named: "dossier")
        let metadata = DocumentMetadata(
            formID: "dossier", title: "人民调解卷宗", number: dossier?.element(named: "number")?.stringValue,
            caseNumber: file.root.element(named: "number")?.stringValue,
            date: (dossier?.element(named: "filed_on") ?? file.root.element(named: "closed"))?.stringValue,
            templateVersion: cover.metadata.templateVersion)
        return Document(metadata: metadata, pageStyle: cover.pageStyle, blocks: blocks)
    }

    /// A section holding one or more documents, each on its own pages and page style; the documents'
    /// own section ids take the section's id as a prefix.
    static func section(id: String, numbering: PageNumbering, _ documents: [Document]) -> Section {
        let prefix = id + "_"
        guard documents.count != 1 else {
            return Section(id: id, numbering: numbering, pageStyle: documents[0].pageStyle,
                           blocks: DossierSections.prefixed(documents[0].blocks, with: prefix))
        }
        let parts = documents.enumerated().map { k, document in
            Block.section(Section(pageStyle: document.pageStyle,
                                  blocks: DossierSections.prefixed(document.blocks, with: prefix + "\(k + 1)_")))
        }
        return Section(id: id, numbering: numbering, pageStyle: documents.first?.pageStyle, blocks: parts)
    }
}
