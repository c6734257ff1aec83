extension DeskID {
    public static let passwordRequired = DeskID(
        "desk.password-required",
        en: "listening on {address} needs an access password: set desk.password_hash in the profile (wenshu serve --hash-password makes it)",
        zh: "在{address}上监听需要访问密码：请在配置文件中设置desk.password_hash（由 wenshu serve --hash-password 生成）",
        means: "`wenshu serve --listen` names an address other machines can reach, and the profile holds no access password.",
        fix: "Run `wenshu serve --hash-password`, put the lines it prints in the profile, and give the profile with --profile.")
    public static let badPasswordHash = DeskID(
        "desk.bad-password-hash",
        en: "not a hash made by `wenshu serve --hash-password` (pbkdf2-sha256$ITERATIONS$SALT$HASH)",
        zh: "不是由 wenshu serve --hash-password 生成的密码散列（pbkdf2-sha256$迭代次数$盐$散列）",
        means: "The profile's desk.password_hash is not in the stored form; a password is never written in the profile itself.",
        fix: "Replace it with the line `wenshu serve --hash-password` prints.")
    public static let cannotStart = DeskID(
        "desk.cannot-start",
        en: "the desk could not start: {reason}",
        zh: "调解工作台无法启动：{reason}",
        means: "The server could not listen (the port is taken, the address is not this machine's) or its pages are missing from the installation.",
        fix: "Choose another --port, or an address of this machine; reinstall wenshu if its pages are missing.")
    public static let programMissing = DeskID(
        "desk.program-missing",
        en: "the desk's program is not installed beside wenshu, or cannot be run",
        zh: "wenshu所在的文件夹中没有调解工作台的程序，或该程序无法运行",
        means: "`wenshu serve` runs the program `wenshu-desk`, installed in the same folder as `wenshu`; it is not there, or cannot be run.",
        fix: "Install `wenshu-desk` beside `wenshu` (`swift build -c release` builds both), or make it executable.")
    public static let noSuchCase = DeskID(
        "desk.no-such-case",
        en: "no such case file in the folder",
        zh: "文件夹中没有这个案件文件",
        means: "The page asked for a file that is not a case file directly inside the desk's folder (or was removed).",
        fix: "Open the case from the list.")
    public static let newCase = DeskID(
        "desk.new-case",
        en: "give the case number (案号)",
        zh: "请填写案号",
        variants: [DeskWording.chooseType, DeskWording.caseExists],
        means: "A new case needs a number not yet used in the folder and a dispute type from the list.",
        fix: "Fill in the number and choose the type; a number already used opens as its own case.")
    public static let writeFailed = DeskID(
        "desk.write-failed",
        en: "cannot write the file: {reason}",
        zh: "无法写入文件：{reason}",
        means: "Saving a case, its previous version or a scan failed; the file on disk is as it was.",
        fix: "Check that the folder is writable and the disk not full.")
    public static let badPeriod = DeskID(
        "desk.bad-period",
        en: "not a period: {text} (dates as YYYY-MM-DD, the end not before the start)",
        zh: "统计期间有误：{text}（日期写作YYYY-MM-DD，截止日期不能早于起始日期）",
        means: "The ledgers and statistics page was given a start or end date that is not a date, or an end before the start.",
        fix: "Choose both dates with the picker, or leave one empty for an open period.")
    public static let noSuchPaper = DeskID(
        "desk.no-such-paper",
        en: "there is no paper {paper} as {format} for this case",
        zh: "本案没有{format}格式的文书{paper}",
        means: "A download named a form that does not apply to the case, or a format the desk does not offer here.",
        fix: "Download from the case's papers page, which lists what applies.")
}

/// Other wordings of the desk's ids.
package enum DeskWording {
    package static let chooseType = Phrase(en: "choose a dispute type from the list", zh: "请从列表中选择纠纷类型")
    package static let caseExists = Phrase(en: "a case file with this number already exists", zh: "已有同一案号的案件文件")
}
