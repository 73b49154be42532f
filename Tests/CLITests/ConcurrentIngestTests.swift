import Foundation
import Testing

/// Several `ptt ingest --database-url` workers (processes here, machines in production) on
/// overlapping shards of one crawl end in the state one run leaves (docs/scale.md).
@Suite struct ConcurrentIngestTests {
    /// A checksum of everything ingest derives, without the surrogate ids (which follow the order
    /// transactions committed in): documents by content hash, mentions by document and span,
    /// targets by identity with their attributes and first and latest documents, revisions.
    static let checksum = """
        SELECT md5(concat_ws(E'\\n',
            (SELECT string_agg(concat_ws('|', content_hash, raw_hash, title, published_on, publisher_region_code,
                plan_period, extractor_version), E'\\n' ORDER BY content_hash) FROM documents),
            (SELECT string_agg(concat_ws('|', d.content_hash, m.span_start, m.span_end, m.quote, m.kind, m.indicator_key,
                m.target_region_code, m.deadline_year, m.multiplier, m.value, m.unit), E'\\n'
                ORDER BY d.content_hash, m.span_start, m.span_end, m.kind, m.indicator_key)
                FROM mentions m JOIN documents d ON d.id = m.document_id),
            (SELECT string_agg(concat_ws('|', t.region_code, t.indicator_key, t.kind, t.deadline_year, t.unit_family,
                t.indicator, t.multiplier, t.value, t.unit, t.qualifier, t.firmness, t.per_year, t.base_year,
                f.content_hash, l.content_hash, t.documents, t.mentions, t.implied_annual_rate, t.measure,
                t.indicator_family), E'\\n'
                ORDER BY t.region_code, t.indicator_key, t.kind, t.deadline_year, t.unit_family)
                FROM targets t JOIN documents f ON f.id = t.first_document_id JOIN documents l ON l.id = t.latest_document_id),
            (SELECT string_agg(concat_ws('|', t.region_code, t.indicator_key, t.kind, t.deadline_year, t.unit_family,
                d.content_hash, v.old_multiplier, v.old_value, v.old_unit, v.new_multiplier, v.new_value, v.new_unit), E'\\n'
                ORDER BY t.region_code, t.indicator_key, t.kind, t.deadline_year, t.unit_family, d.content_hash)
                FROM target_revisions v JOIN targets t ON t.id = v.target_id JOIN documents d ON d.id = v.document_id),
            (SELECT string_agg(concat_ws('|', indicator_key, region_code, targets), E'\\n' ORDER BY indicator_key, region_code)
                FROM target_pairs)))
        """

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
            #expect(single.count == 32)
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
