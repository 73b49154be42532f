import ArgumentParser
import Foundation
import Ingest
import Store

/// `ptt deadlines [--as-of DATE]`: stored commitments grouped by when they fall due.
struct Deadlines: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report dated commitments: past due, due this year, upcoming, long-term (2035+).")

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The report's date, YYYY-MM-DD (default: today).", valueName: "date"))
    var asOf: String?

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil { throw ValidationError("--as-of \(asOf) is not a date (YYYY-MM-DD)") }
    }

    func run() throws {
        try database.reportingErrors {
            let day = asOf.flatMap { Day(iso: $0) } ?? Deadlines.today()
            let connection = try database.connect()
            print(DeadlineReport(asOf: day, deadlines: try connection.deadlines(asOf: day)).render())
        }
    }

    static func today() -> Day {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)
    }
}
