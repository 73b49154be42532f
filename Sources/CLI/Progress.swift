import ArgumentParser
import Ingest
import Store

/// `ptt progress`: what became of each target — the result reported for its deadline year and
/// the verdict, then a scorecard per region.
struct Progress: ParsableCommand, WorkedExamples {
    static let configuration = CommandConfiguration(
        abstract: "Report targets against the results reported for their deadline year: met, missed, partly, unknown.",
        discussion: """
            Reads the `target_verdicts` table, kept at ingest from the `target_outcomes` view \
            (docs/sql.md, "Verdicts"): a target is linked to the results of the same region, indicator \
            key and year as its deadline, and judged by a rule the report prints with both numbers \
            (growth 5.2%左右 ≥ 5%左右 → met). 左右 is a band of ±0.5 percentage points for rates and ±2 % for \
            other levels; 以上/不低于 a floor, 以内/控制在 a ceiling, as are CPI and unemployment targets; a 力争 \
            target short by no more than the band is partly met; different kinds, units or spans give \
            unknown, with the reason.

            Rows are the targets with a linked result, by deadline, region code and id; the table shows \
            the first 10 (--limit N, --all). Then the scorecard (as many regions, and the totals over \
            all of them): per region, how many targets met, missed, partly met or could not be judged, \
            and how many past-due targets (deadline before the as-of year) have no reported result. CSV \
            holds the rows, or with --scorecard the scorecard; JSON holds both, every verdict with its \
            rule and numbers.
            """)

    static let examples = """
          $ ptt progress --region 北京市 --as-of 2025-06-01
          Progress as of 2025-06-01: 4 targets with a reported result

            deadline  region  indicator         target  result    verdict  rule                            …  id
            2024      北京市  地区生产总值      5%左右  5.2%左右  met      growth 5.2%左右 ≥ 5%左右 → met  …  1
            2024      北京市  一般公共预算收入  5%      3.1%      missed   growth 3.1% < 5% → missed       …  2
            …

          Scorecard (1 region)
            region  met  missed  partly  unknown  past due, no result
            北京市  3    1       0       0        0

          $ ptt progress --indicator gdp --year 2024 --format json    # every verdict with its rule and numbers
          $ ptt progress --scorecard --format csv > scorecard.csv
        """

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The report's date, YYYY-MM-DD (default: today): deadlines before its year are past due.", valueName: "date"))
    var asOf: String?

    @OptionGroup var filters: ReportFilterOptions

    @Option(help: ArgumentHelp("At most N target rows (default: 10 for table and Markdown, all for CSV and JSON).", valueName: "N"))
    var limit: Int?

    @Flag(help: "Every target row and every region of the scorecard.")
    var all = false

    @Flag(help: "Only the scorecard (CSV: the scorecard instead of the rows).")
    var scorecard = false

    @OptionGroup var output: OutputOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        try ReportArguments.validate(asOf: asOf, limit: limit, all: all)
    }

    func run() throws {
        try database.reportingErrors {
            let day = asOf.flatMap { Day(iso: $0) } ?? Deadlines.today()
            let connection = try database.connect()
            let filter = try filters.filter(connection)
            let rowLimit: Int? =
                scorecard ? 0 : all ? nil : limit ?? (output.format == .table || output.format == .markdown ? 10 : nil)
            let tableLike = output.format == .table || output.format == .markdown
            let scorecardLimit = all || !tableLike ? nil : limit ?? 10
            let data = try connection.progress(filter, asOf: day, limit: rowLimit, scorecardLimit: scorecardLimit)
            let report = ProgressReport(asOf: day, data: data, colour: output.colour, scorecardOnly: scorecard)
            output.write(report.render(output.format))
        }
    }
}
