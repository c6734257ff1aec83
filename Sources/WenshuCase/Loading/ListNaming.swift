/// The one naming rule for lists (docs/case-format.md): a list under key `K` holds items named by `K`
/// without its plural ending — `-ies` → `-y` (`parties` → `party`), otherwise `-s` is dropped
/// (`terms` → `term`). The same rule tells a field path where a list item is (`parties[2]`).
package enum ListNaming {
    /// The item name for a list key, or `nil` when the key has no plural ending.
    package static func itemName(forList key: String) -> String? {
        if key.hasSuffix("ies"), key.count > 3 { return String(key.dropLast(3)) + "y" }
        if key.hasSuffix("s"), !key.hasSuffix("ss"), key.count > 1 { return String(key.dropLast()) }
        return nil
    }

    /// Whether an element named `name` inside one named `parent` is a list item.
    package static func isItem(_ name: String, of parent: String) -> Bool {
        itemName(forList: parent) == name
    }

    /// A path into the case as `check` names fields: `parties/party[2]/address` → `parties[2].address`,
    /// `agreement/terms/term` → `agreement.terms` (a list's item step joins its list).
    package static func fieldPath(fromXPath xpath: String) -> String {
        var out = ""
        var previous = ""
        for step in xpath.split(separator: "/") {
            let name = String(step.prefix { $0 != "[" })
            let index = step.dropFirst(name.count)
            if !previous.isEmpty, isItem(name, of: previous) {
                out += index
            } else {
                out += (out.isEmpty ? "" : ".") + step
            }
            previous = name
        }
        return out
    }
}
