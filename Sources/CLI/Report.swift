import ArgumentParser
import Foundation
import Ingest
import Store

/// `ptt report --html FILE`: one self-contained page with the charts and tables.
struct Report: ParsableCommand, WorkedExamples {
    static let configuration = CommandConfiguration(
        abstract: "Write one self-contained HTML page: deadline timeline, implied annual rates, tables.",
        discussion: """
            The page loads nothing from the network: styles and SVG charts are inline. Render it
            to PNG with scripts/render-report (headless Chromium).
            """)

    static let examples = """
          $ ptt report --html report.html --as-of 2025-06-01
          wrote report.html: 12 deadlines, 8 annual rates ranked in 3 families, 10 targets of indicators two regions or more share
        """

    @Option(help: ArgumentHelp("Where to write the page.", valueName: "file"))
    var html: String

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The report's date, YYYY-MM-DD (default: today).", valueName: "date"))
    var asOf: String?

    @OptionGroup var filters: ReportFilterOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil { throw ValidationError("--as-of \(asOf) is not a date (YYYY-MM-DD)") }
    }

    func run() throws {
        try database.reportingErrors {
            let day = asOf.flatMap { Day(iso: $0) } ?? Deadlines.today()
            let connection = try database.connect()
            let filter = try filters.filter(connection)
            let deadlines = try connection.deadlines(asOf: day, filter: filter)
            let comparison = try connection.comparison(filter)
            let rates = try connection.familyRates()
            let progress = try connection.progress(filter, asOf: day, limit: 0)
            let page = HTMLReport(
                asOf: day, deadlines: deadlines, comparison: comparison, rates: rates, scorecard: progress.scorecard
            ).render()
            try Data(page.utf8).write(to: URL(fileURLWithPath: html))
            print(
                "wrote \(html): \(deadlines.count) deadlines, \(rates.totalTargets) annual rates ranked in "
                    + "\(rates.totalGroups) families, \(comparison.count) targets of indicators two regions or more share")
        }
    }
}
