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

    var templateID: String {
        switch self {
        case .application: return "confirmation-application"
        case .agreement: return "agreement"
        case .certificate: return "mediation-certificate"
        }
    }
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
        if !refusals.isEmpty {
            let otherPoints = findings.filter { $0.severity != .error && $0.id != PacketID.missingMaterial.id }
            sections.append(.section(Section(id: "cover-note", numbering: .unnumbered, pageStyle: .prose,
                                             blocks: PacketPaper.coverNote(overridden: refusals, otherPoints: otherPoints, facts: facts))))
            result.overridden = refusals.map(\.diagnostic)
        }
        sections += forms
        sections.append(.section(Section(id: "checklist", pageStyle: .form, blocks: PacketPaper.checklist(materials, facts: facts))))
        result.document = Document(
            metadata: DocumentMetadata(formID: Self.formID, title: "司法确认申请材料", number: facts.agreement?.number,
                                       caseNumber: facts.caseNumber,
                                       date: (facts.confirmation?.applied ?? facts.agreement?.date)?.description,
                                       templateVersion: PacketPart.allCases.compactMap { library.template(id: $0.templateID)?.version }
                                           .joined(separator: ",")),
            pageStyle: .prose, blocks: sections)
        return result
    }

    /// The application, the agreement and the certificate filled from the case, each a section starting a
    /// new page, with what filling them found.
    private func fillForms(_ file: CaseFile) -> (sections: [Block], diagnostics: [Diagnostic]) {
        var sections: [Block] = []
        var diagnostics: [Diagnostic] = []
        for part in PacketPart.allCases {
            guard let template = library.template(id: part.templateID) else { continue }
            let rendering = template.render(file.document, office: profile?.file.document)
            // The packet decides which cases it is for; a form's own applies-when does not.
            diagnostics += rendering.diagnostics.filter { $0.id != TemplateID.notApplicable.id }
            if let document = rendering.documents.first {
                sections.append(.section(Section(id: part.rawValue, pageStyle: document.pageStyle, blocks: document.blocks)))
            }
        }
        return (sections, diagnostics)
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
