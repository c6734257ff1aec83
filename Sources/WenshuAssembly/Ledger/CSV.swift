import Foundation

/// Comma-separated values for spreadsheets, after RFC 4180: records end in CRLF; a field holding a comma, a
/// double quote, CR or LF is enclosed in double quotes, with each double quote inside doubled.
///
/// Encoding: UTF-8 **with a byte-order mark**. RFC 4180 names no character set; Excel and WPS read a CSV
/// without a BOM in the system's ANSI code page (GBK on Chinese Windows), which garbles UTF-8 Chinese, and
/// with the BOM they read it as UTF-8. GB18030 would also open in Chinese Excel but not on machines set to
/// another locale, nor in tools that expect UTF-8. So: UTF-8 + BOM, which every current spreadsheet and
/// `python3 -c "open(f, encoding='utf-8-sig')"` read alike.
///
/// Formula injection: a text field starting with `=`, `+`, `-`, `@`, TAB or CR (data a spreadsheet would run
/// as a formula, e.g. a name written as `=HYPERLINK(…)`) gets a leading `'`, as OWASP advises; plain numbers
/// such as `-3` or `+86` are not touched.
package enum CSV {
    /// The UTF-8 byte-order mark.
    package static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The records as one CSV file: BOM, then each record's fields joined by commas, each record ending in CRLF.
    package static func encode(_ records: [[String]]) -> Data {
        var data = Data(byteOrderMark)
        for record in records {
            data.append(contentsOf: Array((record.map(field).joined(separator: ",") + "\r\n").utf8))
        }
        return data
    }

    /// One field, quoted when it must be, guarded against formula injection.
    package static func field(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), !isPlainNumber(text) {
            text = "'" + text
        }
        guard text.unicodeScalars.contains(where: { ",\"\r\n".unicodeScalars.contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `-3`, `+86`, `12.5`: a sign, digits and at most one point.
    private static func isPlainNumber(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        return !body.isEmpty && parts.count <= 2 && parts.allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }
    }
}
