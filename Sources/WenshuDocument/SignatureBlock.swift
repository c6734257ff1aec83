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
    /// A seal is stamped over this line and its date (the committee's name, 某某人民调解委员会（印）): the
    /// writers keep ``Signature/sealDiameter`` of free height for it, ending with the date line, so the
    /// seal covers no other text.
    public var seal: Bool

    public init(label: [Inline], name: [Inline] = [], date: [Inline]? = nil, seal: Bool = false) {
        self.label = label
        self.name = name
        self.date = date
        self.seal = seal
    }

    /// A committee's round seal: 42 mm across (domain.md §9; special-purpose seals are 40 mm).
    public static let sealDiameter = 42.0
}
