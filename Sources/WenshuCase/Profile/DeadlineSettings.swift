import WenshuXML

/// The time limits an office works to (限期处理), in days, from its profile's `deadlines`; every one has a
/// default, named in docs/deadlines.md with where it comes from. Counties set their own: these are data,
/// never constants in the code that counts.
package struct DeadlineSettings: Sendable, Equatable {
    /// From acceptance to closing an ordinary case: about 30 days in many provinces' rules.
    package var caseDays = 30
    /// From acceptance, for a case a court sent (委派 before filing, 委托 during litigation) whose letter
    /// names no limit of its own: courts commonly give 30 days.
    package var courtCaseDays = 30
    /// From the agreement to the first follow-up visit (回访): within 15 days.
    package var firstVisitDays = 15
    /// From the last instalment's due day to the visit that checks it was paid.
    package var finalVisitDays = 15
    /// From a visit where a party was 不满意 to taking the matter up again.
    package var rehandleDays = 15
    /// From closing to filing the dossier (立卷归档).
    package var dossierDays = 30
    /// Days between two screening rounds (排查) by committee level: villages and communities weekly, towns
    /// and streets every half month (domain.md §9); the profile may add other levels or change these.
    package var screeningDays: [String: Int] = ["村(居)": 7, "乡镇(街道)": 15]

    package init() {}

    /// The settings a profile's `deadlines` element gives, the defaults for what it leaves out.
    init(_ node: XMLNode?) {
        func days(_ name: String) -> Int? { node?.value(name).flatMap { Int($0) } }
        caseDays = days("case_days") ?? caseDays
        courtCaseDays = days("court_case_days") ?? courtCaseDays
        firstVisitDays = days("first_visit_days") ?? firstVisitDays
        finalVisitDays = days("final_visit_days") ?? finalVisitDays
        rehandleDays = days("rehandle_days") ?? rehandleDays
        dossierDays = days("dossier_days") ?? dossierDays
        for rhythm in node?.nodes("screening_rhythms/screening_rhythm") ?? [] {
            if let level = rhythm.value("level"), let days = rhythm.value("days").flatMap({ Int($0) }) { screeningDays[level] = days }
        }
    }
}
