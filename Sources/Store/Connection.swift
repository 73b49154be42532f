import CLibPQ
import Glibc

/// One session with a PostgreSQL server. Owns its `PGconn` and closes it in `deinit`.
///
/// Not `Sendable`: libpq connections must not be used from two threads at once. Open one per
/// task instead.
public final class Connection {
    let handle: OpaquePointer

    /// Connects to `target`: a libpq URL (`postgresql://…`) or keyword string (`host=… dbname=…`).
    ///
    /// Gives up after `connectTimeout` seconds per address unless `target` sets its own
    /// `connect_timeout`. The error names the host, port and database, never the password;
    /// `origin` (such as "from --database-url") is added to it.
    public init(target: String, origin: String? = nil, connectTimeout: Int = 4) throws {
        // Earlier keywords are defaults that the expanded `dbname` (the target) overrides;
        // later ones override the target.
        // DateStyle is asked for in the startup packet (no extra round trip); a target with its
        // own `options` replaces that, and then a SET follows. JIT is off: ptt's statements are
        // short, and compiling a report's plan (whose cost estimates are high at a million
        // targets) took longer than running it (50 ms of an 80 ms report).
        let pairs: [(String, String)] = [
            ("connect_timeout", String(connectTimeout)),
            ("fallback_application_name", "ptt"),
            ("options", "-c DateStyle=ISO -c jit=off"),
            ("dbname", target),
            ("client_encoding", "UTF8"),
        ]
        let conn = withCStrings(pairs.map(\.0)) { keys in
            withCStrings(pairs.map(\.1)) { values in
                PQconnectdbParams(keys, values, 1)
            }
        }
        guard let conn else {
            throw StoreError(sqlState: .cannotConnect, message: "cannot allocate a database connection")
        }
        guard PQstatus(conn) == CONNECTION_OK else {
            let reason = Connection.firstLine(PQerrorMessage(conn))
            let where_ = Connection.describeTarget(conn)
            PQfinish(conn)
            var message = "cannot connect to \(where_)"
            if let origin { message += " (\(origin))" }
            // One line: the target, where it came from, and libpq's reason.
            throw StoreError(sqlState: .cannotConnect, message: message + ": " + reason)
        }
        handle = conn
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        let dateStyle = PQparameterStatus(handle, "DateStyle").map { String(cString: $0) } ?? ""
        if !dateStyle.hasPrefix("ISO") { try execute("SET DateStyle TO ISO") }
    }

    deinit { PQfinish(handle) }

    /// `database on host:port` for messages; socket paths shown as they are.
    public var targetDescription: String { Connection.describeTarget(handle) }

    /// False once the connection to the server is lost (server restarted or gone).
    public var isOpen: Bool { PQstatus(handle) == CONNECTION_OK }

    /// The server's version number, e.g. 150013 for 15.13.
    public var serverVersion: Int { Int(PQserverVersion(handle)) }

    /// Runs one statement with its parameters bound (`PQexecParams`) and returns its rows.
    @discardableResult
    public func execute(_ query: SQLQuery) throws -> QueryResult {
        // libpq takes parameters as C strings: a NUL would silently cut the value short.
        if query.bindings.contains(where: { $0.text?.utf8.contains(0) == true }) {
            throw StoreError(
                sqlState: .clientError, message: "a value contains a NUL character, which PostgreSQL text cannot hold",
                sql: query.sql)
        }
        let types = query.bindings.map { $0.oid }
        let result: OpaquePointer? = withOptionalCStrings(query.bindings.map(\.text)) { values in
            types.withUnsafeBufferPointer { types in
                PQexecParams(
                    handle, query.sql, Int32(query.bindings.count), types.baseAddress, values, nil, nil, 0)
            }
        }
        return try check(result, sql: query.sql)
    }

    /// Runs one query through a cursor and hands its rows to `body` a batch of `batchSize`
    /// rows at a time (`FETCH`), so memory stays flat however many rows there are, the first
    /// rows can be written before the last are computed, and each batch costs one round trip
    /// and one result (not one per row, as libpq's single-row mode does). The cursor lives in a
    /// transaction of its own (a savepoint inside another). Returns the number of rows.
    ///
    /// Each `Row` is valid only during its call. If `body` throws, the cursor is closed with
    /// the transaction and the error is rethrown.
    @discardableResult
    public func stream(_ query: SQLQuery, batchSize: Int = 5_000, _ body: (Row) throws -> Void) throws -> Int {
        try withTransaction { db in
            try db.execute(SQLQuery(unsafeSQL: "DECLARE ptt_stream NO SCROLL CURSOR FOR " + query.sql, bindings: query.bindings))
            var count = 0
            while true {
                let batch = try db.execute("FETCH \(unsafeSQL: String(batchSize)) FROM ptt_stream")
                for index in 0..<batch.count { try body(Row(result: batch, index: index)) }
                count += batch.count
                if batch.count < batchSize { break }
            }
            try db.execute("CLOSE ptt_stream")
            return count
        }
    }

    /// Runs a script of several statements without parameters (simple query protocol).
    /// For migrations and other trusted text only.
    @discardableResult
    public func executeScript(unsafeSQL script: String) throws -> QueryResult {
        try check(PQexec(handle, script), sql: script)
    }

    /// Turns a finished `PGresult` into a `QueryResult` or throws its error.
    func check(_ result: OpaquePointer?, sql: String?) throws -> QueryResult {
        guard let result else {
            throw StoreError(
                sqlState: .connectionFailure, message: Connection.firstLine(PQerrorMessage(handle)), sql: sql)
        }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY, PGRES_COPY_IN:
            return QueryResult(handle: result)
        default:
            let error = Connection.error(from: result, connection: handle, sql: sql)
            PQclear(result)
            throw error
        }
    }

    static func error(from result: OpaquePointer, connection: OpaquePointer, sql: String?) -> StoreError {
        func field(_ code: Character) -> String? {
            guard let p = PQresultErrorField(result, Int32(code.asciiValue!)) else { return nil }
            return String(cString: p)
        }
        let state = field("C").map { SQLState($0) } ?? .connectionFailure
        let message = field("M") ?? firstLine(PQerrorMessage(connection))
        return StoreError(sqlState: state, message: message, hint: field("H"), detail: field("D"), sql: sql)
    }

    static func firstLine(_ text: UnsafePointer<CChar>?) -> String {
        guard let text else { return "unknown error" }
        let s = String(cString: text).split(separator: "\n").first.map(String.init) ?? ""
        return s.isEmpty ? "unknown error" : s
    }

    static func describeTarget(_ conn: OpaquePointer) -> String {
        func get(_ f: (OpaquePointer?) -> UnsafeMutablePointer<CChar>?) -> String? {
            guard let p = f(conn) else { return nil }
            let s = String(cString: p)
            return s.isEmpty ? nil : s
        }
        let db = get(PQdb) ?? "?"
        var host = get(PQhost) ?? "localhost"
        if let port = get(PQport) { host += host.hasPrefix("/") ? " (port \(port))" : ":\(port)" }
        return "database \"\(db)\" on \(host)"
    }
}

@available(*, unavailable)
extension Connection: Sendable {}

/// Calls `body` with a NULL-terminated C array of C strings.
func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    withOptionalCStrings(strings.map { Optional($0) }, body)
}

/// Like `withCStrings`, with nil entries passed as NULL pointers (SQL NULL parameters).
func withOptionalCStrings<R>(_ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    let pointers: [UnsafeMutablePointer<CChar>?] = strings.map { $0.map { strdup($0)! } }
    defer { pointers.forEach { free($0) } }
    let array = pointers.map { UnsafePointer($0) } + [nil]
    return array.withUnsafeBufferPointer { body($0.baseAddress!) }
}
