import Ingest
import Store

extension TargetJSON {
    /// How a column is written: the JSON type of its value, and the text a report shows.
    enum Kind {
        case int, string, number, bool
        /// A string through `DisplayText` (the indicator's name, the target).
        case display
    }

    /// `columns`, as the columns of a streamed `TargetRow`: the same keys in the same order.
    static let rowColumns: [(String, TargetRow.Column, Kind)] = [
        ("target_id", .id, .int), ("deadline", .deadlineYear, .int), ("region_code", .regionCode, .string),
        ("region", .regionName, .string), ("region_path", .regionPath, .string), ("region_level", .regionLevel, .string),
        ("indicator_key", .indicatorKey, .string), ("indicator", .indicatorName, .display),
        ("indicator_as_written", .indicator, .string), ("kind", .kind, .string), ("target", .targetText, .display),
        ("multiplier", .multiplier, .number), ("value", .value, .number), ("unit", .unit, .string),
        ("unit_family", .unitFamily, .string), ("qualifier", .qualifier, .string), ("firmness", .firmness, .string),
        ("per_year", .perYear, .bool), ("base_year", .baseYear, .int), ("base_year_source", .baseYearSource, .string),
        ("years", .years, .int), ("implied_annual_rate", .impliedAnnualRate, .number), ("rate_basis", .rateBasis, .string),
        ("sources", .sources, .int), ("first_source", .firstTitle, .string),
        ("first_published_on", .firstPublishedOn, .string), ("latest_source", .latestTitle, .string),
        ("latest_published_on", .latestPublishedOn, .string), ("revisions", .revisions, .int),
    ]

    /// The keys with their quotes, colon and the comma before them, made once.
    private static let keyBytes: [[UInt8]] = rowColumns.enumerated().map { i, column in
        Array(((i == 0 ? "" : ",") + JSON.quoted(column.0) + ":").utf8)
    }

    /// Writes `{"key":value,…}` for `row` — what `JSON.object(fields(summary))` writes for the
    /// same target — copying the server's bytes where JSON allows. `opened`: the caller wrote the
    /// `{` and fields of its own, each followed by a comma.
    static func write(_ row: TargetRow, to output: StandardOutput, opened: Bool = false) {
        if !opened { output.append("{") }
        for (i, (_, column, kind)) in rowColumns.enumerated() {
            keyBytes[i].withUnsafeBufferPointer { output.append($0) }
            guard let bytes = row[column] else {
                output.append("null")
                continue
            }
            switch kind {
            case .int: output.append(bytes)
            case .bool: output.append(bytes.first == UInt8(ascii: "t") ? "true" : "false")
            case .number:
                let number = Double(String(decoding: bytes, as: UTF8.self))
                output.append(JSON.number(number).text)
            case .string: writeQuoted(bytes, to: output)
            case .display:
                if DisplayText.needsNormalizing(utf8: bytes) {
                    output.append(JSON.quoted(DisplayText.of(String(decoding: bytes, as: UTF8.self))))
                } else {
                    writeQuoted(bytes, to: output)
                }
            }
        }
        output.append("}")
    }

    /// A JSON string of UTF-8 bytes: `"` and `\` escaped, control characters as `\n`, `\u001f` …
    /// (as `JSON.quoted`), everything else copied.
    static func writeQuoted(_ bytes: UnsafeBufferPointer<UInt8>, to output: StandardOutput) {
        output.append("\"")
        if bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            output.append(String(JSON.quoted(String(decoding: bytes, as: UTF8.self)).dropFirst()))
            return
        }
        output.append(bytes)
        output.append("\"")
    }
}
