/// The version Wenshu writes into what it produces (`meta:generator`, the archival copy).
public enum WenshuVersion {
    public static let current = "0.1.0"
    /// `Wenshu/<version>`, as documents name their generator.
    public static var generator: String { "Wenshu/" + current }
}
