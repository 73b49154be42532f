import Ingest

/// One target as the reports show it: a row of the `target_report` view (sql/0004_reports.sql).
///
/// Every number a report prints is computed by the view (`targetText`, `baseYear`,
/// `impliedAnnualRate`), so psql users see the same values as the CLI.
public struct TargetSummary: Sendable, Hashable {
    public var id: Int
    public var regionCode: String?
    public var regionName: String?
    /// 浙江省 › 丽水市 › 松阳县.
    public var regionPath: String?
    public var regionLevel: String?
    public var indicatorKey: String
    /// The vocabulary's name for the indicator (规模以上工业增加值 for 规上工业增加值), else as
    /// written, through `DisplayText` (normalized, simplified).
    public var indicatorName: String
    /// The indicator as the latest document wrote it.
    public var indicator: String
    public var kind: String
    public var unitFamily: String
    public var multiplier: Double?
    public var value: Double?
    public var unit: String?
    public var qualifier: String?
    public var firmness: String?
    public var perYear: Bool?
    /// The base year the texts state, if any.
    public var statedBaseYear: Int?
    /// The stated base year, else the one assumed (see `baseYearSource`).
    public var baseYear: Int?
    /// `stated`, `plan period` or `publication year`.
    public var baseYearSource: String?
    public var deadlineYear: Int?
    public var years: Int?
    /// Annual rate as a fraction (0.149 for ×2 in 5 years), nil when the target is not a rate.
    public var impliedAnnualRate: Double?
    /// `stated` (an annual rate as written) or `implied`.
    public var rateBasis: String?
    /// The target in words: ×2 from 2020, ≥2000亿元, 6%左右 a year, 基本建成全球先进制造业基地;
    /// a milestone's quote as `DisplayText` shows it (normalized, simplified: no pinyin residue).
    public var targetText: String
    /// How many documents state the target.
    public var sources: Int
    public var mentions: Int
    public var firstTitle: String?
    public var firstPublishedOn: Day?
    public var latestTitle: String?
    public var latestPublishedOn: Day?
    /// How many times a later document changed the number.
    public var revisions: Int

    /// The columns read from `target_report`, in the order `init(row:)` decodes them.
    static let columns = """
        id, region_code, region_name, region_path, region_level, indicator_key, indicator_name, indicator, kind,
        unit_family, multiplier, value, unit, qualifier, firmness, per_year, stated_base_year, base_year,
        base_year_source, deadline_year, years, implied_annual_rate, rate_basis, target_text, sources, mentions,
        first_title, first_published_on, latest_title, latest_published_on, revisions
        """

    init(row: Row, from c: Int = 0) throws {
        id = try row.decode(c)
        regionCode = try row.decode(c + 1)
        regionName = try row.decode(c + 2)
        regionPath = try row.decode(c + 3)
        regionLevel = try row.decode(c + 4)
        indicatorKey = try row.decode(c + 5)
        indicatorName = DisplayText.of(try row.decode(c + 6))
        indicator = try row.decode(c + 7)
        kind = try row.decode(c + 8)
        unitFamily = try row.decode(c + 9)
        multiplier = try row.decode(c + 10)
        value = try row.decode(c + 11)
        unit = try row.decode(c + 12)
        qualifier = try row.decode(c + 13)
        firmness = try row.decode(c + 14)
        perYear = try row.decode(c + 15)
        statedBaseYear = try row.decode(c + 16)
        baseYear = try row.decode(c + 17)
        baseYearSource = try row.decode(c + 18)
        deadlineYear = try row.decode(c + 19)
        years = try row.decode(c + 20)
        impliedAnnualRate = try row.decode(c + 21)
        rateBasis = try row.decode(c + 22)
        // What a report shows: normalized and simplified (the view holds the quote as written).
        targetText = DisplayText.of(try row.decode(c + 23))
        sources = try row.decode(c + 24)
        mentions = try row.decode(c + 25)
        firstTitle = try row.decode(c + 26)
        firstPublishedOn = try row.decode(c + 27)
        latestTitle = try row.decode(c + 28)
        latestPublishedOn = try row.decode(c + 29)
        revisions = try row.decode(c + 30)
    }
}
