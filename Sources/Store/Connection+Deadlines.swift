import Ingest

extension Connection {
    /// The deadline report as of `day`: every distinct dated commitment, ordered by horizon
    /// (past due, due this year, upcoming, long-term from 2035), then year, region, indicator.
    public func deadlines(asOf day: Day) throws -> [Deadline] {
        let rows = try execute(
            """
            SELECT CASE
                    WHEN deadline_year < \(day.year) THEN 'past_due'
                    WHEN deadline_year = \(day.year) THEN 'due_this_year'
                    WHEN deadline_year >= 2035 THEN 'long_term'
                    ELSE 'upcoming'
                END AS horizon,
                deadline_year, region_code, region_name, indicator, kind, multiplier, value, unit,
                qualifier, firmness, per_year, base_year, sources
            FROM deadlines
            ORDER BY CASE
                    WHEN deadline_year < \(day.year) THEN 0
                    WHEN deadline_year = \(day.year) THEN 1
                    WHEN deadline_year >= 2035 THEN 3
                    ELSE 2
                END, deadline_year, region_code NULLS LAST, region_name, indicator, value
            """
        ).rows
        return try rows.map { row in
            Deadline(
                horizon: Deadline.Horizon(rawValue: try row.decode(0)) ?? .upcoming,
                deadlineYear: try row.decode(1), regionCode: try row.decode(2), regionName: try row.decode(3),
                indicator: try row.decode(4), kind: try row.decode(5), multiplier: try row.decode(6),
                value: try row.decode(7), unit: try row.decode(8), qualifier: try row.decode(9),
                firmness: try row.decode(10), perYear: try row.decode(11), baseYear: try row.decode(12),
                sources: try row.decode(13))
        }
    }
}
