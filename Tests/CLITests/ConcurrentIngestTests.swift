import Foundation
import Testing

/// Several `ptt ingest --database-url` workers (processes here, machines in production) on
/// overlapping shards of one crawl end in the state one run leaves (docs/scale.md).
@Suite struct ConcurrentIngestTests {
    /// Row counts and checksums of everything ingest stores and derives, without surrogate ids or
    /// timestamps (the `content_checksums` view, 0003).
    static let checksum =
        "SELECT string_agg(table_name || ' ' || rows || ' ' || checksum, ', ' ORDER BY table_name) FROM content_checksums"

    /// The export without its first column (the target id).
    static func exportWithoutIDs(_ csv: String) -> String {
        csv.split(separator: "\r\n", omittingEmptySubsequences: false).map { line in
            line.firstIndex(of: ",").map { String(line[line.index(after: $0)...]) } ?? String(line)
        }.joined(separator: "\r\n")
    }

    @Test func fourWorkersOnOverlappingShardsEndInTheStateOfOneRun() throws {
        try PTTBinary.withHome("workers") { ptt in
            // A generated crawl (seeded: the same files every time) whose documents restate each
            // other's targets, and the report fixtures, where a later document revises a number.
            let corpus = ptt.home + "/corpus"
            let generate = Process()
            generate.executableURL = URL(fileURLWithPath: PTTBinary.sourceRoot + "/scripts/gen-corpus")
            generate.arguments = ["--docs", "240", "--seed", "12", "--out", corpus, "--quiet"]
            #expect(try capture(generate).status == 0)
            var rows = try String(contentsOfFile: corpus + "/manifest.csv", encoding: .utf8)
                .split(separator: "\n").map(String.init)
            let header = rows.removeFirst()
            let fixtures = PTTBinary.sourceRoot + "/Tests/CLITests/Fixtures/reports"
            let fixtureRows = try String(contentsOfFile: fixtures + "/manifest.csv", encoding: .utf8)
                .split(separator: "\n").dropFirst().map { fixtures + "/" + $0 }
            rows += fixtureRows
            #expect(rows.count == 246)

            // One run, into the home's own database.
            let one = try ptt.run("ingest", "--jobs", "1", "--manifest", Self.write(header, rows, to: corpus + "/all.csv"))
            #expect(one.status == 0, "\(one.stderr)")

            // Four workers at once on a second, empty database (no migration first: the workers
            // race for it too), each with half of the files: every file is in two shards, in
            // another order in each.
            _ = try ptt.query("CREATE DATABASE sharded")
            let url = try ptt.url(database: "sharded")
            let workers = try (0..<4).map { k -> Process in
                let shard = rows.enumerated().filter { $0.offset % 4 == k || $0.offset % 4 == (k + 1) % 4 }.map(\.element)
                let ordered = k % 2 == 0 ? shard : shard.reversed()
                let manifest = try Self.write(header, ordered, to: corpus + "/shard\(k).csv")
                let process = ptt.process(["ingest", "--database-url", url, "--jobs", "2", "--manifest", manifest])
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                return process
            }
            for worker in workers {
                worker.waitUntilExit()
                #expect(worker.terminationStatus == 0)
            }

            let single = try ptt.query(Self.checksum)
            #expect(single.contains("documents 246 "))
            #expect(try ptt.query(Self.checksum, database: "sharded") == single)
            #expect(try ptt.query("SELECT count(*) FROM documents", database: "sharded") == "246")
            // The export, byte for byte, but for the target ids.
            let exportOne = try ptt.run("export", "--format", "csv").stdout
            let exportSharded = try ptt.run("export", "--format", "csv", "--database-url", url).stdout
            #expect(exportOne.count > 10_000)
            #expect(Self.exportWithoutIDs(exportOne) == Self.exportWithoutIDs(exportSharded))
            // Every worker's run is recorded, with the documents it found already stored by another.
            #expect(try ptt.query("SELECT count(*) FROM ingest_runs WHERE finished_at IS NOT NULL", database: "sharded") == "4")
            #expect(try ptt.query("SELECT sum(new) + sum(unchanged) + sum(updated) FROM ingest_runs", database: "sharded") == "492")
        }
    }

    static func write(_ header: String, _ rows: [String], to path: String) throws -> String {
        try ([header] + rows).joined(separator: "\n").appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
