// What the commands print besides findings: summary lines and their own refusals.

/// A noun counted in a summary: `1 file`, `2 files`, `2个文件`.
package struct CountedNoun: Sendable, Hashable {
    package let one: String
    package let many: String
    /// The Chinese measure word and noun, after the number (`个文件`).
    package let chinese: String

    package init(one: String, many: String, zh chinese: String) {
        self.one = one
        self.many = many
        self.chinese = chinese
    }
}

extension DiagnosticArgument {
    /// `n` of `noun`, in the language's grammar.
    package static func count(_ n: Int, _ noun: CountedNoun) -> DiagnosticArgument {
        .localized(en: "\(n) \(n == 1 ? noun.one : noun.many)", zh: "\(n)\(noun.chinese)")
    }
}

/// The commands' own wording: summary lines and refusals of the command line.
package enum CommandWording {
    package static let file = CountedNoun(one: "file", many: "files", zh: "个文件")
    package static let error = CountedNoun(one: "error", many: "errors", zh: "个错误")
    package static let warning = CountedNoun(one: "warning", many: "warnings", zh: "个警告")
    package static let note = CountedNoun(one: "note", many: "notes", zh: "个提示")
    package static let `case` = CountedNoun(one: "case", many: "cases", zh: "个案件")
    package static let dossier = CountedNoun(one: "dossier", many: "dossiers", zh: "份卷宗")
    package static let packet = CountedNoun(one: "packet", many: "packets", zh: "份材料")

    /// `wenshu check`'s last line.
    package static let checkSummary = Phrase(en: "{files} checked: {errors}, {warnings}{notes}",
                                            zh: "检查了{files}：{errors}，{warnings}{notes}")
    package static let andNotes = Phrase(en: ", {notes}", zh: "，{notes}")
    /// `wenshu dossier`'s last line.
    package static let dossierSummary = Phrase(
        en: "{jobs}: {done} bound ({written} in {folder}), {failed} refused",
        zh: "{jobs}：装订{done}（{written}，在{folder}），拒绝{failed}份")
    /// `wenshu packet`'s last line.
    package static let packetSummary = Phrase(en: "{jobs}: {done} written ({written} in {folder}), {failed} refused",
                                             zh: "{jobs}：写出{done}（{written}，在{folder}），拒绝{failed}份")
    /// `wenshu render`'s last line.
    package static let renderSummary = Phrase(
        en: "{jobs}: {done} rendered ({written} in {folder}), {failed} failed",
        zh: "{jobs}：填写{done}个（{written}，在{folder}），失败{failed}个")
    /// Any run refused as a whole (the output folder cannot be written).
    package static let nothingWritten = Phrase(en: "{jobs}: nothing written (see above)", zh: "{jobs}：未写出任何文件（见上）")
    package static let noWorkLog = Phrase(
        en: "note: no work log (worklog.*) among the inputs: the 排查 figures (disputes screened, found, mediated) are left out of statistics.* and statistics.csv",
        zh: "提示：输入中没有工作记录本（worklog.*）：统计表及statistics.csv中不含排查数字（排查次数、发现纠纷、预防纠纷）")
    package static let noRegister = Phrase(
        en: "note: no {register} register among the inputs: the organisation figures (committees, mediators) are left out of statistics.* and statistics.csv",
        zh: "提示：输入中没有{register}登记册：统计表及statistics.csv中不含组织数字（调解组织、调解员）")
    package static let signNeedsArchive = Phrase(en: "--sign signs the archive package: give --archive too",
                                                zh: "--sign用于给归档包签名：请同时加上--archive")
    package static let noDossierBound = Phrase(en: "no dossier was bound", zh: "未装订卷宗")
    package static let pdfANeedsPDF = Phrase(en: "--pdf-a sets how PDFs are written: add --to pdf", zh: "--pdf-a用于设定PDF的写法：请加上--to pdf")
    package static let blankSet = CountedNoun(one: "blank set", many: "blank sets", zh: "套空白表单")
    package static let blankSummary = Phrase(en: "{forms} in {folder}", zh: "{forms}，在{folder}")
    package static let blankForm = CountedNoun(one: "blank form", many: "blank forms", zh: "份空白表单")
    package static let bookNotWritten = Phrase(en: "note: {book} not written: no usable {register} among the inputs",
                                              zh: "提示：未写出{book}：输入中没有可用的{register}")
    package static let subsidyNotWritten = Phrase(en: "note: subsidy not written: no office profile with subsidy rates",
                                                 zh: "提示：未写出以案定补表：没有含补助标准的本单位配置文件")
    /// `wenshu ledger`'s last line.
    package static let ledgerSummary = Phrase(en: "{cases} read; wrote {files}", zh: "读取{cases}；写出{files}")
    /// `wenshu stats`' last text line.
    package static let wroteFiles = Phrase(en: "wrote {files}", zh: "写出{files}")
    package static let noSuchProfile = Phrase(en: "{file}: no such profile file", zh: "{file}：没有这个配置文件")
    package static let noSuchFile = Phrase(en: "{path}: no such file", zh: "{path}：没有这个文件")
    package static let noSuchFileOrFolder = Phrase(en: "{path}: no such file or folder", zh: "{path}：没有这个文件或文件夹")
    package static let emptyFolder = Phrase(en: "{path}: the folder holds no .xml, .yaml, .yml or .json files",
                                           zh: "{path}：文件夹中没有 .xml、.yaml、.yml 或 .json 文件")
    package static let giveCases = Phrase(en: "give a case file or folder", zh: "请给出案件文件或文件夹")
    package static let giveCasesOrBlank = Phrase(en: "give a case file or folder, or --blank for empty forms",
                                                zh: "请给出案件文件或文件夹，或用--blank印空白表单")
    package static let partialNeedsCases = Phrase(en: "--partial fills the case files given, --blank none: use one of them",
                                                 zh: "--partial填写给出的案件文件，--blank不填写案件：二者只能用其一")
    package static let blankTakesNoCases = Phrase(en: "--blank fills no case: leave the case files out",
                                                 zh: "--blank不填写案件：请不要给出案件文件")
    package static let withinFromZero = Phrase(en: "--within takes a number of days from 0 up", zh: "--within应为从0起的天数")
    package static let jobsFromOne = Phrase(en: "--jobs takes a whole number from 1 up", zh: "--jobs应为从1起的整数")
    package static let giveOutputFolder = Phrase(en: "give the folder to write into with -o DIR", zh: "请用-o DIR给出写入的文件夹")
    package static let giveDossierFolder = Phrase(en: "give -o DIR: the folder the dossiers go to", zh: "请用-o DIR给出存放卷宗的文件夹")
    package static let giveFolderForFormats = Phrase(
        en: "give -o DIR to write {formats} files; without -o only text is printed",
        zh: "写出{formats}文件需要-o DIR；不给-o时只打印文本")
    package static let noSuchForm = Phrase(en: "there is no form {form}; installed: {known} (see `wenshu forms`)",
                                          zh: "没有表单{form}；已安装：{known}（见`wenshu forms`）")
    package static let none = Phrase(en: "none", zh: "无")
    package static let bookNeedsRegister = Phrase(
        en: "--book {book} needs {register} among the inputs or named by its option",
        zh: "--book {book}需要{register}：放在输入中，或用其选项指定")
    package static let dateFormat = Phrase(en: "{option} {text}: write the date as YYYY-MM-DD",
                                          zh: "{option} {text}：日期应写作YYYY-MM-DD")
    package static let untilBeforeSince = Phrase(en: "--until {until} is before --since {since}",
                                                zh: "--until {until}早于--since {since}")
    package static let cannotBeRead = Phrase(en: "{path}: cannot be read", zh: "{path}：无法读取")

    // The command line's usage errors. In English argument-parser's own text is printed as it is; in Chinese
    // these, with argument-parser's English text after them as the detail.
    package static let usageError = Phrase(en: "Error: {problem}", zh: "错误：{problem}")
    package static let usageErrorWithDetail = Phrase(en: "Error: {problem} ({detail})", zh: "错误：{problem}（{detail}）")
    package static let usage = Phrase(en: "Usage: {usage}", zh: "用法：{usage}")
    package static let seeHelp = Phrase(en: "See '{command} --help' for more information.",
                                       zh: "各选项的说明见“{command} --help”。")
    package static let unknownOption = Phrase(en: "unknown option {option}", zh: "没有{option}这个选项")
    package static let missingValue = Phrase(en: "{option} needs a value", zh: "{option}后面缺少值")
    package static let badValue = Phrase(en: "{option} cannot take the value '{value}'", zh: "{option}不能取值“{value}”")
    package static let badArgument = Phrase(en: "'{value}' is not a valid argument", zh: "“{value}”不是有效的参数")
    package static let takesNoValue = Phrase(en: "{option} takes no value", zh: "{option}不带值")
    package static let missingArgument = Phrase(en: "a required argument or option is missing", zh: "缺少必需的参数或选项")
    package static let extraArguments = Phrase(en: "unexpected arguments: {values}", zh: "多余的参数：{values}")
    package static let unknownCommand = Phrase(en: "there is no command {command}", zh: "没有{command}这个命令")
    package static let missingCommand = Phrase(en: "give a command", zh: "请给出命令")
    package static let badCommandLine = Phrase(en: "the command line cannot be read", zh: "命令行有误")
    package static let portRange = Phrase(en: "--port takes a number from 0 to 65535", zh: "--port应为0到65535之间的数")
    package static let noCaseFolder = Phrase(en: "{folder}: no such folder of cases", zh: "{folder}：没有这个案件文件夹")
    package static let givePassword = Phrase(en: "give a password of at least 8 characters on standard input",
                                            zh: "请在标准输入中给出至少8个字符的密码")
}
