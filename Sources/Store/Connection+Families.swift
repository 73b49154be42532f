import Ingest

/// A comparable group of `Connection.familyRates`: one indicator family's targets with an annual
/// rate, of regions with a code.
public struct RateGroup: Sendable, Hashable {
    /// The family's key (an indicator key when the indicator is in no family).
    public var family: String
    /// The family's name (the indicator's, for a family of one).
    public var name: String
    /// How many targets the group ranks.
    public var targets: Int
    /// How many regions target an indicator of the family (with a rate or not).
    public var regions: Int
}

/// A target ranked within its family: a row of the `compare_families` view.
public struct FamilyRank: Sendable, Hashable {
    public var family: String
    public var familyName: String
    /// 1 for the highest rate of the group.
    public var rank: Int
    /// How many targets the group ranks, and of how many regions.
    public var peers: Int
    public var regions: Int
}

/// A page of `familyRates`: the groups shown, each with its first rows, and how many there are.
public struct FamilyRatesPage: Sendable, Hashable {
    public var groups: [RateGroup]
    /// The rows in group order, then rate, highest first; `ranks[i]` is `targets[i]`'s rank.
    public var targets: [TargetSummary] = []
    public var ranks: [FamilyRank] = []
    /// Every group, and every target with a rate (of a region with a code).
    public var totalGroups: Int
    public var totalTargets: Int
}

extension Connection {
    /// Every target with an annual rate, ranked across regions within its indicator family
    /// (`indicator_families`; an indicator in none is its own), the largest groups first: the first `groups` groups (all when nil), each with its first `rowsPerGroup` rows
    /// (all when nil).
    ///
    /// Groups are counted over `targets_family_rate_idx` (an index-only scan as long as the rated
    /// targets); each group's rows are read from it in rank order, and each rank is a count of
    /// the entries before it, so a page costs what it shows plus one pass over the index.
    public func familyRates(groups: Int? = nil, rowsPerGroup: Int? = nil) throws -> FamilyRatesPage {
        let result = try withTransaction { db in
            // Parallel workers cost more to start than they save on this index-only scan (37 ms
            // alone, 54 ms with two workers, at 300,000 rated targets).
            try db.execute("SET LOCAL max_parallel_workers_per_gather = 0")
            return try db.execute(
                """
                WITH every AS (
                    -- An index-only scan of targets_family_rate_idx, in family order: no sort.
                    SELECT t.indicator_family AS family, count(*) AS peers, max(t.measure_value) AS top
                    FROM targets t
                    WHERE t.measure = 'annual rate' AND t.region_code IS NOT NULL
                    GROUP BY t.indicator_family
                ), g AS (
                    SELECT e.*, count(*) OVER () AS total_groups, (sum(e.peers) OVER ())::bigint AS total_targets,
                        -- Regions targeting an indicator of the family (any measure), from target_pairs.
                        (SELECT count(DISTINCT p.region_code) FROM target_pairs p
                         WHERE p.indicator_key = ANY(ARRAY(
                             SELECT m.indicator_key FROM indicator_family_members m WHERE m.family = e.family) || e.family)
                        ) AS regions
                    FROM every e
                    ORDER BY e.peers DESC, e.top DESC, e.family
                    LIMIT \(groups)
                )
                SELECT \(unsafeSQL: TargetSummary.columns.prefixed("r.")), g.family,
                    coalesce(f.name, (SELECT i.name FROM indicators i WHERE i.key = g.family), r.indicator_name),
                    x.rank, g.peers, g.regions, g.total_groups, g.total_targets
                FROM g
                CROSS JOIN LATERAL (
                    SELECT t.id, t.measure_value, 1 + (
                        SELECT count(*) FROM targets t2
                        WHERE t2.indicator_family = g.family AND t2.measure = 'annual rate' AND t2.region_code IS NOT NULL
                            AND t2.measure_value > t.measure_value) AS rank
                    FROM targets t
                    WHERE t.indicator_family = g.family AND t.measure = 'annual rate' AND t.region_code IS NOT NULL
                    ORDER BY t.measure_value DESC, t.region_code, t.deadline_year, t.id
                    LIMIT \(rowsPerGroup)
                ) x
                -- One lookup per row shown (OFFSET 0 keeps the planner from joining the whole view).
                CROSS JOIN LATERAL (SELECT * FROM target_report v WHERE v.id = x.id OFFSET 0) r
                LEFT JOIN indicator_families f ON f.key = g.family
                ORDER BY g.peers DESC, g.top DESC, g.family, x.measure_value DESC, r.region_code,
                    r.deadline_year, x.id
                """)
        }
        var page = FamilyRatesPage(groups: [], totalGroups: 0, totalTargets: 0)
        let n = 31
        for row in result.rows {
            let rank = FamilyRank(
                family: try row.decode(n), familyName: try row.decode(n + 1), rank: try row.decode(n + 2),
                peers: try row.decode(n + 3), regions: try row.decode(n + 4))
            page.targets.append(try TargetSummary(row: row))
            page.ranks.append(rank)
            page.totalGroups = try row.decode(n + 5)
            page.totalTargets = try row.decode(n + 6)
            if page.groups.last?.family != rank.family {
                page.groups.append(RateGroup(family: rank.family, name: rank.familyName, targets: rank.peers, regions: rank.regions))
            }
        }
        return page
    }
}
