import Ingest
import Store

/// Renders `ptt progress`: the targets with their results and verdicts, then the scorecard.
struct ProgressReport {
    var asOf: Day
    var data: ProgressReportData
    var colour = false
    var scorecardOnly = false

    static let headers = [
        "deadline", "region", "indicator", "target", "result", "verdict", "rule", "target source", "result source", "id",
    ]
    static let csvHeaders = [
        "deadline", "region_code", "region", "indicator_key", "indicator", "target", "target_value", "target_unit",
        "result", "result_value", "result_unit", "verdict", "rule", "target_source", "target_published_on",
        "target_quote", "result_source", "result_published_on", "result_quote", "target_id", "outcome_id",
    ]
    static let scorecardHeaders = ["region", "met", "missed", "partly", "unknown", "past due, no result"]
    static let scorecardCSVHeaders = [
        "region_code", "region", "met", "missed", "partly", "unknown", "past_due_without_outcome",
    ]

    func render(_ format: OutputFormat) -> String {
        switch format {
        case .json: json()
        case .csv: scorecardOnly ? scorecardTable(csv: true).csv() : csvRows().csv()
        case .table, .markdown: text(markdown: format == .markdown)
        }
    }

    static func source(_ s: ProgressRow.Source?) -> String {
        guard let s else { return "—" }
        let file = s.file.split(separator: "/").last.map(String.init) ?? s.file
        return Cell.source(title: s.title.map(DisplayText.of) ?? file, date: s.publishedOn)
    }

    func csvRows() -> TextTable {
        TextTable(
            headers: Self.csvHeaders,
            rows: data.rows.map { r in
                [
                    String(r.deadlineYear), r.regionCode, r.regionPath, r.indicatorKey, r.indicatorName,
                    r.targetText ?? "", Self.number(r.targetValue ?? r.targetMultiplier), r.targetUnit ?? "",
                    r.outcomeText ?? "", Self.number(r.outcomeValue ?? r.outcomeMultiplier), r.outcomeUnit ?? "",
                    r.verdict, r.rule ?? "", r.targetSource.title ?? r.targetSource.file,
                    r.targetSource.publishedOn?.description ?? "", r.targetSource.quote ?? "",
                    r.outcomeSource.map { $0.title ?? $0.file } ?? "", r.outcomeSource?.publishedOn?.description ?? "",
                    r.outcomeSource?.quote ?? "", String(r.targetID), r.outcomeID.map(String.init) ?? "",
                ]
            })
    }

    static func number(_ x: Double?) -> String { x.map(JSON.number) ?? "" }

    func scorecardTable(csv: Bool) -> TextTable {
        let rows = data.scorecard.map { s in
            (csv ? [s.regionCode, s.regionPath] : [s.regionPath])
                + [s.met, s.missed, s.partly, s.unknown, s.pastDueWithoutOutcome].map(String.init)
        }
        return TextTable(headers: csv ? Self.scorecardCSVHeaders : Self.scorecardHeaders, rows: rows)
    }

    func text(markdown: Bool) -> String {
        var lines: [String] = []
        func heading(_ s: String) {
            lines.append(markdown ? "## " + s : colour ? ANSI.bold(s) : s)
        }
        if !scorecardOnly {
            let noun = data.total == 1 ? "target" : "targets"
            heading("Progress as of \(asOf): \(data.total) \(noun) with a reported result")
            lines.append("")
            if data.rows.isEmpty {
                lines.append(
                    data.total == 0
                        ? "No target has a result reported for its deadline year yet (results come from `ptt ingest` of later reports)."
                        : "")
            } else {
                let table = TextTable(
                    headers: Self.headers,
                    rows: data.rows.map { r in
                        [
                            String(r.deadlineYear), r.regionPath, r.indicatorName, r.targetText ?? "—",
                            r.outcomeText ?? "—", colour && r.verdict == "missed" ? ANSI.red(r.verdict) : r.verdict,
                            r.rule ?? "", Self.source(r.targetSource), Self.source(r.outcomeSource), String(r.targetID),
                        ]
                    })
                lines += markdown ? table.markdown() : table.terminal(colour: colour)
                if data.rows.count < data.total {
                    lines.append(
                        (markdown ? "" : "  ") + "… \(data.total - data.rows.count) more (--limit N, --all)")
                }
            }
            lines.append("")
        }
        let regions = data.regions
        heading("Scorecard (\(regions) region\(regions == 1 ? "" : "s"))")
        if regions == 0 {
            lines.append("No dated targets with a region.")
        } else {
            var table = scorecardTable(csv: false)
            if regions > 1 {
                let t = data.totals
                table.rows.append(
                    ["all regions"] + [t.met, t.missed, t.partly, t.unknown, t.pastDueWithoutOutcome].map(String.init))
            }
            if data.scorecard.count < regions {
                // The first regions, then how many more, then the totals over all of them.
                let totals = table.rows.removeLast()
                table.rows.append(["… \(regions - data.scorecard.count) more regions (--all)", "", "", "", "", ""])
                table.rows.append(totals)
            }
            lines += markdown ? table.markdown() : table.terminal(colour: colour)
        }
        return lines.joined(separator: "\n")
    }

    func json() -> String {
        func source(_ s: ProgressRow.Source?) -> JSON {
            guard let s else { return .string(nil) }
            return .object([
                ("document_id", .int(s.documentID)), ("title", .string(s.title)), ("source", .string(s.file)),
                ("published_on", .string(s.publishedOn?.description)), ("quote", .string(s.quote)),
            ])
        }
        let rows: [JSON] = data.rows.map { r in
            .object([
                ("target_id", .int(r.targetID)), ("deadline_year", .int(r.deadlineYear)),
                ("region_code", .string(r.regionCode)), ("region", .string(r.regionPath)),
                ("indicator_key", .string(r.indicatorKey)), ("indicator", .string(r.indicatorName)),
                ("target", .object([
                    ("kind", .string(r.targetKind)), ("multiplier", .number(r.targetMultiplier)),
                    ("value", .number(r.targetValue)), ("unit", .string(r.targetUnit)),
                    ("qualifier", .string(r.targetQualifier)), ("text", .string(r.targetText)),
                    ("source", source(r.targetSource)),
                ])),
                ("outcome", .object([
                    ("id", .int(r.outcomeID)), ("year", .int(r.deadlineYear)), ("kind", .string(r.outcomeKind)),
                    ("multiplier", .number(r.outcomeMultiplier)), ("value", .number(r.outcomeValue)),
                    ("unit", .string(r.outcomeUnit)), ("qualifier", .string(r.outcomeQualifier)),
                    ("text", .string(r.outcomeText)), ("source", source(r.outcomeSource)),
                ])),
                ("verdict", .string(r.verdict)), ("rule", .string(r.rule)),
            ])
        }
        func card(_ s: ScorecardRow) -> JSON {
            .object([
                ("region_code", .string(s.regionCode.isEmpty ? nil : s.regionCode)), ("region", .string(s.regionPath)),
                ("met", .int(s.met)), ("missed", .int(s.missed)), ("partly", .int(s.partly)),
                ("unknown", .int(s.unknown)), ("past_due_without_outcome", .int(s.pastDueWithoutOutcome)),
            ])
        }
        return JSON.object([
            ("as_of", .string(asOf.description)), ("targets_with_outcome", .int(data.total)), ("regions", .int(data.regions)),
            ("rows", .array(scorecardOnly ? [] : rows)), ("scorecard", .array(data.scorecard.map(card))),
            ("totals", card(data.totals)),
        ]).text
    }
}
