import XCTest
@testable import WenshuCase

final class IdentityNumberTests: XCTestCase {
    func testResidentIDTable() throws {
        // number, expected outcome
        let table: [(String, Result<String, ResidentIDNumber.Problem>)] = [
            ("330106197803121239", .success("男")),
            ("330106198207152463", .success("女")),
            ("11010519491231002x", .success("女")),   // the standard's own example, lower-case x accepted
            ("330106197803121230", .failure(.checkCharacter(expected: "9"))),
            ("330106197802301238", .failure(.impossibleBirthDate)),
            ("330106780312123", .failure(.firstGeneration)),
            ("33010619780312123", .failure(.malformed)),
            ("3301061978031212A9", .failure(.malformed)),
        ]
        for (text, expected) in table {
            let got: Result<String, ResidentIDNumber.Problem> = Result { () throws(ResidentIDNumber.Problem) in
                try ResidentIDNumber(text).gender
            }
            XCTAssertEqual(got, expected, text)
        }
        XCTAssertEqual(try ResidentIDNumber("330106197803121239").birthDate, CivilDate(year: 1978, month: 3, day: 12))
        XCTAssertEqual(ResidentIDNumber.masked("330106197803121239"), "330106********1239")
    }

    /// Numbers of ASCII digits are judged on their bytes; the Characters path gives the same answers.
    func testResidentIDsAreJudgedOnBytesAsOnCharacters() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789xX")
        var texts = ["11010519491231002x", "11010519491231002X", "110105194912310029", "330106780312123", "x30106197803121239"]
        for _ in 0..<2000 {
            // A plausible region, date and sequence, then a random last character, sometimes a wrong length.
            let length = [15, 17, 18, 18, 18, 19].randomElement(using: &generator)!
            var text = "3301061978" + String(format: "%02d%02d", Int.random(in: 0...13, using: &generator), Int.random(in: 0...32, using: &generator))
            while text.count < length { text.append(alphabet[Int.random(in: 0..<(text.count == length - 1 ? 12 : 10), using: &generator)]) }
            texts.append(String(text.prefix(length)))
        }
        for text in texts {
            let bytes = Result { () throws(ResidentIDNumber.Problem) in try ResidentIDNumber(text) }
            let characters = Result { () throws(ResidentIDNumber.Problem) in try ResidentIDNumber(judgingCharacters: text) }
            XCTAssertEqual(bytes, characters, text)
            XCTAssertEqual(ResidentIDNumber.masked(text), String(text.prefix(6)) + String(repeating: "*", count: text.count - 10) + String(text.suffix(4)))
        }
    }

    /// A digit with a combining mark looks like a digit but is not one: refused, never a crash.
    func testDigitsWithCombiningMarksAreRefused() throws {
        let marked = "33010619780312123" + "9\u{301}"
        XCTAssertThrowsError(try ResidentIDNumber(marked))
        XCTAssertThrowsError(try ResidentIDNumber("3\u{301}" + "3010619780312123" + "9"))
        XCTAssertNil(Amount("1\u{301}0.00"))
        XCTAssertThrowsError(try Amount(validating: "1\u{301}0.00"))
        XCTAssertNil(PhoneNumber.kind(of: "1\u{301}3805712345"))
    }

    func testCreditCodeTable() {
        XCTAssertNoThrow(try CreditCode("91330106MA2CFK7Q85"))
        XCTAssertNoThrow(try CreditCode("91350100M000100Y43"))
        XCTAssertThrowsError(try CreditCode("91330106MA2CFK7Q84")) { error in
            XCTAssertEqual(error as? CreditCode.Problem, .checkCharacter(expected: "5"))
        }
        XCTAssertThrowsError(try CreditCode("91330106MA2CFK7QI5")) { error in
            XCTAssertEqual(error as? CreditCode.Problem, .malformed)
        }
    }

    func testCreditCodesAreJudgedOnBytesAsOnCharacters() {
        var generator = SystemRandomNumberGenerator()
        let characters = Array("0123456789ABCDEFGHJKLMNPQRTUWXYabcdefghjklmnpqrtuwxyIOZSVioszv-\r\n")
        var texts = ["91330106MA2CFK7Q85", "91330106ma2cfk7q85", "91330106MA2CFK7Q84", "91330106MA2CFK7Q8\r\n", "９1330106MA2CFK7Q85"]
        for _ in 0..<2000 {
            // Seventeen characters, then the right check character or a random one, sometimes a wrong length.
            var text = String((0..<17).map { _ in characters[Int.random(in: 0..<(Bool.random(using: &generator) ? 31 : characters.count), using: &generator)] })
            let values = text.uppercased().compactMap { CreditCode.alphabet.firstIndex(of: $0) }
            text.append(values.count == 17 && Bool.random(using: &generator) ? CreditCode.checkCharacter(for: values) : characters.randomElement(using: &generator)!)
            texts.append([16, 17, 18, 18, 18, 19].randomElement(using: &generator).map { String(text.prefix($0)) + ($0 == 19 ? "1" : "") }!)
        }
        var valid = 0
        for text in texts {
            let bytes = Result { () throws(CreditCode.Problem) in try CreditCode(text) }
            let characters = Result { () throws(CreditCode.Problem) in try CreditCode(judgingCharacters: text) }
            XCTAssertEqual(bytes, characters, text)
            if case .success = bytes { valid += 1 }
        }
        XCTAssertGreaterThan(valid, 20, "the valid codes are judged too (about 90 of the 2,000)")
    }

    func testCivilDateArithmetic() {
        let d = CivilDate(iso: "2026-03-10")!
        XCTAssertEqual(d.adding(days: 30).description, "2026-04-09")
        XCTAssertEqual(CivilDate(iso: "2024-02-28")!.adding(days: 1).description, "2024-02-29")
        XCTAssertEqual(CivilDate(iso: "2026-11-23")!.weekday, 1)  // a Monday
        XCTAssertNil(CivilDate(iso: "2026-02-29"))
        XCTAssertNil(CivilDate(iso: "2026-3-1"))
        for text in ["2026-03-010", "02026-03-01", "2026-03", "2026-03-01-", "2026/03/01", "２０２６-03-01", "",
                     "99999999999999999999-01-01", "2026--01", "-2026-03-01"] {
            XCTAssertNil(CivilDate(iso: text), text)
        }
        XCTAssertEqual(CivilDate(iso: "2024-02-29")?.day, 29)
        XCTAssertEqual(CivilDate(dayNumber: 0).description, "1970-01-01")
    }

    func testPhoneNumbersAreJudgedOnBytesAsOnCharacters() {
        // Every ASCII text built from the pieces numbers are made of, up to four pieces, plus a few by hand.
        let pieces = ["1", "0", "010", "0571", "1380571", "2345", "12345678", "0123456", "-", " ", "(", ")", "802",
                      "x", "\r\n", "1234567890"]
        var texts = ["", "13805712345", "138 0571 2345", "138-0571-2345", "-13805712345", "010-12345678",
                     "0571-87654321-802", "(0571)87654321", "(010)1234567-1234567", "010-1234567-", "01-12345678",
                     "010-01234567", "00571-87654321", "010-123456789", "010-12345678-1234567", "010-12345678-8\r\n"]
        var level = [""]
        for _ in 0..<4 {
            level = level.flatMap { prefix in pieces.map { prefix + $0 } }
            texts += level
        }
        for text in texts {
            var bytes = text
            XCTAssertEqual(bytes.withUTF8(PhoneNumber.asciiKind), .some(PhoneNumber.characterKind(of: text)), text)
        }
        var bytes = "（0571）87654321转802"
        XCTAssertEqual(bytes.withUTF8(PhoneNumber.asciiKind), .none, "not ASCII: judged on Characters")
        XCTAssertEqual(PhoneNumber.kind(of: "（0571）87654321转802"), .landline)
        XCTAssertEqual(PhoneNumber.kind(of: "13805712345"), .mobile)
        XCTAssertEqual(PhoneNumber.kind(of: "0571-87654321-802"), .landline)
    }
}
