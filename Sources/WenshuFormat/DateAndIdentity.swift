import WenshuCase
import WenshuDiagnostics

/// Dates as Chinese documents print them.
package enum ChineseDate {
    /// `2026年3月10日`: Arabic numerals in full, no leading zeros (GB/T 9704-2012).
    /// Written as UTF-8 and made a `String` once, like `numerals` (the interpolation cost twice as much).
    package static func arabic(_ date: CivilDate) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)  // a year's figures, 年, two figures of month and of day, 月, 日
        appendDecimal(date.year, to: &bytes)
        bytes.append(contentsOf: DateGlyphs.year)
        appendDecimal(date.month, to: &bytes)
        bytes.append(contentsOf: DateGlyphs.month)
        appendDecimal(date.day, to: &bytes)
        bytes.append(contentsOf: DateGlyphs.day)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `n`'s ASCII figures as `"\(n)"` prints them.
    private static func appendDecimal(_ n: Int, to bytes: inout [UInt8]) {
        if n < 0 { bytes.append(UInt8(ascii: "-")) }
        ChineseNumerals.forEachFigure(of: n) { bytes.append(UInt8(ascii: "0") + UInt8($0)) }
    }

    /// `二〇二六年三月十日`: the year digit by digit, month and day as numbers (agreements, court papers).
    /// Written as UTF-8 and made a `String` once (five string concatenations cost twice the spelling).
    package static func numerals(_ date: CivilDate) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(48)  // four year digits, 年, up to three glyphs of month and of day, 月, 日
        ChineseNumerals.digitByDigit(date.year, into: &bytes)
        bytes.append(contentsOf: DateGlyphs.year)
        ChineseNumerals.spell(Int64(date.month), into: &bytes)
        bytes.append(contentsOf: DateGlyphs.month)
        ChineseNumerals.spell(Int64(date.day), into: &bytes)
        bytes.append(contentsOf: DateGlyphs.day)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Completed years of age on `day` for someone born on `birth`; `nil` when `day` is before `birth`.
    /// A 29 February birthday is reached on 1 March in common years.
    package static func age(born birth: CivilDate, on day: CivilDate) -> Int? {
        guard day >= birth else { return nil }
        let beforeBirthday = (day.month, day.day) < (birth.month, birth.day)
        return day.year - birth.year - (beforeBirthday ? 1 : 0)
    }
}

/// The UTF-8 of a date's units.
private enum DateGlyphs {
    static let year = Array("年".utf8)
    static let month = Array("月".utf8)
    static let day = Array("日".utf8)
}

/// What an identity number tells about its holder: birth date and gender.
package struct IdentityFacts: Sendable, Equatable {
    package let birthDate: CivilDate
    /// 男 or 女.
    package let gender: String

    /// Reads an 18-character resident ID number (GB 11643-1999, check character verified) or a 15-digit
    /// first-generation one (born 19YY, no check character). Errors name the number masked, never whole.
    package init(idNumber text: String) throws(IdentityError) {
        let number = text.trimmingASCIIWhitespace
        let masked = ResidentIDNumber.masked(number)
        do {
            let id = try ResidentIDNumber(number)
            self.birthDate = id.birthDate
            self.gender = id.gender
        } catch {
            switch error {
            case .firstGeneration:
                guard let facts = ResidentIDNumber.firstGeneration(number) else {
                    throw IdentityError(masked: masked, reason: .phrase(FunctionWording.noBirthDate))
                }
                (self.birthDate, self.gender) = facts
            case .malformed:
                throw IdentityError(masked: masked, reason: .phrase(FunctionWording.notAnIDNumber))
            case .impossibleBirthDate:
                throw IdentityError(masked: masked, reason: .phrase(FunctionWording.noBirthDate))
            case .checkCharacter(let expected):
                throw IdentityError(masked: masked, reason: .phrase(FunctionWording.wrongCheckCharacter, ["expected": "\(expected)"]))
            }
        }
    }
}

/// An identity number that cannot be read; the message shows the number masked.
package struct IdentityError: Error, Equatable, Sendable {
    package let masked: String
    package let reason: DiagnosticArgument
    /// The refusal in the catalogue's words (either language).
    package var explanation: DiagnosticArgument {
        .phrase(FunctionWording.identity, ["id": "\(masked)", "problem": reason])
    }
    package var message: String { explanation.render(in: .current) }
}
