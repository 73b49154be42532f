import ArgumentParser
import Store

/// `ptt export`: every target as CSV or JSON Lines.
struct Export: ParsableCommand, WorkedExamples {
    static let configuration = CommandConfiguration(
        abstract: "Export every target (the target_report view) as CSV or JSON Lines.",
        discussion: """
            UTF-8, a header row (CSV), blanks (CSV) or null (JSON) for missing values, and the same
            columns in the same order every time.
            """)

    static let examples = """
          $ ptt export --format csv > targets.csv
          $ head -1 targets.csv
          target_id,deadline,region_code,region,region_path,region_level,indicator_key,indicator,…
        """

    enum Format: String, ExpressibleByArgument { case csv, jsonl }

    @Option(help: "csv or jsonl.")
    var format: Format = .csv

    @OptionGroup var filters: ReportFilterOptions
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try database.reportingErrors {
            let connection = try database.connect()
            let targets = try connection.targets(try filters.filter(connection))
            print(Self.render(targets, format), terminator: "")
        }
    }

    static func render(_ targets: [TargetSummary], _ format: Format) -> String {
        switch format {
        case .jsonl:
            return targets.map { JSON.object(TargetJSON.fields($0)).text + "\n" }.joined()
        case .csv:
            let names = TargetJSON.columns.map(\.0)
            let rows = targets.map { TargetJSON.fields($0).map { $0.1.csvCell } }
            return TextTable(headers: names, rows: rows).csv()
        }
    }
}

extension JSON {
    /// The value as a CSV cell: blank for null.
    var csvCell: String {
        switch self {
        case .string(let s): s ?? ""
        case .number(let x): x.map(JSON.number) ?? ""
        case .int(let i): i.map(String.init) ?? ""
        case .bool(let b): b.map { $0 ? "true" : "false" } ?? ""
        case .array, .object: text
        }
    }
}
