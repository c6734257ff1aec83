import WenshuXML

enum PhoneRule {
    /// Every `phone` field in the file is a mobile number or a landline with its area code (`PhoneNumber`).
    /// Id: `phone`.
    static let rule: CaseRule = { context in
        for node in context.root.descendants(named: "phone") where !node.hasElements {
            let text = node.stringValue
            if !isBlank(text), PhoneNumber.kind(of: text) == nil {
                context.report(.phone, at: node, ["phone": "\(text)"])
            }
        }
    }

    /// Whether `text` is whitespace only. A text that starts with a printable ASCII byte (a number nearly
    /// always does) is not: its first character is not whitespace, whatever follows. The rest are asked
    /// character by character.
    static func isBlank(_ text: String) -> Bool {
        if let first = text.utf8.first, first > 0x20 && first < 0x7F { return false }
        return text.allSatisfy(\.isWhitespace)
    }
}
