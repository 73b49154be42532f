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
