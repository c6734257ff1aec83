import CLibXML2

/// Process-wide libxml2 set-up, done once before any other call.
enum LibXML {
    /// Touching this runs `xmlInitParser()` exactly once (Swift initialises globals lazily and atomically).
    static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    static func ensureInitialized() { _ = initialized }
}

extension String {
    /// Copies a libxml2 string; `nil` stays `nil`.
    init?(xmlString: UnsafePointer<xmlChar>?) {
        guard let xmlString else { return nil }
        self = String(cString: xmlString)
    }
}

/// Calls `body` with a C string of `string` typed as libxml2's `xmlChar *`.
@inline(__always)
func withXMLString<R>(_ string: String, _ body: (UnsafePointer<xmlChar>) throws -> R) rethrows -> R {
    try string.withCString { try $0.withMemoryRebound(to: xmlChar.self, capacity: 1) { try body($0) } }
}
