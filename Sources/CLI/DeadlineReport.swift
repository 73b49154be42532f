import Ingest
import Store

/// Renders the deadline report: one section per horizon (table, Markdown), or one flat list
/// with a `horizon` column (CSV, JSON).
struct DeadlineReport {
    var asOf: Day
    var deadlines: [Deadline]

    static let headers = ["deadline", "region", "indicator", "target", "firmness", "sources", "first source", "id"]

    func render(_ format: OutputFormat = .table, colour: Bool = false) -> String {
        switch format {
        case .table: return sections(markdown: false, colour: colour)
        case .markdown: return sections(markdown: true, colour: false)
        case .csv:
            let table = TextTable(
                headers: ["horizon", "deadline", "region_code", "region", "indicator", "target", "firmness", "sources",
                          "first_source", "first_published_on", "target_id"],
                rows: deadlines.map { d in
                    [d.horizon.rawValue, String(d.deadlineYear), d.regionCode ?? "", d.regionPath ?? "", d.indicatorName,
                     d.targetText, d.firmness ?? "", String(d.sources), d.firstTitle ?? "", Cell.day(d.firstPublishedOn),
                     String(d.id)]
                })
            return table.csv()
        case .json:
            return JSON.object([
                ("as_of", .string(asOf.description)),
                ("deadlines", .array(deadlines.map { d in
                    .object([("horizon", .string(d.horizon.rawValue))] + TargetJSON.fields(d.target))
                })),
            ]).text
        }
    }

    func sections(markdown: Bool, colour: Bool) -> String {
        let heading = "Deadlines as of \(asOf): \(deadlines.count) dated commitment\(deadlines.count == 1 ? "" : "s")"
        var lines = [markdown ? "## " + heading : colour ? ANSI.bold(heading) : heading]
        if deadlines.isEmpty {
            lines.append(markdown ? "" : "Nothing stored yet: add documents with `ptt ingest`.")
            if markdown { lines.append("No dated commitments.") }
            return lines.joined(separator: "\n")
        }
        for horizon in Deadline.Horizon.allCases {
            let rows = deadlines.filter { $0.horizon == horizon }
            guard !rows.isEmpty else { continue }
            let upcomingYears = horizon == .upcoming ? Array(Set(rows.map(\.deadlineYear))).sorted() : []
            lines.append("")
            let title = "\(title(horizon)) (\(rows.count))"
            lines.append(markdown ? "### " + title : colour ? ANSI.bold(title) : title)
            if horizon == .upcoming && upcomingYears.count > 1 {
                // Upcoming deadlines by year, one table per year.
                for year in upcomingYears {
                    let yearRows = rows.filter { $0.deadlineYear == year }
                    lines.append(markdown ? "" : "")
                    lines.append(markdown ? "#### \(year) (\(yearRows.count))" : "  \(year) (\(yearRows.count))")
                    lines += table(yearRows, markdown: markdown, colour: colour)
                }
            } else {
                if markdown { lines.append("") }
                lines += table(rows, markdown: markdown, colour: colour)
            }
        }
        return lines.joined(separator: "\n")
    }

    func table(_ rows: [Deadline], markdown: Bool, colour: Bool) -> [String] {
        let table = TextTable(
            headers: Self.headers,
            rows: rows.map { d in
                [
                    String(d.deadlineYear), d.regionPath ?? d.regionCode ?? "—", d.indicatorName, d.targetText,
                    d.firmness ?? "—", String(d.sources), Cell.source(title: d.firstTitle, date: d.firstPublishedOn),
                    String(d.id),
                ]
            })
        return markdown ? table.markdown() : table.terminal(colour: colour)
    }

    func title(_ horizon: Deadline.Horizon) -> String {
        switch horizon {
        case .pastDue: "Past due (before \(asOf.year))"
        case .dueThisYear: "Due this year (\(asOf.year))"
        case .upcoming: "Upcoming"
        case .longTerm: "Long-term (2035 and later)"
        }
    }
}
