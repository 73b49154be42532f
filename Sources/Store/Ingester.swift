import Foundation
import Ingest

/// One file to ingest, with what a manifest says about it.
public struct IngestInput: Sendable, Hashable {
    public var path: String
    public var hints: DocumentHints

    public init(path: String, hints: DocumentHints = DocumentHints()) {
        self.path = path
        self.hints = hints
    }
}

/// A file that could not be stored, and why (one sentence, no SQL).
public struct IngestFailure: Sendable, Hashable {
    public var file: String
    public var reason: String
}

/// Where an ingest stands, for a progress bar.
public struct IngestProgress: Sendable {
    public var done: Int
    public var total: Int
    public var counts: [SaveOutcome: Int]
    public var failed: Int
}

/// What an ingest did.
public struct IngestSummary: Sendable {
    public var files: Int
    public var counts: [SaveOutcome: Int]
    public var failures: [IngestFailure]
    /// Set when the run stopped early because the connection to the server was lost; what was
    /// saved before stays saved.
    public var interruption: StoreError?
    /// The `ingest_runs` row of this run.
    public var runID: Int?
}

/// Reads, extracts and stores files with `jobs` workers, each with its own connection, each
/// batch of documents in one transaction, and records the run in `ingest_runs`.
///
/// A file that fails (undecodable, unreadable, refused by the server) is recorded and the rest
/// go on. A lost connection (server restarted) stops the run: every document committed before
/// stays, and running the same ingest again finishes it.
public struct Ingester: Sendable {
    /// Opens a connection to a migrated database; called once per worker, on that worker's thread.
    public var connect: @Sendable () throws -> Connection
    public var jobs: Int
    /// Extract and replace mentions even of documents stored with the same extractor version.
    public var reextract: Bool
    public var extractorVersion: String

    /// Files a worker takes at a time (one fast-path query each).
    static let batch = 64
    /// Documents saved in one transaction. Amortizes round trips and commits; more would hold
    /// more advisory locks at once (one per document and per region and indicator) and make a
    /// kill lose more work, for little more gain.
    static let perTransaction = 16

    public init(
        jobs: Int = 1, reextract: Bool = false, extractorVersion: String = Extractor.version,
        connect: @escaping @Sendable () throws -> Connection
    ) {
        self.connect = connect
        self.jobs = max(1, jobs)
        self.reextract = reextract
        self.extractorVersion = extractorVersion
    }

    /// Ingests `inputs`; `progress` is called after each file from the worker that did it.
    public func run(_ inputs: [IngestInput], progress: @escaping @Sendable (IngestProgress) -> Void = { _ in })
        throws -> IngestSummary
    {
        try run(inputs, total: inputs.count, progress: progress)
    }

    /// Ingests the files `inputs` yields, `total` of them (for progress and the run's row).
    ///
    /// The sequence is consumed lazily, a batch at a time under a lock, so a listing of a
    /// million files is never held in memory: pass a streaming manifest reader or directory walk.
    public func run<Inputs: Sequence<IngestInput>>(
        _ inputs: Inputs, total: Int, progress: @escaping @Sendable (IngestProgress) -> Void = { _ in }
    ) throws -> IngestSummary {
        let main = try connect()
        let runID: Int = try main.execute(
            """
            INSERT INTO ingest_runs (extractor_version, jobs, files)
            VALUES (\(extractorVersion), \(jobs), \(total)) RETURNING id
            """
        ).first!.decode(0)
        let state = SharedState(total: total, inputs: AnyIterator(inputs.makeIterator()))
        let workers = min(jobs, max(1, total))
        let pipeline = TextPipeline()
        let extractor = Extractor()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let store: DocumentStore
            do {
                store = try DocumentStore(connection: try connect())
            } catch let error as StoreError {
                state.interrupt(error)
                return
            } catch {
                state.interrupt(StoreError(sqlState: .clientError, message: "\(error)"))
                return
            }
            // Files are taken `batch` at a time: read and hashed, then one query skips those
            // stored from the same bytes and hints by this extractor (see
            // `DocumentStore.touchStored`); the rest are decoded, extracted and saved.
            while let batch = state.next(upTo: Ingester.batch) {
                var files: [(input: IngestInput, bytes: [UInt8], rawHash: String, ingestKey: String)] = []
                for input in batch {
                    let bytes: [UInt8]
                    do throws(IngestError) {
                        bytes = try SourceFiles.read(input.path)
                    } catch {
                        progress(state.fail(IngestFailure(file: input.path, reason: error.message)))
                        continue
                    }
                    let rawHash = SHA256.hex(bytes)
                    files.append((input, bytes, rawHash, DocumentStore.ingestKey(rawHash: rawHash, hints: input.hints)))
                }
                var stored: Set<String> = []
                if !reextract {
                    do {
                        stored = try store.touchStored(
                            ingestKeys: files.map(\.ingestKey), extractorVersion: extractorVersion)
                    } catch let error as StoreError where error.sqlState.isConnectionLoss || !store.connection.isOpen {
                        state.interrupt(error)
                        return
                    } catch {
                        stored = []  // take the full path; its errors are reported per file
                    }
                }
                // The rest are decoded, then saved `perTransaction` at a time in one transaction
                // (see `DocumentStore.save(_:extractorVersion:reextract:)`); each is reported once
                // the transaction that stored it has committed.
                var pending: [(input: IngestInput, document: PendingDocument)] = []
                for (n, file) in files.enumerated() {
                    if stored.contains(file.ingestKey) {
                        progress(state.finish(.unchanged))
                    } else {
                        do {
                            let document = try pipeline.prepare(
                                bytes: file.bytes, source: file.input.path, hints: file.input.hints)
                            pending.append(
                                (
                                    file.input,
                                    PendingDocument(
                                        document: document, rawHash: file.rawHash, ingestKey: file.ingestKey,
                                        regionName: file.input.hints.publisherRegion
                                    ) { extractor.extractAll(from: document) }
                                ))
                        } catch {
                            progress(state.fail(IngestFailure(file: file.input.path, reason: Ingester.reason(error))))
                        }
                    }
                    guard pending.count == Ingester.perTransaction || (n == files.count - 1 && !pending.isEmpty)
                    else { continue }
                    let results: [Result<SaveOutcome, any Error>]
                    do {
                        results = try store.save(
                            pending.map(\.document), extractorVersion: extractorVersion, reextract: reextract)
                    } catch let error as StoreError where error.sqlState.isConnectionLoss || !store.connection.isOpen {
                        state.interrupt(error)
                        return
                    } catch {
                        results = pending.map { _ in .failure(error) }
                    }
                    for (file, result) in zip(pending, results) {
                        switch result {
                        case .success(let outcome): progress(state.finish(outcome))
                        case .failure(let error):
                            progress(state.fail(IngestFailure(file: file.input.path, reason: Ingester.reason(error))))
                        }
                    }
                    pending.removeAll()
                }
            }
        }
        let summary = state.summary(files: total, runID: runID)
        if summary.interruption == nil {
            try record(summary, on: main)
        }
        return summary
    }

    /// What a failed file's report says: the error's one sentence.
    static func reason(_ error: any Error) -> String {
        switch error {
        case let error as StoreError: error.description
        case let error as IngestError: error.message
        default: "\(error)"
        }
    }

    /// Finishes the run's row and stores its failures (COPY).
    func record(_ summary: IngestSummary, on connection: Connection) throws {
        guard let runID = summary.runID else { return }
        try connection.withTransaction { db in
            try db.execute(
                """
                UPDATE ingest_runs SET finished_at = now(), new = \(summary.counts[.new, default: 0]),
                    unchanged = \(summary.counts[.unchanged, default: 0]),
                    updated = \(summary.counts[.updated, default: 0]), failed = \(summary.failures.count)
                WHERE id = \(runID)
                """)
            try db.copy(
                into: "ingest_failures", columns: ["run_id", "file", "reason"],
                rows: summary.failures.map { [runID.sqlText, Fields.storable($0.file), Fields.storable($0.reason)] })
        }
    }
}

/// The work queue and tallies the workers share.
///
/// `@unchecked Sendable`: every stored property is read and written only under `lock`, and the
/// input iterator is only ever advanced there.
final class SharedState: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private var inputs: AnyIterator<IngestInput>
    private var exhausted = false
    private var counts: [SaveOutcome: Int] = [:]
    private var failures: [IngestFailure] = []
    private var interruption: StoreError?

    init(total: Int, inputs: AnyIterator<IngestInput>) {
        self.total = total
        self.inputs = inputs
    }

    /// The next files to do, at most `count`, nil when all are taken or the run was interrupted.
    func next(upTo count: Int) -> [IngestInput]? {
        lock.withLock {
            guard interruption == nil, !exhausted else { return nil }
            var batch: [IngestInput] = []
            while batch.count < max(1, count), let input = inputs.next() {
                batch.append(input)
            }
            if batch.count < max(1, count) { exhausted = true }
            return batch.isEmpty ? nil : batch
        }
    }

    func finish(_ outcome: SaveOutcome) -> IngestProgress {
        lock.withLock {
            counts[outcome, default: 0] += 1
            return progress
        }
    }

    func fail(_ failure: IngestFailure) -> IngestProgress {
        lock.withLock {
            failures.append(failure)
            return progress
        }
    }

    func interrupt(_ error: StoreError) {
        lock.withLock {
            if interruption == nil { interruption = error }
        }
    }

    private var progress: IngestProgress {
        IngestProgress(
            done: counts.values.reduce(0, +) + failures.count, total: total, counts: counts, failed: failures.count)
    }

    func summary(files: Int, runID: Int) -> IngestSummary {
        lock.withLock {
            IngestSummary(
                files: files, counts: counts, failures: failures.sorted { $0.file < $1.file },
                interruption: interruption, runID: runID)
        }
    }
}
