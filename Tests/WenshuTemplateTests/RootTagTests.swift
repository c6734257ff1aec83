import Foundation
import WenshuXML
import XCTest
@testable import WenshuTemplate

/// The byte test that spares libxml2's reader for forms a command does not ask for never says no where the
/// reader would say yes.
final class RootTagTests: XCTestCase {
    func testItNeverRefusesAFormTheReaderWouldFind() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.templates.path).filter { $0.hasSuffix(".form.xml") }
        let files = try names.map { try Data(contentsOf: Fixtures.templates.appendingPathComponent($0)) }
        let ids = files.compactMap { XMLDocument.rootAttribute("id", in: $0) }
        XCTAssertEqual(ids.count, names.count)
        var spared = 0
        for wanted in ids {
            for data in files {
                let may = RootTag.mayName([wanted], in: data)
                if XMLDocument.rootAttribute("id", in: data) == wanted { XCTAssertTrue(may, wanted) }
                if !may { spared += 1 }
            }
        }
        // It is worth having: asked for one form, most of the others are told apart on their bytes.
        XCTAssertGreaterThan(spared, ids.count * (ids.count - 1) * 3 / 4)
    }

    func testWhatLooksLikeTheIdOutsideTheStartTagDoesNotCount() {
        let form = #"<?xml version="1.0"?><!-- <form id="agreement"> --><?pi id="agreement"?><form id="record" x='>'><p>agreement</p></form>"#
        XCTAssertFalse(RootTag.mayName(["agreement"], in: Data(form.utf8)))
        XCTAssertTrue(RootTag.mayName(["record"], in: Data(form.utf8)))
    }

    func testAnythingUnusualIsLeftToTheReader() {
        let unusual = [
            #"<form id="agr&#101;ement"/>"#,  // a character reference
            #"<!DOCTYPE form><form id="x"/>"#,
            #"<?xml version="1.0" encoding="GB18030"?><form id="x"/>"#,
            "\u{FEFF}<form id=\"x\"/>",  // UTF-8's BOM is fine, so this one only needs the id...
        ]
        XCTAssertTrue(RootTag.mayName(["agreement"], in: Data(unusual[0].utf8)))
        XCTAssertTrue(RootTag.mayName(["agreement"], in: Data(unusual[1].utf8)))
        XCTAssertTrue(RootTag.mayName(["agreement"], in: Data(unusual[2].utf8)))
        XCTAssertFalse(RootTag.mayName(["agreement"], in: Data(unusual[3].utf8)))
        XCTAssertTrue(RootTag.mayName(["x"], in: Data(unusual[3].utf8)))
        // ...while UTF-16 (zero bytes), an id with white space or outside ASCII goes to the reader.
        XCTAssertTrue(RootTag.mayName(["agreement"], in: #"<form id="x"/>"#.data(using: .utf16LittleEndian)!))
        XCTAssertTrue(RootTag.mayName(["agree ment"], in: Data(#"<form id="x"/>"#.utf8)))
        XCTAssertTrue(RootTag.mayName(["协议"], in: Data(#"<form id="x"/>"#.utf8)))
        XCTAssertTrue(RootTag.mayName(["agreement"], in: Data(#"<form id="x""#.utf8)))  // no end: the reader says why
    }
}
