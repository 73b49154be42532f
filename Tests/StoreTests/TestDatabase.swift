import Foundation
import Store
import Testing

/// A fresh, empty temporary directory that the `postgres` user can enter (tests run as root).
func makeTemporaryDirectory(_ label: String) throws -> String {
    let path = NSTemporaryDirectory() + "ptt-\(label)-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    chmod(path, 0o755)
    return path
}

/// The database tests, nested in one suite so that they share one cluster (each test still gets
/// its own database): started before the first test, stopped after the last.
@Suite(SharedCluster()) struct DatabaseTests {}

/// A suite trait that runs its suite inside a cluster in a temporary PTT_HOME.
struct SharedCluster: SuiteTrait, TestScoping {
    @TaskLocal static var current: Cluster?

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let cluster = try Cluster(home: try makeTemporaryDirectory("store-tests"))
        defer {
            _ = try? cluster.stop()
            try? FileManager.default.removeItem(atPath: cluster.home)
        }
        try cluster.start()
        try await SharedCluster.$current.withValue(cluster) { try await function() }
    }
}

/// Runs `body` with a connection to a new, empty database, dropped afterwards.
func withFreshDatabase<T>(migrated: Bool = false, _ body: (Connection) throws -> T) throws -> T {
    let cluster = try #require(SharedCluster.current, "database tests belong in `extension DatabaseTests`")
    let name = "t_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "_")
    let admin = try Connection(target: cluster.url(database: "postgres"))
    try admin.execute("CREATE DATABASE \(identifier: name)")
    defer { _ = try? admin.execute("DROP DATABASE \(identifier: name) WITH (FORCE)") }
    let result: T
    do {
        let db = try Connection(target: cluster.url(database: name))
        if migrated { try Migrator.fromSourceTree().migrate(db) }
        result = try body(db)
    }
    return result
}

/// Runs `body` with the URL of a new, migrated database, dropped afterwards.
func withFreshDatabaseURL<T>(_ body: (String) throws -> T) throws -> T {
    let cluster = try #require(SharedCluster.current, "database tests belong in `extension DatabaseTests`")
    let name = "t_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "_")
    let admin = try Connection(target: cluster.url(database: "postgres"))
    try admin.execute("CREATE DATABASE \(identifier: name)")
    defer { _ = try? admin.execute("DROP DATABASE \(identifier: name) WITH (FORCE)") }
    let url = cluster.url(database: name)
    try Migrator.fromSourceTree().migrate(try Connection(target: url))
    return try body(url)
}
