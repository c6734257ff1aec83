import Foundation
import XCTest
@testable import WenshuWriters

/// Helpers the text writer's tests share: reading output back as pages and lines, the punctuation rules
/// as the domain states them, and running Python as an outside judge.
enum TextOutput {
    /// Closing punctuation no line may start with, and opening punctuation no line may end with
    /// (GB/T 9704-2012), written out here independently of the writer's own tables.
    static let closing: Set<Character> = Set("，。、；：？！）」』》”’…—")
    static let opening: Set<Character> = Set("（「『《“‘")
    static let boxCharacters: Set<Character> = Set("┌┬┐├┼┤└┴┘│─")

    /// The pages of the text (separated by form feeds), each a list of lines without their `\n`.
    static func pages(_ text: String) -> [[String]] {
        text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map { page in
            var lines = page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            return lines
        }
    }

    /// The page number printed in a page's footer, if it has one.
    static func footerNumber(_ page: [String]) -> Int? {
        guard let last = page.last else { return nil }
        let trimmed = last.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("— "), trimmed.hasSuffix(" —") else { return nil }
        return Int(trimmed.dropFirst(2).dropLast(2))
    }

    static func isTableLine(_ line: String) -> Bool {
        line.first.map { boxCharacters.contains($0) } ?? false
    }

    /// The texts a line shows: the cells of a table line, or the line itself.
    static func texts(of line: String) -> [String] {
        let parts = isTableLine(line) ? line.split(whereSeparator: { $0 == "│" }).map(String.init) : [line]
        return parts.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \u{3000}")) }
            .filter { !$0.isEmpty && !$0.allSatisfy { boxCharacters.contains($0) } }
    }

    /// Every rule a produced text must keep, as failures with the page and line where it broke.
    static func violations(in text: String, options: WriterOptions) -> [String] {
        let width = DisplayWidth(ambiguous: options.ambiguousWidth)
        var found: [String] = []
        if !text.isEmpty && !text.hasSuffix("\n") { found.append("text does not end with a newline") }
        for (p, page) in pages(text).enumerated() {
            if page.count > options.textLines { found.append("page \(p + 1) has \(page.count) lines") }
            var tableWidth: Int?
            for (l, line) in page.enumerated() {
                let place = "page \(p + 1) line \(l + 1) «\(line)»"
                let w = width.of(line)
                if w > options.textColumns { found.append("\(place) is \(w) columns wide") }
                if line.hasSuffix(" ") || line.hasSuffix("\u{3000}") { found.append("\(place) has trailing spaces") }
                if line.contains("\r") || line.contains("\u{0C}") { found.append("\(place) holds a control character") }
                if isTableLine(line) {
                    if let tableWidth, tableWidth != w { found.append("\(place) is \(w) columns, its table \(tableWidth)") }
                    tableWidth = line.first == "└" ? nil : w
                } else {
                    if tableWidth != nil { found.append("\(place) interrupts a table without its bottom border") }
                    tableWidth = nil
                }
                if l == page.count - 1, footerNumber(page) != nil { continue }
                for shown in texts(of: line) {
                    if let first = shown.first, closing.contains(first) { found.append("\(place) starts with \(first)") }
                    if let last = shown.last, opening.contains(last) { found.append("\(place) ends with \(last)") }
                }
            }
            if tableWidth != nil { found.append("page \(p + 1) ends inside a table") }
        }
        return found
    }
}

extension TextOutput {
    /// Runs a program found on the PATH; its exit status and standard output, or `nil` if it cannot start.
    static func run(_ arguments: [String]) -> (status: Int32, output: Data)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }

    /// Skips the test unless `python3` can import the given modules.
    static func requirePython(importing modules: String) throws {
        guard let probe = run(["python3", "-c", "import \(modules)"]), probe.status == 0 else {
            throw XCTSkip("python3 with \(modules) is not available (CI installs wcwidth==0.7.0): the outside check did not run")
        }
    }

    /// A fresh temporary file path.
    static func temporaryFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("wenshu-text-\(UUID().uuidString)-\(name)")
    }

    /// The package's root folder, found from this source file.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
