import ArgumentParser
import Foundation
import Ingest
import Store

/// `ptt deadlines`: stored commitments grouped by when they fall due.
struct Deadlines: ParsableCommand, WorkedExamples {
    static let configuration = CommandConfiguration(
        abstract: "Report dated commitments: past due, due this year, upcoming, long-term (2035+).",
        discussion: """
            Reads the `target_report` view. Rows are ordered by deadline, then region code (a
            province before its cities and counties). Each table (past due, due this year, each
            upcoming year, long-term) shows its first 10 rows and says how many more it holds;
            --limit N shows N, --all every row (written as they arrive). CSV and JSON hold every
            row unless --limit is given. Counts stop at 10,000 a table ("more than 10,000")
            unless --all is given.
            """)

    static let examples = """
          $ ptt deadlines --as-of 2025-06-01 --region 浙江省 --within 1y
          Deadlines as of 2025-06-01: 4 dated commitments

          Due this year (2025) (4)
            deadline  region                    indicator           target        firmness  sources  first source                                      id
            2025      浙江省                    规模以上工业增加值  3万亿元       —         2        浙江省制造业高质量发展“十四五”规划 (2021-06-10)  1
            …

          $ ptt deadlines --indicator gdp --limit 3      # three rows a table
          $ ptt deadlines --all > deadlines.txt          # every row
          $ ptt deadlines --format csv > deadlines.csv   # every row, as CSV
        """

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The report's date, YYYY-MM-DD (default: today).", valueName: "date"))
    var asOf: String?

    @OptionGroup var filters: ReportFilterOptions

    @Option(help: ArgumentHelp("Deadlines from the as-of year to N years after it (2y or 2).", valueName: "Ny"))
    var within: String?

    @Option(help: ArgumentHelp("At most N rows in each table (default: 10 for table and Markdown, all for CSV and JSON).", valueName: "N"))
    var limit: Int?

    @Flag(help: "Every row, with exact counts.")
    var all = false

    @OptionGroup var output: OutputOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        try ReportArguments.validate(asOf: asOf, limit: limit, all: all)
        if let within, Self.years(within) == nil { throw ValidationError("--within \(within) is not a number of years (2y)") }
        if within != nil, filters.year != nil || filters.from != nil || filters.to != nil {
            throw ValidationError("--within cannot be combined with --year/--from/--to")
        }
    }

    /// Counting stops here in each table unless --all is given, so a page costs what it shows.
    static let countLimit = 10_000

    static func years(_ text: String) -> Int? {
        let digits = text.hasSuffix("y") ? String(text.dropLast()) : text
        return Int(digits).flatMap { $0 >= 0 ? $0 : nil }
    }

    func run() throws {
        try database.reportingErrors {
            let day = asOf.flatMap { Day(iso: $0) } ?? Deadlines.today()
            let connection = try database.connect()
            var filter = try filters.filter(connection)
            if let n = within.flatMap(Self.years) {
                filter.fromYear = day.year
                filter.toYear = day.year + n
            }
            let rowsPerGroup = all ? nil : limit ?? (output.format == .table || output.format == .markdown ? 10 : nil)
            let groups = try connection.deadlineGroups(
                asOf: day, filter: filter, rowsPerGroup: rowsPerGroup ?? 0,
                countLimit: all ? nil : Self.countLimit)
            let stdout = StandardOutput()
            defer { stdout.flush() }
            var report = DeadlineReport(
                asOf: day, format: output.format, colour: output.colour, groups: groups, output: stdout)
            report.begin()
            if let rowsPerGroup {
                for group in groups { group.deadlines.forEach { report.add($0) } }
                report.end(limit: rowsPerGroup)
            } else if output.format == .json {
                try connection.streamDeadlineTargets(asOf: day, filter: filter) { report.add($0) }
                report.end(limit: nil)
            } else {
                try connection.streamDeadlineListing(asOf: day, filter: filter) { report.add($0) }
                report.end(limit: nil)
            }
        }
    }

    static func today() -> Day {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)
    }
}
