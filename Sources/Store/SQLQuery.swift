/// A statement with its parameters: interpolated values become `$1`, `$2` … and are bound,
/// never spliced into the text.
///
///     let q: SQLQuery = "SELECT id FROM documents WHERE content_hash = \(hash)"
///
/// Text that must be spliced (an identifier chosen by ptt itself) is spelled
/// `\(unsafeSQL: …)` so it stands out in review.
public struct SQLQuery: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public var sql: String
    public var bindings: [SQLValue]

    /// A statement from trusted text and already-numbered bindings.
    public init(unsafeSQL sql: String, bindings: [SQLValue] = []) {
        self.sql = sql
        self.bindings = bindings
    }

    public init(stringLiteral value: String) {
        self.init(unsafeSQL: value)
    }

    public init(stringInterpolation: StringInterpolation) {
        self.init(unsafeSQL: stringInterpolation.sql, bindings: stringInterpolation.bindings)
    }

    /// The SQL text only, for `--verbose`.
    public var description: String { sql }

    public struct StringInterpolation: StringInterpolationProtocol {
        var sql = ""
        var bindings: [SQLValue] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
        }

        public mutating func appendLiteral(_ literal: String) {
            sql += literal
        }

        /// Binds `value` as the next parameter.
        public mutating func appendInterpolation<Value: SQLEncodable>(_ value: Value) {
            bindings.append(value.sqlValue)
            sql += "$\(bindings.count)"
        }

        /// Binds `value` as the next parameter, NULL when nil.
        public mutating func appendInterpolation<Value: SQLEncodable>(_ value: Value?) {
            bindings.append(value.sqlValue)
            sql += "$\(bindings.count)"
        }

        /// Binds a prepared value as the next parameter.
        public mutating func appendInterpolation(_ value: SQLValue) {
            bindings.append(value)
            sql += "$\(bindings.count)"
        }

        /// Splices `identifier` double-quoted, with embedded quotes doubled.
        public mutating func appendInterpolation(identifier: String) {
            sql += "\"" + identifier.replacingAll("\"", with: "\"\"") + "\""
        }

        /// Splices trusted SQL text as is. Never pass user input here.
        public mutating func appendInterpolation(unsafeSQL text: String) {
            sql += text
        }
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for ch in self {
            if ch == target { out += replacement } else { out.append(ch) }
        }
        return out
    }
}
