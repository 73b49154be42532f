import Foundation
import Store
import Testing

/// Each test owns a cluster in its own temporary PTT_HOME.
@Suite struct ClusterTests {
    func withCluster(_ body: (Cluster) throws -> Void) throws {
        let cluster = try Cluster(home: try makeTemporaryDirectory("cluster"))
        defer {
            _ = try? cluster.stop()
            try? FileManager.default.removeItem(atPath: cluster.home)
        }
        try body(cluster)
    }

    @Test func createsStartsStopsAndRestarts() throws {
        try withCluster { cluster in
            #expect(cluster.state() == .notInitialized)
            #expect(try cluster.start() == .created)
            #expect(try cluster.start() == .alreadyRunning)
            guard case .running(let pid) = cluster.state() else {
                Issue.record("not running after start")
                return
            }
            #expect(pid != nil)
            let db = try Connection(target: cluster.url())
            #expect(try db.execute("SELECT current_database()").first!.decode(0, as: String.self) == "ptt")
            // Unix socket only: no TCP listener.
            #expect(try db.execute("SHOW listen_addresses").first!.decode(0, as: String.self) == "")
            #expect(try cluster.stop())
            #expect(cluster.state() == .stopped)
            #expect(try cluster.stop() == false)
            #expect(try cluster.start() == .started)
            #expect(cluster.ping())
        }
    }

    @Test func recoversFromACrashedServer() throws {
        try withCluster { cluster in
            try cluster.start()
            guard case .running(let pid?) = cluster.state() else {
                Issue.record("not running after start")
                return
            }
            kill(pid_t(pid), SIGKILL)
            let deadline = Date().addingTimeInterval(10)
            while cluster.ping(), Date() < deadline { usleep(50_000) }
            usleep(200_000)
            #expect(cluster.state() == .crashed(pid: pid))
            #expect(try cluster.start() == .started)
            #expect(cluster.ping())
        }
    }

    @Test func startFailureShowsTheServerLog() throws {
        try withCluster { cluster in
            try cluster.start()
            try cluster.stop()
            // Break the configuration so the server refuses to start.
            let conf = cluster.dataDirectory + "/postgresql.auto.conf"
            try "shared_buffers = 'not a size'\n".write(toFile: conf, atomically: false, encoding: .utf8)
            let error = #expect(throws: StoreError.self) { try cluster.start(timeout: 20) }
            #expect(error?.sqlState == .clusterFailure)
            #expect(error?.message.contains("shared_buffers") == true)
            try "".write(toFile: conf, atomically: false, encoding: .utf8)
            #expect(try cluster.start() == .started)
        }
    }
}
