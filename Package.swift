// swift-tools-version:6.0
// Wenshu reads as its pipeline: case → template → document → writers, assembly on top.
// Each stage is a target, so the compiler keeps the arrows one-way.
import Foundation
import PackageDescription

// Both executables link the Swift runtime and Foundation in (a release build only: the test bundle links
// XCTest, which has no static library): a fresh process no longer resolves 13,000 symbols in
// libswiftCore and Foundation (docs/development.md, start-up).
// lld, because the static libraries come on the line in an order GNU ld and gold do not search
// back through; the libraries static Foundation needs are named, since the modules this package
// compiles against are the shared ones, whose link entries do not list them (Synchronization came with
// NIO until `wenshu` stopped linking it).
let staticRuntime: [LinkerSetting] = [
    .unsafeFlags(["-static-stdlib", "-use-ld=lld", "-l_FoundationICU", "-l_FoundationCollections", "-l_FoundationCShims", "-lCoreFoundation", "-lswiftSynchronization"],
                 .when(platforms: [.linux], configuration: .release)),
]

let package = Package(
    name: "Wenshu",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Wenshu", targets: [
            "WenshuDiagnostics", "WenshuXML", "WenshuCase", "WenshuDocument", "WenshuTemplate", "WenshuWriters", "WenshuPrint", "WenshuAssembly", "WenshuRun",
        ]),
        .executable(name: "wenshu", targets: ["wenshu"]),
        .executable(name: "wenshu-desk", targets: ["wenshu-desk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The mediator's desk (`wenshu serve`) only: an HTTP server and its template engine.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // libxml2, the XML engine: parsing with lines, XPath, RelaxNG, writing.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // zlib from the system: deflate and CRC-32 for the zipped ODF parts.
        .systemLibrary(name: "CSystemZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // The system's libcrypto: SHA-256 for the archive package's digests, Ed25519 for its signatures.
        .systemLibrary(name: "CSHA", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // Findings of every stage: Diagnostic, severity, location, and the catalogue of ids with their
        // messages in English and Chinese (docs/diagnostics.md is generated from it).
        .target(name: "WenshuDiagnostics"),
        // The one Swift layer over libxml2; nothing else calls xml* functions.
        .target(name: "WenshuXML", dependencies: ["CLibXML2", "WenshuDiagnostics"]),
        // Stage 1: load a case (YAML / JSON / XML) with locations, validate it, check the domain rules; the
        // start-up cache (SHA-256 keys from libcrypto).
        .target(name: "WenshuCase", dependencies: ["WenshuDiagnostics", "WenshuXML", "Yams", "CSHA"], resources: [.copy("Schemas")]),
        // The model in the middle: what templates produce and writers consume.
        .target(name: "WenshuDocument"),
        // Chinese formatting, written once: dates (2026年3月10日, 二〇二六年三月十日), numerals, 大写金额, what an ID
        // number tells. Templates' w: functions and the assembled reports both print through it.
        .target(name: "WenshuFormat", dependencies: ["WenshuCase", "WenshuDiagnostics"]),
        // Stage 2: form templates bound to the case by XPath.
        .target(name: "WenshuTemplate", dependencies: ["WenshuDiagnostics", "WenshuXML", "WenshuCase", "WenshuDocument", "WenshuFormat"]),
        // Stage 3: ODF, archival XML and plain text from the document model.
        .target(name: "WenshuWriters", dependencies: ["WenshuDocument", "WenshuXML", "CSystemZlib"],
                exclude: ["Text/generate-width-table.py"]),
        // Printing: ODF to PDF through a pool of LibreOffice processes, with Wenshu's fontconfig setup.
        .target(name: "WenshuPrint", dependencies: ["WenshuXML"]),
        // On top: packets, dossiers, ledgers and statistics built from many documents.
        .target(name: "WenshuAssembly", dependencies: ["WenshuDiagnostics", "WenshuCase", "WenshuFormat", "WenshuTemplate", "WenshuWriters", "CSHA"]),
        // The job runner every command writes through: inputs → jobs → staged outputs → (PDF) → atomic
        // placement → a report; the render pipeline and the output layout.
        .target(name: "WenshuRun", dependencies: ["WenshuDiagnostics", "WenshuCase", "WenshuTemplate", "WenshuWriters", "WenshuPrint", "WenshuAssembly"]),
        // The mediator's desk: a local web page over the same pipeline (`wenshu serve`). The only target that
        // depends on Hummingbird and Mustache, so the rest of the package builds without them.
        .target(name: "WenshuDesk", dependencies: [
            "WenshuCase", "WenshuDocument", "WenshuFormat", "WenshuTemplate", "WenshuWriters", "WenshuAssembly", "WenshuRun", "WenshuPrint", "CDeskCrypto",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
        ], resources: [.copy("Pages"), .copy("Static")]),
        // PBKDF2 and random bytes from the same libcrypto, for the desk's access password and sessions.
        .systemLibrary(name: "CDeskCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // What both executables parse: the shared options, help pages and usage errors in the user's language,
        // and `serve`'s options; each executable supplies its commands' run steps. Never the desk itself.
        .target(name: "WenshuCommandLine", dependencies: [
            "WenshuDiagnostics", "WenshuCase", "WenshuTemplate", "WenshuWriters",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The command-line tool: arguments in, one library call, exit codes out. `serve` runs `wenshu-desk`.
        .executableTarget(name: "wenshu", dependencies: [
            "WenshuDiagnostics", "WenshuCase", "WenshuTemplate", "WenshuWriters", "WenshuPrint", "WenshuAssembly", "WenshuRun", "WenshuCommandLine",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: staticRuntime),
        // The desk's executable (`wenshu serve` replaces itself with it): the only one that links Hummingbird
        // and NIO, whose 2,000 conformance records every start of `wenshu` scanned.
        .executableTarget(name: "wenshu-desk", dependencies: [
            "WenshuDiagnostics", "WenshuCase", "WenshuTemplate", "WenshuPrint", "WenshuXML", "WenshuDesk", "WenshuCommandLine",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: staticRuntime),

        // What several test targets share: paths, the ODF schema, tools, LibreOffice conversions.
        .target(name: "WenshuTestSupport", dependencies: ["WenshuXML", "ZIPFoundation"], path: "Tests/WenshuTestSupport"),
        .testTarget(name: "WenshuDiagnosticsTests", dependencies: ["WenshuDiagnostics"]),
        .testTarget(name: "WenshuXMLTests", dependencies: ["WenshuXML"]),
        .testTarget(name: "WenshuCaseTests", dependencies: ["WenshuCase"], resources: [.copy("Broken"), .copy("Twins")]),
        .testTarget(name: "WenshuDocumentTests", dependencies: ["WenshuDocument"]),
        .testTarget(name: "WenshuTemplateTests", dependencies: ["WenshuTemplate", "WenshuFormat"]),
        .testTarget(name: "WenshuWritersTests", dependencies: ["WenshuWriters", "WenshuTestSupport"]),
        .testTarget(name: "WenshuAssemblyTests", dependencies: ["WenshuAssembly", "WenshuCase", "WenshuTestSupport"]),
        .testTarget(name: "WenshuRunTests", dependencies: ["WenshuRun", "WenshuTestSupport"]),
        .testTarget(name: "WenshuCLITests", dependencies: ["wenshu", "wenshu-desk"]),
        .testTarget(name: "WenshuPrintTests", dependencies: ["WenshuPrint", "WenshuRun", "WenshuAssembly", "WenshuTemplate", "WenshuCase", "WenshuWriters", "WenshuDocument", "WenshuTestSupport"]),
        .testTarget(name: "WenshuDeskTests", dependencies: [
            "WenshuDesk", "WenshuTestSupport",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
        ]),
    ]
)

// Fuzzing (fuzz/README.md): `WENSHU_FUZZ=1 swift build --product wenshu-fuzz -Xswiftc -sanitize=fuzzer,address …`
// through `fuzz/run`. The target exists only then: libFuzzer supplies its `main`.
if ProcessInfo.processInfo.environment["WENSHU_FUZZ"] != nil {
    package.products.append(.executable(name: "wenshu-fuzz", targets: ["WenshuFuzz"]))
    package.targets.append(.executableTarget(name: "WenshuFuzz", dependencies: ["WenshuCase", "WenshuTemplate", "WenshuAssembly", "WenshuXML"],
                                             path: "fuzz/Sources", swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
}
