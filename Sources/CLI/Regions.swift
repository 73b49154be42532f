import ArgumentParser
import Store

/// `ptt regions QUERY`: look a region up in the gazetteer.
struct Regions: ParsableCommand, WorkedExamples {
    static let configuration = CommandConfiguration(
        abstract: "Look up regions by name, short name or code; lists every match when a name is ambiguous.",
        discussion: """
            Exact matches first; when there are none, names containing the query.
            """)

    static let examples = """
          $ ptt regions 朝阳区
          code    level   path                      targets
          110105  county  北京市 › 朝阳区           0
          220104  county  吉林省 › 长春市 › 朝阳区  0
          2 regions match 朝阳区: give the code to --region.
        """

    @Argument(help: "A name (松阳县), short name (松阳), code (331124) or part of a name.")
    var query: String

    @OptionGroup var output: OutputOptions
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try database.reportingErrors {
            let matches = try database.connect().regions(matching: query)
            let table = TextTable(
                headers: ["code", "level", "path", "targets"],
                rows: matches.map { [$0.code, $0.level, $0.path, String($0.targets)] })
            switch output.format {
            case .table:
                guard !matches.isEmpty else {
                    printError("no region matches \(query)")
                    throw ExitCode.failure
                }
                var lines = table.terminal(indent: "", colour: output.colour)
                if matches.count > 1 { lines.append("\(matches.count) regions match \(query): give the code to --region.") }
                output.write(lines.joined(separator: "\n"))
            case .markdown: output.write(table.markdown().joined(separator: "\n"))
            case .csv: output.write(table.csv())
            case .json:
                output.write(JSON.array(matches.map { m in
                    .object([("code", .string(m.code)), ("name", .string(m.name)), ("level", .string(m.level)),
                             ("path", .string(m.path)), ("targets", .int(m.targets))])
                }).text)
            }
        }
    }
}
