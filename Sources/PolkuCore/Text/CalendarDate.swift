/// A date without a time of day, as Finnish forms write it: `2024-03-01` or `1.3.2024`.
public struct CalendarDate: Comparable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2200).contains(year), (1...12).contains(month),
            (1...Self.days(in: month, of: year)).contains(day)
        else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// Parses ISO `YYYY-MM-DD` or Finnish `D.M.YYYY`.
    public init?(parsing text: String) {
        // Fast path for the stored form: ten ASCII bytes, read without allocating (reports parse
        // several dates per row for 100,000 rows).
        let u = text.utf8
        if u.count == 10 {
            var bytes: (Int, Int, Int) = (0, 0, 0)
            var ok = true
            for (i, b) in u.enumerated() {
                switch i {
                case 4, 7: ok = ok && b == UInt8(ascii: "-")
                default:
                    guard b >= 48 && b <= 57 else { ok = false; break }
                    let d = Int(b - 48)
                    if i < 4 { bytes.0 = bytes.0 * 10 + d } else if i < 7 { bytes.1 = bytes.1 * 10 + d } else { bytes.2 = bytes.2 * 10 + d }
                }
                if !ok { break }
            }
            if ok { self.init(year: bytes.0, month: bytes.1, day: bytes.2); return }
        }
        let t = text.filter { !$0.isWhitespace }
        if t.contains("-") {
            let p = t.split(separator: "-", omittingEmptySubsequences: false)
            guard p.count == 3, p[0].count == 4, let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]),
                p[1].count == 2, p[2].count == 2
            else { return nil }
            self.init(year: y, month: m, day: d)
        } else {
            let p = t.split(separator: ".", omittingEmptySubsequences: false)
            guard p.count == 3, p[2].count == 4, (1...2).contains(p[0].count), (1...2).contains(p[1].count),
                let d = Int(p[0]), let m = Int(p[1]), let y = Int(p[2])
            else { return nil }
            self.init(year: y, month: m, day: d)
        }
    }

    public static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `2024-03-01`: how dates are stored, so that they sort as text on both databases.
    public var iso: String {
        func pad(_ n: Int, _ w: Int) -> String { String(repeating: "0", count: max(0, w - String(n).count)) + String(n) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// `1.3.2024`
    public var finnish: String { "\(day).\(month).\(year)" }

    public var description: String { iso }

    public static func < (a: Self, b: Self) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Full years from `self` to `date`; a birthday on `date` counts as reached.
    public func age(on date: CalendarDate) -> Int {
        var years = date.year - year
        if (date.month, date.day) < (month, day) { years -= 1 }
        return years
    }
}

extension String {
    /// Optional text fields are stored as nil, not as an empty string.
    public var nilIfEmpty: String? { isEmpty ? nil : self }
}
