import Foundation
import Store
import Testing

extension DatabaseTests {
    @Suite struct MigratorTests {
        @Test func appliesTheSourceTreeMigrationsOnce() throws {
            try withFreshDatabase { db in
                let migrator = try Migrator.fromSourceTree()
                #expect(!migrator.migrations.isEmpty)
                let first = try migrator.migrate(db)
                #expect(first.map(\.version) == migrator.migrations.map(\.version))
                #expect(try migrator.migrate(db).isEmpty)
                let recorded = try db.execute("SELECT version, checksum FROM schema_migrations ORDER BY version").rows
                #expect(try recorded.map { try $0.decode(0, as: Int.self) } == migrator.migrations.map(\.version))
                #expect(try recorded.map { try $0.decode(1, as: String.self) } == migrator.migrations.map(\.checksum))
                for table in ["documents", "mentions", "deadlines"] {
                    #expect(try db.execute("SELECT to_regclass(\(table)) IS NOT NULL").first!.decode(0, as: Bool.self))
                }
            }
        }

        @Test func refusesAnEditedMigration() throws {
            let dir = try makeTemporaryDirectory("migrations")
            defer { try? FileManager.default.removeItem(atPath: dir) }
            try "CREATE TABLE a (x int);".write(toFile: dir + "/0001_a.sql", atomically: true, encoding: .utf8)
            try withFreshDatabase { db in
                try Migrator(migrations: Migration.load(from: dir)).migrate(db)
                try "CREATE TABLE a (x int, y int);".write(toFile: dir + "/0001_a.sql", atomically: true, encoding: .utf8)
                try "CREATE TABLE b (x int);".write(toFile: dir + "/0002_b.sql", atomically: true, encoding: .utf8)
                let error = #expect(throws: StoreError.self) { try Migrator(migrations: Migration.load(from: dir)).migrate(db) }
                #expect(error?.sqlState == .migrationMismatch)
                #expect(error?.message.contains("0001_a.sql") == true)
                // Nothing after the refusal was applied.
                #expect(try db.execute("SELECT to_regclass('b') IS NULL").first!.decode(0, as: Bool.self))
            }
        }

        @Test func aFailingMigrationLeavesNoTrace() throws {
            let dir = try makeTemporaryDirectory("migrations")
            defer { try? FileManager.default.removeItem(atPath: dir) }
            try "CREATE TABLE a (x int);".write(toFile: dir + "/0001_a.sql", atomically: true, encoding: .utf8)
            try "CREATE TABLE b (x int); SELECT 1/0;".write(toFile: dir + "/0002_b.sql", atomically: true, encoding: .utf8)
            try withFreshDatabase { db in
                let error = #expect(throws: StoreError.self) { try Migrator(migrations: Migration.load(from: dir)).migrate(db) }
                #expect(error?.message.contains("0002_b.sql") == true)
                let applied = try db.execute("SELECT count(*) FROM schema_migrations").first!.decode(0, as: Int.self)
                #expect(applied == 1)
                let noTableB = try db.execute("SELECT to_regclass('b') IS NULL").first!.decode(0, as: Bool.self)
                #expect(noTableB)
            }
        }
    }
}
