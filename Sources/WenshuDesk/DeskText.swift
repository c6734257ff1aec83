import WenshuDiagnostics
import WenshuXML

/// Findings as the page shows them: the field they concern (its path, and its name in Chinese), a severity in Chinese, the id, the message.
/// The page is in Chinese, so the catalogue's Chinese wording is used whatever the server's locale.
enum DeskText {
    static let severityLabels: [Diagnostic.Severity: String] = [.error: "错误", .warning: "警告", .note: "提示"]

    static func findings(_ diagnostics: [Diagnostic]) -> [[String: Any]] {
        diagnostics.map { d in
            ["path": d.subject ?? "", "label": d.subject.map(CaseFormSchema.label(forPath:)) ?? "", "severity": d.severity.rawValue, "severityLabel": severityLabels[d.severity] ?? "",
             "id": d.id, "message": chinese(d.message(in: .zh), near: d.subject), "line": d.location.line]
        }
    }

    /// One line for a message page: the field and the message.
    static func sentence(for diagnostic: Diagnostic) -> String {
        (diagnostic.subject.map { "\(CaseFormSchema.label(forPath: $0))：" } ?? "") + chinese(diagnostic.message(in: .zh), near: diagnostic.subject)
    }

    /// A message as the page shows it: a field path the catalogue quotes (`agreement.date`) is named as the
    /// form names it (「调解协议 · 达成日期」), and so is a field named beside the finding's own
    /// (`total_amount` in a finding on `agreement.instalments`); anything else in backquotes stays as it is.
    static func chinese(_ message: String, near subject: String? = nil) -> String {
        message.replacing(/`([a-z_]+(?:\[[0-9]+\])?(?:\.[a-z_]+(?:\[[0-9]+\])?)*)`/) { match in
            let path = String(match.output.1)
            var candidates = [path]
            var scope = subject ?? ""
            while !scope.isEmpty {
                candidates.append("\(scope).\(path)")
                scope = String(scope[..<(scope.lastIndex(of: ".") ?? scope.startIndex)])
            }
            return candidates.lazy.compactMap(CaseFormSchema.knownLabel(forPath:)).first.map { "「\($0)」" } ?? "`\(path)`"
        }
    }
}
