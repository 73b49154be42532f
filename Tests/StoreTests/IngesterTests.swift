import Foundation
import Ingest
import Store
import Testing

/// A corpus of `count` files made from examples/: each an example text with a line of its own
/// (a number that varies), so hashes differ and the same targets recur with other numbers.
func makeCorpus(_ count: Int) throws -> (directory: String, files: [String]) {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples").path
    let examples = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasSuffix(".txt") }.sorted()
    let texts = try examples.map { try String(contentsOfFile: root + "/" + $0, encoding: .utf8) }
    let dir = try makeTemporaryDirectory("corpus")
    var files: [String] = []
    for i in 0..<count {
        let extra = "\n\n到\(2025 + i % 3)年，全县规上工业增加值增长\(5 + i % 7)%以上，第\(i)号。\n"
        let path = dir + "/doc\(String(format: "%04d", i)).txt"
        try (texts[i % texts.count] + extra).write(toFile: path, atomically: true, encoding: .utf8)
        files.append(path)
    }
    return (dir, files)
}

extension DatabaseTests {
    @Suite struct IngesterTests {
        static func ingest(_ url: String, _ files: [String], jobs: Int = 2) throws -> IngestSummary {
            try Ingester(jobs: jobs) { try Connection(target: url) }.run(files.map { IngestInput(path: $0) })
        }

        @Test func theSameIngestTwiceLeavesIdenticalTables() throws {
            let corpus = try makeCorpus(24)
            defer { try? FileManager.default.removeItem(atPath: corpus.directory) }
            try withFreshDatabaseURL { url in
                let db = try Connection(target: url)
                let first = try IngesterTests.ingest(url, corpus.files)
                #expect(first.counts[.new] == 24)
                #expect(first.failures.isEmpty)
                let before = try db.checksums()
                let second = try IngesterTests.ingest(url, corpus.files)
                #expect(second.counts[.unchanged] == 24)
                #expect(try db.checksums() == before)
                #expect(try db.count("target_revisions") > 0)
                let runs = try db.execute("SELECT count(*) FROM ingest_runs WHERE finished_at IS NOT NULL").first!
                #expect(try runs.decode(0, as: Int.self) == 2)
                // A document missing from a later input is kept.
                _ = try IngesterTests.ingest(url, Array(corpus.files.prefix(3)))
                #expect(try db.checksums() == before)
            }
        }

        @Test func overlappingConcurrentIngestsEndLikeOneRun() throws {
            let corpus = try makeCorpus(40)
            defer { try? FileManager.default.removeItem(atPath: corpus.directory) }
            let single = try withFreshDatabaseURL { url in
                _ = try IngesterTests.ingest(url, corpus.files, jobs: 1)
                return try Connection(target: url).checksums()
            }
            let concurrent = try withFreshDatabaseURL { url in
                let parts = [Array(corpus.files[0..<30]), Array(corpus.files[10..<40].reversed())]
                let failures = Failures()
                DispatchQueue.concurrentPerform(iterations: 2) { i in
                    do {
                        let summary = try IngesterTests.ingest(url, parts[i], jobs: 2)
                        failures.add(summary.failures.count + (summary.interruption == nil ? 0 : 1))
                    } catch {
                        failures.add(1)
                    }
                }
                #expect(failures.total == 0)
                return try Connection(target: url).checksums()
            }
            #expect(concurrent == single)
            #expect(single["documents"]?.hasPrefix("40 ") == true)
        }

        @Test func anUnchangedFileIsSkippedByItsBytesAndHintsUnlessTheyOrTheExtractorChange() throws {
            let corpus = try makeCorpus(6)
            defer { try? FileManager.default.removeItem(atPath: corpus.directory) }
            try withFreshDatabaseURL { url in
                let db = try Connection(target: url)
                let inputs = corpus.files.map { IngestInput(path: $0) }
                let ingester = Ingester(jobs: 2) { try Connection(target: url) }
                #expect(try ingester.run(inputs).counts[.new] == 6)
                #expect(try db.execute("SELECT count(*) FROM documents WHERE ingest_key IS NULL").first!.decode(0, as: Int.self) == 0)
                let before = try db.checksums()
                // The fast path does not read the text: a title edited in the database stays.
                try db.execute("UPDATE documents SET title = 'edited' WHERE source = \(corpus.files[0])")
                #expect(try ingester.run(inputs).counts[.unchanged] == 6)
                #expect(try db.execute("SELECT count(*) FROM documents WHERE title = 'edited'").first!.decode(0, as: Int.self) == 1)
                // Without its key (a row from before the key existed) the file is read again:
                // the facts differ, so it is updated, and the key is back.
                try db.execute("UPDATE documents SET ingest_key = NULL WHERE source = \(corpus.files[0])")
                let again = try ingester.run(inputs)
                #expect(again.counts[.updated] == 1 && again.counts[.unchanged] == 5)
                #expect(try db.checksums() == before)
                #expect(try db.execute("SELECT count(*) FROM documents WHERE ingest_key IS NULL").first!.decode(0, as: Int.self) == 0)
                // Other manifest hints for the same bytes: read again, and the hint wins.
                var hinted = inputs
                hinted[1].hints = DocumentHints(title: "另一个标题")
                let withHints = try ingester.run(hinted)
                #expect(withHints.counts[.updated] == 1 && withHints.counts[.unchanged] == 5)
                #expect(try db.execute("SELECT count(*) FROM documents WHERE title = '另一个标题'").first!.decode(0, as: Int.self) == 1)
                #expect(try ingester.run(hinted).counts[.unchanged] == 6)
                // A new extractor version reads every file again.
                let newer = Ingester(jobs: 2, extractorVersion: "next") { try Connection(target: url) }
                #expect(try newer.run(inputs).counts[.updated] == 6)
                #expect(try newer.run(inputs).counts[.unchanged] == 6)
                // --reextract never takes the fast path.
                let reextract = Ingester(jobs: 2, reextract: true, extractorVersion: "next") { try Connection(target: url) }
                #expect(try reextract.run(inputs).counts[.updated] == 6)
            }
        }

        @Test func aBadFileFailsAloneWithItsReason() throws {
            let corpus = try makeCorpus(3)
            defer { try? FileManager.default.removeItem(atPath: corpus.directory) }
            let bad = corpus.directory + "/bad.txt"
            try Data([0xFF, 0xFE, 0x00, 0x81, 0x00]).write(to: URL(fileURLWithPath: bad))
            try withFreshDatabaseURL { url in
                let summary = try IngesterTests.ingest(url, corpus.files + [bad, corpus.directory + "/missing.txt"])
                #expect(summary.counts[.new] == 3)
                #expect(summary.failures.map(\.file) == [bad, corpus.directory + "/missing.txt"])
                #expect(summary.failures.last?.reason == "cannot read the file")
                let db = try Connection(target: url)
                #expect(try db.count("ingest_failures") == 2)
            }
        }

        @Test(arguments: ["analyst", "'; DROP TABLE documents; --"])
        func aReaderCanSelectAndNothingElse(role: String) throws {
            let cluster = try #require(SharedCluster.current)
            try withFreshDatabaseURL { url in
                let db = try Connection(target: url)
                let store = try DocumentStore(connection: db)
                _ = try store.save(document: Fixture.document("到2026年，规上工业产值翻一番。"), extractorVersion: "1") {
                    Fixture.mentions
                }
                #expect(try db.grantReader(role: role) == true)
                #expect(try db.grantReader(role: role) == false)
                defer {
                    _ = try? db.execute("DROP OWNED BY \(identifier: role)")
                    _ = try? db.execute("DROP ROLE \(identifier: role)")
                }
                let name = try db.execute("SELECT current_database()").first!.decode(0, as: String.self)
                let reader = try Connection(
                    target: "host=\(cluster.socketDirectory) port=\(cluster.port) dbname=\(name) user='\(role.replacingOccurrences(of: "'", with: "\\'"))'")
                for table in ["documents", "mentions", "targets", "target_revisions", "indicators", "regions", "deadlines", "content_checksums"] {
                    _ = try reader.execute("SELECT count(*) FROM \(identifier: table)")
                }
                let writes: [SQLQuery] = [
                    "INSERT INTO indicators (key, name, unit_family) VALUES ('k', 'n', 'none')",
                    "UPDATE documents SET title = 'x'",
                    "DELETE FROM targets",
                    "TRUNCATE mentions",
                    "CREATE TABLE mine (x int)",
                    "DROP TABLE documents",
                    "SELECT ptt_refresh_targets(ARRAY['331124'], ARRAY['gdp'])",
                ]
                for write in writes {
                    let error = #expect(throws: StoreError.self) { try reader.execute(write) }
                    #expect(error?.sqlState == SQLState("42501"), "\(write.sql)")
                }
                #expect(try db.count("targets") == 2)
            }
        }
    }
}

/// Failure counts from concurrent workers.
final class Failures: @unchecked Sendable {
    // @unchecked: `count` is only touched under `lock`.
    private let lock = NSLock()
    private var count = 0
    func add(_ n: Int) { lock.withLock { count += n } }
    var total: Int { lock.withLock { count } }
}
