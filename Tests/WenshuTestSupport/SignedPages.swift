/// Nothing signs alone (issue 13), read off a printed page's lines the way a clerk reads them: a page that
/// holds signature or seal lines holds at least two lines of the text they sign before the first of them —
/// unless it carries on the parties' signatures from the page before (a group of signatures too tall for
/// one page), and then it starts with a party's line, never with the committee's officers, seal or date.
/// The same reading for LibreOffice's PDF (its lines from pdftotext) and for the text layout.
package enum SignedPages {
    private static var date: Regex<Substring> { /^[0-9〇一二三四五六七八九十]*年[0-9〇一二三四五六七八九十]*月[0-9〇一二三四五六七八九十]*日$/ }

    /// Whether a form's template has signature blocks (its own or the parties' fragment), rather than
    /// signatures in a table's cells, which are the table's rows.
    package static func hasSignatureBlocks(template: String) -> Bool {
        template.contains("<signatures") || template.contains("party-signatures.xml")
    }

    /// The roles that open a signatory's line.
    private static let roles = ["当事人（签名", "申请人：", "被申请人：", "第三人：", "当事人：", "法定代表人：", "负责人：",
                                "委托代理人：", "法定代理人：", "受托人：", "被调查人：", "调查人：", "人民调解员：", "记录人：",
                                "回访人：", "主持人（签名"]

    /// A line of signatures: a signatory's role line (申请人：王建国, 人民调解员：陈晓红（签名）, two of them side
    /// by side), a seal line (某某人民调解委员会（印）, 某公司（盖章）) or a date alone — not a sentence or a
    /// party's particulars that start with a role (申请人：王建国，男，……), which carry a comma.
    package static func isSignature(_ line: String) -> Bool {
        let line = line.filter { !$0.isWhitespace }
        guard !line.isEmpty, !line.contains("，"), !line.contains("性别") else { return false }
        return roles.contains { line.hasPrefix($0) } || line.hasSuffix("（签名）") || line.contains("（签名或按指印）")
            || line.contains("（签名或者按指印）") || line.contains("（印）") || line.contains("（盖章）")
            || line.wholeMatch(of: date) != nil
    }

    /// The committee's part of the signatures: its officers (mediators, recorder, visitor, investigator, a
    /// meeting's chair), its seal line, a date.
    package static func isCommittee(_ line: String) -> Bool {
        let line = line.filter { !$0.isWhitespace }
        return ["人民调解员：", "记录人：", "回访人：", "调查人：", "主持人（签名"].contains { line.hasPrefix($0) } || line.contains("（印）")
            || line.wholeMatch(of: date) != nil
    }

    /// What is wrong with the pages, one sentence a page. `pages` holds each page's printed lines (empty
    /// lines left out), `hidden` the lines above each page's first printed line that the reader does not
    /// see (a blank form's ruled lines in a PDF), `name` names the document in the sentences.
    package static func problems(_ pages: [[String]], hidden: [Int]? = nil, name: String) -> [String] {
        var problems: [String] = []
        for index in pages.indices.dropFirst() {
            let lines = pages[index]
            guard let first = lines.firstIndex(where: isSignature) else { continue }
            let body = first + (hidden?[index] ?? 0)
            if body >= 2 { continue }
            let continues = body == 0 && (pages[index - 1].last.map(isSignature) ?? false) && !isCommittee(lines[0])
            if !continues {
                problems.append("\(name) page \(index + 1): \(body) lines of text before “\(lines[first])”")
            }
        }
        return problems
    }
}
