import WenshuXML

enum PhoneRule {
    /// Every `phone` field in the file is a mobile number or a landline with its area code (`PhoneNumber`).
    /// Id: `phone`.
    static let rule: CaseRule = { context in
        func visit(_ node: XMLNode) {
            if node.isNamed("phone"), !node.hasElements {
                let text = node.stringValue
                if !text.allSatisfy(\.isWhitespace), PhoneNumber.kind(of: text) == nil {
                    context.report(.phone, at: node, ["phone": "\(text)"])
                }
            }
            for child in node.childElements { visit(child) }
        }
        visit(context.root)
    }
}
