import WenshuDiagnostics
import WenshuXML

/// Findings as the page shows them: the field they concern, a severity in Chinese, the id, the message.
/// The page is in Chinese, so the catalogue's Chinese wording is used whatever the server's locale.
enum DeskText {
    static let severityLabels: [Diagnostic.Severity: String] = [.error: "错误", .warning: "警告", .note: "提示"]

    static func findings(_ diagnostics: [Diagnostic]) -> [[String: Any]] {
        diagnostics.map { d in
            ["path": d.subject ?? "", "severity": d.severity.rawValue, "severityLabel": severityLabels[d.severity] ?? "",
             "id": d.id, "message": d.message(in: .zh), "line": d.location.line]
        }
    }

    /// One line for a message page: the field and the message.
    static func sentence(for diagnostic: Diagnostic) -> String {
        (diagnostic.subject.map { "\($0)：" } ?? "") + diagnostic.message(in: .zh)
    }
}
