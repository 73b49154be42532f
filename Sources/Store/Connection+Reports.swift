import Ingest

extension Connection {
    /// Targets `filter` selects, from the `target_report` view: by deadline (undated last),
    /// region path, indicator, then the rest of the target's identity, so the order does not
    /// depend on the ids (which follow the order ingests committed in): two databases holding the
    /// same targets list them in the same order.
    public func targets(_ filter: TargetFilter = TargetFilter()) throws -> [TargetSummary] {
        try execute(
            """
            SELECT \(unsafeSQL: TargetSummary.columns) FROM target_report r
            WHERE \(fragment: filter.condition)
            ORDER BY r.deadline_year NULLS LAST, r.region_path NULLS LAST, r.region_code, r.indicator_name, r.kind,
                r.value, r.indicator_key, r.unit_family, r.id
            """
        ).rows.map { try TargetSummary(row: $0) }
    }

    /// One target by id, nil when there is none.
    public func target(id: Int) throws -> TargetSummary? {
        try execute("SELECT \(unsafeSQL: TargetSummary.columns) FROM target_report WHERE id = \(id)")
            .first.map { try TargetSummary(row: $0) }
    }

    /// Every mention of target `id`, in publication order.
    public func mentions(ofTarget id: Int) throws -> [TargetMention] {
        try execute(
            """
            SELECT d.id, d.title, d.source, d.published_on, m.quote, m.multiplier::float8, m.value::float8, m.unit
            FROM targets t
            JOIN mentions m ON coalesce(m.target_region_code, '') = coalesce(t.region_code, '')
                AND m.indicator_key = t.indicator_key AND m.kind = t.kind
                AND m.deadline_year IS NOT DISTINCT FROM t.deadline_year AND m.unit_family = t.unit_family
            JOIN documents d ON d.id = m.document_id
            WHERE t.id = \(id)
            ORDER BY d.published_on NULLS FIRST, d.content_hash, m.span_start, m.span_end
            """
        ).rows.map { row in
            TargetMention(
                documentID: try row.decode(0), title: try row.decode(1), source: try row.decode(2),
                publishedOn: try row.decode(3), quote: try row.decode(4), multiplier: try row.decode(5),
                value: try row.decode(6), unit: try row.decode(7))
        }
    }

    /// The revisions of target `id`, in publication order.
    public func revisions(ofTarget id: Int) throws -> [TargetRevision] {
        try execute(
            """
            SELECT d.id, d.title, d.published_on,
                coalesce('×' || ptt_number(v.old_multiplier), ptt_number(v.old_value) || coalesce(v.old_unit, ''), '—'),
                coalesce('×' || ptt_number(v.new_multiplier), ptt_number(v.new_value) || coalesce(v.new_unit, ''), '—')
            FROM target_revisions v
            JOIN documents d ON d.id = v.document_id
            WHERE v.target_id = \(id)
            ORDER BY d.published_on NULLS FIRST, d.content_hash
            """
        ).rows.map { row in
            TargetRevision(
                documentID: try row.decode(0), title: try row.decode(1), publishedOn: try row.decode(2),
                old: try row.decode(3), new: try row.decode(4))
        }
    }

    /// Targets side by side, from the `compare_targets` view. With no indicator in `filter`,
    /// only indicators that at least two regions target, most-shared first.
    public func comparison(_ filter: TargetFilter = TargetFilter()) throws -> [ComparisonRow] {
        let anyIndicator = filter.indicatorText == nil && filter.indicatorKey == nil
        return try execute(
            """
            SELECT \(unsafeSQL: TargetSummary.columns.prefixed("r.")), r.measure, r.level_in_base_unit::float8,
                r.rank, r.regions_sharing, r.note
            FROM compare_targets r
            WHERE \(fragment: filter.condition)
                AND (NOT \(anyIndicator) OR r.regions_sharing >= 2)
            ORDER BY r.regions_sharing DESC, r.indicator_key, r.measure NULLS LAST, r.rank NULLS LAST,
                r.region_path, r.deadline_year, r.id
            """
        ).rows.map { row in
            let n = 31
            return ComparisonRow(
                target: try TargetSummary(row: row), measure: try row.decode(n), levelInBaseUnit: try row.decode(n + 1),
                rank: try row.decode(n + 2), regionsSharing: try row.decode(n + 3), note: try row.decode(n + 4))
        }
    }

    /// Regions whose name, short name or code is `query` (exact matches), or, when there are none,
    /// whose name contains it (unless `exactOnly`); with their paths and how many targets are
    /// stored under them.
    public func regions(matching query: String, exactOnly: Bool = false) throws -> [RegionMatch] {
        let pattern = "%" + TargetFilter.escapedLike(query) + "%"
        return try execute(
            """
            WITH exact AS (
                SELECT * FROM region_paths WHERE name = \(query) OR short_name = \(query) OR code = \(query)
            ), found AS (
                SELECT * FROM exact
                UNION ALL
                SELECT * FROM region_paths WHERE NOT \(exactOnly) AND NOT EXISTS (SELECT 1 FROM exact) AND name LIKE \(pattern)
            )
            SELECT f.code, f.name, f.level, f.path,
                (SELECT count(*) FROM targets t
                 WHERE t.region_code = ANY(ARRAY(
                     SELECT code FROM regions WHERE code = f.code OR province_code = f.code OR prefecture_code = f.code)))
            FROM found f
            ORDER BY f.code
            LIMIT 200
            """
        ).rows.map { row in
            RegionMatch(
                code: try row.decode(0), name: try row.decode(1), level: try row.decode(2), path: try row.decode(3),
                targets: try row.decode(4))
        }
    }
}

/// One table of the deadline report: the dated targets of one horizon (one year for upcoming
/// deadlines) that a filter selects, how many there are, and the first of them in report order.
public struct DeadlineGroup: Sendable, Hashable {
    public var horizon: Deadline.Horizon
    /// Deadline years, both ends included.
    public var years: ClosedRange<Int>
    /// How many targets the group holds; when counting stopped at the limit, the limit + 1.
    public var count: Int
    /// True when `count` only says "more than the count limit".
    public var countIsLowerBound: Bool
    /// The first rows, in report order.
    public var deadlines: [Deadline]
}

extension Connection {
    /// The deadline report's groups as of `day`: past due, due this year, each upcoming year,
    /// long-term (2035 and later), each with its count and its first `rowsPerGroup` rows (all
    /// when nil); groups that `filter` leaves empty are left out.
    ///
    /// Counting stops at `countLimit` + 1 rows per group (nil: counts exactly), so the cost
    /// stays bounded at millions of targets. One query: the years there are (one index probe
    /// each), then each year's targets in index order — deadline, region code, within the code
    /// range of the filter's regions — so a page costs what it shows, then `target_report` for
    /// the rows shown.
    public func deadlineGroups(
        asOf day: Day, filter: TargetFilter = TargetFilter(), rowsPerGroup: Int?, countLimit: Int?
    ) throws -> [DeadlineGroup] {
        let ranges = Self.deadlineRanges(asOf: day, filter: filter)
        guard !ranges.isEmpty else { return [] }
        let lows = ranges.map { String($0.years.lowerBound) }
        let highs = ranges.map { String($0.years.upperBound) }
        let condition = try yearCondition(filter)
        let rows = try execute(
            """
            WITH RECURSIVE years(y) AS (
                SELECT min(deadline_year) FROM targets
                UNION ALL
                SELECT (SELECT min(t.deadline_year) FROM targets t WHERE t.deadline_year > y) FROM years WHERE y IS NOT NULL
            ), shown AS (
                SELECT g.n, c.count, p.id, p.deadline_year, p.region_code, p.indicator_name, p.kind, p.value
                FROM unnest(\(lows)::int[], \(highs)::int[]) WITH ORDINALITY AS g(lo, hi, n)
                CROSS JOIN LATERAL (
                    SELECT count(*) FROM (
                        SELECT 1 FROM years y
                        CROSS JOIN LATERAL (SELECT 1 FROM targets t WHERE t.deadline_year = y.y AND \(fragment: condition)) x
                        WHERE y.y BETWEEN g.lo AND g.hi
                        LIMIT \(countLimit.map { $0 + 1 })
                    ) s
                ) c
                -- The first rows of each year by region code, with every row of the last code
                -- (WITH TIES), hold the group's first rows in report order.
                LEFT JOIN LATERAL (
                    SELECT q.id, q.deadline_year, q.region_code, coalesce(i.name, q.indicator) AS indicator_name, q.kind,
                        q.value
                    FROM years y
                    CROSS JOIN LATERAL (
                        SELECT t.id, t.deadline_year, t.region_code, t.indicator, t.indicator_key, t.kind, t.value
                        FROM targets t
                        WHERE t.deadline_year = y.y AND \(fragment: condition)
                        ORDER BY t.region_code
                        FETCH FIRST \(rowsPerGroup ?? 0) ROWS WITH TIES
                    ) q
                    LEFT JOIN indicators i ON i.key = q.indicator_key
                    WHERE y.y BETWEEN g.lo AND g.hi
                    ORDER BY q.deadline_year, q.region_code, 4, q.kind, q.value, q.id
                    LIMIT \(rowsPerGroup ?? 0)
                ) p ON true
            )
            SELECT s.n, s.count, ptt_horizon(r.deadline_year, \(day)), \(unsafeSQL: TargetSummary.columns.prefixed("r."))
            FROM shown s
            -- One lookup per row shown (OFFSET 0 keeps the planner from joining the whole view).
            LEFT JOIN LATERAL (SELECT * FROM target_report v WHERE v.id = s.id OFFSET 0) r ON true
            ORDER BY s.n, s.deadline_year, s.region_code, s.indicator_name, s.kind, s.value, s.id
            """
        ).rows
        var groups = ranges.map { range in
            DeadlineGroup(horizon: range.horizon, years: range.years, count: 0, countIsLowerBound: false, deadlines: [])
        }
        for row in rows {
            let index: Int = try row.decode(0) - 1
            let count: Int = try row.decode(1)
            groups[index].count = count
            groups[index].countIsLowerBound = countLimit.map { count > $0 } ?? false
            guard let horizon: String = try row.decode(2) else { continue }
            groups[index].deadlines.append(
                Deadline(horizon: Deadline.Horizon(rawValue: horizon) ?? .upcoming, target: try TargetSummary(row: row, from: 3)))
        }
        return groups.filter { $0.count > 0 }
    }

    /// The filter as a condition on `targets t` for a scan of one deadline year: the regions
    /// (and what lies under them) looked up first, so the condition is a range of region codes
    /// the index (deadline_year, region_code) reads in order — codes under a region share its
    /// prefix (330000 › 331100 › 331124), so they lie between its smallest and largest code —
    /// with the codes themselves checked too.
    func yearCondition(_ filter: TargetFilter) throws -> SQLQuery {
        var scoped = filter
        scoped.regionCode = nil
        scoped.regionCodes = nil
        scoped.level = nil
        guard let codes = try regionScope(filter) else { return scoped.targetCondition }
        return """
            t.region_code BETWEEN \(codes.first ?? "") AND \(codes.last ?? "") AND t.region_code = ANY(\(codes))
            AND \(fragment: scoped.targetCondition)
            """
    }

    /// The region codes `filter`'s regions and level select, in code order; nil when it has none.
    func regionScope(_ filter: TargetFilter) throws -> [String]? {
        let roots = filter.regionCodes ?? filter.regionCode.map { [$0] }
        guard roots != nil || filter.level != nil else { return nil }
        return try execute(
            """
            SELECT code FROM regions
            WHERE (\(roots)::text[] IS NULL OR code = ANY(\(roots)) OR province_code = ANY(\(roots))
                    OR prefecture_code = ANY(\(roots)))
                AND (\(filter.regionCode)::text IS NULL OR code = \(filter.regionCode) OR province_code = \(filter.regionCode)
                    OR prefecture_code = \(filter.regionCode))
                AND (\(filter.level)::text IS NULL OR level = \(filter.level))
            ORDER BY code
            """
        ).rows.map { try $0.decode(0) }
    }

    /// Every dated target `filter` selects, in the deadline report's order (deadline, region
    /// code, indicator), handed to `body` as it arrives from the server: memory stays flat.
    /// Returns how many there were.
    @discardableResult
    public func streamDeadlines(
        asOf day: Day, filter: TargetFilter = TargetFilter(), _ body: (Deadline) throws -> Void
    ) throws -> Int {
        try streamDeadlineRows(asOf: day, filter: filter, columns: TargetSummary.columns) { row in
            let horizon = Deadline.Horizon(rawValue: try row.decode(0)) ?? .upcoming
            try body(Deadline(horizon: horizon, target: try TargetSummary(row: row, from: 1)))
        }
    }

    /// Like `streamDeadlines`, every column read in place from the server's result
    /// (`TargetRow`): what the JSON report writes, without a `TargetSummary` per row.
    @discardableResult
    public func streamDeadlineTargets(
        asOf day: Day, filter: TargetFilter = TargetFilter(), _ body: (TargetRow) throws -> Void
    ) throws -> Int {
        try streamDeadlineRows(asOf: day, filter: filter, columns: TargetSummary.columns) { row in
            try body(TargetRow(row: row))
        }
    }

    /// Like `streamDeadlines`, with only the columns the deadline table and CSV print, read in
    /// place from the server's result (`DeadlineListingRow`): no `String` per cell, and the
    /// server computes a third of the view's columns.
    @discardableResult
    public func streamDeadlineListing(
        asOf day: Day, filter: TargetFilter = TargetFilter(), _ body: (DeadlineListingRow) throws -> Void
    ) throws -> Int {
        try streamDeadlineRows(asOf: day, filter: filter, columns: DeadlineListingRow.columns) { row in
            try body(DeadlineListingRow(row: row))
        }
    }

    /// The horizon, then `columns` of `target_report`, of every dated target `filter` selects,
    /// in report order, through a cursor.
    ///
    /// One query over every year: the targets are read in one sequential scan, the view's joins
    /// are built once, and the sort spills to disk (about 140 MB for the listing at a million
    /// targets). A query a year read most of the table's pages each time (a year's targets are
    /// spread over it): 7.3 s against 4.5 s for the listing at a million targets.
    private func streamDeadlineRows(
        asOf day: Day, filter: TargetFilter, columns: String, _ body: (Row) throws -> Void
    ) throws -> Int {
        let condition = try yearCondition(filter)
        return try withTransaction { db in
            // The plan for every row, not the first tenth (a cursor's default): that one read the
            // targets by index, a row at a time, and took 10 s.
            try db.execute("SET LOCAL cursor_tuple_fraction = 1")
            // `t` is the view here: the condition's columns (region_code, kind, indicator_key) are
            // the view's too, so it needs no second scan of targets to join.
            return try db.stream(
                """
                SELECT ptt_horizon(t.deadline_year, \(day)), \(unsafeSQL: columns.prefixed("t."))
                FROM target_report t
                WHERE t.deadline_year BETWEEN \(filter.fromYear ?? Int(Int32.min)) AND \(filter.toYear ?? Int(Int32.max))
                    AND \(fragment: condition)
                ORDER BY t.deadline_year, t.region_code, t.indicator_name, t.kind, t.value, t.id
                """, body)
        }
    }

    /// The year ranges of the report's groups as of `day`, clipped to the filter's years.
    static func deadlineRanges(asOf day: Day, filter: TargetFilter) -> [(horizon: Deadline.Horizon, years: ClosedRange<Int>)] {
        let year = day.year
        var ranges: [(Deadline.Horizon, Int, Int)] = [(.pastDue, 0, year - 1), (.dueThisYear, year, year)]
        if year + 1 <= 2034 { ranges += (year + 1...2034).map { (.upcoming, $0, $0) } }
        ranges.append((.longTerm, max(2035, year + 1), 9999))
        return ranges.compactMap { horizon, low, high in
            let from = max(low, filter.fromYear ?? low)
            let to = min(high, filter.toYear ?? high)
            return from <= to ? (horizon, from...to) : nil
        }
    }

    /// The indicators that at least two regions target, most-shared first: key, name, how many
    /// regions and how many targets (of regions with a code), from `target_pairs`.
    public func sharedIndicators(_ filter: TargetFilter = TargetFilter()) throws -> [SharedIndicator] {
        try execute(
            """
            SELECT p.indicator_key, coalesce(i.name, p.indicator_key), count(*), sum(p.targets)
            FROM target_pairs p
            LEFT JOIN indicators i ON i.key = p.indicator_key
            WHERE \(fragment: filter.indicatorCondition(key: "p.indicator_key"))
            GROUP BY p.indicator_key, i.name
            HAVING count(*) >= 2
            ORDER BY count(*) DESC, p.indicator_key
            """
        ).rows.map { row in
            SharedIndicator(key: try row.decode(0), name: try row.decode(1), regions: try row.decode(2), targets: try row.decode(3))
        }
    }

    /// A page of `comparison`: at most `rowsPerIndicator` rows of each indicator (all when
    /// nil), in the same order, with ranks over all of the indicator's targets. The indicators
    /// are looked up first (those several regions target when the filter names none).
    ///
    /// A page reads each indicator's targets in the order of `targets_measure_idx` (measure,
    /// then the stored measure_value, highest first) and counts its rank as the entries before
    /// it, so it costs what it shows; only targets with nothing to compare (no measure) are
    /// sorted, and only when the comparable ones do not fill the page.
    public func comparison(_ filter: TargetFilter, rowsPerIndicator: Int?) throws -> [ComparisonRow] {
        guard let rowsPerIndicator else { return try comparison(filter) }
        let anyIndicator = filter.indicatorText == nil && filter.indicatorKey == nil
        let keys: [String] = try execute(
            anyIndicator
                ? "SELECT indicator_key FROM target_pairs GROUP BY indicator_key HAVING count(*) >= 2"
                : "SELECT i.key FROM indicators i WHERE \(fragment: filter.indicatorCondition(key: "i.key"))"
        ).rows.map { try $0.decode(0) }
        var regionFilter = filter
        regionFilter.indicatorText = nil
        regionFilter.indicatorKey = nil
        let condition = try yearCondition(regionFilter)
        return try execute(
            """
            SELECT \(unsafeSQL: TargetSummary.columns.prefixed("r.")), r.measure,
                (CASE WHEN r.kind IN ('level', 'count') THEN r.value * ptt_unit_scale(r.unit) END)::float8, x.rank,
                x.regions_sharing,
                ptt_compare_note(r.kind, r.unit, r.implied_annual_rate, r.value, x.peers, ptt_base_unit(r.unit, r.unit_family),
                    r.rate_basis, r.base_year_source, r.base_year)
            FROM unnest(\(keys)::text[]) AS k(key)
            CROSS JOIN LATERAL (SELECT count(*) AS regions FROM target_pairs p WHERE p.indicator_key = k.key) s
            CROSS JOIN LATERAL (
                SELECT m.measure, m.peers, p.id, p.region_path, p.deadline_year, s.regions AS regions_sharing,
                    CASE WHEN m.peers > 1 AND m.measure IS NOT NULL THEN 1 + (
                        SELECT count(*) FROM targets t
                        WHERE t.indicator_key = k.key AND t.measure = m.measure AND t.region_code IS NOT NULL
                            AND t.measure_value > p.measure_value) END AS rank
                FROM (
                    SELECT t.measure, count(*) AS peers FROM targets t
                    WHERE t.indicator_key = k.key AND t.region_code IS NOT NULL
                    GROUP BY t.measure
                ) m
                CROSS JOIN LATERAL (
                    -- The measure's first rows by value, with every row tied with the last.
                    SELECT c.id, c.measure_value, v.region_path, v.deadline_year
                    FROM (
                        (SELECT t.id, t.measure_value FROM targets t
                         WHERE t.indicator_key = k.key AND t.measure = m.measure AND t.region_code IS NOT NULL
                             AND \(fragment: condition)
                         ORDER BY t.measure_value DESC
                         FETCH FIRST \(rowsPerIndicator) ROWS WITH TIES)
                        UNION ALL
                        SELECT t.id, t.measure_value FROM targets t
                        WHERE m.measure IS NULL AND t.indicator_key = k.key AND t.measure IS NULL
                            AND t.region_code IS NOT NULL AND \(fragment: condition)
                    ) c
                    CROSS JOIN LATERAL (
                        SELECT v.region_path, v.deadline_year FROM target_report v WHERE v.id = c.id OFFSET 0
                    ) v
                    ORDER BY c.measure_value DESC, v.region_path, v.deadline_year, c.id
                    LIMIT \(rowsPerIndicator)
                ) p
                ORDER BY m.measure NULLS LAST, rank NULLS LAST, p.region_path, p.deadline_year, p.id
                LIMIT \(rowsPerIndicator)
            ) x
            -- One lookup per row shown (OFFSET 0 keeps the planner from joining the whole view).
            CROSS JOIN LATERAL (SELECT * FROM target_report v WHERE v.id = x.id OFFSET 0) r
            ORDER BY x.regions_sharing DESC, r.indicator_key, x.measure NULLS LAST, x.rank NULLS LAST, x.region_path,
                x.deadline_year, x.id
            """
        ).rows.map { row in
            let n = 31
            return ComparisonRow(
                target: try TargetSummary(row: row), measure: try row.decode(n), levelInBaseUnit: try row.decode(n + 1),
                rank: try row.decode(n + 2), regionsSharing: try row.decode(n + 3), note: try row.decode(n + 4))
        }
    }
}

/// An indicator several regions target: a row of `ptt compare`'s overview.
public struct SharedIndicator: Sendable, Hashable {
    public var key: String
    public var name: String
    public var regions: Int
    public var targets: Int
}

extension TargetFilter {
    /// The filter as a condition on `targets t` alone (no view), so the planner can use the
    /// targets indexes: the region through the codes under it, the indicator through the keys
    /// whose key, name or alias matches. Deadline years are left to the caller.
    var targetCondition: SQLQuery {
        let codes = regionCodes ?? []
        return """
            (\(regionCode)::text IS NULL OR t.region_code = ANY(ARRAY(
                SELECT code FROM regions
                WHERE code = \(regionCode) OR province_code = \(regionCode) OR prefecture_code = \(regionCode))))
            AND (NOT \(regionCodes != nil) OR t.region_code = ANY(ARRAY(
                SELECT code FROM regions
                WHERE code = ANY(\(codes)) OR province_code = ANY(\(codes)) OR prefecture_code = ANY(\(codes)))))
            AND (\(level)::text IS NULL OR t.region_code = ANY(ARRAY(SELECT code FROM regions WHERE level = \(level))))
            AND (\(kind)::text IS NULL OR t.kind = \(kind))
            AND \(fragment: indicatorCondition(key: "t.indicator_key"))
            """
    }

    /// The indicator filter on a key column: `indicatorKey` exactly; `indicatorText` as a key,
    /// or found in the indicator's name or one of its aliases (研发 finds rd_spending).
    func indicatorCondition(key column: String) -> SQLQuery {
        let pattern = indicatorText.map { "%" + Self.escapedLike($0) + "%" }
        return """
            (\(indicatorKey)::text IS NULL OR \(unsafeSQL: column) = \(indicatorKey))
            AND (\(indicatorText)::text IS NULL OR \(unsafeSQL: column) = ANY(ARRAY(
                SELECT key FROM indicators WHERE key = \(indicatorText) OR name LIKE \(pattern)
                UNION SELECT indicator_key FROM indicator_aliases WHERE alias LIKE \(pattern))))
            """
    }
}
