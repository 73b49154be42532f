/// One dated target in the deadline report: a row of the `deadlines` view with its horizon.
/// The target's fields read through (`deadline.regionPath`).
@dynamicMemberLookup
public struct Deadline: Sendable, Hashable {
    /// Where the deadline falls relative to the report's date (SQL: `ptt_horizon(deadline_year, as_of)`).
    public enum Horizon: String, Sendable, Hashable, CaseIterable {
        case pastDue = "past_due"
        case dueThisYear = "due_this_year"
        case upcoming
        /// Deadlines in 2035 or later: the long-range goals (远景目标).
        case longTerm = "long_term"
    }

    public var horizon: Horizon
    public var target: TargetSummary

    public init(horizon: Horizon, target: TargetSummary) {
        self.horizon = horizon
        self.target = target
    }

    public subscript<T>(dynamicMember keyPath: KeyPath<TargetSummary, T>) -> T { target[keyPath: keyPath] }

    /// The deadline year (never nil here: the view holds dated targets only).
    public var deadlineYear: Int { target.deadlineYear ?? 0 }
}
