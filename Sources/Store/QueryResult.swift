import CLibPQ

/// The rows a statement returned. Owns its `PGresult` and clears it in `deinit`.
public final class QueryResult {
    let handle: OpaquePointer
    /// Number of rows.
    public let count: Int
    /// Column names, in order.
    public let columns: [String]
    /// Rows changed by INSERT/UPDATE/DELETE/COPY, when the command reports it.
    public var affectedRows: Int? { Int(String(cString: PQcmdTuples(handle))) }

    init(handle: OpaquePointer) {
        self.handle = handle
        self.count = Int(PQntuples(handle))
        let fields = Int(PQnfields(handle))
        // A COPY result has column counts but no names.
        self.columns = (0..<fields).map { PQfname(handle, Int32($0)).map { String(cString: $0) } ?? "?column?" }
    }

    deinit { PQclear(handle) }

    /// The text of a cell, nil for NULL.
    func text(row: Int, column: Int) -> String? {
        if PQgetisnull(handle, Int32(row), Int32(column)) != 0 { return nil }
        return String(cString: PQgetvalue(handle, Int32(row), Int32(column)))
    }

    /// The UTF-8 bytes of a cell in the result's own memory (valid while the result lives),
    /// nil for NULL: for callers that copy text straight to output without making a `String`.
    func bytes(row: Int, column: Int) -> UnsafeBufferPointer<UInt8>? {
        if PQgetisnull(handle, Int32(row), Int32(column)) != 0 { return nil }
        let length = Int(PQgetlength(handle, Int32(row), Int32(column)))
        let start = UnsafeRawPointer(PQgetvalue(handle, Int32(row), Int32(column))!).assumingMemoryBound(to: UInt8.self)
        return UnsafeBufferPointer(start: start, count: length)
    }

    /// All rows, in order.
    public var rows: [Row] { (0..<count).map { Row(result: self, index: $0) } }

    /// The first row, if any.
    public var first: Row? { count > 0 ? Row(result: self, index: 0) : nil }
}

@available(*, unavailable)
extension QueryResult: Sendable {}

/// One row of a `QueryResult`; keeps the result alive while it is used.
public struct Row {
    let result: QueryResult
    /// The row's position in its result.
    public let index: Int

    /// Decodes column `column` (0-based) as `T`; NULL decodes only into an `Optional`.
    public func decode<T: SQLDecodable>(_ column: Int, as type: T.Type = T.self) throws -> T {
        guard column >= 0, column < result.columns.count else {
            throw StoreError(sqlState: .clientError, message: "column \(column) is out of range")
        }
        let text = result.text(row: index, column: column)
        guard let value = T.decode(sqlText: text) else {
            let what = text == nil ? "NULL" : "a value that is not \(T.self)"
            throw StoreError(
                sqlState: .clientError, message: "column \"\(result.columns[column])\" holds \(what)")
        }
        return value
    }

    /// Decodes the column named `name` as `T`.
    public func decode<T: SQLDecodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        guard let column = result.columns.firstIndex(of: name) else {
            throw StoreError(sqlState: .clientError, message: "the result has no column \"\(name)\"")
        }
        return try decode(column, as: type)
    }
}

@available(*, unavailable)
extension Row: Sendable {}
