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
        .phrase(Phrase(en: "{n} {noun}", zh: "{n}{noun}"),
                ["n": "\(n)", "noun": .phrase(Phrase(en: n == 1 ? noun.one : noun.many, zh: noun.chinese))])
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
        en: "{cases}: {bound} bound ({written} in {folder}), {refused} refused",
        zh: "{cases}：装订{bound}（{written}，在{folder}），拒绝{refused}份")
    /// `wenshu packet`'s last line.
    public static let packetSummary = Phrase(en: "{cases}: {written} written, {refused} refused",
                                             zh: "{cases}：写出{written}，拒绝{refused}份")
    public static let noSuchProfile = Phrase(en: "{file}: no such profile file", zh: "{file}：没有这个配置文件")
}
