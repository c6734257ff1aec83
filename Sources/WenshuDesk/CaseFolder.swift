import Foundation
import WenshuAssembly
import WenshuCase
import WenshuDiagnostics
import WenshuRun
import WenshuWriters
import WenshuXML

/// The folder of case files the desk serves: listing, opening, checking and saving. Every file it touches is
/// a plain name directly inside the folder (`resolve`), never a path a request could steer elsewhere.
package struct CaseFolder: Sendable {
    package let root: URL
    package let profile: OfficeProfile?

    package init(root: URL, profile: OfficeProfile?) {
        self.root = root.standardizedFileURL
        self.profile = profile
    }

    /// One line of the case list.
    package struct Summary: Sendable {
        package var fileName: String
        package var number: String
        package var title: String
        package var parties: [String]
        package var state: String
        /// The next open obligation (`wenshu due`): what and by when.
        package var nextDeadline: Obligation?
        /// Set when the file could not be loaded at all.
        package var problem: String?
    }

    /// A case file as opened for editing: its text, the loaded tree, and the version the page must send back.
    package struct Opened: Sendable {
        package var fileName: String
        package var text: String
        package var file: CaseFile
        /// SHA-256 of the file's bytes when opened: a save against another version is refused.
        package var version: String
        var tree: CaseTree { CaseTree(file.root) }
    }

    /// How a save went.
    package enum SaveOutcome: Sendable, Equatable {
        /// Only values changed: written in place, comments and layout kept.
        case valuesChanged(count: Int)
        /// Fields or items added or removed: rewritten in the canonical layout; the previous file kept as `backup`.
        case rewritten(backup: String)
        /// Nothing to change.
        case unchanged
        /// The file changed on disk since the page was opened; nothing written.
        case conflict
    }

    private static let saving = NSLock()
    static let caseExtensions: Set<String> = ["yaml", "yml", "json", "xml"]
    static let officeNames: Set<String> = ["office", "committees", "mediators", "worklog"]

    /// The case files of the folder, by name.
    package func caseFileNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { resolve($0) != nil }.sorted()
    }

    /// The URL of a case file named `name` directly in the folder, or nil: no separators, no leading dot, a case
    /// extension, not an office file, a regular file that exists.
    package func resolve(_ name: String) -> URL? {
        guard !name.isEmpty, name.count <= 255, !name.hasPrefix("."), !name.contains("/"), !name.contains("\\"),
              !name.contains("\0") else { return nil }
        let url = root.appendingPathComponent(name, isDirectory: false)
        guard CaseFolder.caseExtensions.contains(url.pathExtension.lowercased()),
              !CaseFolder.officeNames.contains(url.deletingPathExtension().lastPathComponent.lowercased()),
              url.deletingLastPathComponent().standardizedFileURL.path == root.path else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        return url
    }

    /// Every case with its number, title, parties, state and next deadline as of `day`.
    package func summaries(on day: CivilDate = .today, matching query: String = "") -> [Summary] {
        let worklist = Worklist(on: day, settings: profile?.deadlines ?? DeadlineSettings(), calendar: profile?.calendar ?? RestDayCalendar([]))
        let query = query.trimmingCharacters(in: .whitespaces)
        var out: [Summary] = []
        for name in caseFileNames() {
            guard let url = resolve(name) else { continue }
            let summary: Summary
            do {
                let file = try CaseLoader.load(url, kind: .caseFile, displayName: name)
                let root = file.root
                let parties = root.element(named: "parties")?.elements.compactMap { $0.element(named: "name")?.stringValue } ?? []
                let open = worklist.ordered(worklist.obligations(of: file).filter { $0.done == nil })
                summary = Summary(fileName: name, number: root.element(named: "number")?.stringValue ?? "",
                                  title: root.element(named: "title")?.stringValue ?? "", parties: parties,
                                  state: CaseFolder.state(of: root), nextDeadline: open.first, problem: nil)
            } catch {
                summary = Summary(fileName: name, number: "", title: "", parties: [], state: "无法读取", nextDeadline: nil,
                                  problem: error.description)
            }
            if query.isEmpty || ([summary.number, summary.title, name] + summary.parties).contains(where: { $0.contains(query) }) {
                out.append(summary)
            }
        }
        return out
    }

    /// Where a case stands, in a clerk's words.
    static func state(of root: XMLNode) -> String {
        if root.element(named: "dossier")?.element(named: "filed_on") != nil { return "已归档" }
        if let result = root.element(named: "confirmation")?.element(named: "result")?.stringValue { return "司法确认：\(result)" }
        if let status = root.element(named: "agreement")?.element(named: "performance")?.element(named: "status")?.stringValue {
            return "协议\(status)"
        }
        if let result = root.element(named: "outcome")?.element(named: "result")?.stringValue { return result }
        if root.element(named: "closed") != nil { return "已结案" }
        if root.element(named: "accepted") != nil { return "调解中" }
        return "已登记"
    }

    /// Opens a case file for editing.
    package func open(_ name: String) throws(Diagnostic) -> Opened {
        guard let url = resolve(name) else { throw Diagnostic(DeskID.noSuchCase, at: SourceLocation(file: name)) }
        // Unreadable: the loader reads it again and reports why, in its own words.
        guard let data = try? Data(contentsOf: url) else { _ = try CaseLoader.load(url, kind: .caseFile, displayName: name); throw Diagnostic(DeskID.noSuchCase, at: SourceLocation(file: name)) }
        let file = try CaseLoader.load(data, name: name, format: SourceFormat(fileExtension: url.pathExtension)!, kind: .caseFile)
        return Opened(fileName: name, text: String(decoding: data, as: UTF8.self), file: file, version: SHA256Digest.hex(of: data))
    }

    /// The case as the form would make it: its tree, and its text in the file's own format (canonical layout).
    func edited(_ opened: Opened, form: FormSubmission) -> (tree: CaseTree, text: String) {
        let tree = FormApplier.apply(form, to: opened.tree)
        return (tree, CanonicalCaseWriter.text(tree, format: opened.file.format))
    }

    /// The findings `wenshu check` would report for the case as the form has it, without saving; with the
    /// loaded case when it loaded (for the forms' own checks).
    func check(_ opened: Opened, form: FormSubmission) -> (file: CaseFile?, diagnostics: [Diagnostic]) {
        let text = edited(opened, form: form).text
        do {
            let file = try CaseLoader.load(Data(text.utf8), name: opened.fileName, format: opened.file.format, kind: .caseFile)
            return (file, CaseChecker(profile: profile).check(file))
        } catch {
            return (nil, [error])
        }
    }

    /// Saves the form into the case file, atomically: values only → patched in place; otherwise the canonical
    /// layout with the previous file kept beside it (`NAME.previous.EXT` is not a case name: `~` marks it).
    func save(_ name: String, form: FormSubmission, version: String) throws(Diagnostic) -> SaveOutcome {
        // One save at a time, so two pages posting together cannot both pass the version check.
        CaseFolder.saving.lock()
        defer { CaseFolder.saving.unlock() }
        let opened = try open(name)
        guard opened.version == version else { return .conflict }
        let (tree, canonical) = edited(opened, form: form)
        let old = opened.tree
        if tree == old { return .unchanged }
        let url = resolve(name)!
        let oldLeaves = old.leaves, newLeaves = tree.leaves
        if Set(oldLeaves.keys) == Set(newLeaves.keys) {
            let changes = newLeaves.filter { oldLeaves[$0.key] != $0.value }
            if let patched = SourcePatcher.patch(opened.text, file: opened.file, changes: changes),
               let reloaded = try? CaseLoader.load(Data(patched.utf8), name: name, format: opened.file.format, kind: .caseFile),
               CaseTree(reloaded.root).trimmed == tree.trimmed {
                try write(patched, to: url)
                return .valuesChanged(count: changes.count)
            }
        }
        // Structural: the canonical text, reloaded so fields come in the schema's order, then written again.
        var text = canonical
        if let reloaded = try? CaseLoader.load(Data(canonical.utf8), name: name, format: opened.file.format, kind: .caseFile) {
            text = CanonicalCaseWriter.text(CaseTree(reloaded.root), format: opened.file.format)
        }
        let backup = CaseFolder.backupName(for: name)
        try write(opened.text, to: root.appendingPathComponent(backup, isDirectory: false))
        try write(text, to: url)
        return .rewritten(backup: backup)
    }

    /// `traffic.yaml` → `traffic.yaml~`: beside the file, and not a case file the folder lists.
    static func backupName(for name: String) -> String { name + "~" }

    /// Creates a new case file from a dispute type's starting point; returns its name.
    package func create(number: String, type: String, format: SourceFormat = .yaml, on day: CivilDate = .today) throws(Diagnostic) -> String {
        let number = number.trimmingCharacters(in: .whitespaces)
        guard !number.isEmpty else { throw Diagnostic(DeskID.newCase, at: SourceLocation(file: "新案件"), subject: "number") }
        guard CaseFormSchema.disputeTypes.contains(type) else {
            throw Diagnostic(DeskID.newCase, at: SourceLocation(file: "新案件"), subject: "type", wording: DeskWording.chooseType)
        }
        let stem = OutputLayout.safeName(number)
        let ext = format == .yaml ? "yaml" : format.rawValue
        let name = "\(stem).\(ext)"
        let url = root.appendingPathComponent(name, isDirectory: false)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw Diagnostic(DeskID.newCase, at: SourceLocation(file: name), subject: "number", wording: DeskWording.caseExists)
        }
        try write(CanonicalCaseWriter.text(CaseStartingPoint.tree(number: number, type: type, profile: profile, on: day), format: format), to: url)
        return name
    }

    private func write(_ text: String, to url: URL) throws(Diagnostic) {
        do { try Data(text.utf8).write(to: url, options: .atomic) } catch {
            throw Diagnostic(DeskID.writeFailed, at: SourceLocation(file: url.lastPathComponent), ["reason": "\(error.localizedDescription)"])
        }
    }
}
