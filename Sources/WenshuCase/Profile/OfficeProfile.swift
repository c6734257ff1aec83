import Foundation
import WenshuXML

/// The office profile (`office.yaml`): the office, the committees it covers, its number series, the State
/// Council's holiday arrangement per year, subsidy rates and the dossier model. Loaded like a case (XML,
/// YAML or JSON) and validated against `office.rng`.
public struct OfficeProfile: Sendable {
    public struct Committee: Sendable, Equatable {
        public let name: String
        /// 村(居) / 乡镇(街道) / 企事业 / 行业性专业性.
        public let level: String?
        /// The committee's part of its numbers: 西交 in （2026）西交调字第37号.
        public let prefix: String?
        /// The seal's text; the committee's name when not given.
        public let seal: String
    }

    public struct NumberFormat: Sendable, Equatable {
        /// 案件 / 调解协议 / 口头协议 / 卷宗 / 交办 / 移交 / 督办 / 受理通知 / 不予受理通知 / 终止调解告知 / 结果告知函 /
        /// 办结回复函 / 专报.
        public let kind: String
        package let pattern: NumberPattern
    }

    /// 以案定补: what a qualifying case of `grade` earns its mediator at a committee of `level`.
    public struct SubsidyRate: Sendable, Equatable {
        public let level: String
        public let grade: String
        package let amount: Amount
        /// Titles of the papers the dossier must hold at this rate.
        public let requiredMaterials: [String]
    }

    /// One row of the 卷内目录 model (the MoJ formats and the county 卷内目录 model, docs/dossier.md), in binding order.
    public struct DossierRow: Sendable, Equatable {
        /// 序号, from 1.
        public let position: Int
        public let title: String
        /// 必须 (true) or 按需.
        public let required: Bool
        /// Titles of the forms Wenshu writes that fill the row.
        public let forms: [String]
        /// Attachment kinds of the case (身份证明, 授权委托书, …) that fill the row.
        public let attachmentKinds: [String]
        public let notes: String?
    }

    /// The loaded tree, for templates that print office data by XPath.
    public let file: CaseFile
    public let name: String
    public let seal: String?
    public let committees: [Committee]
    public let numberFormats: [NumberFormat]
    package let holidayArrangements: [HolidayArrangement]
    public let subsidyRates: [SubsidyRate]
    /// The default retention period of dossiers (永久 / 30年 / 10年).
    public let retention: String?
    public let dossierRows: [DossierRow]
    /// The office's time limits (`wenshu due`).
    package let deadlines: DeadlineSettings
    /// The office's private key file for signing archive packages (`archive/signing_key`, resolved against
    /// the profile's folder), if the profile names one.
    public let signingKey: URL?
    /// The public key file `verify` trusts (`archive/trusted_key`), if the profile names one.
    public let trustedKey: URL?

    /// Rest days for legal periods: the holiday arrangements, plus weekends that are not make-up days.
    package var calendar: RestDayCalendar { RestDayCalendar(holidayArrangements) }

    /// Loads and checks the profile at `url`. The profile is `nil` when the file has errors; the findings
    /// (errors, and warnings that do not stop it) are returned either way.
    public static func load(_ url: URL, displayName: String? = nil) -> (profile: OfficeProfile?, diagnostics: [Diagnostic]) {
        let file: CaseFile
        do {
            file = try CaseLoader.load(url, kind: .office, displayName: displayName)
        } catch {
            return (nil, [error])
        }
        let findings = CaseChecker().check(file)
        return (findings.hasErrors ? nil : OfficeProfile(file), findings)
    }

    /// Reads a profile from a loaded tree that passed `CaseChecker` (values the schema refuses are skipped).
    public init(_ file: CaseFile) {
        let root = file.root
        self.file = file
        name = root.value("name") ?? ""
        seal = root.value("seal")
        committees = root.nodes("committees/committee").map { node in
            let name = node.value("name") ?? ""
            return Committee(name: name, level: node.value("level"), prefix: node.value("prefix"),
                             seal: node.value("seal") ?? name)
        }
        numberFormats = root.nodes("number_formats/number_format").compactMap { node in
            guard let kind = node.value("kind"), let pattern = node.value("pattern") else { return nil }
            return NumberFormat(kind: kind, pattern: NumberPattern(pattern))
        }
        holidayArrangements = root.nodes("holiday_years/holiday_year").compactMap { node in
            guard let year = node.value("year").flatMap({ Int($0) }) else { return nil }
            let holidays = node.nodes("holidays/holiday").compactMap { holiday -> HolidayArrangement.Holiday? in
                guard let from = holiday.element(named: "from")?.date, let to = holiday.element(named: "to")?.date else { return nil }
                return HolidayArrangement.Holiday(name: holiday.value("name") ?? "", from: from, to: to,
                                                  makeUpDays: holiday.nodes("make_up_days/make_up_day").compactMap(\.date))
            }
            return HolidayArrangement(year: year, holidays: holidays)
        }
        subsidyRates = root.nodes("subsidies/subsidy").compactMap { node in
            guard let level = node.value("level"), let grade = node.value("grade"),
                  let amount = node.element(named: "amount")?.amount else { return nil }
            return SubsidyRate(level: level, grade: grade, amount: amount,
                               requiredMaterials: node.nodes("required_materials/required_material").map(\.stringValue))
        }
        retention = root.node("dossier/retention")?.stringValue
        let folder = URL(fileURLWithPath: file.name).deletingLastPathComponent()
        func keyFile(_ path: String) -> URL? {
            root.node(path).map { URL(fileURLWithPath: $0.stringValue, relativeTo: folder).standardizedFileURL }
        }
        signingKey = keyFile("archive/signing_key")
        trustedKey = keyFile("archive/trusted_key")
        dossierRows = root.nodes("dossier/rows/row").enumerated().map { index, node in
            DossierRow(position: index + 1, title: node.value("title") ?? "", required: node.value("required") == "必须",
                       forms: node.nodes("forms/form").map(\.stringValue),
                       attachmentKinds: node.nodes("attachment_kinds/attachment_kind").map(\.stringValue),
                       notes: node.value("notes"))
        }
        deadlines = DeadlineSettings(root.node("deadlines"))
    }

    /// The committee with exactly this name, if the office covers it.
    public func committee(named name: String) -> Committee? { committees.first { $0.name == name } }

    /// The subsidy rate for a case of `grade` at a committee of `level`.
    public func subsidyRate(level: String, grade: String) -> SubsidyRate? {
        subsidyRates.first { $0.level == level && $0.grade == grade }
    }
}
