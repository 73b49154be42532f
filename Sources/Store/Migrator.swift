/// Applies migrations in order, each in one transaction, and records them in
/// `schema_migrations(version, name, checksum, applied_at)`.
public struct Migrator: Sendable {
    public var migrations: [Migration]

    public init(migrations: [Migration]) {
        self.migrations = migrations
    }

    /// The migrations in `Migration.directory()`.
    public static func fromSourceTree() throws -> Migrator {
        Migrator(migrations: try Migration.load(from: try Migration.directory()))
    }

    /// Applies the migrations in `Migration.directory()` unless the database already has
    /// exactly those, which one query checks against the directory's listing: no file is read
    /// and no lock taken on the path every command takes. When anything differs (a migration
    /// pending, or one the files lack) the full `migrate` runs, with its checksums, so an edited
    /// migration is still refused before anything is applied. Returns what it applied.
    @discardableResult
    public static func migrateIfNeeded(_ connection: Connection) throws -> [Migration] {
        let directory = try Migration.directory()
        let expected = try Migration.files(in: directory).map { "\($0.version) \($0.name)" }
        do {
            let recorded: String = try connection.execute(
                "SELECT coalesce(string_agg(version || ' ' || name, E'\\n' ORDER BY version), '') FROM schema_migrations"
            ).first!.decode(0)
            if recorded == expected.joined(separator: "\n") { return [] }
        } catch SQLState.undefinedTable {
            // A new database: migrate creates the table.
        }
        return try Migrator(migrations: Migration.load(from: directory)).migrate(connection)
    }

    /// Arbitrary constant for `pg_advisory_lock`, so two ptt processes migrate one at a time.
    static let lockKey = 7_270_410_501

    /// Applies what is pending and returns the migrations it applied (empty if none).
    ///
    /// Throws `SQLState.migrationMismatch` when an applied migration's file changed or is
    /// unknown to this ptt; nothing is applied then.
    @discardableResult
    public func migrate(_ connection: Connection) throws -> [Migration] {
        try connection.execute("SELECT pg_advisory_lock(\(Migrator.lockKey))")
        defer { _ = try? connection.execute("SELECT pg_advisory_unlock(\(Migrator.lockKey))") }
        try connection.execute(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version integer PRIMARY KEY,
                name text NOT NULL,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """)

        let applied = try appliedChecksums(connection)
        let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
        for (version, row) in applied.sorted(by: { $0.key < $1.key }) {
            guard let migration = known[version] else {
                throw StoreError(
                    sqlState: .migrationMismatch,
                    message: "the database has migration \(version) (\(row.name)), which this ptt does not have",
                    hint: "use the ptt build that matches the database, or point PTT_SQL_DIR at its sql/ folder")
            }
            guard migration.checksum == row.checksum else {
                throw StoreError(
                    sqlState: .migrationMismatch,
                    message: "migration \(migration.fileName) was edited after it was applied",
                    hint: "restore the file as it was and put the change in a new migration")
            }
        }
        var done: [Migration] = []
        for migration in migrations where applied[migration.version] == nil {
            try connection.withTransaction { db in
                do {
                    try db.executeScript(unsafeSQL: migration.sql)
                } catch var error as StoreError {
                    error.message = "migration \(migration.fileName) failed: \(error.message)"
                    throw error
                }
                try db.execute(
                    """
                    INSERT INTO schema_migrations (version, name, checksum)
                    VALUES (\(migration.version), \(migration.name), \(migration.checksum))
                    """)
            }
            done.append(migration)
        }
        return done
    }

    /// Versions already applied, with their recorded name and checksum.
    public func appliedChecksums(_ connection: Connection) throws -> [Int: (name: String, checksum: String)] {
        var result: [Int: (name: String, checksum: String)] = [:]
        for row in try connection.execute("SELECT version, name, checksum FROM schema_migrations").rows {
            result[try row.decode(0)] = (try row.decode(1), try row.decode(2))
        }
        return result
    }
}
