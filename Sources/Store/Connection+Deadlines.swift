import Foundation
import Ingest

extension Connection {
    /// The deadline report as of `day`: the dated targets `filter` selects, ordered by horizon
    /// (past due, due this year, upcoming, long-term from 2035), then year, region, indicator.
    /// Reads the `deadlines` view; the horizon is SQL's `ptt_horizon(deadline_year, day)`.
    public func deadlines(asOf day: Day, filter: TargetFilter = TargetFilter()) throws -> [Deadline] {
        let rows = try execute(
            """
            SELECT ptt_horizon(r.deadline_year, \(day)), \(unsafeSQL: TargetSummary.columns.prefixed("t."))
            FROM deadlines r
            JOIN target_report t ON t.id = r.target_id
            WHERE \(fragment: filter.condition)
            ORDER BY array_position(ARRAY['past_due', 'due_this_year', 'upcoming', 'long_term'],
                    ptt_horizon(r.deadline_year, \(day))),
                r.deadline_year, r.region_path NULLS LAST, r.region_code, r.indicator_name, r.kind, r.value, r.target_id
            """
        ).rows
        return try rows.map { row in
            let horizon = Deadline.Horizon(rawValue: try row.decode(0)) ?? .upcoming
            return Deadline(horizon: horizon, target: try TargetSummary(row: row, from: 1))
        }
    }
}

extension String {
    /// A comma-separated column list with `prefix` before each name.
    func prefixed(_ prefix: String) -> String {
        split(separator: ",").map { prefix + $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .joined(separator: ", ")
    }
}
