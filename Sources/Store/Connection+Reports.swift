import Ingest

extension Connection {
    /// Targets `filter` selects, from the `target_report` view: by deadline (undated last),
    /// region path, indicator.
    public func targets(_ filter: TargetFilter = TargetFilter()) throws -> [TargetSummary] {
        try execute(
            """
            SELECT \(unsafeSQL: TargetSummary.columns) FROM target_report r
            WHERE \(fragment: filter.condition)
            ORDER BY r.deadline_year NULLS LAST, r.region_path NULLS LAST, r.region_code, r.indicator_name, r.kind,
                r.value, r.id
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
                (SELECT count(*) FROM target_report t
                 WHERE t.region_code = f.code OR t.province_code = f.code OR t.prefecture_code = f.code)
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
    /// stays bounded at millions of targets. Rows are read in index order — deadline, region
    /// code — and then joined with `target_report`, so a page costs what it shows.
    public func deadlineGroups(
        asOf day: Day, filter: TargetFilter = TargetFilter(), rowsPerGroup: Int?, countLimit: Int?
    ) throws -> [DeadlineGroup] {
        let ranges = Self.deadlineRanges(asOf: day, filter: filter)
        guard !ranges.isEmpty else { return [] }
        let lows = ranges.map { String($0.years.lowerBound) }
        let highs = ranges.map { String($0.years.upperBound) }
        let counts: [Int] = try execute(
            """
            SELECT (SELECT count(*) FROM (
                    SELECT 1 FROM targets t
                    WHERE t.deadline_year BETWEEN g.lo AND g.hi AND \(fragment: filter.targetCondition)
                    LIMIT \(countLimit.map { $0 + 1 })) s)
            FROM unnest(\(lows)::int[], \(highs)::int[]) WITH ORDINALITY AS g(lo, hi, n)
            ORDER BY g.n
            """
        ).rows.map { try $0.decode(0) }
        var groups = zip(ranges, counts).map { range, count in
            DeadlineGroup(
                horizon: range.horizon, years: range.years, count: count,
                countIsLowerBound: countLimit.map { count > $0 } ?? false, deadlines: [])
        }
        let rows = try execute(
            """
            SELECT p.n, ptt_horizon(r.deadline_year, \(day)), \(unsafeSQL: TargetSummary.columns.prefixed("r."))
            FROM unnest(\(lows)::int[], \(highs)::int[]) WITH ORDINALITY AS g(lo, hi, n)
            CROSS JOIN LATERAL (
                SELECT g.n, t.id, t.deadline_year, t.region_code, coalesce(i.name, t.indicator) AS indicator_name,
                    t.kind, t.value
                FROM targets t LEFT JOIN indicators i ON i.key = t.indicator_key
                WHERE t.deadline_year BETWEEN g.lo AND g.hi AND \(fragment: filter.targetCondition)
                ORDER BY t.deadline_year, t.region_code, 5, t.kind, t.value, t.id
                LIMIT \(rowsPerGroup)
            ) p
            -- One lookup per row shown (OFFSET 0 keeps the planner from joining the whole view).
            CROSS JOIN LATERAL (SELECT * FROM target_report v WHERE v.id = p.id OFFSET 0) r
            ORDER BY p.n, p.deadline_year, p.region_code, p.indicator_name, p.kind, p.value, p.id
            """
        ).rows
        for row in rows {
            let group: Int = try row.decode(0)
            let horizon = Deadline.Horizon(rawValue: try row.decode(1)) ?? .upcoming
            groups[group - 1].deadlines.append(Deadline(horizon: horizon, target: try TargetSummary(row: row, from: 2)))
        }
        return groups.filter { $0.count > 0 }
    }

    /// Every dated target `filter` selects, in the deadline report's order (deadline, region
    /// code, indicator), handed to `body` as it arrives from the server: memory stays flat and
    /// the first rows come at once. Returns how many there were.
    @discardableResult
    public func streamDeadlines(
        asOf day: Day, filter: TargetFilter = TargetFilter(), _ body: (Deadline) throws -> Void
    ) throws -> Int {
        try stream(
            """
            SELECT ptt_horizon(r.deadline_year, \(day)), \(unsafeSQL: TargetSummary.columns.prefixed("r."))
            FROM targets t
            JOIN target_report r ON r.id = t.id
            WHERE t.deadline_year IS NOT NULL
                AND (\(filter.fromYear)::int IS NULL OR t.deadline_year >= \(filter.fromYear))
                AND (\(filter.toYear)::int IS NULL OR t.deadline_year <= \(filter.toYear))
                AND \(fragment: filter.targetCondition)
            ORDER BY t.deadline_year, t.region_code, r.indicator_name, t.kind, t.value, t.id
            """
        ) { row in
            let horizon = Deadline.Horizon(rawValue: try row.decode(0)) ?? .upcoming
            try body(Deadline(horizon: horizon, target: try TargetSummary(row: row, from: 1)))
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
    /// nil), in the same order, with ranks computed over all of the indicator's targets. The
    /// indicators are looked up first, so the view reads only their targets.
    public func comparison(_ filter: TargetFilter, rowsPerIndicator: Int?) throws -> [ComparisonRow] {
        let anyIndicator = filter.indicatorText == nil && filter.indicatorKey == nil
        let keys: [String]? =
            anyIndicator
            ? nil
            : try execute(
                "SELECT i.key FROM indicators i WHERE \(fragment: filter.indicatorCondition(key: "i.key")) ORDER BY i.key"
            ).rows.map { try $0.decode(0) }
        var regionFilter = filter
        regionFilter.indicatorText = nil
        regionFilter.indicatorKey = nil
        return try execute(
            """
            SELECT \(unsafeSQL: TargetSummary.columns.prefixed("x.")), x.measure, x.level_in_base_unit::float8,
                x.rank, x.regions_sharing, x.note
            FROM (
                SELECT r.*, row_number() OVER (PARTITION BY r.indicator_key
                    ORDER BY r.measure NULLS LAST, r.rank NULLS LAST, r.region_path, r.deadline_year, r.id) AS shown
                FROM compare_targets r
                WHERE (\(keys)::text[] IS NULL OR r.indicator_key = ANY(\(keys)))
                    AND (\(keys)::text[] IS NOT NULL OR r.regions_sharing >= 2)
                    AND \(fragment: regionFilter.condition)
            ) x
            WHERE \(rowsPerIndicator)::int IS NULL OR x.shown <= \(rowsPerIndicator)
            ORDER BY x.regions_sharing DESC, x.indicator_key, x.measure NULLS LAST, x.rank NULLS LAST,
                x.region_path, x.deadline_year, x.id
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
