import WenshuXML

enum PhoneRule {
    /// Every `phone` field in the file is a mobile number or a landline with its area code (`PhoneNumber`).
    /// Id: `phone`.
    static let rule: CaseRule = { context in
        var pending = [context.root]
        while let node = pending.popLast() {
            for child in node.elements.reversed() { pending.append(child) }
            guard node.name == "phone", node.elements.isEmpty else { continue }
            let text = node.stringValue
            if !text.allSatisfy(\.isWhitespace), PhoneNumber.kind(of: text) == nil {
                context.report("phone", at: node,
                               "`phone` \(text) is neither a mobile number (11 digits starting with 1) nor a landline with its area code (0571-87654321, extension after -)")
            }
        }
    }
}
