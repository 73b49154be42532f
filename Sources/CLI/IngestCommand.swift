import ArgumentParser
import Foundation
import Ingest
import Store

/// `ptt ingest PATH… [--manifest CSV] [--jobs N] [--reextract]`: read policy texts, extract
/// commitments, store both.
struct IngestCommand: ParsableCommand, WorkedExamples {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Store documents and the commitments and reported results extracted from them.",
        discussion: """
            Directories are read recursively (.txt .html .htm .md). Each document is stored in its
            own transaction; documents already stored with the same text and extractor version
            are skipped; documents missing from the input are kept. Exits with status 1 if any
            file failed (everything else is committed) or the connection was lost (run the same
            command again to finish). Several ingests may write to one database at once, from
            one machine or many, on disjoint or overlapping shards of a crawl: they end in the
            state one run would leave (docs/scale.md).
            """
    )

    static let examples = """
          $ ptt ingest --manifest examples/manifest.csv
          ingested 4 files: 4 new, 0 unchanged, 0 updated, 0 failed
          $ ptt ingest crawl/2023/ --manifest crawl/manifest.csv --jobs 4
          $ ptt ingest --manifest shard-03.csv --jobs 2 --database-url postgresql://ptt@db.example.org/policy
        """

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
            // Manifest errors are IngestErrors and print as `--> file:line  message`. The
            // listing is read twice, never held: once to check and count it, once to ingest.
            let inputs = try IngestInputs(paths: paths, manifest: manifest)

            _ = try database.connect()  // starts the embedded cluster if needed, applies migrations
            let (url, origin) = try database.resolvedURL()
            let ingester = Ingester(jobs: jobs, reextract: reextract) {
                try Connection(target: url, origin: origin)
            }
            let bar = ProgressBar.onTerminal()
            let summary = try ingester.run(inputs, total: inputs.count) { bar?.update($0) }
            bar?.clear()
            if let error = inputs.error {
                throw ValidationError("\(error): it changed while being ingested; run the same command again")
            }

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

/// The files an ingest reads, as a sequence the `Ingester` consumes while it works: the rows of
/// the manifest (no paths given), or the files under the paths with the manifest's hints.
///
/// Nothing is listed ahead: `init` walks the listing once to check it (a bad manifest row or a
/// missing path stops the command before anything is stored) and count it (for the progress bar),
/// and iterating walks it again. Memory does not grow with the number of files, except for the
/// manifest index when both paths and a manifest are given (two hashes and an offset per row).
final class IngestInputs: Sequence {
    let count: Int
    /// A manifest error met on the second pass (the file was changed in between).
    private(set) var error: IngestError?
    private let paths: [String]
    private let manifest: String?
    private let index: ManifestIndex?

    init(paths: [String], manifest: String?) throws {
        self.paths = paths
        self.manifest = manifest
        if paths.isEmpty, let manifest {
            var reader = try ManifestReader(contentsOf: manifest)
            var count = 0
            while try reader.next() != nil { count += 1 }
            self.count = count
            self.index = nil
        } else {
            self.index = try manifest.map { try ManifestIndex(contentsOf: $0) }
            var count = 0
            for path in paths {
                do {
                    for _ in try SourceFiles.walk(path) { count += 1 }
                } catch {
                    throw ValidationError("no such file or directory: \(path)")
                }
            }
            self.count = count
        }
    }

    func makeIterator() -> AnyIterator<IngestInput> {
        if paths.isEmpty, let manifest {
            var reader: ManifestReader?
            do throws(IngestError) { reader = try ManifestReader(contentsOf: manifest) } catch { self.error = error }
            return AnyIterator {
                do throws(IngestError) {
                    guard let entry = try reader?.next() else { return nil }
                    return IngestInput(path: entry.path, hints: entry.hints)
                } catch {
                    self.error = error
                    return nil
                }
            }
        }
        let index = self.index
        let files = paths.lazy.compactMap { try? SourceFiles.walk($0) }.joined()
        return AnyIterator(files.map { IngestInput(path: $0, hints: index?[$0] ?? DocumentHints()) }.makeIterator())
    }
}
