import Ingest
import Store

/// Writes the deadline report as its rows arrive: one section per horizon (table, Markdown),
/// upcoming deadlines by year, or one flat list with a `horizon` column (CSV, JSON).
///
/// The groups (with their counts) are known first; rows come in report order, either the first
/// rows of each group or a stream of every row, so nothing but one block of a table is held.
struct DeadlineReport {
    var asOf: Day
    var format: OutputFormat
    var colour = false
    /// The groups, with their counts; their `deadlines` are not read here.
    var groups: [DeadlineGroup]
    /// Where text goes (standard output in the command, a string in tests).
    var write: (String) -> Void

    static let headers = ["deadline", "region", "indicator", "target", "firmness", "sources", "first source", "id"]
    static let csvHeaders = [
        "horizon", "deadline", "region_code", "region", "indicator", "target", "firmness", "sources", "first_source",
        "first_published_on", "target_id",
    ]

    private var current: Int?
    private var shownInGroup = 0
    private var table: StreamingTable?
    private var rowsWritten = 0
    private(set) var leftOut = false

    init(asOf: Day, format: OutputFormat, colour: Bool = false, groups: [DeadlineGroup], write: @escaping (String) -> Void) {
        self.asOf = asOf
        self.format = format
        self.colour = colour && format == .table
        self.groups = groups
        self.write = write
    }

    var markdown: Bool { format == .markdown }
    var upcomingYears: Int { groups.filter { $0.horizon == .upcoming }.count }

    /// The heading, or the CSV header, or the start of the JSON object.
    mutating func begin() {
        switch format {
        case .csv: write(TextTable(headers: Self.csvHeaders, rows: []).csv())
        case .json: write("{\"as_of\":\(JSON.quoted(asOf.description)),\"deadlines\":[")
        case .table, .markdown:
            let total = groups.reduce(0) { $0 + $1.count }
            let atLeast = groups.contains(where: \.countIsLowerBound)
            let noun = "dated commitment" + (total == 1 && !atLeast ? "" : "s")
            let heading = "Deadlines as of \(asOf): \(Self.count(total, atLeast: atLeast)) \(noun)"
            line(markdown ? "## " + heading : colour ? ANSI.bold(heading) : heading)
            if groups.isEmpty {
                line(markdown ? "" : "Nothing stored yet: add documents with `ptt ingest`.")
                if markdown { line("No dated commitments.") }
            }
        }
    }

    /// One row, in report order.
    mutating func add(_ d: Deadline) {
        switch format {
        case .csv:
            write(TextTable(headers: [], rows: [[
                d.horizon.rawValue, String(d.deadlineYear), d.regionCode ?? "", d.regionPath ?? "", d.indicatorName,
                d.targetText, d.firmness ?? "", String(d.sources), d.firstTitle ?? "", Cell.day(d.firstPublishedOn),
                String(d.id),
            ]]).csvRows())
        case .json:
            write((rowsWritten == 0 ? "" : ",") + JSON.object([("horizon", .string(d.horizon.rawValue))] + TargetJSON.fields(d.target)).text)
        case .table, .markdown:
            let index = groups.firstIndex { $0.years.contains(d.deadlineYear) } ?? 0
            if index != current { startGroup(index) }
            shownInGroup += 1
            table?.add([
                String(d.deadlineYear), d.regionPath ?? d.regionCode ?? "—", d.indicatorName, d.targetText,
                d.firmness ?? "—", String(d.sources), Cell.source(title: d.firstTitle, date: d.firstPublishedOn),
                String(d.id),
            ])
        }
        rowsWritten += 1
    }

    /// Closes the last table (and the JSON), with a hint when rows were left out.
    mutating func end(limit: Int?) {
        switch format {
        case .csv: break
        case .json: write("]}\n")
        case .table, .markdown:
            if let current { endGroup(current) }
            if leftOut, let limit {
                line("")
                line("Showing at most \(limit) rows of each table: --limit N for more, --all for every row, "
                    + "--region, --indicator or --year to narrow.")
            }
        }
    }

    private mutating func startGroup(_ index: Int) {
        if let current { endGroup(current) }
        let group = groups[index]
        let firstOfHorizon = current.map { groups[$0].horizon != group.horizon } ?? true
        if firstOfHorizon {
            let inHorizon = groups.filter { $0.horizon == group.horizon }
            let count = Self.count(
                inHorizon.reduce(0) { $0 + $1.count }, atLeast: inHorizon.contains(where: \.countIsLowerBound))
            line("")
            let title = "\(title(group.horizon)) (\(count))"
            line(markdown ? "### " + title : colour ? ANSI.bold(title) : title)
        }
        if group.horizon == .upcoming && upcomingYears > 1 {
            line("")
            let count = Self.count(group.count, atLeast: group.countIsLowerBound)
            line(markdown ? "#### \(group.years.lowerBound) (\(count))" : "  \(group.years.lowerBound) (\(count))")
        } else if markdown {
            line("")
        }
        current = index
        shownInGroup = 0
        table = StreamingTable(headers: Self.headers, markdown: markdown, colour: colour, write: write)
    }

    private mutating func endGroup(_ index: Int) {
        table?.finish()
        table = nil
        let group = groups[index]
        if shownInGroup < group.count {
            leftOut = true
            let more = Self.count(group.count - shownInGroup, atLeast: group.countIsLowerBound)
            line(markdown ? "" : "  … \(more) more")
            if markdown { line("… \(more) more") }
        }
    }

    private func line(_ text: String) { write(text + "\n") }

    /// 1,234; "more than 10,000" when counting stopped at the limit.
    static func count(_ n: Int, atLeast: Bool) -> String {
        atLeast ? "more than " + grouped(n - 1) : grouped(n)
    }

    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
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
