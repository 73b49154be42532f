import ArgumentParser
import Store

/// `ptt compare`: one indicator's targets side by side across regions.
struct Compare: ParsableCommand, WorkedExamples {
    static let configuration = CommandConfiguration(
        abstract: "Compare targets across regions: implied annual growth, rank, firmness, source.",
        discussion: """
            Reads the `compare_targets` and `compare_families` views. ×2 in 5 years is 14.9 %/yr, ×2
            in 4 years 18.9 %/yr; stated annual rates are shown as they are. Levels are compared
            only in the same unit; a target that cannot be compared says why. Each indicator's
            table shows its first 10 rows (--limit N, --all for every row); ranks are over all of
            its targets.

            Without --indicator, --key, --regions or --level: the indicators that at least two
            regions target, most-shared first, with how many regions and targets (--limit or
            --all prints their tables instead); then every target with an annual rate, ranked
            across regions within its indicator family (规模以上工业增加值 with 制造业增加值, 工业投资
            with 制造业投资 …: the indicator_families table; an indicator in none is a family of its
            own), the largest families first, 10 families of 10 rows unless --limit or --all is
            given. CSV and JSON hold every row unless --limit is given: the indicators' rows, then
            the families' (column compared_in).
            """)

    static let examples = """
          $ ptt compare
          Indicators that two regions or more target (3)
            indicator           key                     regions  targets
            规模以上工业增加值  industrial_value_added  4        4
            …

          Annual rates, ranked across regions within comparable groups (8 targets in 3 groups)
            family              region                    indicator           target        base → deadline  annual rate  rank    source
            工业和制造业增加值  河南省 › 濮阳市           规模以上工业增加值  ×2 from 2022  2022 → 2026      18.9 %/yr    1 of 3  濮阳市制造业倍增行动方案（2023—2026年）要点 (2023-03-15)
                                浙江省 › 丽水市 › 松阳县  规模以上工业增加值  ×2 from 2020  2020 → 2025      14.9 %/yr    2 of 3  松阳县人民政府关于实施工业倍增计划的通知 (2021-04-01)
            …

          $ ptt compare --indicator 规模以上工业增加值
          规模以上工业增加值 (industrial_value_added): 4 regions
            region                    target        base → deadline  years  annual rate  rank  firmness  source
            河南省 › 濮阳市           ×2 from 2022  2022 → 2026      4      18.9 %/yr    1     —         濮阳市制造业倍增行动方案（2023—2026年）要点 (2023-03-15)
            …

          $ ptt compare --key gdp --limit 3 --format markdown
          $ ptt compare --all --format csv > compare.csv   # every table and every rate, one list
        """

    @Option(help: ArgumentHelp("An indicator key, or text in an indicator's name or alias.", valueName: "text"))
    var indicator: String?

    @Option(help: ArgumentHelp("An indicator key exactly (gdp, industrial_value_added).", valueName: "key"))
    var key: String?

    @Option(help: ArgumentHelp("Regions, comma-separated; each includes everything under it.", valueName: "A,B,…"))
    var regions: String?

    @Option(help: ArgumentHelp("province, prefecture or county.", valueName: "level"))
    var level: String?

    @Option(help: ArgumentHelp("At most N rows for each indicator (default: 10 for table and Markdown, all for CSV and JSON).", valueName: "N"))
    var limit: Int?

    @Flag(help: "Every row.")
    var all = false

    @OptionGroup var output: OutputOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if indicator != nil && key != nil { throw ValidationError("give --indicator or --key, not both") }
        try ReportArguments.validate(limit: limit, all: all)
        if let level, !["province", "prefecture", "county"].contains(level) {
            throw ValidationError("--level \(level) is not province, prefecture or county")
        }
    }

    func run() throws {
        try database.reportingErrors {
            let connection = try database.connect()
            let codes = try regions.map { list in
                try list.split(separator: ",").map { try RegionLookup.code(of: String($0), connection) }
            }
            let filter = TargetFilter(regionCodes: codes, level: level, indicatorText: indicator, indicatorKey: key)
            let forReading = output.format == .table || output.format == .markdown
            let unfiltered = indicator == nil && key == nil && codes == nil && level == nil
            let perIndicator = all ? nil : limit ?? (forReading ? 10 : nil)
            let markdown = output.format == .markdown
            // One row more than shown says whether an indicator (or a family) has more.
            let pageRows = perIndicator.map { $0 + 1 }
            guard unfiltered else {
                let rows = try connection.comparison(filter, rowsPerIndicator: pageRows)
                output.write(ComparisonReport(rows: rows, limit: perIndicator).render(output.format, colour: output.colour))
                return
            }
            // No filter: the indicators several regions share, then every target with a rate,
            // ranked within its family.
            guard forReading else {
                // CSV and JSON: one list, the families' rows after the indicators'.
                let shared = ComparisonReport(rows: try connection.comparison(filter, rowsPerIndicator: pageRows), limit: perIndicator)
                let page = try connection.familyRates(rowsPerGroup: perIndicator)
                let families = zip(page.targets, page.ranks).map { ComparisonRow(target: $0, family: $1) }
                output.write(ComparisonReport(rows: shared.rows + families).render(output.format))
                return
            }
            var parts: [String] = []
            if limit == nil && !all {
                let shared = try connection.sharedIndicators()
                parts.append(SharedIndicatorList(indicators: shared).render(markdown: markdown, colour: output.colour))
            } else {
                let rows = try connection.comparison(filter, rowsPerIndicator: pageRows)
                parts.append(
                    rows.isEmpty
                        ? SharedIndicatorList(indicators: []).render(markdown: markdown, colour: output.colour)
                        : ComparisonReport(rows: rows, limit: perIndicator).render(output.format, colour: output.colour))
            }
            let groups = limit == nil && !all ? 10 : nil
            let page = try connection.familyRates(groups: groups, rowsPerGroup: pageRows)
            parts.append(
                FamilyRateList(page: page, rowsPerGroup: perIndicator, groupsShown: groups)
                    .render(markdown: markdown, colour: output.colour))
            output.write(parts.joined(separator: "\n\n"))
        }
    }
}

/// `ptt compare` with no filter, after the shared indicators: every target with an annual rate,
/// ranked across regions within its indicator family.
struct FamilyRateList {
    var page: FamilyRatesPage
    /// At most this many rows of each group were asked for (one more was read); nil for all.
    var rowsPerGroup: Int?
    /// At most this many groups were asked for; nil for all.
    var groupsShown: Int?

    static let headers = ["family", "region", "indicator", "target", "base → deadline", "annual rate", "rank", "source"]

    func render(markdown: Bool, colour: Bool) -> String {
        if page.totalTargets == 0 { return "No target has an annual rate to compare." }
        let targets = DeadlineReport.grouped(page.totalTargets)
        let groups = DeadlineReport.grouped(page.totalGroups)
        let heading = "Annual rates, ranked across regions within comparable groups "
            + "(\(targets) target\(page.totalTargets == 1 ? "" : "s") in \(groups) group\(page.totalGroups == 1 ? "" : "s"))"
        var rows: [[String]] = []
        var shown: [String: Int] = [:]
        var cut = false
        for (t, rank) in zip(page.targets, page.ranks) {
            shown[rank.family, default: 0] += 1
            if let rowsPerGroup, shown[rank.family]! > rowsPerGroup {
                cut = true
                continue
            }
            let first = shown[rank.family] == 1
            let span = [t.baseYear.map(String.init), t.deadlineYear.map(String.init)].map { $0 ?? "?" }.joined(separator: " → ")
            let rate = t.rateBasis == "stated" ? Cell.rate(t.impliedAnnualRate) + " (stated)" : Cell.rate(t.impliedAnnualRate)
            rows.append([
                first ? rank.familyName : "", t.regionPath ?? t.regionCode ?? "—", t.indicatorName, t.targetText, span, rate,
                "\(rank.rank) of \(rank.peers)", Cell.source(title: t.firstTitle, date: t.firstPublishedOn),
            ])
        }
        let table = TextTable(headers: Self.headers, rows: rows)
        var lines = [markdown ? "### " + heading : colour ? ANSI.bold(heading) : heading]
        if markdown { lines.append("") }
        lines += markdown ? table.markdown() : table.terminal(colour: colour)
        let moreGroups = page.totalGroups > page.groups.count
        if cut || moreGroups {
            var shownText: [String] = []
            if moreGroups { shownText.append("the first \(page.groups.count) groups") }
            if cut, let rowsPerGroup { shownText.append("at most \(rowsPerGroup) row\(rowsPerGroup == 1 ? "" : "s") of each") }
            lines += ["", "Showing " + shownText.joined(separator: ", ") + ": --limit N for more rows, --all for every group and row."]
        }
        lines += ["", "A family groups indicators whose rates compare (indicator_families in SQL); rates are ranked only within one."]
        return lines.joined(separator: "\n")
    }
}

/// Renders a comparison: one table per indicator (table, Markdown), or a flat list (CSV, JSON).
struct ComparisonReport {
    /// The rows, with at most `limit` + 1 of each indicator.
    var rows: [ComparisonRow]
    /// At most this many rows of each indicator are shown; nil for all.
    var limit: Int? = nil

    init(rows: [ComparisonRow], limit: Int? = nil) {
        self.limit = limit
        guard let limit else {
            self.rows = rows
            return
        }
        var seen: [String: Int] = [:]
        var kept: [ComparisonRow] = []
        for row in rows {
            seen[row.target.indicatorKey, default: 0] += 1
            if seen[row.target.indicatorKey]! <= limit { kept.append(row) }
        }
        self.rows = kept
        self.cut = Set(seen.filter { $0.value > limit }.keys)
    }

    /// Indicators with more rows than shown.
    var cut: Set<String> = []

    static let headers = ["region", "target", "base → deadline", "years", "annual rate", "rank", "firmness", "source", "note"]

    /// The rows grouped by indicator key, in the order SQL gave them.
    var groups: [(key: String, rows: [ComparisonRow])] {
        var out: [(key: String, rows: [ComparisonRow])] = []
        for row in rows {
            if let i = out.firstIndex(where: { $0.key == row.target.indicatorKey }) { out[i].rows.append(row) } else {
                out.append((row.target.indicatorKey, [row]))
            }
        }
        return out
    }

    static func cells(_ r: ComparisonRow) -> [String] {
        let t = r.target
        let span = [t.baseYear.map(String.init), t.deadlineYear.map(String.init)].map { $0 ?? "?" }.joined(separator: " → ")
        let rate = t.rateBasis == "stated" ? Cell.rate(t.impliedAnnualRate) + " (stated)" : Cell.rate(t.impliedAnnualRate)
        return [
            t.regionPath ?? t.regionCode ?? "—", t.targetText, span, t.years.map(String.init) ?? "", rate,
            r.rank.map(String.init) ?? "—", t.firmness ?? "—", Cell.source(title: t.firstTitle, date: t.firstPublishedOn),
            r.note,
        ]
    }

    func render(_ format: OutputFormat, colour: Bool = false) -> String {
        switch format {
        case .table, .markdown:
            let markdown = format == .markdown
            if rows.isEmpty { return "No indicator is targeted by two regions or more (or none matches)." }
            var lines: [String] = []
            for group in groups {
                if !lines.isEmpty { lines.append("") }
                let regions = Set(group.rows.compactMap(\.target.regionCode)).count
                let heading = "\(group.rows[0].target.indicatorName) (\(group.key)): \(regions) region\(regions == 1 ? "" : "s")"
                lines.append(markdown ? "### " + heading : colour ? ANSI.bold(heading) : heading)
                let table = TextTable(headers: Self.headers, rows: group.rows.map(Self.cells))
                if markdown { lines.append("") }
                lines += markdown ? table.markdown() : table.terminal(colour: colour)
                if cut.contains(group.key) {
                    lines.append((markdown ? "" : "  ") + "… more: ptt compare --key \(group.key) --all")
                }
            }
            if !cut.isEmpty, let limit {
                lines += ["", "Showing at most \(limit) rows of each indicator: --limit N for more, --all for every row."]
            }
            return lines.joined(separator: "\n")
        case .csv:
            return TextTable(
                headers: ["indicator_key", "indicator", "region_code", "region", "target", "base_year", "base_year_source",
                          "deadline", "years", "implied_annual_rate", "rate_basis", "measure", "rank", "firmness",
                          "first_source", "first_published_on", "note", "target_id", "compared_in", "family",
                          "family_rank", "family_peers"],
                rows: rows.map { r in
                    let t = r.target
                    return [t.indicatorKey, t.indicatorName, t.regionCode ?? "", t.regionPath ?? "", t.targetText,
                            t.baseYear.map(String.init) ?? "", t.baseYearSource ?? "", t.deadlineYear.map(String.init) ?? "",
                            t.years.map(String.init) ?? "", t.impliedAnnualRate.map { JSON.number($0) } ?? "", t.rateBasis ?? "",
                            r.measure ?? "", r.rank.map(String.init) ?? "", t.firmness ?? "", t.firstTitle ?? "",
                            Cell.day(t.firstPublishedOn), r.note, String(t.id), r.family == nil ? "indicator" : "family",
                            r.family?.family ?? "", r.family.map { String($0.rank) } ?? "",
                            r.family.map { String($0.peers) } ?? ""]
                }
            ).csv()
        case .json:
            return JSON.array(rows.map { r in
                .object(TargetJSON.fields(r.target) + [
                    ("measure", .string(r.measure)), ("rank", .int(r.rank)), ("regions_sharing", .int(r.regionsSharing)),
                    ("note", .string(r.note.isEmpty ? nil : r.note)),
                    ("compared_in", .string(r.family == nil ? "indicator" : "family")),
                    ("family", .string(r.family?.family)), ("family_name", .string(r.family?.familyName)),
                    ("family_rank", .int(r.family?.rank)), ("family_peers", .int(r.family?.peers)),
                ])
            }).text
        }
    }
}

/// `ptt compare` with no filter: the indicators that two regions or more target.
struct SharedIndicatorList {
    var indicators: [SharedIndicator]

    func render(markdown: Bool, colour: Bool) -> String {
        if indicators.isEmpty { return "No indicator is targeted by two regions or more." }
        let heading = "Indicators that two regions or more target (\(indicators.count))"
        let table = TextTable(
            headers: ["indicator", "key", "regions", "targets"],
            rows: indicators.map { [$0.name, $0.key, DeadlineReport.grouped($0.regions), DeadlineReport.grouped($0.targets)] })
        var lines = [markdown ? "### " + heading : colour ? ANSI.bold(heading) : heading]
        if markdown { lines.append("") }
        lines += markdown ? table.markdown() : table.terminal(colour: colour)
        lines += ["", "Compare one: ptt compare --key \(indicators[0].key); every table: ptt compare --all."]
        return lines.joined(separator: "\n")
    }
}
