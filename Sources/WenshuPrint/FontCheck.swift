import Foundation

/// What prints the official font names on this machine under Wenshu's fontconfig setup, and which
/// characters no installed face can draw: fontconfig's own `fc-match` and `fc-list`, run with
/// `FONTCONFIG_FILE` set in their environment only.
package struct FontCheck: Sendable {
    /// The font names Wenshu's documents use (GB/T 9704), with the part each plays.
    package static let officialNames: [(name: String, role: String)] = [
        ("仿宋_GB2312", "body"), ("方正小标宋简体", "titles"), ("黑体", "level-1 headings"),
        ("楷体_GB2312", "level-2 headings"), ("宋体", "page numbers"),
    ]

    /// The face a name resolves to.
    package struct Face: Sendable, Equatable, Encodable {
        package var name: String
        package var role: String
        package var family: String
        package var style: String
        package var file: String
        /// A Japanese face (Noto CJK JP and its kin): prints some characters in Japanese forms.
        package var japanese: Bool
        /// The characters the face has, as fontconfig reports them.
        var charset: CharacterRanges

        enum CodingKeys: String, CodingKey { case name, role, family, style, file, japanese }
    }

    /// Where fontconfig's programs are; nil when `fc-match` is missing (package `fontconfig`).
    package let fcMatch: URL?
    package let fcList: URL?
    /// The fontconfig file applied (Wenshu's `templates/fonts/fonts.conf`); nil for the system's setup.
    package let fontsConf: URL?

    package init(fontsConf: URL?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.fontsConf = fontsConf
        let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin"]
        func find(_ name: String) -> URL? {
            folders.map { URL(fileURLWithPath: $0).appendingPathComponent(name) }
                .first { FileManager.default.isExecutableFile(atPath: $0.path) }
        }
        fcMatch = find("fc-match")
        fcList = find("fc-list")
    }

    /// The face each official name resolves to, in `officialNames` order.
    package func faces() throws -> [Face] {
        guard let fcMatch else { throw FontCheckError.noFontconfig }
        return try Self.officialNames.map { official in
            let line = try run(fcMatch, ["--format", "%{family[0]}\t%{style[0]}\t%{file}\t%{charset}\n", official.name])
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 4 else { throw FontCheckError.unexpected(line) }
            return Face(name: official.name, role: official.role, family: fields[0], style: fields[1], file: fields[2],
                        japanese: Self.isJapanese(fields[0]) || Self.isJapanese(fields[2]),
                        charset: CharacterRanges(fontconfig: fields[3]))
        }
    }

    /// Every installed face's characters (those the setup lets LibreOffice use), by family.
    package func installedCharacters() throws -> [(family: String, charset: CharacterRanges)] {
        guard let fcList else { throw FontCheckError.noFontconfig }
        return try run(fcList, ["--format", "%{family[0]}\t%{charset}\n"]).split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2 else { return nil }
            return (String(fields[0]), CharacterRanges(fontconfig: String(fields[1])))
        }
    }

    /// What the faces make of a text: the characters no installed face has, and those the body face lacks
    /// that another face draws (a fallback), each in order of first appearance; Japanese faces do not count.
    package func coverage(of text: String, faces: [Face], installed: [(family: String, charset: CharacterRanges)])
        -> (uncovered: [Unicode.Scalar], fallback: [Unicode.Scalar]) {
        let usable = installed.filter { !Self.isJapanese($0.family) }
        let body = faces.first
        var seen = Set<Unicode.Scalar>()
        var uncovered: [Unicode.Scalar] = [], fallback: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars where scalar.value > 0x7F && !scalar.properties.isWhitespace
            && scalar.properties.generalCategory != .control && seen.insert(scalar).inserted {
            if body?.charset.contains(scalar) == true { continue }
            if usable.contains(where: { $0.charset.contains(scalar) }) { fallback.append(scalar) } else { uncovered.append(scalar) }
        }
        return (uncovered, fallback)
    }

    static func isJapanese(_ name: String) -> Bool {
        name.contains("CJKjp") || name.contains("CJK JP") || name.hasSuffix(" JP")
    }

    private func run(_ program: URL, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        if let fontsConf { environment["FONTCONFIG_FILE"] = fontsConf.path }
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

package enum FontCheckError: Error, CustomStringConvertible {
    case noFontconfig
    case unexpected(String)

    package var description: String {
        switch self {
        case .noFontconfig: return "fontconfig's fc-match and fc-list are not installed: apt-get install fontconfig"
        case .unexpected(let line): return "fc-match answered something unexpected: \(line)"
        }
    }
}

/// A set of code points as fontconfig prints it: `20-7e a0 4e00-9fa5`.
package struct CharacterRanges: Sendable, Equatable {
    var ranges: [ClosedRange<UInt32>]

    init(fontconfig text: String) {
        ranges = text.split(whereSeparator: \.isWhitespace).compactMap { part in
            let bounds = part.split(separator: "-").compactMap { UInt32($0, radix: 16) }
            switch bounds.count {
            case 1: return bounds[0]...bounds[0]
            case 2 where bounds[0] <= bounds[1]: return bounds[0]...bounds[1]
            default: return nil
            }
        }
    }

    package func contains(_ scalar: Unicode.Scalar) -> Bool {
        // Sorted ascending as fontconfig prints them: binary search.
        var low = 0, high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < scalar.value { low = middle + 1 }
            else if ranges[middle].lowerBound > scalar.value { high = middle - 1 }
            else { return true }
        }
        return false
    }
}
