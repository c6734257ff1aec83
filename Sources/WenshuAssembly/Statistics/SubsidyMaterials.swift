/// Which papers a case has data for, by the titles office profiles use in a subsidy rate's
/// `required_materials` (`人民调解回访记录`, …): each title with an XPath condition over the case's tree.
///
/// `CaseFactsExtractor` compiles the conditions once and records, per case, the titles whose condition holds
/// (`CaseFacts.materials`); `SubsidyRules` compares them with what a rate requires. A title the table does
/// not know cannot be checked: the subsidy report says so instead of refusing every case for it.
///
/// The standard table mirrors when each form applies to a case. When the form templates declare their own
/// applicability conditions (issue 5), this table should be derived from them instead of kept by hand.
package struct SubsidyMaterials: Sendable, Equatable {
    package struct Condition: Sendable, Equatable {
        package var title: String
        /// XPath 1.0, evaluated with the case's root element as the context node; true when the case has the paper.
        package var xpath: String

        package init(title: String, xpath: String) {
            self.title = title
            self.xpath = xpath
        }
    }

    package var conditions: [Condition]

    package init(_ conditions: [Condition]) { self.conditions = conditions }

    /// The titles this table can decide.
    package var titles: Set<String> { Set(conditions.map(\.title)) }

    /// The papers of a people's-mediation dossier (the MoJ formats and the county 卷内目录 model, docs/dossier.md) that case data can show.
    package static let standard = SubsidyMaterials([
        // Only a party's application produces one; a case sent by a body or taken up on the committee's own
        // initiative has the intake register instead.
        Condition(title: "人民调解申请书", xpath: "source/kind = '申请'"),
        Condition(title: "人民调解受理登记表", xpath: "boolean(accepted)"),
        // Every accepted case informs its parties before mediating (人民调解法 arts. 23–24).
        Condition(title: "人民调解当事人权利义务告知书", xpath: "boolean(accepted) and boolean(parties/party)"),
        Condition(title: "人民调解调查记录", xpath: "boolean(investigations/investigation)"),
        Condition(title: "人民调解记录", xpath: "boolean(sessions/session)"),
        // An oral agreement's 口头协议登记表 stands in for the 协议书, as the dossier model notes
        // (口头协议的，以人民调解口头协议登记表代替).
        Condition(title: "人民调解协议书", xpath: "agreement/form = 'written' or agreement/form = 'oral'"),
        Condition(title: "人民调解口头协议登记表", xpath: "agreement/form = 'oral'"),
        Condition(title: "人民调解回访记录", xpath: "boolean(visits/visit)"),
        Condition(title: "司法确认申请书", xpath: "boolean(confirmation)"),
    ])
}
