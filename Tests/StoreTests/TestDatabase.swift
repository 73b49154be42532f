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

/// One cluster per test process, in a temporary PTT_HOME, stopped when the process exits.
/// Each test gets its own database in it.
enum SharedCluster {
    static let cluster: Cluster = {
        let cluster = try! Cluster(home: try! makeTemporaryDirectory("store-tests"))
        try! cluster.start()
        atexit {
            _ = try? SharedCluster.cluster.stop()
            try? FileManager.default.removeItem(atPath: SharedCluster.cluster.home)
        }
        return cluster
    }()
}

/// Runs `body` with a connection to a new, empty database, dropped afterwards.
func withFreshDatabase<T>(migrated: Bool = false, _ body: (Connection) throws -> T) throws -> T {
    let cluster = SharedCluster.cluster
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
