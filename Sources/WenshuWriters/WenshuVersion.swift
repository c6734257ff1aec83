/// The version Wenshu writes into what it produces (`meta:generator`, the archival copy).
package enum WenshuVersion {
    package static let current = "0.1.0"
    /// `Wenshu/<version>`, as documents name their generator.
    package static var generator: String { "Wenshu/" + current }
}
