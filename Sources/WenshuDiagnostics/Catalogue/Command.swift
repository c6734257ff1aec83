// What the commands print besides findings: summary lines and their own refusals.

/// A noun counted in a summary: `1 file`, `2 files`, `2个文件`.
public struct CountedNoun: Sendable, Hashable {
    public let one: String
    public let many: String
    /// The Chinese measure word and noun, after the number (`个文件`).
    public let chinese: String

    public init(one: String, many: String, zh chinese: String) {
        self.one = one
        self.many = many
        self.chinese = chinese
    }
}

extension DiagnosticArgument {
    /// `n` of `noun`, in the language's grammar.
    public static func count(_ n: Int, _ noun: CountedNoun) -> DiagnosticArgument {
        .localized(en: "\(n) \(n == 1 ? noun.one : noun.many)", zh: "\(n)\(noun.chinese)")
    }
}

/// The commands' own wording: summary lines and refusals of the command line.
public enum CommandWording {
    public static let file = CountedNoun(one: "file", many: "files", zh: "个文件")
    public static let error = CountedNoun(one: "error", many: "errors", zh: "个错误")
    public static let warning = CountedNoun(one: "warning", many: "warnings", zh: "个警告")
    public static let note = CountedNoun(one: "note", many: "notes", zh: "个提示")
    public static let `case` = CountedNoun(one: "case", many: "cases", zh: "个案件")
    public static let dossier = CountedNoun(one: "dossier", many: "dossiers", zh: "份卷宗")
    public static let packet = CountedNoun(one: "packet", many: "packets", zh: "份材料")

    /// `wenshu check`'s last line.
    public static let checkSummary = Phrase(en: "{files} checked: {errors}, {warnings}{notes}",
                                            zh: "检查了{files}：{errors}，{warnings}{notes}")
    public static let andNotes = Phrase(en: ", {notes}", zh: "，{notes}")
    /// `wenshu dossier`'s last line.
    public static let dossierSummary = Phrase(
        en: "{jobs}: {done} bound ({written} in {folder}), {failed} refused",
        zh: "{jobs}：装订{done}（{written}，在{folder}），拒绝{failed}份")
    /// `wenshu packet`'s last line.
    public static let packetSummary = Phrase(en: "{jobs}: {done} written ({written} in {folder}), {failed} refused",
                                             zh: "{jobs}：写出{done}（{written}，在{folder}），拒绝{failed}份")
    /// `wenshu render`'s last line.
    public static let renderSummary = Phrase(
        en: "{jobs}: {done} rendered ({written} in {folder}), {failed} failed",
        zh: "{jobs}：填写{done}个（{written}，在{folder}），失败{failed}个")
    /// Any run refused as a whole (the output folder cannot be written).
    public static let nothingWritten = Phrase(en: "{jobs}: nothing written (see above)", zh: "{jobs}：未写出任何文件（见上）")
    public static let noWorkLog = Phrase(
        en: "note: no work log (worklog.*) among the inputs: the 排查 figures (disputes screened, found, mediated) are left out of statistics.* and statistics.csv",
        zh: "提示：输入中没有工作记录本（worklog.*）：统计表及statistics.csv中不含排查数字（排查次数、发现纠纷、预防纠纷）")
    public static let noRegister = Phrase(
        en: "note: no {register} register among the inputs: the organisation figures (committees, mediators) are left out of statistics.* and statistics.csv",
        zh: "提示：输入中没有{register}登记册：统计表及statistics.csv中不含组织数字（调解组织、调解员）")
    public static let signNeedsArchive = Phrase(en: "--sign signs the archive package: give --archive too",
                                                zh: "--sign用于给归档包签名：请同时加上--archive")
    public static let noDossierBound = Phrase(en: "no dossier was bound", zh: "未装订卷宗")
    public static let pdfANeedsPDF = Phrase(en: "--pdf-a sets how PDFs are written: add --to pdf", zh: "--pdf-a用于设定PDF的写法：请加上--to pdf")
    public static let blankSet = CountedNoun(one: "blank set", many: "blank sets", zh: "套空白表单")
    public static let blankSummary = Phrase(en: "{forms} in {folder}", zh: "{forms}，在{folder}")
    public static let blankForm = CountedNoun(one: "blank form", many: "blank forms", zh: "份空白表单")
    public static let bookNotWritten = Phrase(en: "note: {book} not written: no usable {register} among the inputs",
                                              zh: "提示：未写出{book}：输入中没有可用的{register}")
    public static let subsidyNotWritten = Phrase(en: "note: subsidy not written: no office profile with subsidy rates",
                                                 zh: "提示：未写出以案定补表：没有含补助标准的本单位配置文件")
    /// `wenshu ledger`'s last line.
    public static let ledgerSummary = Phrase(en: "{cases} read; wrote {files}", zh: "读取{cases}；写出{files}")
    /// `wenshu stats`' last text line.
    public static let wroteFiles = Phrase(en: "wrote {files}", zh: "写出{files}")
    public static let noSuchProfile = Phrase(en: "{file}: no such profile file", zh: "{file}：没有这个配置文件")
    public static let noSuchFile = Phrase(en: "{path}: no such file", zh: "{path}：没有这个文件")
    public static let noSuchFileOrFolder = Phrase(en: "{path}: no such file or folder", zh: "{path}：没有这个文件或文件夹")
    public static let emptyFolder = Phrase(en: "{path}: the folder holds no .xml, .yaml, .yml or .json files",
                                           zh: "{path}：文件夹中没有 .xml、.yaml、.yml 或 .json 文件")
    public static let giveCases = Phrase(en: "give a case file or folder", zh: "请给出案件文件或文件夹")
    public static let giveCasesOrBlank = Phrase(en: "give a case file or folder, or --blank for empty forms",
                                                zh: "请给出案件文件或文件夹，或用--blank印空白表单")
    public static let partialNeedsCases = Phrase(en: "--partial fills the case files given, --blank none: use one of them",
                                                 zh: "--partial填写给出的案件文件，--blank不填写案件：二者只能用其一")
    public static let blankTakesNoCases = Phrase(en: "--blank fills no case: leave the case files out",
                                                 zh: "--blank不填写案件：请不要给出案件文件")
    public static let withinFromZero = Phrase(en: "--within takes a number of days from 0 up", zh: "--within应为从0起的天数")
    public static let jobsFromOne = Phrase(en: "--jobs takes a whole number from 1 up", zh: "--jobs应为从1起的整数")
    public static let giveOutputFolder = Phrase(en: "give the folder to write into with -o DIR", zh: "请用-o DIR给出写入的文件夹")
    public static let giveDossierFolder = Phrase(en: "give -o DIR: the folder the dossiers go to", zh: "请用-o DIR给出存放卷宗的文件夹")
    public static let giveFolderForFormats = Phrase(
        en: "give -o DIR to write {formats} files; without -o only text is printed",
        zh: "写出{formats}文件需要-o DIR；不给-o时只打印文本")
    public static let noSuchForm = Phrase(en: "there is no form {form}; installed: {known} (see `wenshu forms`)",
                                          zh: "没有表单{form}；已安装：{known}（见`wenshu forms`）")
    public static let none = Phrase(en: "none", zh: "无")
    public static let bookNeedsRegister = Phrase(
        en: "--book {book} needs {register} among the inputs or named by its option",
        zh: "--book {book}需要{register}：放在输入中，或用其选项指定")
    public static let dateFormat = Phrase(en: "{option} {text}: write the date as YYYY-MM-DD",
                                          zh: "{option} {text}：日期应写作YYYY-MM-DD")
    public static let untilBeforeSince = Phrase(en: "--until {until} is before --since {since}",
                                                zh: "--until {until}早于--since {since}")
    public static let cannotBeRead = Phrase(en: "{path}: cannot be read", zh: "{path}：无法读取")
}
