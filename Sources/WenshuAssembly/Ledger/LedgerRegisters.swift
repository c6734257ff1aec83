import Foundation
import WenshuCase
import WenshuXML

/// Loads the office's own files that the ledgers read: the registers of committees and mediators and the work
/// logs, each checked against its schema and rules.
package enum LedgerRegisterFile {
    /// The tree of the file at `url` read as `kind`, or `nil` when it has errors; every finding either way.
    package static func load(_ url: URL, kind: FileKind, displayName: String? = nil) -> (root: XMLNode?, diagnostics: [Diagnostic]) {
        let file: CaseFile
        do {
            file = try CaseLoader.load(url, kind: kind, displayName: displayName)
        } catch {
            return (nil, [error])
        }
        let findings = CaseChecker().check(file)
        return (findings.hasErrors ? nil : file.root, findings)
    }

    /// The register of committees at `url`; `nil` when it has errors.
    package static func committees(_ url: URL, displayName: String? = nil) -> (records: [CommitteeRecord]?, diagnostics: [Diagnostic]) {
        let (root, diagnostics) = load(url, kind: .committees, displayName: displayName)
        return (root.map(CommitteeRecord.records(in:)), diagnostics)
    }

    /// The register of mediators at `url`; `nil` when it has errors.
    package static func mediators(_ url: URL, displayName: String? = nil) -> (records: [MediatorRecord]?, diagnostics: [Diagnostic]) {
        let (root, diagnostics) = load(url, kind: .mediators, displayName: displayName)
        return (root.map(MediatorRecord.records(in:)), diagnostics)
    }

    /// The work log at `url`; `nil` when it has errors.
    package static func workLog(_ url: URL, displayName: String? = nil) -> (log: WorkLog?, diagnostics: [Diagnostic]) {
        let (root, diagnostics) = load(url, kind: .worklog, displayName: displayName)
        return (root.map(WorkLog.init(root:)), diagnostics)
    }
}

/// One committee of the 调解组织登记册 (the committees register, `committees.rng`).
package struct CommitteeRecord: Sendable, Equatable {
    package struct Member: Sendable, Equatable {
        package var name: String
        package var post: String?

        package init(name: String, post: String? = nil) {
            self.name = name
            self.post = post
        }
    }

    package var name: String
    /// 村(居) / 乡镇(街道) / 企事业 / 行业性专业性.
    package var level: String?
    /// The field of a specialised committee (交通事故, 医疗纠纷, …).
    package var specialty: String?
    package var address: String?
    package var phone: String?
    package var established: CivilDate?
    package var director: String?
    package var members: [Member]
    package var notes: String?

    package init(name: String, level: String? = nil, specialty: String? = nil, address: String? = nil,
                phone: String? = nil, established: CivilDate? = nil, director: String? = nil,
                members: [Member] = [], notes: String? = nil) {
        self.name = name
        self.level = level
        self.specialty = specialty
        self.address = address
        self.phone = phone
        self.established = established
        self.director = director
        self.members = members
        self.notes = notes
    }

    /// The committees of a register's tree (root `committee_register`), in register order.
    package static func records(in root: XMLNode) -> [CommitteeRecord] {
        root.element(named: "committees")?.elements(named: "committee").map { node in
            CommitteeRecord(
                name: node.text("name") ?? "", level: node.text("level"), specialty: node.text("specialty"),
                address: node.text("address"), phone: node.text("phone"),
                established: node.text("established").flatMap(CivilDate.init(iso:)), director: node.text("director"),
                members: node.element(named: "members")?.elements(named: "member").map {
                    Member(name: $0.text("name") ?? "", post: $0.text("post"))
                } ?? [],
                notes: node.text("notes"))
        } ?? []
    }
}

/// One mediator of the 调解人员登记册 (the mediators register, `mediators.rng`). The register's ID number
/// is deliberately not read: the ledger does not print it, and reports never carry it.
package struct MediatorRecord: Sendable, Equatable {
    package var name: String
    package var gender: String?
    package var birthDate: CivilDate?
    package var ethnicity: String?
    package var education: String?
    package var politicalStatus: String?
    /// The committee's name.
    package var committee: String
    package var post: String?
    /// 专职 / 兼职.
    package var employment: String?
    package var certificate: String?
    package var phone: String?
    package var appointed: CivilDate?
    package var notes: String?

    package init(name: String, gender: String? = nil, birthDate: CivilDate? = nil, ethnicity: String? = nil,
                education: String? = nil, politicalStatus: String? = nil, committee: String, post: String? = nil,
                employment: String? = nil, certificate: String? = nil, phone: String? = nil,
                appointed: CivilDate? = nil, notes: String? = nil) {
        self.name = name
        self.gender = gender
        self.birthDate = birthDate
        self.ethnicity = ethnicity
        self.education = education
        self.politicalStatus = politicalStatus
        self.committee = committee
        self.post = post
        self.employment = employment
        self.certificate = certificate
        self.phone = phone
        self.appointed = appointed
        self.notes = notes
    }

    /// The mediators of a register's tree (root `mediator_register`), in register order.
    package static func records(in root: XMLNode) -> [MediatorRecord] {
        root.element(named: "mediators")?.elements(named: "mediator").map { node in
            MediatorRecord(
                name: node.text("name") ?? "", gender: node.text("gender"),
                birthDate: node.text("birth_date").flatMap(CivilDate.init(iso:)), ethnicity: node.text("ethnicity"),
                education: node.text("education"), politicalStatus: node.text("political_status"),
                committee: node.text("committee") ?? "", post: node.text("post"), employment: node.text("employment"),
                certificate: node.text("certificate"), phone: node.text("phone"),
                appointed: node.text("appointed").flatMap(CivilDate.init(iso:)), notes: node.text("notes"))
        } ?? []
    }
}

/// A committee's 调解工作记录本 (the work log, `worklog.rng`): dated entries of screening rounds, meetings,
/// training, visits.
package struct WorkLog: Sendable, Equatable {
    package struct Entry: Sendable, Equatable {
        package var date: CivilDate?
        /// 排查 / 会议 / 培训 / 回访 / 宣传 / 其他.
        package var kind: String
        package var place: String?
        package var content: String
        /// Who took part, as written (names separated by 、).
        package var people: String?
        /// Disputes found by a screening round (排查发现纠纷).
        package var found: Int?
        /// Disputes prevented (预防纠纷).
        package var prevented: Int?
        package var recorder: String?

        package init(date: CivilDate?, kind: String, place: String? = nil, content: String, people: String? = nil,
                    found: Int? = nil, prevented: Int? = nil, recorder: String? = nil) {
            self.date = date
            self.kind = kind
            self.place = place
            self.content = content
            self.people = people
            self.found = found
            self.prevented = prevented
            self.recorder = recorder
        }

        /// The people who took part, one name each (`people` lists them separated by 、，; or spaces).
        package var names: [String] {
            (people ?? "").split(whereSeparator: { "、,，;；".contains($0) || $0.isWhitespace }).map(String.init)
        }

        /// `name` is one of the people who took part (or the recorder).
        package func involves(_ name: String) -> Bool {
            names.contains(name) || recorder == name
        }

        /// The kind of entry that counts as a screening round (排查).
        package static let screening = "排查"
    }

    package var committee: String
    package var entries: [Entry]

    package init(committee: String, entries: [Entry]) {
        self.committee = committee
        self.entries = entries
    }

    /// The log of a work-log tree (root `worklog`), entries in file order.
    package init(root: XMLNode) {
        committee = root.text("committee") ?? ""
        entries = root.element(named: "entries")?.elements(named: "entry").map { node in
            Entry(date: node.text("date").flatMap(CivilDate.init(iso:)), kind: node.text("kind") ?? "",
                  place: node.text("place"), content: node.text("content") ?? "", people: node.text("people"),
                  found: node.text("found").flatMap { Int($0) }, prevented: node.text("prevented").flatMap { Int($0) },
                  recorder: node.text("recorder"))
        } ?? []
    }
}

extension XMLNode {
    /// The trimmed text of the child element `name`; `nil` when absent or empty.
    fileprivate func text(_ name: String) -> String? {
        guard let value = element(named: name)?.stringValue.trimmingCharacters(in: .whitespacesAndNewlines),
              !value.isEmpty else { return nil }
        return value
    }
}
