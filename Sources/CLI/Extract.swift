import ArgumentParser
import Ingest

#if canImport(Glibc)
    import Glibc
#endif

/// `ptt extract`: commitments from files, printed; no database needed.
struct Extract: ParsableCommand, WorkedExamples {
    static let configuration = CommandConfiguration(
        abstract: "Extract commitments from policy texts and print them (no database needed).",
        discussion: """
            Reads files, directories (recursively: .txt .html .htm .md) or - for standard input.
            Encodings (UTF-8, UTF-16, GB18030, Big5) and HTML are detected. A file that cannot be
            read is reported on standard error and the others go on; the exit status is 1 if any failed.
            """
    )

    static let examples = """
          $ ptt extract notice.txt
          $ ptt extract --manifest corpus/seeds.manifest.csv --format jsonl > seeds.jsonl
          $ curl -s URL | ptt extract - --published 2023-02-12 --publisher-region 米易县 --format table
        """

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, json, table
    }

    /// Which records to print: targets set, results reported, or both.
    enum Records: String, ExpressibleByArgument, CaseIterable {
        case commitments, outcomes, all
    }

    @Argument(help: "Files, directories or - (default with --manifest: the files it lists).")
    var paths: [String] = []

    @Option(help: "CSV with header file,published_on,publisher_region,title; its values override the text.")
    var manifest: String?

    @Option(help: "Publication date (YYYY-MM-DD) for every input, overriding the text.")
    var published: String?

    @Option(help: "The publisher's region (松阳县, 绍兴市柯桥区) for every input.")
    var publisherRegion: String?

    @Option(help: "Output format: jsonl (one object per commitment), json (an array) or table.")
    var format: Format = .jsonl

    @Option(help: """
        commitments (targets, the default), outcomes (reported results: "year" is the year a result \
        is for) or all (both, each object with "record": "commitment" or "outcome").
        """)
    var records: Records = .commitments

    func validate() throws {
        if paths.isEmpty && manifest == nil {
            throw ValidationError("give files, directories or -, or a --manifest")
        }
        if let published, Day(iso: published) == nil {
            throw ValidationError("--published must be a date like 2023-02-12, not '\(published)'")
        }
    }

    func run() throws {
        // The files and their hints, found as they are needed (as `ptt ingest` does): the rows of
        // the manifest when no path is given, else the files under the paths, with the
        // manifest's hints looked up through its index (a scan per file was quadratic).
        var rows: ManifestReader?
        var index: ManifestIndex?
        do {
            if let manifest {
                if paths.isEmpty {
                    rows = try ManifestReader(contentsOf: manifest)
                } else {
                    index = try ManifestIndex(contentsOf: manifest)
                }
            }
        } catch {
            printError("\(error)")
            throw ExitCode.failure
        }
        var failed = 0
        var walks = paths.makeIterator()
        var walk: SourceFiles.Walk?
        func nextFile() throws(IngestError) -> (path: String, hints: DocumentHints)? {
            if rows != nil {
                return try rows?.next().map { ($0.path, $0.hints) }
            }
            while true {
                if let file = walk?.next() { return (file, index?[file] ?? DocumentHints()) }
                guard let path = walks.next() else { return nil }
                do {
                    walk = try SourceFiles.walk(path)
                } catch {
                    printError("\(error)")
                    failed += 1
                }
            }
        }
        let pipeline = TextPipeline()
        let extractor = Extractor()
        var jsonObjects: [String] = []
        var writer = CommitmentJSONWriter()
        var tableRows: [[String]] = [["deadline", "region", "kind", "indicator", "target", "quote"]]
        while true {
            let next: (path: String, hints: DocumentHints)?
            do {
                next = try nextFile()
            } catch {
                printError("\(error)")  // a bad manifest row: the rows after it cannot be trusted either
                failed += 1
                break
            }
            guard let next else { break }
            let file = next.path
            var hints = next.hints
            do {
                if let published { hints.publishedOn = Day(iso: published) }
                if let publisherRegion { hints.publisherRegion = publisherRegion }
                let document = try pipeline.prepare(bytes: try SourceFiles.read(file), source: file, hints: hints)
                let fields = CommitmentJSONWriter.DocumentFields(document, record: records == .all ? "commitment" : nil)
                let found = records == .commitments
                    ? Extraction(commitments: extractor.extract(from: document), outcomes: [])
                    : extractor.extractAll(from: document)
                for c in records == .outcomes ? [] : found.commitments {
                    switch format {
                    case .jsonl:
                        writer.append(c, fields)
                        writer.buffer.append(0x0A)
                        if writer.buffer.count > 1 << 16 { flush(&writer.buffer) }
                    case .json: jsonObjects.append(commitmentJSON(c, document: document))
                    case .table: tableRows.append(tableRow(c))
                    }
                }
                let outcomeFields = CommitmentJSONWriter.DocumentFields(document, record: records == .all ? "outcome" : nil)
                for o in found.outcomes {
                    switch format {
                    case .jsonl, .json:
                        var one = CommitmentJSONWriter()
                        one.append(o, outcomeFields)
                        if format == .json {
                            jsonObjects.append(String(decoding: one.buffer, as: UTF8.self))
                        } else {
                            writer.buffer += one.buffer
                            writer.buffer.append(0x0A)
                        }
                    case .table: tableRows.append(tableRow(o))
                    }
                }
            } catch {
                printError("\(error)")
                failed += 1
            }
        }
        switch format {
        case .jsonl: flush(&writer.buffer)
        case .json: print("[" + jsonObjects.joined(separator: ",\n") + "]")
        case .table: alignedTable(tableRows).forEach { print($0) }
        }
        if failed > 0 { throw ExitCode.failure }
    }

    /// Writes `bytes` to standard output and empties the buffer.
    func flush(_ bytes: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { all in
            var done = 0
            while done < all.count {
                let n = write(1, all.baseAddress! + done, all.count - done)
                if n <= 0 { break }  // a closed pipe: nothing more can be written
                done += n
            }
        }
        bytes.removeAll(keepingCapacity: true)
    }

    func tableRow(_ o: Outcome) -> [String] {
        var result = o.multiplier.map { "×" + json($0) } ?? o.value.map { json($0) + (o.unit ?? "") } ?? ""
        if let q = o.qualifier { result += result.isEmpty ? q : " " + q }
        let quote = o.quote.count > 40 ? String(o.quote.prefix(40)) + "…" : o.quote
        return ["\(o.year) result", o.region?.name ?? "-", o.kind.rawValue, o.indicator, result, quote]
    }

    func tableRow(_ c: Commitment) -> [String] {
        var target = ""
        if let m = c.multiplier { target = "×" + json(m) }
        if let v = c.value { target = json(v) + (c.unit ?? "") }
        if let q = c.qualifier { target += target.isEmpty ? q : " " + q }
        let quote = c.quote.count > 40 ? String(c.quote.prefix(40)) + "…" : c.quote
        return [c.deadlineYear.map(String.init) ?? "-", c.region?.name ?? "-", c.kind.rawValue, c.indicator, target, quote]
    }
}
