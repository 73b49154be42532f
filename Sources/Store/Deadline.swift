/// One distinct dated commitment in the deadline report (a row of the `deadlines` view).
public struct Deadline: Sendable, Hashable {
    /// Where the deadline falls relative to the report's date.
    public enum Horizon: String, Sendable, Hashable, CaseIterable {
        case pastDue = "past_due"
        case dueThisYear = "due_this_year"
        case upcoming
        /// Deadlines in 2035 or later: the long-range goals (远景目标).
        case longTerm = "long_term"
    }

    public var horizon: Horizon
    public var deadlineYear: Int
    public var regionCode: String?
    public var regionName: String?
    public var indicator: String
    public var kind: String
    public var multiplier: Double?
    public var value: Double?
    public var unit: String?
    public var qualifier: String?
    public var firmness: String?
    public var perYear: Bool?
    public var baseYear: Int?
    /// How many documents state this commitment.
    public var sources: Int

    public init(
        horizon: Horizon, deadlineYear: Int, regionCode: String?, regionName: String?, indicator: String,
        kind: String, multiplier: Double?, value: Double?, unit: String?, qualifier: String?, firmness: String?,
        perYear: Bool?, baseYear: Int?, sources: Int
    ) {
        self.horizon = horizon
        self.deadlineYear = deadlineYear
        self.regionCode = regionCode
        self.regionName = regionName
        self.indicator = indicator
        self.kind = kind
        self.multiplier = multiplier
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.firmness = firmness
        self.perYear = perYear
        self.baseYear = baseYear
        self.sources = sources
    }
}
