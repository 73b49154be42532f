import ArgumentParser
import Foundation
import Ingest
import Store

/// `ptt ingest PATH… [--manifest CSV] [--jobs N] [--reextract]`: read policy texts, extract
/// commitments, store both.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Store documents and the commitments extracted from them.",
        discussion: """
            Directories are read recursively (.txt .html .htm .md). Each document is stored in its
            own transaction; documents already stored with the same text and extractor version
            are skipped; documents missing from the input are kept. Exits with status 1 if any
            file failed (everything else is committed) or the connection was lost (run the same
            command again to finish).
            """
    )

    @Argument(help: "Files or directories to ingest (default with --manifest: the files it lists).")
    var paths: [String] = []

    @Option(help: "A CSV with header file,published_on,publisher_region,title; paths relative to it.")
    var manifest: String?

    @Option(help: "Parallel workers, each with its own connection (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Extract again and replace the mentions of documents already stored with this extractor version.")
    var reextract = false

    @OptionGroup var database: DatabaseOptions


    func validate() throws {
        if paths.isEmpty, manifest == nil { throw ValidationError("give files or directories to ingest, or --manifest") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        try database.reportingErrors {
            // Manifest errors are IngestErrors and print as `--> file:line  message`.
            var inputs: [IngestInput] = []
            var hints = ManifestIndex()
            if let manifest {
                let list = try Manifest(contentsOf: manifest)
                if paths.isEmpty { inputs = list.entries.map { IngestInput(path: $0.path, hints: $0.hints) } }
                hints = ManifestIndex(list)
            }
            inputs += try paths.flatMap(IngestCommand.expand).map { IngestInput(path: $0, hints: hints[$0]) }

            _ = try database.connect()  // starts the embedded cluster if needed, applies migrations
            let (url, origin) = try database.resolvedURL()
            let ingester = Ingester(jobs: jobs, reextract: reextract) {
                try Connection(target: url, origin: origin)
            }
            let bar = ProgressBar.onTerminal()
            let summary = try ingester.run(inputs) { bar?.update($0) }
            bar?.clear()

            print(IngestCommand.render(summary))
            if let error = summary.interruption {
                let done = summary.counts.values.reduce(0, +) + summary.failures.count
                printError(
                    "lost the connection to the database after \(done) of \(summary.files) files: "
                        + (database.verbose ? error.verboseDescription : error.message)
                        + "\nhint: the documents stored so far are kept; run the same command again to finish")
                throw ExitCode.failure
            }
            if !summary.failures.isEmpty { throw ExitCode.failure }
        }
    }

    /// `ingested N files: a new, b unchanged, c updated, d failed`, then one line per failure.
    static func render(_ summary: IngestSummary) -> String {
        let parts =
            SaveOutcome.allCases.map { "\(summary.counts[$0, default: 0]) \($0.rawValue)" }
            + ["\(summary.failures.count) failed"]
        var lines = ["ingested \(summary.files) file\(summary.files == 1 ? "" : "s"): " + parts.joined(separator: ", ")]
        for failure in summary.failures {
            lines.append("failed: \(failure.file): \(failure.reason)")
        }
        return lines.joined(separator: "\n")
    }

    /// A file as is; a directory as its ingestible files, recursively, sorted (`SourceFiles`).
    static func expand(_ path: String) throws -> [String] {
        do {
            return try SourceFiles.expand(path)
        } catch {
            throw ValidationError("no such file or directory: \(path)")
        }
    }
}

extension DatabaseOptions {
    /// The URL to connect to (the embedded cluster's when no URL was given) and its origin.
    func resolvedURL() throws -> (url: String, origin: String) {
        switch try target() {
        case .url(let url, let origin): (url, origin)
        case .embedded(let cluster): (cluster.url(), "ptt's own cluster in \(cluster.home)")
        }
    }
}

/// A manifest's hints by resolved path, then by file name, as `Manifest.hints(for:)` matches
/// them, but looked up in constant time: a directory of 10,000 files against a manifest of
/// 10,000 rows would otherwise resolve paths a hundred million times.
struct ManifestIndex {
    var byPath: [String: DocumentHints] = [:]
    var byName: [String: DocumentHints] = [:]

    init() {}

    init(_ manifest: Manifest) {
        for entry in manifest.entries.reversed() {  // the first row wins, as in Manifest
            byPath[ManifestIndex.resolved(entry.path)] = entry.hints
            byName[(entry.path as NSString).lastPathComponent] = entry.hints
        }
    }

    subscript(path: String) -> DocumentHints {
        byPath[ManifestIndex.resolved(path)] ?? byName[(path as NSString).lastPathComponent] ?? DocumentHints()
    }

    static func resolved(_ path: String) -> String {
        guard let p = realpath(path, nil) else { return (path as NSString).standardizingPath }
        defer { free(p) }
        return String(cString: p)
    }
}
