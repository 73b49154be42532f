import Ingest

/// A target with the result reported for its deadline year and the verdict: a row of
/// `target_verdicts` (kept from the `target_outcomes` view, sql/0014_outcomes.sql) with what the
/// reports show.
public struct ProgressRow: Sendable, Hashable {
    public var targetID: Int
    public var deadlineYear: Int
    public var regionCode: String
    /// 浙江省 › 丽水市 › 松阳县.
    public var regionPath: String
    public var indicatorKey: String
    public var indicatorName: String
    public var targetKind: String
    public var targetMultiplier: Double?
    public var targetValue: Double?
    public var targetUnit: String?
    public var targetQualifier: String?
    /// ≥6000亿元, 5%左右, ×2.
    public var targetText: String?
    public var outcomeID: Int?
    public var outcomeKind: String?
    public var outcomeMultiplier: Double?
    public var outcomeValue: Double?
    public var outcomeUnit: String?
    public var outcomeQualifier: String?
    public var outcomeText: String?
    /// `met`, `missed`, `partly` or `unknown`.
    public var verdict: String
    /// How the verdict was reached, both numbers in it: `growth 5.4% ≥ 5%左右 → met`.
    public var rule: String?
    /// Where the target was stated: its latest document and the first quote there.
    public var targetSource: Source
    /// Where the result was reported, likewise.
    public var outcomeSource: Source?

    /// A document and the quote in it.
    public struct Source: Sendable, Hashable {
        public var documentID: Int
        public var title: String?
        public var file: String
        public var publishedOn: Day?
        public var quote: String?
    }
}

/// One region's line of the progress scorecard: how many of its targets met, missed, partly met
/// or could not be judged against their reported results, and how many past-due targets have no
/// reported result at all.
public struct ScorecardRow: Sendable, Hashable {
    public var regionCode: String
    public var regionPath: String
    public var met: Int
    public var missed: Int
    public var partly: Int
    public var unknown: Int
    /// Deadline before the as-of year, no result linked.
    public var pastDueWithoutOutcome: Int

    public var judged: Int { met + missed + partly + unknown }
}

/// What `Connection.progress` returns: the first rows, how many there are, and the scorecard.
public struct ProgressReportData: Sendable {
    public var rows: [ProgressRow]
    /// Targets with a linked result that the filter selects (all of them, not only `rows`).
    public var total: Int
    /// The first regions of the scorecard (all unless a limit was asked for).
    public var scorecard: [ScorecardRow]
    /// How many regions the whole scorecard has.
    public var regions: Int
    /// The scorecard summed over every region the filter selects.
    public var totals: ScorecardRow
}
