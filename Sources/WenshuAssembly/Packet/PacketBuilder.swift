import Foundation
import WenshuCase
import WenshuDocument
import WenshuTemplate
import WenshuWriters
import WenshuXML

/// The parts of the packet filled from form templates, in packet order; the raw value is the part's section
/// id, which the checklist's page references name.
enum PacketPart: String, CaseIterable, Sendable {
    case application, agreement, certificate
    /// 授权委托书, one per 委托代理人, printed where the checklist names a power of attorney the case lacks.
    case powerOfAttorney = "power-of-attorney"
    /// 送达地址确认书, one per party.
    case serviceAddress = "service-address"

    var templateID: String {
        switch self {
        case .application: return "confirmation-application"
        case .agreement: return "agreement"
        case .certificate: return "mediation-certificate"
        case .powerOfAttorney: return "power-of-attorney"
        case .serviceAddress: return "service-address"
        }
    }

    /// The parts printed in front, in this order; the others go where the checklist names them.
    static let front: [PacketPart] = [.application, .agreement, .certificate]

    /// The section of the `n`th (from 1) document of a part written once per record.
    func section(_ n: Int) -> String { "\(rawValue)-\(n)" }

    /// The parameter the packet's own forms declare (`parameters="packet"`): they print only in a packet.
    static let parameterName = "packet"
}

/// The judicial-confirmation packet (司法确认申请材料) of one case: the joint application, the agreement,
/// the committee's certificate that it mediated, and a checklist of the attached materials — one document,
/// each part starting on a new page.
///
/// Before building, the case is checked (`CaseChecker`) and then against the court's rules of 民事诉讼法 arts. 205–206 and its interpretation, docs/packet.md:
/// the 30-day window, the agreements courts do not confirm, the applicants' identity data, the agents'
/// authority. Any error refuses the packet; with `force` the packet is built anyway and a cover note in
/// front lists every problem overridden — except those nothing can be built over (no agreement, an oral
/// one, a form missing from the templates) and errors in the case data itself (fix them: `wenshu check`).
///
/// Immutable and shareable across threads: templates are compiled once, each build has its own state.
///
/// ```swift
/// let packet = JudicialConfirmationPacket(library: library, profile: profile)
/// let result = packet.build(caseAt: url, force: false)
/// if let document = result.document { … write it … } else { result.diagnostics.forEach { print($0) } }
/// ```
public struct JudicialConfirmationPacket: Sendable {
    /// The output's form id: files are named `confirmation-packet.<ext>`.
    public static let formID = "confirmation-packet"

    public let library: TemplateLibrary
    public let profile: OfficeProfile?

    public init(library: TemplateLibrary, profile: OfficeProfile?) {
        self.library = library
        self.profile = profile
    }

    /// What building one case's packet gave.
    public struct Result: Sendable {
        /// The case file, as messages name it.
        public var source: String
        public var caseNumber: String?
        /// The packet; `nil` when it was refused.
        public var document: Document?
        /// Every finding, in one pass: the case's own, the packet's (`packet.*`), the forms'.
        public var diagnostics: [Diagnostic]
        /// The refusals `force` overrode, as the cover note lists them.
        public var overridden: [Diagnostic]

        public var refused: Bool { document == nil }
    }

    /// Case findings the packet's own say better (and with the severity a packet gives them).
    static let supersededCaseFindings = Set([
        InputID.confirmationLate, .holidaysUnknown, .confirmationWithoutAgreement, .confirmationOralAgreement,
        .missingIDNumber, .missingCreditCode, .missingPhone,
    ].map { $0.entry(kindPrefix: FileKind.caseFile.idPrefix).id })

    /// Loads, checks and builds the packet of the case at `url`.
    public func build(caseAt url: URL, displayName: String? = nil, force: Bool = false) -> Result {
        let name = displayName ?? url.relativePath
        do {
            return build(try CaseLoader.load(url, kind: .caseFile, displayName: name), force: force)
        } catch {
            return Result(source: name, caseNumber: nil, document: nil, diagnostics: [error], overridden: [])
        }
    }

    /// Checks and builds the packet of a loaded case.
    public func build(_ file: CaseFile, force: Bool = false) -> Result {
        let caseFindings = CaseChecker(profile: profile).check(file).filter { !Self.supersededCaseFindings.contains($0.id) }
        let facts = PacketFacts(file)
        var result = Result(source: file.name, caseNumber: facts.caseNumber, document: nil, diagnostics: caseFindings, overridden: [])
        guard !caseFindings.hasErrors else { return result }

        let materials = PacketMaterials(facts)
        let findings = check(facts) + materials.findings + missingTemplates(at: facts.origin)
        result.diagnostics += findings.map(\.diagnostic)
        let refusals = findings.filter { $0.severity == .error }
        guard refusals.isEmpty || force && refusals.allSatisfy(\.overridable) else { return result }

        // A form that cannot be filled (a required field missing) refuses the packet, `force` or not:
        // nothing half-filled reaches a court.
        let (forms, formFindings) = fillForms(file)
        result.diagnostics += formFindings
        guard !formFindings.hasErrors else { return result }

        var sections: [Block] = []
        let papers = arrange(forms, materials: materials)
        if !refusals.isEmpty {
            let otherPoints = findings.filter { $0.severity != .error && $0.id != PacketID.missingMaterial.id }
            sections.append(.section(Section(id: "cover-note", numbering: .unnumbered, pageStyle: .prose,
                                             blocks: PacketPaper.coverNote(overridden: refusals, otherPoints: otherPoints, facts: facts))))
            result.overridden = refusals.map(\.diagnostic)
        }
        sections += papers
        sections.append(.section(Section(id: "checklist", pageStyle: .form, blocks: PacketPaper.checklist(materials, facts: facts))))
        result.document = Document(
            metadata: DocumentMetadata(formID: Self.formID, title: "司法确认申请材料", number: facts.agreement?.number,
                                       caseNumber: facts.caseNumber,
                                       date: (facts.confirmation?.applied ?? facts.agreement?.date)?.description,
                                       templateVersion: PacketPart.front.compactMap { library.template(id: $0.templateID)?.version }
                                           .joined(separator: ",")),
            pageStyle: .prose, blocks: sections)
        return result
    }

    /// Every part's forms filled from the case — the application, the agreement, the certificate, a
    /// 授权委托书 per 委托代理人, a 送达地址确认书 per party — with what filling them found.
    private func fillForms(_ file: CaseFile) -> (forms: [PacketPart: [Document]], diagnostics: [Diagnostic]) {
        var forms: [PacketPart: [Document]] = [:]
        var diagnostics: [Diagnostic] = []
        let parameters = [PacketPart.parameterName: XMLDocument(rootName: "packet")]
        for part in PacketPart.allCases {
            guard let template = library.template(id: part.templateID) else { continue }
            let rendering = template.render(file.document, office: profile?.file.document, parameters: parameters)
            // The packet decides which cases it is for; a form's own applies-when does not, and a form written
            // per record with no record (no 委托代理人) is simply not needed.
            diagnostics += rendering.diagnostics.filter { $0.id != TemplateID.notApplicable.id && $0.id != TemplateID.noRecords.id }
            forms[part] = rendering.documents
        }
        return (forms, diagnostics)
    }

    /// The packet's papers in the order of its checklist: the application, the agreement and the certificate,
    /// then for each further material what stands for it — a placeholder page per page of each paper the case
    /// attaches (as the dossier prints them, pointing at the checklist's row), the 授权委托书 to sign where
    /// none is attached, the 送达地址确认书 — each starting a new page.
    private func arrange(_ forms: [PacketPart: [Document]], materials: PacketMaterials) -> [Block] {
        var sections: [Block] = []
        func add(_ id: String, _ documents: [Document]) {
            guard !documents.isEmpty else { return }
            sections.append(.section(DossierBinding.section(id: id, numbering: .continues, documents)))
        }
        for part in PacketPart.front { add(part.rawValue, Array((forms[part] ?? []).prefix(1))) }
        let attorneys = forms[.powerOfAttorney] ?? []
        for (index, material) in materials.items.enumerated() {
            switch material.source {
            case .attached(let papers):
                for (k, paper) in papers.enumerated() {
                    let caption = "申请材料清单第\(index + 1)项，\(material.title)"
                    sections.append(.section(Section(id: PacketMaterials.placeholderSection(index + 1, k + 1), pageStyle: .form,
                                                     blocks: DossierPaper.placeholderPages(title: paper.title, pages: paper.pages ?? 1, caption: caption))))
                }
            case .toSign(let n):
                if attorneys.indices.contains(n - 1) { add(PacketPart.powerOfAttorney.section(n), [attorneys[n - 1]]) }
            case .packet(let section) where section == PacketPart.serviceAddress.rawValue:
                add(section, forms[.serviceAddress] ?? [])
            case .packet, .missing:
                break
            }
        }
        return sections
    }

    /// The rules of 民事诉讼法 arts. 205–206 and its interpretation, docs/packet.md on a loaded case, without building anything: the findings a packet would
    /// report (materials included), each with its note for paper and whether `force` may override it.
    package func check(_ file: CaseFile) -> [PacketFinding] {
        let facts = PacketFacts(file)
        return check(facts) + PacketMaterials(facts).findings
    }

    func check(_ facts: PacketFacts) -> [PacketFinding] {
        PacketRules.agreement(facts)
            + PacketRules.window(facts, calendar: profile?.calendar ?? .weekendsOnly, profileGiven: profile != nil)
            + PacketRules.exclusions(facts)
            + PacketRules.identity(facts)
            + PacketRules.agentAuthority(facts)
            + PacketRules.court(facts)
    }

    private func missingTemplates(at origin: PacketFacts.Origin) -> [PacketFinding] {
        PacketPart.allCases.filter { library.template(id: $0.templateID) == nil }.map { part in
            PacketFinding(.missingTemplate, at: origin, ["form": "\(part.templateID)"],
                          notice: "模板库中缺少\(part.templateID)文书模板。")
        }
    }

    /// The files of a built packet, `confirmation-packet.<ext>`, one per format; every format is produced
    /// before any is written, so a writer's failure leaves nothing behind.
    public static func files(_ document: Document, formats: [OutputFormat],
                             options: WriterOptions = WriterOptions()) throws -> [(name: String, data: Data)] {
        try formats.map { format in
            ("\(formID).\(format.fileExtension)", try Writers.writer(for: format, options: options).write(document))
        }
    }
}
