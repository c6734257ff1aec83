import Foundation
@testable import WenshuDesk

/// The form as the case page posts it: every field with its value, each list's `_list` and each item's
/// `_from`, read off the same view the page is rendered from; then the changes a clerk made.
enum PageForm {
    static func pairs(for tree: CaseTree, changing changes: [(String, String)] = []) -> [(String, String)] {
        var pairs: [(String, String)] = []
        for section in FormView.sections(for: tree) {
            for field in section["fields"] as! [[String: Any]] { collect(field, into: &pairs) }
        }
        for (name, value) in changes {
            if let index = pairs.firstIndex(where: { $0.0 == name }) { pairs[index].1 = value } else { pairs.append((name, value)) }
        }
        return pairs
    }

    static func submission(for tree: CaseTree, changing changes: [(String, String)] = []) -> FormSubmission {
        FormSubmission(pairs: pairs(for: tree, changing: changes))
    }

    /// The urlencoded body a browser sends.
    static func body(_ pairs: [(String, String)]) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        return pairs.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
            .joined(separator: "&")
    }

    private static func collect(_ field: [String: Any], into pairs: inout [(String, String)]) {
        if field["isValue"] as? Bool == true {
            pairs.append((field["name"] as! String, field["value"] as! String))
        } else if field["isRecord"] as? Bool == true {
            for child in field["fields"] as! [[String: Any]] { collect(child, into: &pairs) }
        } else if field["isList"] as? Bool == true {
            pairs.append(("\(field["path"] as! String)._list", "1"))
            for item in field["items"] as! [[String: Any]] {
                if item["hasFrom"] as? Bool == true { pairs.append(("\(item["path"] as! String)._from", item["from"] as! String)) }
                for child in item["fields"] as! [[String: Any]] { collect(child, into: &pairs) }
            }
        }
    }
}
