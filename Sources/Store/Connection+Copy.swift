import CLibPQ

extension Connection {
    /// Bulk-inserts `rows` with `COPY table (columns) FROM STDIN` in text format; returns the
    /// number of rows copied.
    ///
    /// Each row must have one value per column; nil is NULL. Tabs, newlines, carriage returns
    /// and backslashes inside values are escaped, so any Chinese text goes through unchanged.
    /// `table` and `columns` are identifiers chosen by ptt, quoted here.
    @discardableResult
    public func copy(into table: String, columns: [String], rows: some Sequence<[String?]>) throws -> Int {
        let columnList = columns.map { quoteIdentifier($0) }.joined(separator: ", ")
        let sql = "COPY \(quoteIdentifier(table)) (\(columnList)) FROM STDIN"
        _ = try check(PQexec(handle, sql), sql: sql)

        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16)
        var failure: String?
        var count = 0
        for row in rows {
            guard row.count == columns.count else {
                failure = "row \(count + 1) has \(row.count) values for \(columns.count) columns"
                break
            }
            Connection.appendCopyRow(row, to: &buffer)
            count += 1
            if buffer.count >= 1 << 16 {
                if !putCopyData(buffer) { break }
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if failure == nil, !buffer.isEmpty { _ = putCopyData(buffer) }
        PQputCopyEnd(handle, failure)
        var lastError: StoreError?
        while let result = PQgetResult(handle) {
            if PQresultStatus(result) != PGRES_COMMAND_OK, lastError == nil {
                lastError = Connection.error(from: result, connection: handle, sql: sql)
            }
            PQclear(result)
        }
        if let failure { throw StoreError(sqlState: .clientError, message: failure, sql: sql) }
        if let lastError { throw lastError }
        return count
    }

    private func putCopyData(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { PQputCopyData(handle, $0.baseAddress, Int32($0.count)) == 1 }
        }
    }

    /// Appends one row in COPY text format: tab-separated, `\N` for NULL, newline-terminated.
    ///
    /// Values are copied in runs between the bytes that need escaping (documents are a few
    /// kilobytes with a line break now and then; byte-by-byte appends were an eighth of ingest CPU).
    static func appendCopyRow(_ row: [String?], to buffer: inout [UInt8]) {
        for (i, value) in row.enumerated() {
            if i > 0 { buffer.append(0x09) }
            guard var value else {
                buffer.append(contentsOf: [0x5C, 0x4E])  // \N
                continue
            }
            value.withUTF8 { bytes in
                var start = 0
                for (j, byte) in bytes.enumerated() where byte <= 0x5C {
                    let escaped: UInt8
                    switch byte {
                    case 0x5C: escaped = 0x5C  // \\
                    case 0x09: escaped = 0x74  // \t
                    case 0x0A: escaped = 0x6E  // \n
                    case 0x0D: escaped = 0x72  // \r
                    default: continue
                    }
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<j]))
                    buffer.append(0x5C)
                    buffer.append(escaped)
                    start = j + 1
                }
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
            }
        }
        buffer.append(0x0A)
    }
}

/// `name` as a double-quoted SQL identifier.
func quoteIdentifier(_ name: String) -> String {
    "\"" + name.replacingAll("\"", with: "\"\"") + "\""
}
