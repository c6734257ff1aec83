import WenshuXML

enum PhoneRule {
    /// Every `phone` field in the file is a mobile number or a landline with its area code (`PhoneNumber`).
    /// Id: `phone`.
    static let rule: CaseRule = { context in
        for node in context.root.descendants(named: "phone") where !node.hasElements {
            let text = node.stringValue
            if !text.allSatisfy(\.isWhitespace), PhoneNumber.kind(of: text) == nil {
                context.report(.phone, at: node, ["phone": "\(text)"])
            }
        }
    }
}
