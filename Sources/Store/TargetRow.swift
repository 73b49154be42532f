/// One row of a streamed target listing (`Connection.streamDeadlineTargets`): every column of
/// `TargetSummary`, after the horizon, as UTF-8 bytes in the server's result, so a JSON report
/// of a million rows makes no `String` or `TargetSummary` per row.
///
/// Valid only during the call it is passed to: its bytes belong to the result.
public struct TargetRow {
    /// `TargetSummary.columns`, in order, after the horizon (column 0).
    public enum Column: Int, CaseIterable, Sendable {
        case id = 1, regionCode, regionName, regionPath, regionLevel, indicatorKey, indicatorName, indicator, kind,
            unitFamily, multiplier, value, unit, qualifier, firmness, perYear, statedBaseYear, baseYear,
            baseYearSource, deadlineYear, years, impliedAnnualRate, rateBasis, targetText, sources, mentions,
            firstTitle, firstPublishedOn, latestTitle, latestPublishedOn, revisions
    }

    let row: Row

    /// Where the deadline falls relative to the report's date.
    public var horizon: Deadline.Horizon {
        Deadline.Horizon(
            rawValue: row.result.bytes(row: row.index, column: 0).map { String(decoding: $0, as: UTF8.self) } ?? "")
            ?? .upcoming
    }

    /// The column's text as PostgreSQL writes it (`t`/`f` for booleans, ISO dates, numbers in
    /// decimal), nil for NULL.
    public subscript(column: Column) -> UnsafeBufferPointer<UInt8>? {
        row.result.bytes(row: row.index, column: column.rawValue)
    }
}

@available(*, unavailable)
extension TargetRow: Sendable {}
