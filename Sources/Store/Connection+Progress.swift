import Ingest

extension Connection {
    /// The progress report: targets `filter` selects that have a result reported for their
    /// deadline year, with the verdict and both sources (the first `limit`, by deadline, region
    /// code and id; all when nil), how many there are, and the per-region scorecard (the first
    /// `scorecardLimit` regions by code, all when nil, and the totals over all), whose "past due
    /// without a result" counts deadlines before `asOf`'s year.
    ///
    /// Reads `target_verdicts` and `verdict_counts` (kept at ingest, sql/0014_outcomes.sql), so a
    /// page costs what it shows: the scorecard of a whole database sums one row per region,
    /// deadline year and verdict. An indicator filter is resolved to indicator keys first (its
    /// text in a key, a name or an alias).
    public func progress(_ filter: TargetFilter, asOf: Day, limit: Int?, scorecardLimit: Int? = nil) throws
        -> ProgressReportData
    {
        let keys = try indicatorKeys(matching: filter)
        let condition = Self.progressCondition(filter, keys: keys)
        let kindJoin: SQLQuery = filter.kind == nil ? "" : "JOIN targets tk ON tk.id = v.target_id"
        let rows = try execute(
            """
            SELECT v.target_id, v.deadline_year, v.region_code, coalesce(rp.path, v.region_code), v.indicator_key,
                coalesce(i.name, t.indicator), t.kind, t.multiplier::float8, t.value::float8, t.unit, t.qualifier,
                ptt_quantity_text(t.kind, t.multiplier, t.value, t.unit, t.qualifier),
                o.id, o.kind, o.multiplier::float8, o.value::float8, o.unit, o.qualifier,
                ptt_quantity_text(o.kind, o.multiplier, o.value, o.unit, o.qualifier),
                v.verdict, v.rule,
                td.id, td.title, td.source, td.published_on, tq.quote,
                od.id, od.title, od.source, od.published_on, oq.quote
            FROM (
                SELECT v.* FROM target_verdicts v JOIN regions g ON g.code = v.region_code \(fragment: kindJoin)
                WHERE v.verdict <> 'none' AND \(fragment: condition)
                ORDER BY v.deadline_year, v.region_code, v.target_id
                LIMIT \(limit)
            ) v
            JOIN targets t ON t.id = v.target_id
            LEFT JOIN region_paths rp ON rp.code = v.region_code
            LEFT JOIN indicators i ON i.key = v.indicator_key
            JOIN documents td ON td.id = t.latest_document_id
            LEFT JOIN LATERAL (
                SELECT m.quote FROM mentions m
                WHERE coalesce(m.target_region_code, '') = coalesce(t.region_code, '')
                    AND m.indicator_key = t.indicator_key AND m.kind = t.kind AND m.unit_family = t.unit_family
                    AND coalesce(m.deadline_year, -1) = coalesce(t.deadline_year, -1)
                    AND m.document_id = t.latest_document_id
                ORDER BY m.span_start, m.span_end, m.id
                LIMIT 1
            ) tq ON true
            LEFT JOIN outcomes o ON o.id = v.outcome_id
            LEFT JOIN documents od ON od.id = o.latest_document_id
            LEFT JOIN LATERAL (
                SELECT s.quote FROM outcome_sources s
                WHERE coalesce(s.outcome_region_code, '') = coalesce(o.region_code, '')
                    AND s.indicator_key = o.indicator_key AND s.kind = o.kind AND s.unit_family = o.unit_family
                    AND s.year = o.year AND s.document_id = o.latest_document_id
                ORDER BY s.span_start, s.span_end, s.id
                LIMIT 1
            ) oq ON true
            ORDER BY v.deadline_year, v.region_code, v.target_id
            """
        ).rows.map { row in
            let targetSource = ProgressRow.Source(
                documentID: try row.decode(21), title: try row.decode(22), file: try row.decode(23),
                publishedOn: try row.decode(24), quote: try row.decode(25))
            let outcomeSource: ProgressRow.Source? =
                try row.decode(26, as: Int?.self).map { id in
                    ProgressRow.Source(
                        documentID: id, title: try row.decode(27), file: try row.decode(28),
                        publishedOn: try row.decode(29), quote: try row.decode(30))
                }
            return ProgressRow(
                targetID: try row.decode(0), deadlineYear: try row.decode(1), regionCode: try row.decode(2),
                regionPath: try row.decode(3), indicatorKey: try row.decode(4),
                indicatorName: DisplayText.of(try row.decode(5, as: String.self)), targetKind: try row.decode(6),
                targetMultiplier: try row.decode(7), targetValue: try row.decode(8), targetUnit: try row.decode(9),
                targetQualifier: try row.decode(10), targetText: try row.decode(11), outcomeID: try row.decode(12),
                outcomeKind: try row.decode(13), outcomeMultiplier: try row.decode(14), outcomeValue: try row.decode(15),
                outcomeUnit: try row.decode(16), outcomeQualifier: try row.decode(17), outcomeText: try row.decode(18),
                verdict: try row.decode(19), rule: try row.decode(20), targetSource: targetSource,
                outcomeSource: outcomeSource)
        }

        // The scorecard: from the counts when only regions and years filter, else from the verdicts.
        let year = asOf.year
        let source: SQLQuery
        if filter.kind == nil && keys == nil {
            source = """
                SELECT c.region_code, c.n AS n, c.verdict, c.deadline_year
                FROM verdict_counts c JOIN regions g ON g.code = c.region_code
                WHERE c.n <> 0 AND \(fragment: Self.progressCondition(filter, keys: nil, alias: "c"))
                """
        } else {
            source = """
                SELECT v.region_code, 1 AS n, v.verdict, v.deadline_year
                FROM target_verdicts v JOIN regions g ON g.code = v.region_code \(fragment: kindJoin)
                WHERE \(fragment: condition)
                """
        }
        // What counts: every judged target, and the targets without a result that are past due.
        let sums: SQLQuery = """
            sum(s.n) FILTER (WHERE s.verdict = 'met') AS met, sum(s.n) FILTER (WHERE s.verdict = 'missed') AS missed,
            sum(s.n) FILTER (WHERE s.verdict = 'partly') AS partly,
            sum(s.n) FILTER (WHERE s.verdict = 'unknown') AS unknown,
            sum(s.n) FILTER (WHERE s.verdict = 'none' AND s.deadline_year < \(year)) AS none
            """
        let counted: SQLQuery = "(s.verdict <> 'none' OR s.deadline_year < \(year))"
        let scorecard = try execute(
            """
            SELECT s.region_code, coalesce(rp.path, s.region_code), coalesce(s.met, 0)::bigint,
                coalesce(s.missed, 0)::bigint, coalesce(s.partly, 0)::bigint, coalesce(s.unknown, 0)::bigint,
                coalesce(s.none, 0)::bigint
            FROM (
                SELECT s.region_code, \(fragment: sums)
                FROM (\(fragment: source)) s
                WHERE \(fragment: counted)
                GROUP BY s.region_code
                ORDER BY s.region_code
                LIMIT \(scorecardLimit)
            ) s
            LEFT JOIN region_paths rp ON rp.code = s.region_code
            ORDER BY s.region_code
            """
        ).rows.map { row in
            ScorecardRow(
                regionCode: try row.decode(0), regionPath: try row.decode(1), met: try row.decode(2),
                missed: try row.decode(3), partly: try row.decode(4), unknown: try row.decode(5),
                pastDueWithoutOutcome: try row.decode(6))
        }
        var totals = ScorecardRow(
            regionCode: "", regionPath: "all regions", met: 0, missed: 0, partly: 0, unknown: 0, pastDueWithoutOutcome: 0)
        var regions = scorecard.count
        if let scorecardLimit, scorecard.count >= scorecardLimit {
            // More regions than shown, perhaps: the totals and the number of regions in one pass.
            if let row = try execute(
                """
                SELECT count(DISTINCT s.region_code),
                    coalesce(sum(s.n) FILTER (WHERE s.verdict = 'met'), 0)::bigint,
                    coalesce(sum(s.n) FILTER (WHERE s.verdict = 'missed'), 0)::bigint,
                    coalesce(sum(s.n) FILTER (WHERE s.verdict = 'partly'), 0)::bigint,
                    coalesce(sum(s.n) FILTER (WHERE s.verdict = 'unknown'), 0)::bigint,
                    coalesce(sum(s.n) FILTER (WHERE s.verdict = 'none'), 0)::bigint
                FROM (\(fragment: source)) s WHERE \(fragment: counted)
                """
            ).first {
                regions = try row.decode(0)
                totals.met = try row.decode(1)
                totals.missed = try row.decode(2)
                totals.partly = try row.decode(3)
                totals.unknown = try row.decode(4)
                totals.pastDueWithoutOutcome = try row.decode(5)
            }
        } else {
            for s in scorecard {
                totals.met += s.met
                totals.missed += s.missed
                totals.partly += s.partly
                totals.unknown += s.unknown
                totals.pastDueWithoutOutcome += s.pastDueWithoutOutcome
            }
        }
        return ProgressReportData(
            rows: rows, total: totals.judged, scorecard: scorecard, regions: regions, totals: totals)
    }

    /// The results linked to target `id`, every one `target_outcomes` gives (not only the one
    /// `target_verdicts` keeps), with their sources.
    public func outcomes(ofTarget id: Int) throws -> [TargetOutcome] {
        try execute(
            """
            SELECT x.outcome_id, o.year, o.kind, x.outcome_text, x.verdict, x.rule, d.id, d.title, d.source,
                d.published_on, q.quote
            FROM target_outcomes x
            JOIN outcomes o ON o.id = x.outcome_id
            JOIN documents d ON d.id = o.latest_document_id
            LEFT JOIN LATERAL (
                SELECT s.quote FROM outcome_sources s
                WHERE coalesce(s.outcome_region_code, '') = coalesce(o.region_code, '')
                    AND s.indicator_key = o.indicator_key AND s.kind = o.kind AND s.unit_family = o.unit_family
                    AND s.year = o.year AND s.document_id = o.latest_document_id
                ORDER BY s.span_start, s.span_end, s.id
                LIMIT 1
            ) q ON true
            WHERE x.target_id = \(id)
            ORDER BY x.verdict = 'unknown', x.outcome_id DESC
            """
        ).rows.map { row in
            TargetOutcome(
                outcomeID: try row.decode(0), year: try row.decode(1), kind: try row.decode(2),
                text: try row.decode(3), verdict: try row.decode(4), rule: try row.decode(5),
                source: ProgressRow.Source(
                    documentID: try row.decode(6), title: try row.decode(7), file: try row.decode(8),
                    publishedOn: try row.decode(9), quote: try row.decode(10)))
        }
    }

    /// The indicator keys `filter.indicatorText` names (a key; text in an indicator's name or in
    /// an alias), nil without an indicator filter. `filter.indicatorKey` is added as it is.
    func indicatorKeys(matching filter: TargetFilter) throws -> [String]? {
        guard filter.indicatorText != nil || filter.indicatorKey != nil else { return nil }
        var keys: [String] = filter.indicatorKey.map { [$0] } ?? []
        if let text = filter.indicatorText {
            let pattern = "%" + TargetFilter.escapedLike(text) + "%"
            // Aliases are stored normalized (lower-case ASCII, no spaces); not normalized here, as
            // that loads the gazetteer (a fifth of a second) for a region prefix a filter never has.
            keys += try execute(
                """
                SELECT key FROM indicators WHERE key = \(text) OR name LIKE \(pattern)
                UNION SELECT indicator_key FROM indicator_aliases WHERE alias LIKE lower(\(pattern))
                """
            ).rows.map { try $0.decode(0, as: String.self) }
        }
        return keys
    }

    /// The WHERE condition of the progress queries over `alias` (target_verdicts or
    /// verdict_counts: region_code, deadline_year, and indicator_key unless `keys` is nil) joined
    /// with `regions g`, and `targets tk` when the filter has a kind.
    static func progressCondition(_ filter: TargetFilter, keys: [String]?, alias: String = "v") -> SQLQuery {
        let a = SQLQuery(unsafeSQL: alias)
        let region = filter.regionCode
        let kind: SQLQuery = filter.kind.map { "AND tk.kind = \($0)" } ?? ""
        let key: SQLQuery = keys.map { "AND \(fragment: a).indicator_key = ANY(\($0))" } ?? ""
        return """
            (\(region)::text IS NULL OR g.code = \(region) OR g.province_code = \(region) OR g.prefecture_code = \(region))
            AND (\(filter.fromYear)::bigint IS NULL OR \(fragment: a).deadline_year >= \(filter.fromYear))
            AND (\(filter.toYear)::bigint IS NULL OR \(fragment: a).deadline_year <= \(filter.toYear))
            \(fragment: key) \(fragment: kind)
            """
    }
}

/// A result linked to a target, as `ptt show` lists it.
public struct TargetOutcome: Sendable, Hashable {
    public var outcomeID: Int
    public var year: Int
    public var kind: String
    public var text: String?
    public var verdict: String
    public var rule: String?
    public var source: ProgressRow.Source
}
