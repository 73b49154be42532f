import ArgumentParser
import Foundation
import Ingest
import Store

/// `ptt deadlines`: stored commitments grouped by when they fall due.
struct Deadlines: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report dated commitments: past due, due this year, upcoming, long-term (2035+).",
        discussion: """
            Reads the `deadlines` view. Example:

              $ ptt deadlines --as-of 2025-06-01 --region 浙江省 --within 1y
              Deadlines as of 2025-06-01: 4 dated commitments

              Due this year (2025) (4)
                deadline  region                    indicator           target        firmness  sources  first source                                      id
                2025      浙江省                    规模以上工业增加值  3万亿元       —         2        浙江省制造业高质量发展“十四五”规划 (2021-06-10)  1
                …
            """)

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The report's date, YYYY-MM-DD (default: today).", valueName: "date"))
    var asOf: String?

    @OptionGroup var filters: ReportFilterOptions

    @Option(help: ArgumentHelp("Deadlines from the as-of year to N years after it (2y or 2).", valueName: "Ny"))
    var within: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil { throw ValidationError("--as-of \(asOf) is not a date (YYYY-MM-DD)") }
        if let within, Self.years(within) == nil { throw ValidationError("--within \(within) is not a number of years (2y)") }
        if within != nil, filters.year != nil || filters.from != nil || filters.to != nil {
            throw ValidationError("--within cannot be combined with --year/--from/--to")
        }
    }

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
            let report = DeadlineReport(asOf: day, deadlines: try connection.deadlines(asOf: day, filter: filter))
            output.write(report.render(output.format, colour: output.colour))
        }
    }

    static func today() -> Day {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)
    }
}
