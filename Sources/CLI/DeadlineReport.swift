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
    /// Where the report goes.
    let output: StandardOutput

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

    init(asOf: Day, format: OutputFormat, colour: Bool = false, groups: [DeadlineGroup], output: StandardOutput) {
        self.asOf = asOf
        self.format = format
        self.colour = colour && format == .table
        self.groups = groups
        self.output = output
    }

    var markdown: Bool { format == .markdown }
    var upcomingYears: Int { groups.filter { $0.horizon == .upcoming }.count }

    /// The heading, or the CSV header, or the start of the JSON object.
    mutating func begin() {
        switch format {
        case .csv: output.write(TextTable(headers: Self.csvHeaders, rows: []).csv())
        case .json: output.write("{\"as_of\":\(JSON.quoted(asOf.description)),\"deadlines\":[")
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
        if format == .json {
            let object = JSON.object([("horizon", .string(d.horizon.rawValue))] + TargetJSON.fields(d.target)).text
            output.write((rowsWritten == 0 ? "" : ",") + object)
            rowsWritten += 1
            return
        }
        add(
            DeadlineCells(
                horizon: d.horizon, deadlineYear: d.deadlineYear, id: String(d.id), regionCode: d.regionCode,
                regionPath: d.regionPath, indicatorName: d.indicatorName, targetText: d.targetText,
                firmness: d.firmness, sources: String(d.sources), firstTitle: d.firstTitle,
                firstPublishedOn: d.firstPublishedOn?.description))
    }

    /// One row of the JSON report as the server sent it: the same object `add(_: Deadline)`
    /// writes, from the bytes in place.
    mutating func add(_ row: TargetRow) {
        output.append(rowsWritten == 0 ? "{" : ",{")
        output.append("\"horizon\":\"" + row.horizon.rawValue + "\",")
        TargetJSON.write(row, to: output, opened: true)
        output.flushIfFull()
        rowsWritten += 1
    }

    /// One row of the listing as the server sent it (table, Markdown and CSV only). The
    /// indicator and target go through `DisplayText` when their bytes need it (most do not).
    mutating func add(_ row: DeadlineListingRow) {
        let indicator = row[.indicatorName]!
        let target = row[.targetText]!
        if DisplayText.needsNormalizing(utf8: indicator) || DisplayText.needsNormalizing(utf8: target) {
            add(
                DeadlineCells<String>(
                    horizon: row.horizon, deadlineYear: row.deadlineYear, id: Self.string(row[.id])!,
                    regionCode: Self.string(row[.regionCode]), regionPath: Self.string(row[.regionPath]),
                    indicatorName: DisplayText.of(Self.string(indicator)!), targetText: DisplayText.of(Self.string(target)!),
                    firmness: Self.string(row[.firmness]), sources: Self.string(row[.sources])!,
                    firstTitle: Self.string(row[.firstTitle]), firstPublishedOn: Self.string(row[.firstPublishedOn])))
            return
        }
        add(
            DeadlineCells(
                horizon: row.horizon, deadlineYear: row.deadlineYear, id: row[.id]!, regionCode: row[.regionCode],
                regionPath: row[.regionPath], indicatorName: row[.indicatorName]!, targetText: row[.targetText]!,
                firmness: row[.firmness], sources: row[.sources]!, firstTitle: row[.firstTitle],
                firstPublishedOn: row[.firstPublishedOn]))
    }

    private static func string(_ bytes: UnsafeBufferPointer<UInt8>?) -> String? {
        bytes.map { String(decoding: $0, as: UTF8.self) }
    }

    /// One row of a table or CSV, its text copied straight to the output.
    private mutating func add(_ d: DeadlineCells<some OutputText>) {
        switch format {
        case .csv:
            output.append(d.horizon.rawValue)
            output.append(",")
            output.append(String(d.deadlineYear))
            for field in [d.regionCode, d.regionPath, d.indicatorName, d.targetText, d.firmness, d.sources, d.firstTitle,
                d.firstPublishedOn, d.id] {
                output.append(",")
                if let field { CSV.write(field, to: output) }
            }
            output.write("\r\n")
        case .json:
            preconditionFailure("JSON rows are written from a Deadline")
        case .table, .markdown:
            let index = groups.firstIndex { $0.years.contains(d.deadlineYear) } ?? 0
            if index != current { startGroup(index) }
            shownInGroup += 1
            table?.append(String(d.deadlineYear))
            table?.endCell()
            if let path = d.regionPath { table?.append(path) } else if let code = d.regionCode { table?.append(code) } else { table?.append("—") }
            table?.endCell()
            table?.append(d.indicatorName)
            table?.endCell()
            table?.append(d.targetText)
            table?.endCell()
            if let firmness = d.firmness { table?.append(firmness) } else { table?.append("—") }
            table?.endCell()
            table?.append(d.sources)
            table?.endCell()
            // Cell.source: the title and "(date)", a space between when both are there.
            let title = d.firstTitle.flatMap { $0.withUTF8Bytes(\.isEmpty) ? nil : $0 }
            if let title { table?.append(title) }
            if let date = d.firstPublishedOn {
                table?.append(title == nil ? "(" : " (")
                table?.append(date)
                table?.append(")")
            }
            table?.endCell()
            table?.append(d.id)
            table?.endCell()
            table?.endRow()
        }
        rowsWritten += 1
    }

    /// Closes the last table (and the JSON), with a hint when rows were left out.
    mutating func end(limit: Int?) {
        switch format {
        case .csv: break
        case .json: output.write("]}\n")
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
        table = StreamingTable(headers: Self.headers, markdown: markdown, colour: colour, output: output)
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

    private func line(_ text: String) { output.write(text + "\n") }

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

/// The cells of one deadline row, as a `Deadline`'s strings or a listing row's bytes.
private struct DeadlineCells<Text: OutputText> {
    var horizon: Deadline.Horizon
    var deadlineYear: Int
    var id: Text
    var regionCode: Text?
    var regionPath: Text?
    var indicatorName: Text
    var targetText: Text
    var firmness: Text?
    var sources: Text
    var firstTitle: Text?
    /// YYYY-MM-DD.
    var firstPublishedOn: Text?
}
