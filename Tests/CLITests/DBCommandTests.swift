import Foundation
import Testing

@Suite struct DBCommandTests {
    @Test func twoConcurrentStartsShareOneServer() throws {
        try PTTBinary.withHome("concurrent") { ptt in
            let outputs = ManagedOutputs()
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                outputs.set(i, try? ptt.run("db", "start"))
            }
            let results = outputs.all.compactMap { $0 }
            #expect(results.count == 2)
            #expect(results.allSatisfy { $0.status == 0 })
            let firstWords = results.map { $0.stdout.split(separator: ":").first.map(String.init) ?? "" }.sorted()
            #expect(firstWords == ["already running", "created and started"])
            let status = try ptt.run("db", "status")
            #expect(status.status == 0)
            #expect(status.stdout.hasPrefix("state     running (pid "))
            // Exactly one postmaster serves this home.
            let servers = try Self.postmasters(of: ptt.home)
            #expect(servers.count == 1)
        }
    }

    @Test func stopThenTheNextCommandStartsItAgain() throws {
        try PTTBinary.withHome("restart") { ptt in
            #expect(try ptt.run("db", "start").status == 0)
            let stop = try ptt.run("db", "stop")
            #expect(stop.stdout == "stopped\n")
            let stopped = try ptt.run("db", "status")
            #expect(stopped.status == 3)
            #expect(stopped.stdout.hasPrefix("state     stopped\n"))
            let report = try ptt.run("deadlines", "--as-of", "2025-01-01")
            #expect(report.status == 0)
            #expect(report.stdout == "Deadlines as of 2025-01-01: 0 dated commitments\nNothing stored yet: add documents with `ptt ingest`.\n")
            #expect(try ptt.run("db", "status").stdout.hasPrefix("state     running"))
            let migrate = try ptt.run("db", "migrate")
            #expect(migrate.stdout.hasPrefix("up to date ("))
        }
    }

    @Test func ingestsTheExamplesOnceAndThenSkipsThem() throws {
        try PTTBinary.withHome("ingest") { ptt in
            let first = try ptt.run("ingest", "--manifest", "examples/manifest.csv")
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout == "ingested 4 files: 4 new, 0 unchanged, 0 updated, 0 failed\n")
            let second = try ptt.run("ingest", "--manifest", "examples/manifest.csv")
            #expect(second.stdout == "ingested 4 files: 0 new, 4 unchanged, 0 updated, 0 failed\n")
            let report = try ptt.run("deadlines", "--as-of", "2025-06-01")
            #expect(report.status == 0)
            #expect(report.stdout.hasPrefix("Deadlines as of 2025-06-01: "))
        }
    }

    @Test func missingFileFailsWithStatusOne() throws {
        try PTTBinary.withHome("missing") { ptt in
            let dir = ptt.home + "/docs"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try Data([0xFF, 0xFE, 0x00, 0x81, 0x00]).write(to: URL(fileURLWithPath: dir + "/bad.txt"))
            let result = try ptt.run("ingest", dir)
            #expect(result.status == 1)
            #expect(result.stdout.contains(" 1 failed\nfailed: \(dir)/bad.txt: "))
        }
    }

    @Test(arguments: [
        (["--database-url", "postgresql://someone:secret@127.0.0.1:1/policy"], [String: String](), "from --database-url"),
        ([], ["PTT_DATABASE_URL": "host=127.0.0.1 port=1 dbname=policy"], "from PTT_DATABASE_URL"),
    ])
    func unreachableServerIsOneLine(arguments: [String], environment: [String: String], origin: String) throws {
        var ptt = PTTBinary(home: NSTemporaryDirectory() + "ptt-cli-unused")
        ptt.environment = environment
        let start = Date()
        let result = try ptt.run(["deadlines"] + arguments)
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(result.stderr.hasPrefix("error: cannot connect to database \"policy\" on 127.0.0.1:1 (\(origin)): "))
        #expect(!result.stderr.contains("secret"))
    }

    /// Postmaster pids whose data directory is under `home`.
    static func postmasters(of home: String) throws -> [Int] {
        try FileManager.default.contentsOfDirectory(atPath: "/proc").compactMap(Int.init).filter { pid in
            guard let cmd = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            let args = String(decoding: cmd, as: UTF8.self).split(separator: "\0")
            guard let first = args.first, first.hasSuffix("/postgres") else { return false }
            return args.contains { $0.hasPrefix(home) && $0.hasSuffix("/data") }
        }
    }
}

/// Results written from concurrent threads.
final class ManagedOutputs: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var values: [Int: PTTBinary.Output] = [:]

    func set(_ i: Int, _ value: PTTBinary.Output?) {
        lock.lock()
        values[i] = value
        lock.unlock()
    }

    var all: [PTTBinary.Output?] {
        lock.lock()
        defer { lock.unlock() }
        return (0..<2).map { values[$0] }
    }
}
