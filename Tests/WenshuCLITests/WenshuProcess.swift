import Foundation
import XCTest

/// Runs the `wenshu` built next to the test bundle, as a user would, in the repository's root.
enum WenshuProcess {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    struct Run {
        var status: Int32
        /// Standard output (with standard error mixed in, in order, when run `mergingErrors`).
        var output: String
        var errors: String
    }

    /// Runs `wenshu arguments…`; standard error goes to a file so neither stream can block the other.
    /// Messages are English (`LANG=C`, no `LC_ALL` or `LC_MESSAGES`) unless `language` sets those variables,
    /// so tests that read a phrase do not depend on the developer's locale; `environment` adds variables;
    /// `executable` runs another build of wenshu (e.g. main's, to show a test fails there); `input` is
    /// its standard input (else the test's own).
    static func run(_ arguments: [String], mergingErrors: Bool = false, in folder: URL = root,
                    language: [String: String] = ["LANG": "C"], environment extra: [String: String] = [:],
                    executable: URL? = nil, input: String? = nil) throws -> Run {
        // The build's products folder: the test bundle's own folder (Linux) or the one holding it (macOS).
        let bundle = Bundle(for: Marker.self).bundleURL
        let products = bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
        let process = Process()
        process.executableURL = executable ?? products.appendingPathComponent("wenshu")
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] { environment[name] = language[name] }
        process.environment = environment.merging(extra) { $1 }
        process.currentDirectoryURL = folder
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-stderr-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let errorHandle = try FileHandle(forWritingTo: errorFile)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = mergingErrors ? out : errorHandle
        let stdin = Pipe()
        if input != nil { process.standardInput = stdin }
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errorHandle.close()
        let errors = (try? Data(contentsOf: errorFile)) ?? Data()
        return Run(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
                   errors: String(decoding: errors, as: UTF8.self))
    }

    /// The built `wenshu`, for tests that start it themselves (to signal it mid-run).
    static var executable: URL {
        let bundle = Bundle(for: Marker.self).bundleURL
        let products = bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
        return products.appendingPathComponent("wenshu")
    }

    private final class Marker {}
}
