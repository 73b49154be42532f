import Ingest
import ArgumentParser
import Store

/// `ptt show ID`: one target with every mention and its revision history.
struct Show: ParsableCommand, WorkedExamples {
    static let configuration = CommandConfiguration(
        abstract: "Show one target: every mention with its quote, document and date, and the revisions.")

    static let examples = """
          $ ptt show 1
          Target 1: 浙江省 规模以上工业增加值 3万亿元 by 2025
          …
          mentions (2)
            2021-06-10  浙江省制造业高质量发展“十四五”规划  规模以上工业增加值达到2.8万亿元
            2023-09-20  浙江省制造业“十四五”规划中期评估通报  规模以上工业增加值达到3万亿元
          revisions (1)
            2023-09-20  2.8万亿元 → 3万亿元  浙江省制造业“十四五”规划中期评估通报
        """

    @Argument(help: "The target's id (the last column of `ptt deadlines`).")
    var id: Int

    @OptionGroup var output: OutputOptions
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try database.reportingErrors {
            let connection = try database.connect()
            guard let target = try connection.target(id: id) else {
                printError("no target has id \(id) (ids are in the last column of `ptt deadlines`)")
                throw ExitCode.failure
            }
            let mentions = try connection.mentions(ofTarget: id)
            let revisions = try connection.revisions(ofTarget: id)
            output.write(TargetDetailReport(target: target, mentions: mentions, revisions: revisions).render(output.format))
        }
    }
}

/// Renders `ptt show`.
struct TargetDetailReport {
    var target: TargetSummary
    var mentions: [TargetMention]
    var revisions: [TargetRevision]

    func render(_ format: OutputFormat) -> String {
        let t = target
        switch format {
        case .json, .csv:
            // CSV of a single record with nested lists reads badly; both give the JSON document.
            return JSON.object(TargetJSON.fields(t) + [
                ("mentions", .array(mentions.map { m in
                    .object([("document_id", .int(m.documentID)), ("title", .string(m.title)), ("source", .string(m.source)),
                             ("published_on", .string(m.publishedOn?.description)), ("quote", .string(m.quote)),
                             ("quote_normalized", .string(DisplayText.of(m.quote)))])
                })),
                ("revisions", .array(revisions.map { v in
                    .object([("document_id", .int(v.documentID)), ("title", .string(v.title)),
                             ("published_on", .string(v.publishedOn?.description)), ("old", .string(v.old)), ("new", .string(v.new))])
                })),
            ]).text
        case .table, .markdown:
            let by = t.deadlineYear.map { " by \($0)" } ?? ""
            var lines = ["Target \(t.id): \(t.regionPath ?? "—") \(t.indicatorName) \(t.targetText)\(by)"]
            let facts: [(String, String)] = [
                ("kind", t.kind), ("firmness", t.firmness ?? "—"),
                ("base year", t.baseYear.map { "\($0) (\(t.baseYearSource ?? ""))" } ?? "—"),
                ("annual rate", t.impliedAnnualRate.map { Cell.rate($0) + " (\(t.rateBasis ?? ""))" } ?? "—"),
                ("sources", String(t.sources)), ("indicator key", t.indicatorKey),
            ]
            lines += alignedTable(facts.map { [$0.0, $0.1] }, indent: "  ")
            lines.append("mentions (\(mentions.count))")
            // The quote exactly as written; below it, when they differ, as reports show it.
            lines += alignedTable(mentions.flatMap { m in
                let shown = DisplayText.of(m.quote)
                return [[Cell.day(m.publishedOn), m.title ?? m.source, m.quote]]
                    + (shown == m.quote ? [] : [["", "normalized", shown]])
            }, indent: "  ")
            lines.append("revisions (\(revisions.count))")
            lines += alignedTable(revisions.map { [Cell.day($0.publishedOn), "\($0.old) → \($0.new)", $0.title ?? ""] }, indent: "  ")
            return lines.joined(separator: "\n")
        }
    }
}
