/// A calendar date known to a year, a month or a day: `2017`, `2017-10` or `2017-10-05`
/// (ISO 8601 calendar dates, proleptic Gregorian calendar, years 1–9999).
///
/// **A partial date is a period**: `2017` is every day from 2017-01-01 through 2017-12-31,
/// `2017-10` every day of October 2017, `2017-10-05` one day. So
/// - as a `since` (when an actor or tie begins), a date means *from its first day*
///   (``firstDay``): `since: 2017` is from 2017-01-01;
/// - as an `until` (when it ends, inclusive), a date means *through its last day*
///   (``lastDay``): `until: 2017` is through 2017-12-31;
/// - as a moment asked about (`--at 2017`, a period of `evolve`), a date means *at some time
///   in that period*: an actor or tie counts when its life overlaps the period
///   (``Lifespan/overlaps(_:)``). Give a full date (`--at 2017-06-30`) for one day.
///
/// Ordering (``Comparable``) is by first day, then by last day, so `2017 < 2017-01-05 <
/// 2017-02 < 2018`; equality is of the written value (`2017` ≠ `2017-01` ≠ `2017-01-01`).
/// Day numbers are days since 1970-01-01 (Howard Hinnant's `days_from_civil`,
/// howardhinnant.github.io/date_algorithms.html, 2013).
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// How much of the date is known.
    public enum Precision: Int, Sendable, Comparable {
        /// `YYYY`.
        case year
        /// `YYYY-MM`.
        case month
        /// `YYYY-MM-DD`.
        case day
        /// Ordered year < month < day (coarse to fine).
        public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
    }

    /// The year, 1–9999.
    public let year: Int
    /// The month 1–12, or `nil` at year precision.
    public let month: Int?
    /// The day of the month, or `nil` at year or month precision.
    public let day: Int?

    /// What is known: year, month or day.
    public var precision: Precision { day != nil ? .day : month != nil ? .month : .year }

    /// The rule a written date follows, for messages.
    public static let rule = "a date is a year (2017), a year and month (2017-10) or an ISO date (2017-10-05)"

    /// A date from its parts, or `nil` when they do not name a calendar date (month 13, 30
    /// February, a day without a month, a year outside 1–9999).
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let day {
            guard let month, day >= 1, day <= PartialDate.daysIn(month: month, year: year) else { return nil }
        }
        self.year = year; self.month = month; self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (surrounding spaces ignored; a time after a
    /// `T`, as in `2017-10-05T00:00:00`, is dropped; a year written as a number such as
    /// `2017.0` is read as 2017).
    /// - Returns: the date, or `nil` when the text is not such a date.
    /// - Complexity: `O(length)`.
    public init?(_ text: String) {
        var t = Substring(text.trimmingCharacters(in: .whitespaces))
        if let tIndex = t.firstIndex(of: "T"), t.distance(from: t.startIndex, to: tIndex) == 10 { t = t[..<tIndex] }
        if t.hasSuffix(".0"), t.count == 6 { t = t.dropLast(2) }
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
              parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]) else { return nil }
        let m = parts.count > 1 ? Int(parts[1]) : nil
        let d = parts.count > 2 ? Int(parts[2]) : nil
        self.init(year: y, month: m, day: d)
    }

    /// As written canonically: `2017`, `2017-10`, `2017-10-05`.
    public var description: String {
        var s = String(format: "%04d", year)
        if let month { s += String(format: "-%02d", month) }
        if let day { s += String(format: "-%02d", day) }
        return s
    }

    /// The first day of the period, as a day number (days since 1970-01-01).
    public var firstDay: Int { PartialDate.dayNumber(year, month ?? 1, day ?? 1) }
    /// The last day of the period, as a day number (days since 1970-01-01).
    public var lastDay: Int {
        let m = month ?? 12
        return PartialDate.dayNumber(year, m, day ?? PartialDate.daysIn(month: m, year: year))
    }

    /// The first day as a full date (`2017` → `2017-01-01`).
    public var firstDate: PartialDate { PartialDate(year: year, month: month ?? 1, day: day ?? 1)! }
    /// The last day as a full date (`2017` → `2017-12-31`).
    public var lastDate: PartialDate {
        let m = month ?? 12
        return PartialDate(year: year, month: m, day: day ?? PartialDate.daysIn(month: m, year: year))!
    }

    /// The date at `precision` (coarser: parts dropped; finer: the first month or day added).
    public func at(_ precision: Precision) -> PartialDate {
        switch precision {
        case .year: return PartialDate(year: year)!
        case .month: return PartialDate(year: year, month: month ?? 1)!
        case .day: return firstDate
        }
    }

    /// The date `count` years, months or days later (negative: earlier), at the same precision;
    /// a day past the end of a month is the month's last day (2020-01-31 + 1 month = 2020-02-29).
    /// `nil` past the year 9999 or before the year 1.
    public func adding(_ count: Int, _ unit: Precision) -> PartialDate? {
        switch unit {
        case .year:
            guard let y = Optional(year + count), (1...9999).contains(y) else { return nil }
            return PartialDate(year: y, month: month, day: day.map { min($0, PartialDate.daysIn(month: month!, year: y)) })
        case .month:
            let index = year * 12 + (month ?? 1) - 1 + count
            let y = index / 12, m = index % 12 + 1
            guard (1...9999).contains(y) else { return nil }
            return PartialDate(year: y, month: m, day: day.map { min($0, PartialDate.daysIn(month: m, year: y)) })
        case .day:
            let (y, m, d) = PartialDate.civil(fromDayNumber: firstDay + count)
            return PartialDate(year: y, month: m, day: d)
        }
    }

    /// Ordered by first day, then last day.
    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        (a.firstDay, a.lastDay) < (b.firstDay, b.lastDay)
    }

    /// Days in `month` of `year` (Gregorian leap years).
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a civil date (Hinnant's `days_from_civil`).
    static func dayNumber(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The civil date of a day number (Hinnant's `civil_from_days`).
    static func civil(fromDayNumber z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

/// When an actor or tie exists: from the first day of `since` through the last day of
/// `until`, either end open (`nil`: since always, or still). See ``PartialDate`` for the
/// semantics.
public struct Lifespan: Sendable, Equatable {
    /// The beginning, or `nil` (open).
    public var since: PartialDate?
    /// The end, inclusive, or `nil` (open).
    public var until: PartialDate?

    /// A lifespan as given (not checked; ``problem`` says what is wrong with it).
    public init(since: PartialDate? = nil, until: PartialDate? = nil) { self.since = since; self.until = until }

    /// Whether neither end is given.
    public var isOpen: Bool { since == nil && until == nil }

    /// First day (day number), `Int.min` when open.
    public var firstDay: Int { since?.firstDay ?? Int.min }
    /// Last day (day number), `Int.max` when open.
    public var lastDay: Int { until?.lastDay ?? Int.max }

    /// Whether the life overlaps `period` (exists on at least one of its days).
    /// - Complexity: `O(1)`.
    public func overlaps(_ period: PartialDate) -> Bool { firstDay <= period.lastDay && lastDay >= period.firstDay }

    /// Whether the life overlaps the days `first...last` (day numbers).
    public func overlaps(firstDay first: Int, lastDay last: Int) -> Bool { firstDay <= last && lastDay >= first }

    /// What is wrong with the lifespan itself: `until` ends before `since` begins. `nil` when
    /// fine (`since: 2017, until: 2017` is the year 2017).
    public var problem: String? {
        guard let since, let until, until.lastDay < since.firstDay else { return nil }
        return "'until: \(until)' is before 'since: \(since)'"
    }

    /// Why a tie dated `self` is dated outside the life of an actor living `actor`: one of the
    /// tie's given dates falls on no day of the actor's life. `nil` when fine.
    /// - Parameters:
    ///   - actor: the actor's lifespan.
    ///   - actorID: the actor, for the message.
    public func outside(_ actor: Lifespan, actorID: String) -> String? {
        for (key, date) in [("since", since), ("until", until)] {
            guard let date, !actor.overlaps(date) else { continue }
            let life = [actor.since.map { "since \($0)" }, actor.until.map { "until \($0)" }].compactMap { $0 }.joined(separator: ", ")
            return "'\(key): \(date)' is outside the life of actor '\(actorID)' (\(life))"
        }
        return nil
    }
}
