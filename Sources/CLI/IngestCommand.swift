import ArgumentParser
import Foundation
import Ingest
import Store

/// `ptt ingest PATH… [--manifest CSV]`: read policy texts, extract commitments, store both.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Store documents and the commitments extracted from them.",
        discussion: """
            Directories are read recursively (.txt .html .htm .md). Each document is stored in its
            own transaction; documents already stored with the same bytes and extractor version
            are skipped. Exits with status 1 if any file failed.
            """
    )

    @Argument(help: "Files or directories to ingest (default with --manifest: the files it lists).")
    var paths: [String] = []

    @Option(help: "A CSV with header file,published_on,publisher_region,title; paths relative to it.")
    var manifest: String?

    @OptionGroup var database: DatabaseOptions

    static let extensions: Set<String> = ["txt", "html", "htm", "md"]

    func validate() throws {
        if paths.isEmpty, manifest == nil { throw ValidationError("give files or directories to ingest, or --manifest") }
    }

    func run() throws {
        try database.reportingErrors {
            // Manifest errors are IngestErrors and print as `--> file:line  message`.
            var list: Manifest?
            var files: [String] = []
            if let manifest {
                list = try Manifest(contentsOf: manifest)
                if paths.isEmpty { files = list!.entries.map(\.path) }
            }
            files += try paths.flatMap(IngestCommand.expand)

            let connection = try database.connect()
            var counts: [SaveOutcome: Int] = [:]
            var failed = 0
            for file in files {
                do {
                    guard let data = FileManager.default.contents(atPath: file) else {
                        throw IngestError(file: file, message: "cannot read the file")
                    }
                    let bytes = [UInt8](data)
                    let given = list?.hints(for: file) ?? DocumentHints()
                    let document = try TextPipeline().prepare(bytes: bytes, source: file, hints: given)
                    let mentions = Extractor().extract(from: document)
                    let outcome = try connection.save(
                        document: document, contentHash: SHA256.hex(bytes), mentions: mentions,
                        extractorVersion: Extractor.version, regionName: given.publisherRegion)
                    counts[outcome, default: 0] += 1
                } catch let error as IngestError {
                    failed += 1
                    printError("\(error)")
                } catch let error as StoreError {
                    failed += 1
                    printError("\(file): " + (database.verbose ? error.verboseDescription : error.description))
                }
            }
            let parts = SaveOutcome.allCases.map { "\(counts[$0, default: 0]) \($0.rawValue)" } + ["\(failed) failed"]
            print("ingested \(files.count) file\(files.count == 1 ? "" : "s"): " + parts.joined(separator: ", "))
            if failed > 0 { throw ExitCode.failure }
        }
    }

    /// A file as is; a directory as its ingestible files, recursively, sorted.
    static func expand(_ path: String) throws -> [String] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw ValidationError("no such file or directory: \(path)")
        }
        guard isDir.boolValue else { return [path] }
        let base = URL(fileURLWithPath: path)
        let names = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
        return names.sorted()
            .filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) }
            .map { base.appendingPathComponent($0).path }
    }
}
