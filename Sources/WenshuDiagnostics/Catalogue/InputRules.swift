// Stage 1, continued: the domain rules of one kind of file each.

extension InputID {
    // MARK: Case rules

    public static let creditCodeMalformed = InputID(
        ["case.credit-code-malformed"],
        en: "`credit_code` must be 18 characters from 0–9 and A–Y (never I, O, S, V or Z)",
        zh: "`credit_code`应为18位，由0–9和A–Y组成（不含I、O、S、V、Z）",
        means: "A unified social credit code that is not 18 characters of its alphabet.",
        fix: "Copy the code again from the business licence.")
    public static let creditCodeCheck = InputID(
        ["case.credit-code-check"],
        en: "check character of `credit_code` {code} should be {expected}: a character is mistyped",
        zh: "统一社会信用代码{code}的校验位应为{expected}：有字符录入错误",
        means: "The check character of a credit code does not match (GB 32100).",
        fix: "Compare the code character by character with the licence.")
    public static let dateOrder = InputID(
        ["case.date-order", "worklog.date-order"],
        en: "{date} is {relation} `{other}` {otherDate}: {reason}",
        zh: "{date}{relation}`{other}` {otherDate}：{reason}",
        means: "Dates out of possible order: source date ≤ received ≤ accepted ≤ investigations, sessions ≤ agreement date ≤ effective ≤ confirmation applied ≤ decided; instalments due, payments and visits not before the agreement; closed not before the agreement (nor acceptance); dossier filed not before closing; routing after receipt, its deadlines and its `done` date after the slip; extensions after acceptance; no party born after the case.",
        fix: "Correct whichever of the two dates is mistyped.")
    public static let noticeContradictsCase = InputID(
        ["case.notice-contradicts-case"],
        en: "a {notice} notice, but {fact}",
        zh: "这是{notice}通知，但{fact}",
        means: "A notice that tells the party something the case does not say: a 受理 notice for a case never accepted, a 不予受理 notice for an accepted one, a 终止调解 notice while the outcome is neither 调解不成功 nor 终止调解.",
        fix: "Record the acceptance or outcome, or make the notice the right kind.")
    public static let supervisionWithoutReferral = InputID(
        ["case.supervision-without-referral"], .warning,
        en: "this 督办 has no 交办 or 移交 before it in `routings`: record the slip it chases",
        zh: "此督办之前在`routings`中没有交办或移交：请记录它所督办的交办单",
        means: "A 督办 with no 交办 or 移交 before it in `routings` (the slip it chases; it may have been given by telephone).",
        fix: "Record the 交办 or 移交 the 督办 chases.")
    public static let folderNameTooLong = InputID(
        ["case.folder-name-too-long"],
        en: "the case number makes a folder name of {bytes} bytes; file systems take at most {maximum} (about 85 Chinese characters): shorten it",
        zh: "案号作为文件夹名长达{bytes}字节；文件系统最多允许{maximum}字节（约85个汉字）：请缩短",
        means: "A case number too long to name its output folder; `check` and `render` refuse it alike.",
        fix: "Shorten the case number.")
    public static let folderCollision = InputID(
        ["case.folder-collision"],
        en: "{who} would share the folder {folder}; give them distinct case numbers",
        zh: "{who}将写入同一个文件夹{folder}；请给它们不同的案号",
        means: "Two cases of one batch whose numbers make one folder name (after characters a file name cannot hold become _); nothing of either is written.",
        fix: "Give the cases distinct numbers.")
    public static let instalmentSum = InputID(
        ["case.instalment-sum"],
        en: "the {count} instalments add up to {sum}, but `total_amount` is {total}",
        zh: "{count}期分期款合计{sum}，但`total_amount`为{total}",
        variants: [InputWording.instalmentsBeyondMaximum],
        means: "The instalments do not add up to `total_amount` (in integer 分), or add up to more than 大写 can write.",
        fix: "Correct an instalment or the total.")
    public static let totalMissing = InputID(
        ["case.total-missing"], .warning,
        en: "the agreement has instalments but no `total_amount` to check them against",
        zh: "协议有分期付款，但没有可供核对的`total_amount`",
        means: "Instalments without a `total_amount`.",
        fix: "Add `total_amount`.")
    public static let termAmountFigure = InputID(
        ["case.term-amount-figure"], .warning,
        en: "the term carries `amount` {amount} but its text writes no such figure ({written}元): the agreement prints the sum and its 大写 at the term's end",
        zh: "该项协议的`amount`为{amount}，但其文字中没有写出这一数额（{written}元）：协议书将在该项末尾写明金额及其大写",
        means: "A term's `amount` that its `text` does not write in figures (`318,640元` or `￥318,640.00`): the agreement cannot set the 大写 next to the figure.",
        fix: "Write the figure in the term's text (e.g. 赔偿人民币318,640元), or correct `amount`.")
    public static let copiesHoldersSum = InputID(
        ["case.copies-holders-sum"],
        en: "`copies` is {copies}, but the copy holders hold {sum} ({parts}); the agreement prints {sum}",
        zh: "`copies`为{copies}，但各持有方合计{sum}份（{parts}）；协议书将写{sum}份",
        means: "`copies` is not the sum of the `copy_holders`' copies (the agreement prints the sum).",
        fix: "Correct `copies` or a holder's `copies`.")
    public static let copiesCount = InputID(
        ["case.copies-count"], .warning,
        en: "`copies` is {copies}, but {parties} parties and the committee keep {expected} under the standard clause (当事人、人民调解委员会各持一份); list `copy_holders` if the parties agreed otherwise",
        zh: "`copies`为{copies}，但按标准条款（当事人、人民调解委员会各持一份）{parties}方当事人和调委会应共持{expected}份；如当事人另有约定，请列出`copy_holders`",
        means: "Without `copy_holders`, `copies` is not the number of parties plus one.",
        fix: "Correct `copies`, or list who holds how many in `copy_holders`.")
    public static let paymentsExceed = InputID(
        ["case.payments-exceed"],
        en: "the payments add up to {paid}, more than `total_amount` {total}",
        zh: "已付款合计{paid}，超过`total_amount` {total}",
        means: "Payments add up to more than `total_amount`.",
        fix: "Correct a payment or the total.")
    public static let performanceStatus = InputID(
        ["case.performance-status"], .warning,
        en: "the status is 已履行 but the payments add up to {paid} of {total}",
        zh: "履行情况为已履行，但已付款合计只有{paid}（应付{total}）",
        variants: [InputWording.unperformedButPaid],
        means: "已履行 while less than the total was paid, or 未履行 with payments recorded.",
        fix: "Correct the status (部分履行?) or record the payments.")
    public static let recusal = InputID(
        ["case.recusal"],
        en: "mediator {name} has the same ID number ({id}) as the {role} `{other}`: a mediator who is a party or an agent must step aside (回避)",
        zh: "调解员{name}与{role}`{other}`的身份证号码相同（{id}）：调解员是当事人或代理人的，应当回避",
        means: "A mediator has the ID number of a party or an agent (回避).",
        fix: "Replace the mediator.")
    public static let recusalName = InputID(
        ["case.recusal-name"], .warning,
        en: "mediator {name} has the same name as the {role} `{other}`; give both ID numbers, or replace the mediator if it is the same person (回避)",
        zh: "调解员{name}与{role}`{other}`同名；请填写双方的身份证号码，如为同一人应更换调解员（回避）",
        means: "A mediator has the name of a party or an agent and an ID number is missing on either side.",
        fix: "Give both ID numbers, or replace the mediator.")
    public static let confirmationLate = InputID(
        ["case.confirmation-late"], .warning,
        en: "applied {applied}, after the 30-day window that ended {lastDay} (agreement effective {effective}); the court may refuse the application",
        zh: "{applied}申请，已超过{lastDay}届满的30日期限（协议{effective}生效）；法院可能不予受理",
        means: "Judicial confirmation applied for after the 30-day window; `packet` refuses such a case.",
        fix: "Check the dates; a late application goes to court as a lawsuit instead.")
    public static let holidaysUnknown = InputID(
        ["case.holidays-unknown"], .note,
        en: "the 30-day window was counted with Saturdays and Sundays as the only rest days: {why}, so public holidays were not known",
        zh: "30日期限按只有周六、周日休息计算：{why}，不知道法定节假日",
        means: "The window was counted without the holiday arrangement of a year (no profile, or the year is not in it).",
        fix: "Give the office profile with `--profile`, and add the year's holiday arrangement to it.")
    public static let confirmationWithoutAgreement = InputID(
        ["case.confirmation-without-agreement"],
        en: "judicial confirmation is recorded, but the case has no `agreement` to confirm",
        zh: "记录了司法确认，但案件没有可确认的`agreement`",
        means: "A confirmation without an agreement.",
        fix: "Add the agreement, or remove the confirmation.")
    public static let confirmationOralAgreement = InputID(
        ["case.confirmation-oral-agreement"], .warning,
        en: "judicial confirmation needs a written agreement (人民调解协议书); this agreement is oral",
        zh: "司法确认需要书面的人民调解协议书；本协议为口头协议",
        means: "A confirmation of an oral agreement (a court confirms a written 调解协议书).",
        fix: "Make a written agreement first.")
    public static let fieldForOtherKind = InputID(
        ["case.field-for-other-kind"],
        en: "`{field}` belongs to {owner}, but this party's `kind` is {kind}",
        zh: "`{field}`属于{owner}，但该当事人的`kind`是{kind}",
        means: "A person's field on an organisation or the reverse.",
        fix: "Correct the party's `kind`, or move the field.")
    public static let duplicatePartyID = InputID(
        ["case.duplicate-party-id"],
        en: "party id `{id}` is already used by `{other}`",
        zh: "当事人编号`{id}`已被`{other}`使用",
        means: "Two parties with one `id`.",
        fix: "Give each party its own `id`.")
    public static let unknownParty = InputID(
        ["case.unknown-party"],
        en: "`payer` {payer} is not the `id` of any party ({known})",
        zh: "`payer` {payer}不是任何当事人的`id`（{known}）",
        means: "An instalment `payer` that is no party's `id`.",
        fix: "Use one of the parties' `id`s.")
    public static let missingPhone = InputID(
        ["case.missing-phone"], .warning,
        en: "no `phone` for {name} or an agent: the application and the court papers ask for one",
        zh: "{name}及其代理人均无`phone`：申请书和法院材料需要联系电话",
        means: "Neither the party nor any of its agents has a phone.",
        fix: "Add a phone number.")
    public static let missingIDNumber = InputID(
        ["case.missing-id-number"], .warning,
        en: "no `id_number` for {name}: forms and judicial confirmation need the party's identity",
        zh: "{name}没有`id_number`：文书和司法确认需要当事人的身份信息",
        means: "A person party without an ID number.",
        fix: "Add the ID number.")
    public static let missingCreditCode = InputID(
        ["case.missing-credit-code"], .warning,
        en: "no `credit_code` for {name}: an organisation is identified by its unified social credit code",
        zh: "{name}没有`credit_code`：单位以统一社会信用代码识别",
        means: "An organisation party without a credit code.",
        fix: "Add the credit code.")
    public static let missingAgreement = InputID(
        ["case.missing-agreement"], .warning,
        en: "the outcome is 调解成功 but there is no `agreement` (written or oral) recording what was agreed",
        zh: "调解结果为调解成功，但没有记录协议内容的`agreement`（书面或口头）",
        means: "调解成功 without an agreement.",
        fix: "Record the agreement.")
    public static let agreementFormMissing = InputID(
        ["case.agreement-form-missing"], .warning,
        en: "the agreement has no `form`: neither the written agreement (人民调解协议书) nor the oral agreement register (口头协议登记表) is printed",
        zh: "协议缺少`form`（协议形式）：人民调解协议书和口头协议登记表都不会印出",
        means: "An agreement without `form` (written or oral): no agreement paper applies to it.",
        fix: "Write `form: written` for a 人民调解协议书, or `form: oral` for the 口头协议登记表.")
    public static let agreementWithoutSuccess = InputID(
        ["case.agreement-without-success"], .warning,
        en: "there is an agreement, but the outcome is {outcome}",
        zh: "有协议，但调解结果为{outcome}",
        means: "An agreement while the outcome is 调解不成功 or 终止调解.",
        fix: "Correct the outcome or remove the agreement.")
    public static let numberSeries = InputID(
        ["case.number-series"], .warning,
        en: "{number} does not follow the office's {series} series {pattern}{prefix}",
        zh: "{number}不符合本单位{series}编号格式{pattern}{prefix}",
        means: "With a profile that lists the case's committee: a number that does not follow the profile's series.",
        fix: "Correct the number, or the series in the profile.")

    // MARK: Office profile rules

    public static let duplicateYear = InputID(
        ["office.duplicate-year"],
        en: "the holiday arrangement of {year} is given twice",
        zh: "{year}年的节假日安排重复",
        means: "Two holiday arrangements for one year.",
        fix: "Keep one.")
    public static let holidayRange = InputID(
        ["office.holiday-range"],
        en: "{name} ends {to}, before it starts {from}",
        zh: "{name}结束于{to}，早于开始日{from}",
        means: "A holiday that ends before it starts.",
        fix: "Correct the dates.")
    public static let holidayYear = InputID(
        ["office.holiday-year"], .warning,
        en: "{name}: {date} is not in {year}",
        zh: "{name}：{date}不在{year}年",
        means: "A holiday date outside the arrangement's year (New Year's Eve may be).",
        fix: "Check the year.")
    public static let makeUpDay = InputID(
        ["office.make-up-day"],
        en: "{name}: make-up working day {date} falls inside a holiday",
        zh: "{name}：调休上班日{date}落在假期之内",
        means: "A make-up working day inside a holiday.",
        fix: "Correct the date.")
    public static let duplicateRate = InputID(
        ["office.duplicate-rate"],
        en: "a second subsidy rate for {key}",
        zh: "{key}的补贴标准重复",
        means: "Two subsidy rates for one level and grade.",
        fix: "Keep one.")
    public static let duplicateCommittee = InputID(
        ["office.duplicate-committee"],
        en: "{name} is listed twice",
        zh: "{name}重复列出",
        means: "A committee listed twice in the profile.",
        fix: "Keep one.")
    public static let numberPattern = InputID(
        ["office.number-pattern"],
        en: "the series {pattern} has no {n} for the running number",
        zh: "编号格式{pattern}没有表示流水号的{n}",
        variants: [InputWording.unknownPlaceholder],
        means: "A number series without `{n}`, or with a placeholder Wenshu does not know.",
        fix: "Use the placeholders {year}, {prefix} and {n}.")

    // MARK: Work log rules

    public static let entryYear = InputID(
        ["worklog.entry-year"], .warning,
        en: "{date} is not in the log's year {year}",
        zh: "{date}不在本记录本的年度{year}内",
        means: "A work-log entry outside the log's year.",
        fix: "Correct the date, or move the entry to that year's log.")
}

/// The other wordings of stage 1's ids, and phrases its messages put in their parameters.
package enum InputWording {
    package static let syntaxWithContext = Phrase(
        en: "{format} syntax error: {problem} ({context} at line {line}, column {column})",
        zh: "{format}语法错误：{problem}（{context}，从第{line}行第{column}列起）")
    package static let unreadableText = Phrase(en: "{format} cannot be read: {problem}", zh: "无法读取{format}：{problem}")
    package static let xmlSyntax = Phrase(en: "{detail}", zh: "XML语法错误：{detail}")
    package static let noElements = Phrase(en: "the file has no elements", zh: "文件中没有任何元素")
    package static let badKeyValue = Phrase(
        en: "`{field}` must be a short name of letters, digits, - or _, starting with a letter, e.g. p1, not `{value}`",
        zh: "`{field}`应为以字母开头、由字母、数字、-或_组成的简短名称，如p1，而不是`{value}`")
    package static let unknownFieldList = Phrase(
        en: "unknown field `{field}` {place}; the fields here are: {fields}",
        zh: "{place}没有字段`{field}`；此处的字段有：{fields}")
    package static let readAgain = Phrase(en: "it could not be read a second time", zh: "第二次读取失败")
    package static let here = Phrase(en: "here", zh: "此处")
    package static let inRecord = Phrase(en: "in `{record}`", zh: "`{record}`中")
    package static let schemaPlain = Phrase(en: "{detail}", zh: "不符合格式要求：{detail}")
    package static let twoOptions = Phrase(en: "{first} or {second}", zh: "{first}或{second}")
    package static let oneOf = Phrase(en: "one of {options}", zh: "以下之一：{options}")
    package static let aValidValue = Phrase(en: "a valid value", zh: "有效的值")
    package static let instalmentsBeyondMaximum = Phrase(
        en: "the {count} instalments add up to {sum}, more than {maximum}, the largest amount 大写 can write",
        zh: "{count}期分期款合计{sum}，超过大写金额所能书写的最大数额{maximum}")
    package static let casesNumbered = Phrase(en: "{count} cases numbered {number}", zh: "{count}个案号为{number}的案件")
    package static let casesListed = Phrase(en: "cases {numbers}", zh: "案件{numbers}")
    package static let idBirthDigits = Phrase(
        en: "the birth-date digits (7th to 14th) of {id} are not a real date",
        zh: "身份证号码{id}的出生日期位（第7至14位）不是真实日期")
    package static let idTypeHint = Phrase(en: "; for another document, give its `id_type`",
                                          zh: "；如为其他证件，请写明`id_type`")
    package static let mansID = Phrase(en: "a man's (its 17th digit is odd)", zh: "属于男性（第17位为奇数）")
    package static let womansID = Phrase(en: "a woman's (its 17th digit is even)", zh: "属于女性（第17位为偶数）")
    package static let mansOldID = Phrase(en: "a man's (its 15th digit is odd)", zh: "属于男性（第15位为奇数）")
    package static let womansOldID = Phrase(en: "a woman's (its 15th digit is even)", zh: "属于女性（第15位为偶数）")
    package static let unperformedButPaid = Phrase(
        en: "the status is 未履行 but payments of {paid} are recorded; is it 部分履行?",
        zh: "履行情况为未履行，但记录了{paid}的付款；是否应为部分履行？")
    package static let party = Phrase(en: "party", zh: "当事人")
    package static let agent = Phrase(en: "agent", zh: "代理人")
    package static let organisation = Phrase(en: "an organisation", zh: "单位")
    package static let person = Phrase(en: "a person", zh: "自然人")
    package static let before = Phrase(en: "before", zh: "早于")
    package static let noAcceptance = Phrase(en: "the case has no `accepted` date: record the acceptance or make it a 不予受理 notice",
                                            zh: "案件没有`accepted`受理日期：请记录受理，或改为不予受理通知")
    package static let acceptedAnyway = Phrase(en: "the case records `accepted`: a declined case is not accepted",
                                              zh: "案件记有`accepted`受理日期：不予受理的案件不应有受理日期")
    package static let outcomeNotEnded = Phrase(en: "the outcome is {outcome}: record the outcome 调解不成功 or 终止调解",
                                               zh: "调解结果为{outcome}：请记录结果为调解不成功或终止调解")
    package static let notRecorded = Phrase(en: "not recorded", zh: "未记录")
    package static let notifiedOnceAccepted = Phrase(en: "a case is notified as accepted once it is", zh: "案件受理之后才能发出受理通知")
    package static let decidedAtMeeting = Phrase(en: "a decision is due or done after the meeting that made it", zh: "决定事项的期限或完成日期应在作出决定的会议之后")
    package static let meeting = Phrase(en: "the meeting", zh: "会议")
    package static let after = Phrase(en: "after", zh: "晚于")
    package static let noProfileGiven = Phrase(en: "no office profile was given", zh: "没有提供本单位配置文件")
    package static let profileNotLoaded = Phrase(en: "the office profile did not load (see its errors)",
                                                zh: "本单位配置文件未能读取（见其错误）")
    package static let profileLacksYears = Phrase(en: "the office profile has no holiday arrangement for {years}",
                                                 zh: "本单位配置文件没有{years}年的节假日安排")
    package static let withPrefix = Phrase(en: " with prefix {prefix}", zh: "（前缀{prefix}）")
    package static let unknownPlaceholder = Phrase(
        en: "{placeholder} is not a placeholder Wenshu knows ({known})",
        zh: "{placeholder}不是文书认识的占位符（{known}）")
}
