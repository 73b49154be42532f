import ArgumentParser
import Store

/// `ptt targets`: every stored target, filtered and searched.
struct Targets: ParsableCommand, WorkedExamples {
    static let configuration = CommandConfiguration(
        abstract: "List targets (dated or not), filtered by region, year, kind, indicator or quote text.",
        discussion: """
            Reads the `target_report` view.
            """)

    static let examples = """
          $ ptt targets --region 松阳县 --search 翻一番
          id  deadline  region                    indicator           target        kind      firmness  sources
          8   2025      浙江省 › 丽水市 › 松阳县  规模以上工业增加值  ×2 from 2020  multiple  力争      1
          …
        """

    @OptionGroup var filters: ReportFilterOptions

    @Option(help: ArgumentHelp("Text found in a quote of the target's mentions.", valueName: "text"))
    var search: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try database.reportingErrors {
            let connection = try database.connect()
            var filter = try filters.filter(connection)
            filter.quoteText = search
            let targets = try connection.targets(filter)
            let table = TextTable(
                headers: ["id", "deadline", "region", "indicator", "target", "kind", "firmness", "sources"],
                rows: targets.map { t in
                    [String(t.id), t.deadlineYear.map(String.init) ?? "—", t.regionPath ?? "—", t.indicatorName,
                     t.targetText, t.kind, t.firmness ?? "—", String(t.sources)]
                })
            switch output.format {
            case .table:
                output.write(targets.isEmpty ? "No targets match." : table.terminal(indent: "", colour: output.colour).joined(separator: "\n"))
            case .markdown: output.write(table.markdown().joined(separator: "\n"))
            case .csv: output.write(table.csv())
            case .json: output.write(JSON.array(targets.map { .object(TargetJSON.fields($0)) }).text)
            }
        }
    }
}
