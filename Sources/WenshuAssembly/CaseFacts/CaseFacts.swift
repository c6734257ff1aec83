import WenshuCase

/// The few fields of one case that the ledgers (三册一本), the statistics and the case-subsidy report
/// (以案定补) need, taken out of the case's tree so the tree can be dropped: a batch of 10,000 cases keeps
/// 10,000 of these, never 10,000 documents.
///
/// Values are as the case file writes them (Chinese enumerations such as `调解成功`, `已履行`); a field the
/// case leaves out is `nil` (or empty), never a made-up default. Money is `Amount` (integer 分).
package struct CaseFacts: Sendable, Equatable {
    /// A mediator named on the case.
    package struct Mediator: Sendable, Equatable, Hashable {
        package var name: String
        /// `role` is 主持调解员.
        package var presides: Bool

        package init(name: String, presides: Bool) {
            self.name = name
            self.presides = presides
        }
    }

    /// An escalation the mediation prevented (防止激化): 自杀, 民转刑, 群体性械斗 or 群体性上访, with the number
    /// of persons involved.
    package struct Escalation: Sendable, Equatable {
        package var kind: String
        package var persons: Int

        package init(kind: String, persons: Int) {
            self.kind = kind
            self.persons = persons
        }
    }

    /// A 交办, 移交 or 督办 slip of the case, for the counts of slips done on time.
    package struct Routing: Sendable, Equatable {
        /// 督办 (else 交办 or 移交).
        package var isSupervision: Bool
        /// `new_deadline`, else `deadline`.
        package var deadline: CivilDate?
        /// When the receiving unit reported it done (销号).
        package var done: CivilDate?

        package init(isSupervision: Bool, deadline: CivilDate?, done: CivilDate?) {
            self.isSupervision = isSupervision
            self.deadline = deadline
            self.done = done
        }

        /// Reported done by its deadline (a slip without a deadline, once done).
        package var doneOnTime: Bool { done.map { d in deadline.map { d <= $0 } ?? true } ?? false }
    }

    /// How the agreement was made: a written 人民调解协议书 or an oral agreement (口头协议登记表).
    package enum AgreementForm: String, Sendable, Equatable {
        case written, oral

        /// 书面 / 口头, as ledgers print it.
        package var label: String { self == .written ? "书面" : "口头" }
    }

    /// The file the facts were read from, as locations name it.
    package var file: String
    /// 编号, e.g. `（2026）西交调字第37号`.
    package var number: String
    /// 纠纷名称.
    package var title: String?
    package var received: CivilDate?
    /// 受理日期: the date ledgers and statistics filter on.
    package var accepted: CivilDate?
    /// The date the agreement was signed.
    package var agreementDate: CivilDate?
    package var closed: CivilDate?
    /// 纠纷类型.
    package var type: String
    /// 申请 / 主动 / 移送 / 委派 / 委托.
    package var sourceKind: String?
    /// 诉调对接 / 公调对接 / 访调对接 / 检调对接 / 其他部门移送 / 当事人申请 / 主动调解 (`StatisticsCategories.channel`).
    package var channel: String?
    /// 一般 / 疑难 / 重大.
    package var grade: String?
    package var committee: String
    /// 村(居) / 乡镇(街道) / 企事业 / 行业性专业性.
    package var committeeLevel: String?
    /// The parties' names, in case order.
    package var parties: [String]
    /// 纠纷简要情况.
    package var summary: String?
    /// In case order.
    package var mediators: [Mediator]
    /// 调解成功 / 调解不成功 / 终止调解; `nil` while the case is still being mediated.
    package var outcome: String?
    package var agreementForm: AgreementForm?
    /// The agreed total: `agreement/total_amount`, else the sum of the terms' amounts; `nil` when the
    /// agreement names no amount.
    package var agreedAmount: Amount?
    /// 已履行 / 部分履行 / 未履行.
    package var performance: String?
    /// Follow-up visits (回访) recorded.
    package var visits: Int
    package var escalations: [Escalation]
    /// 卷号: the case is bound into a dossier (立卷归档) when it has one.
    package var dossierNumber: String?
    /// The case's slips, in case order.
    package var routings: [Routing]
    /// The judicial confirmation's result (确认有效 / 驳回 / 审查中) when one was applied for.
    package var confirmation: String?
    /// Titles of the papers the case has data for (人民调解回访记录, 人民调解调查记录, …), as `SubsidyMaterials`
    /// decides; the subsidy rules compare them with the materials a rate requires.
    package var materials: Set<String>

    package init(file: String, number: String, title: String? = nil, received: CivilDate? = nil,
                accepted: CivilDate? = nil, agreementDate: CivilDate? = nil, closed: CivilDate? = nil,
                type: String, sourceKind: String? = nil, channel: String? = nil, grade: String? = nil, committee: String,
                committeeLevel: String? = nil, parties: [String] = [], summary: String? = nil,
                mediators: [Mediator] = [], outcome: String? = nil, agreementForm: AgreementForm? = nil,
                agreedAmount: Amount? = nil, performance: String? = nil, visits: Int = 0,
                escalations: [Escalation] = [], routings: [Routing] = [], dossierNumber: String? = nil,
                confirmation: String? = nil, materials: Set<String> = []) {
        self.file = file
        self.number = number
        self.title = title
        self.received = received
        self.accepted = accepted
        self.agreementDate = agreementDate
        self.closed = closed
        self.type = type
        self.sourceKind = sourceKind
        self.channel = channel
        self.grade = grade
        self.committee = committee
        self.committeeLevel = committeeLevel
        self.parties = parties
        self.summary = summary
        self.mediators = mediators
        self.outcome = outcome
        self.agreementForm = agreementForm
        self.agreedAmount = agreedAmount
        self.performance = performance
        self.visits = visits
        self.escalations = escalations
        self.routings = routings
        self.dossierNumber = dossierNumber
        self.confirmation = confirmation
        self.materials = materials
    }

    /// The outcome is 调解成功.
    package var isSuccessful: Bool { outcome == Outcome.successful }

    /// The case is bound into a dossier (it has a 卷号).
    package var hasDossier: Bool { !(dossierNumber ?? "").isEmpty }

    /// The mediator who presided (主持调解员); the first one named when no role says so.
    package var presidingMediator: Mediator? { mediators.first(where: \.presides) ?? mediators.first }

    /// The values of `outcome/result` the reports compare against.
    package enum Outcome {
        package static let successful = "调解成功"
        package static let unsuccessful = "调解不成功"
        package static let terminated = "终止调解"
    }

    /// The values of `agreement/performance/status`.
    package enum Performance {
        package static let performed = "已履行"
        package static let partly = "部分履行"
        package static let notPerformed = "未履行"
    }
}
