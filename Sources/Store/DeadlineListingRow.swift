/// One row of the deadline listing (`Connection.streamDeadlineListing`): the columns the
/// deadline table and CSV print, as UTF-8 bytes in the server's result, so a million rows make
/// no `String` each.
///
/// Valid only during the call it is passed to: its bytes belong to the result.
public struct DeadlineListingRow {
    /// The listing's text columns.
    public enum Column: Int, CaseIterable, Sendable {
        case id = 2, regionCode, regionPath, indicatorName, targetText, firmness, sources, firstTitle, firstPublishedOn
    }

    /// The columns read from `target_report`, after the horizon and deadline year, in `Column`'s order.
    static let columns = """
        deadline_year, id, region_code, region_path, indicator_name, target_text, firmness, sources, first_title,
        first_published_on
        """

    let row: Row

    /// Where the deadline falls relative to the report's date.
    public var horizon: Deadline.Horizon {
        Deadline.Horizon(rawValue: self[0].map { String(decoding: $0, as: UTF8.self) } ?? "") ?? .upcoming
    }

    /// The deadline year (never NULL in the listing).
    public var deadlineYear: Int {
        self[1].flatMap { Int(String(decoding: $0, as: UTF8.self)) } ?? 0
    }

    /// The column's text as UTF-8 bytes (ISO dates, decimal integers), nil for NULL.
    public subscript(column: Column) -> UnsafeBufferPointer<UInt8>? { self[column.rawValue] }

    private subscript(index: Int) -> UnsafeBufferPointer<UInt8>? {
        row.result.bytes(row: row.index, column: index)
    }
}

@available(*, unavailable)
extension DeadlineListingRow: Sendable {}
