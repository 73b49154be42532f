import Store

/// A target's fields for JSON and JSON Lines output: snake_case keys in a fixed order,
/// null for missing values.
enum TargetJSON {
    static func fields(_ t: TargetSummary) -> [(String, JSON)] { columns.map { ($0.0, $0.1(t)) } }

    /// The columns, in their fixed order: the CSV export's header row.
    static let columns: [(String, @Sendable (TargetSummary) -> JSON)] = [
        ("target_id", { .int($0.id) }), ("deadline", { .int($0.deadlineYear) }),
        ("region_code", { .string($0.regionCode) }), ("region", { .string($0.regionName) }),
        ("region_path", { .string($0.regionPath) }), ("region_level", { .string($0.regionLevel) }),
        ("indicator_key", { .string($0.indicatorKey) }), ("indicator", { .string($0.indicatorName) }),
        ("indicator_as_written", { .string($0.indicator) }), ("kind", { .string($0.kind) }),
        ("target", { .string($0.targetText) }), ("multiplier", { .number($0.multiplier) }),
        ("value", { .number($0.value) }), ("unit", { .string($0.unit) }), ("unit_family", { .string($0.unitFamily) }),
        ("qualifier", { .string($0.qualifier) }), ("firmness", { .string($0.firmness) }),
        ("per_year", { .bool($0.perYear) }), ("base_year", { .int($0.baseYear) }),
        ("base_year_source", { .string($0.baseYearSource) }), ("years", { .int($0.years) }),
        ("implied_annual_rate", { .number($0.impliedAnnualRate) }), ("rate_basis", { .string($0.rateBasis) }),
        ("sources", { .int($0.sources) }), ("first_source", { .string($0.firstTitle) }),
        ("first_published_on", { .string($0.firstPublishedOn?.description) }),
        ("latest_source", { .string($0.latestTitle) }),
        ("latest_published_on", { .string($0.latestPublishedOn?.description) }), ("revisions", { .int($0.revisions) }),
    ]
}
