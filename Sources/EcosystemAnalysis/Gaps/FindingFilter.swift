import Foundation

/// Which findings to keep: a least severity and a set of kinds (`ecomap gaps --min-severity
/// --kind`).
public struct FindingFilter: Sendable, Equatable {
    /// Keep findings at least this serious (``Severity`` orders `high < medium < low < info`);
    /// `nil` keeps every severity.
    public var minimumSeverity: Severity?
    /// Keep findings of these kinds; `nil` keeps every kind.
    public var kinds: Set<FindingKind>?

    /// A filter as given; the default keeps everything.
    /// - Parameters:
    ///   - minimumSeverity: the least severity kept (`nil`: all).
    ///   - kinds: the kinds kept (`nil`: all).
    public init(minimumSeverity: Severity? = nil, kinds: Set<FindingKind>? = nil) {
        self.minimumSeverity = minimumSeverity; self.kinds = kinds
    }

    /// Whether the filter keeps everything.
    public var keepsAll: Bool { minimumSeverity == nil && kinds == nil }

    /// Whether a finding of `kind` and `severity` is kept.
    /// - Parameters:
    ///   - kind: the finding's kind.
    ///   - severity: its severity.
    /// - Returns: `true` when both the kind and the severity pass.
    public func keeps(_ kind: FindingKind, _ severity: Severity) -> Bool {
        (kinds?.contains(kind) ?? true) && (minimumSeverity.map { severity <= $0 } ?? true)
    }

    /// The kinds named in `list` (comma-separated raw values, e.g. `missing_tie,brokerage`).
    /// - Parameter list: the names; spaces around them are ignored.
    /// - Returns: the kinds.
    /// - Throws: ``FindingFilterError/unknownKind(_:valid:)`` for the first name that is no kind.
    public static func kinds(_ list: String) throws(FindingFilterError) -> Set<FindingKind> {
        var kinds = Set<FindingKind>()
        for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let kind = FindingKind(rawValue: name) else {
                throw .unknownKind(name, valid: FindingKind.allCases.map(\.rawValue))
            }
            kinds.insert(kind)
        }
        guard !kinds.isEmpty else { throw .unknownKind(list, valid: FindingKind.allCases.map(\.rawValue)) }
        return kinds
    }
}

/// A filter that names no kind.
public enum FindingFilterError: Error, Equatable, CustomStringConvertible {
    /// The name (associated value) is not a ``FindingKind``; `valid` lists those there are.
    case unknownKind(String, valid: [String])

    /// One English line with the name and the valid kinds.
    public var description: String {
        switch self {
        case let .unknownKind(name, valid): return "'\(name)' is not a kind of finding; valid: \(valid.joined(separator: ", "))"
        }
    }
}

extension GapReport {
    /// The report with only the findings `filter` keeps (and the tie portfolio while one of its ties is kept); the baseline,
    /// removal effects and what was skipped are kept as they are, and ``GapReport/filter``
    /// records the filter and how many findings it left out.
    /// - Parameter filter: what to keep.
    /// - Returns: the filtered report.
    /// - Complexity: `O(f)` for `f` findings.
    public func filtered(_ filter: FindingFilter) -> GapReport {
        guard !filter.keepsAll else { return self }
        var copy = self
        copy.findings = findings.filter { filter.keeps($0.kind, $0.severity) }
        copy.filter = (filter, findings.count - copy.findings.count)
        // The portfolio is one set: kept whole while any of its ties passes the filter.
        if let p = portfolio, !p.ties.contains(where: { filter.keeps(.recommendedTie, $0.severity) }) { copy.portfolio = nil }
        return copy
    }
}
