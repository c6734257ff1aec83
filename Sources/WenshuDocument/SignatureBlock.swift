/// Signature, seal and date lines at the foot of a form, kept together on one page.
public struct SignatureBlock: Sendable, Equatable {
    public var signatures: [Signature]
    /// Where the block sits: right-aligned at a document's foot, or left for a list of parties.
    public var alignment: Alignment

    public init(_ signatures: [Signature], alignment: Alignment = .right) {
        self.signatures = signatures
        self.alignment = alignment
    }
}

/// One signatory: a role line (`当事人（签名、盖章或按指印）：`), room to sign, and a date line.
public struct Signature: Sendable, Equatable {
    /// The role and its instruction, e.g. `人民调解员（签名）`.
    public var label: [Inline]
    /// A printed name or seal text beside the line, when the form prints one (e.g. the committee's name
    /// above `（印）`).
    public var name: [Inline]
    /// The date line; `nil` prints none, `[.blank…]`-style runs print `年　月　日` for handwriting.
    public var date: [Inline]?

    public init(label: [Inline], name: [Inline] = [], date: [Inline]? = nil) {
        self.label = label
        self.name = name
        self.date = date
    }
}
