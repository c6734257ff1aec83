import Foundation
import XCTest
import ZIPFoundation
import WenshuXML

// Test support shared by the test targets: where the package and the ODF schema are, reading zips,
// running tools, and real LibreOffice conversions with a fresh profile each.

/// Where the package and its neighbours are, found from this file's path.
public enum TestPaths {
    /// The package root (the folder holding Package.swift).
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped fontconfig file mapping the official font names to free GB fonts.
    public static let fontsConf = packageRoot.appendingPathComponent("templates/fonts/fonts.conf")

    /// The OASIS ODF 1.3 schemas, kept in the repository (`Tests/ODFSchema`, with their notice).
    public static let odfSchemaFolder = packageRoot.appendingPathComponent("Tests/ODFSchema", isDirectory: true)
}

/// The ODF 1.3 schemas, compiled once for all tests. They live in the repository, so a failure to load them
/// is a failure, not a skip.
public enum ODFSchemas {
    private static let compiled = Result {
        (document: try RelaxNGSchema(contentsOf: TestPaths.odfSchemaFolder.appendingPathComponent("OpenDocument-v1.3-schema.rng")),
         manifest: try RelaxNGSchema(contentsOf: TestPaths.odfSchemaFolder.appendingPathComponent("OpenDocument-v1.3-manifest-schema.rng")))
    }

    package static func document() throws -> RelaxNGSchema { try compiled.get().document }
    package static func manifest() throws -> RelaxNGSchema { try compiled.get().manifest }

    /// Validates one XML part; returns the problems as `file:line: message` lines.
    package static func problems(_ data: Data, name: String, schema: RelaxNGSchema) throws -> [String] {
        let document = try XMLDocument(parsing: data, fileName: name)
        return schema.validate(document).map(\.description)
    }
}

/// The parts of a zip, read back with ZIPFoundation.
public struct ZipParts {
    /// Entry names in archive order.
    public var names: [String] = []
    public var data: [String: Data] = [:]
    public var methods: [String: CompressionMethod] = [:]

    public init(_ zip: Data) throws {
        let archive = try Archive(data: zip, accessMode: .read)
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry, consumer: { bytes.append($0) })
            names.append(entry.path)
            data[entry.path] = bytes
            methods[entry.path] = entry.isCompressed ? .deflate : CompressionMethod.none
        }
    }
}

/// Runs the command-line tools the real-client tests use.
public enum Tool {
    /// The executable's path, if it is on `PATH`.
    public static func find(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let url = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    public struct Result {
        public var status: Int32
        public var output: String
        public var errors: String
    }

    @discardableResult
    public static func run(_ executable: URL, _ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        // Standard error goes to a file, so that neither pipe can fill up and block the process.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let errorHandle = try FileHandle(forWritingTo: errorFile)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = errorHandle
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errorHandle.close()
        let errors = (try? Data(contentsOf: errorFile)) ?? Data()
        return Result(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
                      errors: String(decoding: errors, as: UTF8.self))
    }
}

/// Real LibreOffice: converts ODF to PDF and reads the PDF back with poppler.
public enum LibreOffice {
    public static let soffice = Tool.find("soffice")

    /// Skips the test, with a message, when LibreOffice or poppler is missing.
    public static func require() throws -> URL {
        guard let soffice else {
            throw XCTSkip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
        }
        for tool in ["pdftotext", "pdfinfo", "pdffonts"] where Tool.find(tool) == nil {
            throw XCTSkip("\(tool) is not installed: apt-get install poppler-utils")
        }
        return soffice
    }

    /// Converts `document` (bytes of a file named `name`, e.g. `agreement.odt`) to PDF in a fresh folder with
    /// a fresh LibreOffice profile (a shared profile loses conversions silently when tests run in
    /// parallel), with fontconfig pointed at the shipped `fonts.conf`. Returns the PDF's URL.
    public static func convertToPDF(_ document: Data, name: String) throws -> URL {
        let soffice = try require()
        let (folder, profile, input) = try workspace(for: document, name: name)
        let result = try Tool.run(soffice, [
            "-env:UserInstallation=" + profile.absoluteString, "--headless", "--norestore",
            "--convert-to", "pdf", "--outdir", folder.path, input.path,
        ], environment: ["FONTCONFIG_FILE": TestPaths.fontsConf.path])
        let pdf = input.deletingPathExtension().appendingPathExtension("pdf")
        guard FileManager.default.fileExists(atPath: pdf.path) else {
            throw ConversionFailed(message: "soffice made no PDF of \(name) (status \(result.status)): \(result.output) \(result.errors)")
        }
        return pdf
    }

    /// A fresh folder holding `document` as `name` and an empty LibreOffice profile beside it.
    static func workspace(for document: Data, name: String) throws -> (folder: URL, profile: URL, input: URL) {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("wenshu-lo-\(UUID().uuidString)", isDirectory: true)
        let profile = folder.appendingPathComponent("profile", isDirectory: true)
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        let input = folder.appendingPathComponent(name)
        try document.write(to: input)
        return (folder, profile, input)
    }

    public struct ConversionFailed: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The PDF's text; `page` limits it to one page (1-based); `layout` keeps the physical layout.
    public static func text(_ pdf: URL, page: Int? = nil, layout: Bool = false) throws -> String {
        var arguments: [String] = layout ? ["-layout"] : []
        if let page { arguments += ["-f", String(page), "-l", String(page)] }
        return try Tool.run(Tool.find("pdftotext")!, arguments + [pdf.path, "-"]).output
    }

    public static func pageCount(_ pdf: URL) throws -> Int {
        let info = try Tool.run(Tool.find("pdfinfo")!, [pdf.path]).output
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) ?? -1
    }

    /// A word pdftotext found, with its box in millimetres from the page's top left corner.
    public struct Word {
        public var text: String
        public var left: Double, top: Double, right: Double, bottom: Double
    }

    /// The words on one page (1-based) with their boxes.
    public static func words(_ pdf: URL, page: Int) throws -> [Word] {
        let html = try Tool.run(Tool.find("pdftotext")!, ["-bbox", "-f", String(page), "-l", String(page), pdf.path, "-"]).output
        let millimetres = 25.4 / 72
        return html.matches(of: /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/).map {
            Word(text: String($0.5), left: Double($0.1)! * millimetres, top: Double($0.2)! * millimetres,
                 right: Double($0.3)! * millimetres, bottom: Double($0.4)! * millimetres)
        }
    }

    /// A page's size in millimetres (width, height).
    public static func pageSize(_ pdf: URL, page: Int) throws -> (width: Double, height: Double) {
        let info = try Tool.run(Tool.find("pdfinfo")!, ["-f", String(page), "-l", String(page), pdf.path]).output
        guard let match = info.firstMatch(of: /size:\s+([\d.]+) x ([\d.]+) pts/) else { return (0, 0) }
        return (Double(match.1)! * 25.4 / 72, Double(match.2)! * 25.4 / 72)
    }

    /// The names of the fonts embedded in the PDF.
    public static func fonts(_ pdf: URL) throws -> [String] {
        let lines = try Tool.run(Tool.find("pdffonts")!, [pdf.path]).output.split(separator: "\n").dropFirst(2)
        return lines.compactMap { $0.split(separator: " ").first.map(String.init) }
    }
}

extension ODFSchemas {
    /// Every problem the ODF 1.3 schemas find in an `.odt` (each XML part, embedded objects' parts such as
    /// `Object 1/content.xml` included) or `.fodt` (the whole file).
    public static func problems(inFile url: URL) throws -> [String] {
        let data = try Data(contentsOf: url)
        let name = url.lastPathComponent
        if url.pathExtension == "fodt" { return try problems(data, name: name, schema: document()) }
        let parts = try ZipParts(data)
        var found: [String] = []
        for part in ["content.xml", "styles.xml", "meta.xml"] {
            guard let bytes = parts.data[part] else { found.append("\(name): no \(part)"); continue }
            found += try problems(bytes, name: "\(name)/\(part)", schema: document())
        }
        for part in parts.names where part.contains("/") && part.hasSuffix(".xml") && !part.hasPrefix("META-INF/") {
            found += try problems(parts.data[part]!, name: "\(name)/\(part)", schema: document())
        }
        if let manifest = parts.data["META-INF/manifest.xml"] {
            found += try problems(manifest, name: "\(name)/META-INF/manifest.xml", schema: self.manifest())
        } else {
            found.append("\(name): no META-INF/manifest.xml")
        }
        return found
    }
}

extension LibreOffice {
    /// Converts many documents to PDF in one LibreOffice run (one fresh profile), which is far faster than
    /// one run per file; returns each input's PDF, checking that every one was made.
    public static func convertToPDFs(_ documents: [URL]) throws -> [URL: URL] {
        let soffice = try require()
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("wenshu-lo-\(UUID().uuidString)", isDirectory: true)
        let profile = folder.appendingPathComponent("profile", isDirectory: true)
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        // Inputs may share a file name (agreement.odt of every case): give each a unique one.
        var inputs: [URL: URL] = [:]
        for (index, document) in documents.enumerated() {
            let input = folder.appendingPathComponent("\(index)-\(document.lastPathComponent)")
            try FileManager.default.copyItem(at: document, to: input)
            inputs[document] = input
        }
        let result = try Tool.run(soffice, [
            "-env:UserInstallation=" + profile.absoluteString, "--headless", "--norestore",
            "--convert-to", "pdf", "--outdir", folder.path,
        ] + documents.map { inputs[$0]!.path }, environment: ["FONTCONFIG_FILE": TestPaths.fontsConf.path])
        var pdfs: [URL: URL] = [:]
        for document in documents {
            let pdf = inputs[document]!.deletingPathExtension().appendingPathExtension("pdf")
            guard FileManager.default.fileExists(atPath: pdf.path) else {
                throw ConversionFailed(message: "soffice made no PDF of \(document.path) (status \(result.status)): \(result.errors)")
            }
            pdfs[document] = pdf
        }
        return pdfs
    }
}

extension LibreOffice {
    /// Opens `document` in LibreOffice as a user does (an editable document) and exports it to PDF, through
    /// a Basic macro in a fresh profile; returns the PDF's URL.
    ///
    /// `convertToPDF` (`soffice --convert-to`) opens documents read-only and exports at once, and LibreOffice
    /// 7.4 then prints a chart embedded in a flat `.fodt` blank (its own `.fodt` files too; an `.odt`'s chart
    /// is drawn): use this to see what a clerk who opens the file sees.
    public static func openAndExportPDF(_ document: Data, name: String) throws -> URL {
        let soffice = try require()
        let (folder, profile, input) = try workspace(for: document, name: name)
        let pdf = input.deletingPathExtension().appendingPathExtension("pdf")
        let environment = ["FONTCONFIG_FILE": TestPaths.fontsConf.path]
        let profileArgument = "-env:UserInstallation=" + profile.absoluteString
        // A new profile's first start writes the default macro library, so make the profile first and put
        // the macro in afterwards.
        try Tool.run(soffice, [profileArgument, "--headless", "--norestore", "--terminate_after_init"], environment: environment)
        let module = profile.appendingPathComponent("user/basic/Standard/Module1.xba")
        try Data(exportMacro.utf8).write(to: module)
        let result = try Tool.run(soffice, [
            profileArgument, "--headless", "--norestore",
            "macro:///Standard.Module1.ExportPDF(\"\(input.absoluteString)\",\"\(pdf.absoluteString)\")",
        ], environment: environment)
        guard FileManager.default.fileExists(atPath: pdf.path) else {
            throw ConversionFailed(message: "LibreOffice made no PDF of \(name) (status \(result.status)): \(result.output) \(result.errors)")
        }
        return pdf
    }

    /// Loads a document hidden but editable, lets LibreOffice handle the events loading left pending (a
    /// user's LibreOffice does while its window opens; without that, a flat document's charts are not set
    /// up yet and print blank), stores the document as PDF, closes it.
    private static let exportMacro = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
        <script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
        Sub ExportPDF(source As String, target As String)
          Dim load(0) As New com.sun.star.beans.PropertyValue
          load(0).Name = &quot;Hidden&quot;
          load(0).Value = True
          document = StarDesktop.loadComponentFromURL(source, &quot;_blank&quot;, 0, load())
          Wait 200
          Dim store(0) As New com.sun.star.beans.PropertyValue
          store(0).Name = &quot;FilterName&quot;
          store(0).Value = &quot;writer_pdf_Export&quot;
          document.storeToURL(target, store())
          document.close(True)
        End Sub
        </script:module>

        """
}
