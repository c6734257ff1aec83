import WenshuXML

enum PhoneRule {
    /// Every `phone` field in the file is a mobile number or a landline with its area code (`PhoneNumber`).
    /// Id: `phone`.
    static let rule: CaseRule = { context in
        var pending = [context.root]
        while let node = pending.popLast() {
            let firstChild = pending.count
            pending.append(contentsOf: node.childElements)
            pending[firstChild...].reverse()
            guard node.isNamed("phone"), pending.count == firstChild else { continue }
            let text = node.stringValue
            if !text.allSatisfy(\.isWhitespace), PhoneNumber.kind(of: text) == nil {
                context.report("phone", at: node,
                               "`phone` \(text) is neither a mobile number (11 digits starting with 1) nor a landline with its area code (0571-87654321, extension after -)")
            }
        }
    }
}
