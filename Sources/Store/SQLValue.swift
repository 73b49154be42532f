import Ingest

/// A value ready to be sent as a query parameter: its text form (nil for NULL) and type OID.
public struct SQLValue: Sendable, Hashable {
    /// PostgreSQL's text representation; nil is SQL NULL.
    public var text: String?
    /// The parameter's type OID; 0 lets the server infer it from context.
    public var oid: UInt32

    public init(text: String?, oid: UInt32) {
        self.text = text
        self.oid = oid
    }

    public static let null = SQLValue(text: nil, oid: 0)

    /// Type OIDs of the built-in types ptt binds.
    public enum OID {
        public static let bool: UInt32 = 16
        public static let int8: UInt32 = 20
        public static let text: UInt32 = 25
        public static let float8: UInt32 = 701
        public static let date: UInt32 = 1082
        public static let textArray: UInt32 = 1009
    }
}

/// A Swift value that can be bound as a query parameter.
public protocol SQLEncodable {
    /// The parameter type OID used for this type (also for its NULL).
    static var sqlOID: UInt32 { get }
    /// The value in PostgreSQL's text format; nil for SQL NULL.
    var sqlText: String? { get }
}

extension SQLEncodable {
    public var sqlValue: SQLValue { SQLValue(text: sqlText, oid: Self.sqlOID) }
}

/// A Swift value that can be read from a column in PostgreSQL's text format.
public protocol SQLDecodable {
    /// Decodes `text` (nil for SQL NULL); returns nil when the text cannot be this type.
    static func decode(sqlText text: String?) -> Self?
}

extension String: SQLEncodable, SQLDecodable {
    public static var sqlOID: UInt32 { SQLValue.OID.text }
    public var sqlText: String? { self }
    public static func decode(sqlText text: String?) -> String? { text }
}

extension Int: SQLEncodable, SQLDecodable {
    public static var sqlOID: UInt32 { SQLValue.OID.int8 }
    public var sqlText: String? { String(self) }
    public static func decode(sqlText text: String?) -> Int? { text.flatMap { Int($0) } }
}

extension Double: SQLEncodable, SQLDecodable {
    public static var sqlOID: UInt32 { SQLValue.OID.float8 }
    /// Non-finite values have no portable text form across numeric types and bind as NULL.
    public var sqlText: String? { isFinite ? "\(self)" : nil }
    public static func decode(sqlText text: String?) -> Double? { text.flatMap { Double($0) } }
}

extension Bool: SQLEncodable, SQLDecodable {
    public static var sqlOID: UInt32 { SQLValue.OID.bool }
    public var sqlText: String? { self ? "t" : "f" }
    public static func decode(sqlText text: String?) -> Bool? {
        switch text {
        case "t", "true": true
        case "f", "false": false
        default: nil
        }
    }
}

extension Day: SQLEncodable, SQLDecodable {
    public static var sqlOID: UInt32 { SQLValue.OID.date }
    public var sqlText: String? { description }
    /// Reads dates in ISO style; connections set `DateStyle` to ISO.
    public static func decode(sqlText text: String?) -> Day? { text.flatMap { Day(iso: $0) } }
}

extension Array: SQLEncodable where Element == String {
    public static var sqlOID: UInt32 { SQLValue.OID.textArray }
    /// An array literal with every element quoted: `{"a","b \"c\""}`.
    public var sqlText: String? {
        // Built as UTF-8 bytes: ingest sends thousands of elements per transaction.
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        for (i, item) in enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\""))
            for byte in item.utf8 {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { bytes.append(UInt8(ascii: "\\")) }
                bytes.append(byte)
            }
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Optional: SQLEncodable where Wrapped: SQLEncodable {
    public static var sqlOID: UInt32 { Wrapped.sqlOID }
    public var sqlText: String? { self?.sqlText }
}

extension Optional: SQLDecodable where Wrapped: SQLDecodable {
    /// NULL decodes as `.some(nil)`; a non-NULL value that does not decode fails.
    public static func decode(sqlText text: String?) -> Wrapped?? {
        guard let text else { return .some(nil) }
        return Wrapped.decode(sqlText: text).map { .some($0) }
    }
}
