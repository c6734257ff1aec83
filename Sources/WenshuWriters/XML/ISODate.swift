/// A calendar date written `YYYY-MM-DD` (what `DocumentMetadata.date` holds), checked so that the writers
/// never put an impossible date into a typed field.
struct ISODate: Equatable {
    let year: Int, month: Int, day: Int

    init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
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
