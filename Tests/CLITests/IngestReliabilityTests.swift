import Foundation
import Testing

/// `ptt ingest` against a real server under faults: killed, server restarted, run twice, run
/// twice at once. Each compares `content_checksums` with a clean ingest of the same files.
@Suite struct IngestReliabilityTests {
    /// `count` documents made from examples/, each with a line of its own.
    static func makeCorpus(_ home: String, _ count: Int) throws -> String {
        let examples = PTTBinary.sourceRoot + "/examples"
        let names = try FileManager.default.contentsOfDirectory(atPath: examples).filter { $0.hasSuffix(".txt") }.sorted()
        let texts = try names.map { try String(contentsOfFile: examples + "/" + $0, encoding: .utf8) }
        let dir = home + "/corpus"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for i in 0..<count {
            let extra = "\n\n到\(2025 + i % 3)年，全县规上工业增加值增长\(5 + i % 7)%以上，第\(i)号。\n"
            try (texts[i % texts.count] + extra).write(
                toFile: dir + "/doc\(String(format: "%04d", i)).txt", atomically: true, encoding: .utf8)
        }
        return dir
    }

    /// Documents of the corpora interrupted midway: enough transactions (of up to 16 documents,
    /// per worker) that an ingest is still running after the first ones commit.
    static let interruptedCorpusSize = 400

    static let checksumQuery = "SELECT string_agg(table_name || ' ' || rows || ' ' || checksum, ', ' ORDER BY table_name) FROM content_checksums"

    /// The checksums after a clean ingest of `corpus` into a database of its own in the same cluster.
    static func reference(_ ptt: PTTBinary, _ corpus: String) throws -> String {
        _ = try ptt.query("CREATE DATABASE reference")
        let url = try ptt.url(database: "reference")
        let clean = try ptt.run("ingest", corpus, "--jobs", "1", "--database-url", url)
        #expect(clean.status == 0, "\(clean.stderr)")
        return try ptt.query(checksumQuery, database: "reference")
    }

    /// Waits until at least `n` documents are stored (or the process ends).
    static func waitForDocuments(_ ptt: PTTBinary, _ n: Int, while process: Process) throws {
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline {
            if let count = Int(try ptt.query("SELECT count(*) FROM documents")), count >= n { return }
            usleep(100_000)
        }
    }

    @Test func runningTheSameIngestTwiceLeavesIdenticalTables() throws {
        try PTTBinary.withHome("twice") { ptt in
            let corpus = try Self.makeCorpus(ptt.home, 12)
            #expect(try ptt.run("ingest", corpus).stdout == "ingested 12 files: 12 new, 0 unchanged, 0 updated, 0 failed\n")
            let first = try ptt.query(Self.checksumQuery)
            #expect(try ptt.run("ingest", corpus).stdout == "ingested 12 files: 0 new, 12 unchanged, 0 updated, 0 failed\n")
            #expect(try ptt.query(Self.checksumQuery) == first)
            let again = try ptt.run("ingest", corpus, "--reextract")
            #expect(again.stdout == "ingested 12 files: 0 new, 0 unchanged, 12 updated, 0 failed\n")
            #expect(try ptt.query(Self.checksumQuery) == first)
        }
    }

    @Test func twoIngestsAtOnceOverOverlappingCorporaEndLikeOne() throws {
        try PTTBinary.withHome("overlap") { ptt in
            let corpus = try Self.makeCorpus(ptt.home, 40)
            let expected = try Self.reference(ptt, corpus)
            let files = try FileManager.default.contentsOfDirectory(atPath: corpus).sorted().map { corpus + "/" + $0 }
            let a = try ptt.start(["ingest"] + files[0..<30] + ["--jobs", "2"])
            let b = try ptt.start(["ingest"] + files[10..<40].reversed() + ["--jobs", "2"])
            a.waitUntilExit()
            b.waitUntilExit()
            #expect(a.terminationStatus == 0)
            #expect(b.terminationStatus == 0)
            #expect(try ptt.query(Self.checksumQuery) == expected)
        }
    }

    @Test func killedMidwayThenRunAgainEqualsACleanIngest() throws {
        try PTTBinary.withHome("kill") { ptt in
            let corpus = try Self.makeCorpus(ptt.home, Self.interruptedCorpusSize)
            let expected = try Self.reference(ptt, corpus)
            let victim = try ptt.start(["ingest", corpus, "--jobs", "2"])
            try Self.waitForDocuments(ptt, 10, while: victim)
            kill(victim.processIdentifier, SIGKILL)
            victim.waitUntilExit()
            let stored = Int(try ptt.query("SELECT count(*) FROM documents")) ?? 0
            #expect(stored < Self.interruptedCorpusSize, "the ingest finished before it could be killed")
            // Every stored document is whole: its targets exist and the run was never finished.
            #expect(try ptt.query("SELECT count(*) FROM ingest_runs WHERE finished_at IS NULL") == "1")
            let rerun = try ptt.run("ingest", corpus, "--jobs", "2")
            #expect(rerun.status == 0, "\(rerun.stderr)")
            #expect(rerun.stdout.contains("\(stored) unchanged"))
            #expect(try ptt.query(Self.checksumQuery) == expected)
        }
    }

    @Test func serverRestartedMidwayIsAClearErrorAndTheRerunCompletes() throws {
        try PTTBinary.withHome("restart-ingest") { ptt in
            let corpus = try Self.makeCorpus(ptt.home, Self.interruptedCorpusSize)
            let expected = try Self.reference(ptt, corpus)
            let out = ptt.home + "/ingest.err"
            FileManager.default.createFile(atPath: out, contents: nil)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: PTTBinary.path)
            process.arguments = ["ingest", corpus, "--jobs", "2"]
            var env = ProcessInfo.processInfo.environment
            env["PTT_HOME"] = ptt.home
            process.environment = env
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle(forWritingAtPath: out)
            try process.run()
            try Self.waitForDocuments(ptt, 10, while: process)
            #expect(try ptt.run("db", "stop").stdout == "stopped\n")
            process.waitUntilExit()
            #expect(process.terminationStatus == 1)
            let stderr = try String(contentsOfFile: out, encoding: .utf8)
            #expect(stderr.hasPrefix("error: lost the connection to the database after "), "\(stderr)")
            #expect(stderr.contains("hint: the documents stored so far are kept; run the same command again to finish"))
            #expect(!stderr.contains("SELECT"))
            let rerun = try ptt.run("ingest", corpus, "--jobs", "2")
            #expect(rerun.status == 0, "\(rerun.stderr)")
            #expect(try ptt.query(Self.checksumQuery) == expected)
        }
    }

    @Test func aManifestThatDoesNotParseNamesItsLineAndNothingIsIngested() throws {
        try PTTBinary.withHome("bad-manifest") { ptt in
            let dir = ptt.home + "/docs"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            for name in ["ok.txt", "unbalanced.txt"] {
                try "到2025年，全县规上工业增加值增长8%以上。".write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
            }
            let cases: [(String, String)] = [
                ("file,published_on\nok.txt,2020-01-01\n\"unbalanced.txt,2020-01-01\n",
                 "manifest.csv:3:1  the quote opened here is never closed"),
                ("file,published_on\nok.txt,2020-01-01\nunbalanced.txt,2020-01-01,松阳县\n",
                 "manifest.csv:3  the row has 3 fields, the header 2"),
            ]
            #expect(try ptt.run("db", "migrate").status == 0)
            for (text, message) in cases {
                try text.write(toFile: dir + "/manifest.csv", atomically: true, encoding: .utf8)
                let result = try ptt.run("ingest", "--manifest", dir + "/manifest.csv")
                #expect(result.status == 1)
                #expect(result.stderr.contains(message), "\(result.stderr)")
                #expect(!result.stderr.contains("cannot read"))
                // Also with paths given: the manifest is checked before any file is read.
                let withPaths = try ptt.run("ingest", dir, "--manifest", dir + "/manifest.csv")
                #expect(withPaths.status == 1)
                #expect(withPaths.stderr.contains(message), "\(withPaths.stderr)")
            }
            #expect(try ptt.query("SELECT count(*) FROM documents") == "0")
        }
    }

    @Test func hostileFileNamesAndManifestValuesAreData() throws {
        try PTTBinary.withHome("hostile") { ptt in
            let dir = ptt.home + "/docs"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let name = "x'; DROP TABLE documents; --\\.txt"
            try "到2025年，全县规上工业增加值增长8%以上。".write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
            // A NUL byte makes a file binary: it fails alone, with its reason.
            try "到2025年，全县规上工业增加值增长9%以上。\0尾".write(toFile: dir + "/nul.txt", atomically: true, encoding: .utf8)
            let manifest = """
                file,published_on,publisher_region,title
                "\(name)",2024-01-02,松阳县,"'); DELETE FROM targets; --"
                nul.txt,2024-01-03,松阳县,"\\'; DROP TABLE mentions; --"

                """
            try manifest.write(toFile: dir + "/manifest.csv", atomically: true, encoding: .utf8)
            let result = try ptt.run("ingest", "--manifest", dir + "/manifest.csv")
            #expect(result.status == 1)
            #expect(result.stdout.contains("1 new, 0 unchanged, 0 updated, 1 failed\nfailed: \(dir)/nul.txt: "), "\(result.stdout)")
            #expect(try ptt.query("SELECT title FROM documents") == "'); DELETE FROM targets; --")
            #expect(try ptt.query("SELECT source FROM documents").hasSuffix(name))
            #expect(try ptt.query("SELECT count(*) FROM targets") == "1")
            #expect(try ptt.query("SELECT count(*) FROM ingest_failures WHERE file LIKE '%nul.txt'") == "1")
        }
    }

    @Test func grantReaderGivesSelectOnly() throws {
        try PTTBinary.withHome("reader") { ptt in
            #expect(try ptt.run("ingest", "--manifest", "examples/manifest.csv").status == 0)
            let grant = try ptt.run("db", "grant-reader", "analyst")
            #expect(grant.stdout == "created role analyst with SELECT only\n", "\(grant.stderr)")
            let analyst = try ptt.url(user: "analyst")
            let read = try ptt.psql("SELECT count(*) > 0 FROM targets", url: analyst)
            #expect(read.stdout == "t\n", "\(read.stderr)")
            let write = try ptt.psql("DELETE FROM targets", url: analyst)
            #expect(write.stderr.contains("permission denied"))
            let superuser = try ptt.run("db", "grant-reader", "postgres")
            #expect(superuser.status == 1)
        }
    }
}
