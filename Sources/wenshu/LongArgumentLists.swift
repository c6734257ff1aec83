import Foundation
import WenshuCase

/// Keeps a long list of case paths cheap to parse.
///
/// swift-argument-parser (1.8) takes time quadratic in the number of values of one array argument: 10,000
/// case paths from a shell glob cost four seconds before any case is read. So `Wenshu.main` folds every long
/// run of plain arguments (none starting with `-`) into one argument before parsing, joined by NUL — a
/// character no path and no command-line argument can hold — and the commands unfold their path lists.
/// The first argument of a run is never folded: it may be an option's value (`-o out a.xml b.xml …`).
enum LongArgumentLists {
    /// Runs shorter than this are left alone, so a command taking one path never sees a folded argument.
    static let threshold = 64
    static let separator: UInt8 = 0  // NUL

    /// `arguments` with the tail of every long run of plain arguments folded into one; nothing after `--`.
    /// Joined and split on UTF-8 bytes: NUL is a character of its own (a control character never joins a
    /// grapheme cluster), and searching and splitting 10,000 paths by `Character` cost 197 M instructions,
    /// about 25 ms of a batch's start on one thread (docs/development.md).
    static func fold(_ arguments: [String]) -> [String] {
        var folded: [String] = []
        folded.reserveCapacity(arguments.count)
        var run: [String] = []
        func flush() {
            if run.count > threshold {
                folded.append(run[0])
                var joined: [UInt8] = []
                joined.reserveCapacity(run.reduce(0) { $0 + $1.utf8.count + 1 })
                for (position, argument) in run.dropFirst().enumerated() {
                    if position > 0 { joined.append(separator) }
                    joined.append(contentsOf: argument.utf8)
                }
                folded.append(String(decoding: joined, as: UTF8.self))
            } else {
                folded += run
            }
            run.removeAll()
        }
        for (index, argument) in arguments.enumerated() {
            if argument == "--" {
                flush()
                folded += arguments[index...]
                return folded
            }
            if argument.hasPrefix("-") {
                flush()
                folded.append(argument)
            } else {
                run.append(argument)
            }
        }
        flush()
        return folded
    }

    /// The paths a command was given, with folded runs opened up again.
    static func unfold(_ paths: [String]) -> [String] {
        var unfolded: [String] = []
        for path in paths {
            var bytes = path  // `withUTF8` is mutating; a native string is not copied
            let pieces = bytes.withUTF8 { bytes in
                bytes.contains(separator)
                    ? bytes.split(separator: separator, omittingEmptySubsequences: false).map {
                        String(decoding: UnsafeBufferPointer(rebasing: $0), as: UTF8.self)
                    }
                    : nil
            }
            unfolded += pieces ?? [path]
        }
        return unfolded
    }

    /// The case files named by `paths` (folders expanded), as `InputFiles.expand` gives them.
    static func files(_ paths: [String]) throws(InputFiles.Problem) -> [URL] {
        try InputFiles.expand(unfold(paths))
    }
}
