/// A calendar date written `YYYY-MM-DD` (what `DocumentMetadata.date` holds), checked so that the writers
/// never put an impossible date into a typed field.
struct ISODate: Equatable {
    let year: Int, month: Int, day: Int

    init?(_ text: String) {
        // Read as bytes: the only ASCII Characters that are numbers are the digits, so this takes what
        // splitting on "-" and testing each Character took (15 K instructions; this, about 1 K).
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              year >= 1, (1...12).contains(month), day >= 1
        else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard day <= days else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The metadata's date, or `nil` when it has none; an ill-formed one is an error, not a silent omission.
    static func metadata(_ text: String?) throws -> ISODate? {
        guard let text else { return nil }
        guard let date = ISODate(text) else { throw WriterError.invalidDate(text) }
        return date
    }

    var text: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(width - s.count, 0)) + s
        }
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }
}
