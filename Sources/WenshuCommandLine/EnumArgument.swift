import ArgumentParser

/// An option's value that is one of an enum's cases, typed as its raw string (`--to odt`, `--lang zh`).
///
/// argument-parser's own defaults for such a type (`allValueStrings`, `allValueDescriptions`) are generic:
/// they reach the raw value through a key path, whose first use in a process asks the runtime for the
/// type's `RawRepresentable` and `CaseIterable` conformances, each a scan of every conformance record of
/// the binary. The same lists written for a `String` raw value cost nothing of the kind, and say the same:
/// the values are the raw strings, and a raw value is its own description (docs/development.md).
package protocol EnumArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension EnumArgument {
    public static var allValueStrings: [String] { allCases.map { $0.rawValue } }
    public static var allValueDescriptions: [String: String] { [:] }
    public var defaultValueDescription: String { rawValue }
}
