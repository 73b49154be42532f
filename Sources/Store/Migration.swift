import Glibc

/// One schema change: the file `sql/NNNN_name.sql`, applied once in its own transaction.
public struct Migration: Sendable, Hashable {
    public var version: Int
    public var name: String
    /// The SQL script, as read from the file.
    public var sql: String
    /// SHA-256 of the file's bytes; an applied migration whose checksum changed is refused.
    public var checksum: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
        self.checksum = SHA256.hex(Array(sql.utf8))
    }

    /// `0001_documents.sql`.
    public var fileName: String {
        let digits = String(version)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "_" + name + ".sql"
    }

    /// The directory of migrations: `PTT_SQL_DIR` if set, else `sql/` of the source tree ptt
    /// was built from (found through this file's path, so no copying is needed after
    /// `swift build`).
    public static func directory(environment: [String: String] = ProcessEnvironment.current) throws -> String {
        if let dir = environment["PTT_SQL_DIR"], !dir.isEmpty {
            guard isDirectory(dir) else {
                throw StoreError(
                    sqlState: .clientError, message: "PTT_SQL_DIR is \(dir), which is not a directory",
                    hint: "point PTT_SQL_DIR at the sql/ folder of the ptt source tree")
            }
            return dir
        }
        // #filePath is …/Sources/Store/Migration.swift.
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        let dir = parts.joined(separator: "/") + "/sql"
        guard isDirectory(dir) else {
            throw StoreError(
                sqlState: .clientError,
                message: "cannot find the migrations directory \(dir) (ptt looks for sql/ in the tree it was built from)",
                hint: "set PTT_SQL_DIR to the sql/ folder of the ptt source tree")
        }
        return dir
    }

    /// Reads every `NNNN_name.sql` in `directory`, ordered by version; other files are ignored.
    public static func load(from directory: String) throws -> [Migration] {
        var migrations: [Migration] = []
        for (file, version, name) in try files(in: directory) {
            let bytes = try readFile(directory + "/" + file)
            guard let sql = String(validating: bytes, as: UTF8.self) else {
                throw StoreError(sqlState: .clientError, message: "migration \(file) is not UTF-8")
            }
            migrations.append(Migration(version: version, name: name, sql: sql))
        }
        for (a, b) in zip(migrations, migrations.dropFirst()) where a.version == b.version {
            throw StoreError(
                sqlState: .migrationMismatch,
                message: "two migrations share version \(a.version): \(a.fileName) and \(b.fileName)")
        }
        return migrations
    }

    /// The `NNNN_name.sql` files in `directory` with their version and name, ordered by version,
    /// from the listing alone (nothing is read).
    public static func files(in directory: String) throws -> [(file: String, version: Int, name: String)] {
        var found: [(file: String, version: Int, name: String)] = []
        for file in try listDirectory(directory) where file.hasSuffix(".sql") {
            let stem = file.dropLast(4)
            guard let underscore = stem.firstIndex(of: "_"), let version = Int(stem[..<underscore]) else {
                continue
            }
            found.append((file, version, String(stem[stem.index(after: underscore)...])))
        }
        return found.sorted { ($0.version, $0.name) < ($1.version, $1.name) }
    }
}

/// The process environment as a dictionary (Glibc's `environ`).
public enum ProcessEnvironment {
    public static var current: [String: String] {
        var result: [String: String] = [:]
        var p = environ
        while let entry = p.pointee {
            let s = String(cString: entry)
            if let eq = s.firstIndex(of: "=") {
                result[String(s[..<eq])] = String(s[s.index(after: eq)...])
            }
            p += 1
        }
        return result
    }
}
