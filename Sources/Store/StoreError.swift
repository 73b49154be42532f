/// A five-character SQLSTATE code, as PostgreSQL reports it (`23505` = unique violation).
///
/// Codes are a struct, not an enum, so the list can grow. Use them in `catch` clauses:
///
///     do { try connection.execute(query) } catch SQLState.uniqueViolation { … }
public struct SQLState: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var code: String

    public init(_ code: String) { self.code = code }
    public init(stringLiteral code: String) { self.code = code }

    public var description: String { code }

    public static let uniqueViolation = SQLState("23505")
    public static let foreignKeyViolation = SQLState("23503")
    public static let notNullViolation = SQLState("23502")
    public static let checkViolation = SQLState("23514")
    public static let invalidTextRepresentation = SQLState("22P02")
    public static let syntaxError = SQLState("42601")
    public static let undefinedTable = SQLState("42P01")
    public static let undefinedColumn = SQLState("42703")
    public static let serializationFailure = SQLState("40001")
    public static let queryCanceled = SQLState("57014")
    /// The client could not establish a connection (08001).
    public static let cannotConnect = SQLState("08001")
    /// The connection broke (08006).
    public static let connectionFailure = SQLState("08006")
    /// A problem on the client side: decoding a value, reading a file (ptt's own class `PT`).
    public static let clientError = SQLState("PT000")
    /// A migration file changed after it was applied, or the database is newer than ptt.
    public static let migrationMismatch = SQLState("PT001")
    /// The embedded cluster could not be created, started or stopped.
    public static let clusterFailure = SQLState("PT002")

    /// The server is shutting down or restarting (57P01 admin shutdown, 57P02 crash shutdown,
    /// 57P03 cannot connect now).
    public static let adminShutdown = SQLState("57P01")
    public static let crashShutdown = SQLState("57P02")
    public static let cannotConnectNow = SQLState("57P03")

    /// Whether the error means the connection is gone (class 08, or the server shutting down),
    /// rather than something wrong with one statement.
    public var isConnectionLoss: Bool {
        errorClass == "08" || self == .adminShutdown || self == .crashShutdown || self == .cannotConnectNow
    }

    /// The two-character class: `23` integrity constraint violation, `08` connection exception …
    public var errorClass: Substring { code.prefix(2) }

    /// Matches a `StoreError` carrying this state, so `catch SQLState.uniqueViolation` works.
    public static func ~= (pattern: SQLState, error: any Error) -> Bool {
        (error as? StoreError)?.sqlState == pattern
    }
}

/// An error from the database or from ptt's handling of it.
///
/// `message` is one sentence for a person; `hint` says what to do. `sql` (and any bound values)
/// are kept for `--verbose` only: `description` never shows them.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public var sqlState: SQLState
    /// One sentence, without SQL or bound values.
    public var message: String
    /// What to do about it, when there is something to say.
    public var hint: String?
    /// Server detail (`Key (content_hash)=(…) already exists.`); may contain values: verbose only.
    public var detail: String?
    /// The statement that failed; verbose only.
    public var sql: String?

    public init(sqlState: SQLState, message: String, hint: String? = nil, detail: String? = nil, sql: String? = nil) {
        self.sqlState = sqlState
        self.message = message
        self.hint = hint
        self.detail = detail
        self.sql = sql
    }

    /// The message and hint: what a user sees by default.
    public var description: String {
        var text = message
        if let hint { text += "\nhint: \(hint)" }
        return text
    }

    /// The message, hint, SQLSTATE, detail and SQL: what `--verbose` shows.
    public var verboseDescription: String {
        var text = "\(message) [SQLSTATE \(sqlState)]"
        if let detail { text += "\ndetail: \(detail)" }
        if let hint { text += "\nhint: \(hint)" }
        if let sql { text += "\nsql: \(sql)" }
        return text
    }
}
