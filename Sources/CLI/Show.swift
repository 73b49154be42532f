import Ingest
import ArgumentParser
import Store

/// `ptt show ID`: one target with every mention, its revision history and the results reported
/// for its deadline year, with verdicts.
struct Show: ParsableCommand, WorkedExamples {
    static let configuration = CommandConfiguration(
        abstract: "Show one target: every mention with its quote, document and date, the revisions, and the reported results with verdicts.")

    static let examples = """
          $ ptt show 1
          Target 1: 浙江省 规模以上工业增加值 3万亿元 by 2025
          …
          mentions (2)
            2021-06-10  浙江省制造业高质量发展“十四五”规划  规模以上工业增加值达到2.8万亿元
            2023-09-20  浙江省制造业“十四五”规划中期评估通报  规模以上工业增加值达到3万亿元
          revisions (1)
            2023-09-20  2.8万亿元 → 3万亿元  浙江省制造业“十四五”规划中期评估通报
          outcomes (1)
            2026-01-20  浙江省2026年政府工作报告  规模以上工业增加值3.1万亿元  level 3.1万亿元 ≥ 3万亿元 → met
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
            let outcomes = try connection.outcomes(ofTarget: id)
            output.write(
                TargetDetailReport(target: target, mentions: mentions, revisions: revisions, outcomes: outcomes)
                    .render(output.format))
        }
    }
}

/// Renders `ptt show`.
struct TargetDetailReport {
    var target: TargetSummary
    var mentions: [TargetMention]
    var revisions: [TargetRevision]
    /// The results linked to the target (`target_outcomes`), each with its verdict and rule.
    var outcomes: [TargetOutcome] = []

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
                ("outcomes", .array(outcomes.map { o in
                    .object([("outcome_id", .int(o.outcomeID)), ("year", .int(o.year)), ("kind", .string(o.kind)),
                             ("result", .string(o.text)), ("verdict", .string(o.verdict)), ("rule", .string(o.rule)),
                             ("document_id", .int(o.source.documentID)), ("title", .string(o.source.title)),
                             ("source", .string(o.source.file)), ("published_on", .string(o.source.publishedOn?.description)),
                             ("quote", .string(o.source.quote))])
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
            // Results reported for the deadline year, when there are any (most targets have none).
            if !outcomes.isEmpty { lines.append("outcomes (\(outcomes.count))") }
            lines += alignedTable(outcomes.map { o in
                [Cell.day(o.source.publishedOn), o.source.title.map(DisplayText.of) ?? o.source.file, o.source.quote ?? "",
                 o.rule ?? o.verdict]
            }, indent: "  ")
            return lines.joined(separator: "\n")
        }
    }
}
