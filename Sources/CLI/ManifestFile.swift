import Foundation
import Ingest

/// A manifest CSV (`file,published_on,publisher_region,title`) read into per-file hints.
///
/// Paths are relative to the manifest's folder; fields may be quoted ("a, b" and "" inside).
/// Stands in until the Ingest module's own manifest reader lands.
struct ManifestFile {
    struct Entry {
        var path: String
        var hints: DocumentHints
    }

    var entries: [Entry]

    init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path),
            let text = String(data: data, encoding: .utf8)
        else {
            throw IngestError(file: path, message: "cannot read the manifest as UTF-8")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let records = ManifestFile.parseCSV(text)
        guard let header = records.first?.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }),
            let fileColumn = header.firstIndex(of: "file")
        else {
            throw IngestError(file: path, line: 1, message: "the manifest has no header with a `file` column")
        }
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        var entries: [Entry] = []
        for (number, record) in records.enumerated().dropFirst() {
            func field(_ index: Int?) -> String? {
                guard let index, index < record.count else { return nil }
                let value = record[index].trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : value
            }
            guard let file = field(fileColumn) else { continue }
            let published = field(column("published_on"))
            let day = published.flatMap { Day(iso: $0) }
            if published != nil, day == nil, Int(published!) == nil {
                throw IngestError(file: path, line: number + 1, message: "published_on \(published!) is not a date")
            }
            let hints = DocumentHints(
                title: field(column("title")), publishedOn: day, year: day == nil ? published.flatMap { Int($0) } : nil,
                publisherRegion: field(column("publisher_region")))
            let full = file.hasPrefix("/") ? file : folder + "/" + file
            entries.append(Entry(path: URL(fileURLWithPath: full).standardizedFileURL.path, hints: hints))
        }
        self.entries = entries
    }

    /// RFC 4180 records: commas, double quotes with "" escapes, CRLF or LF line ends.
    static func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var chars = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            return chars.next()
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    let n = next()
                    if n == "\"" { field.append("\"") } else { quoted = false; pending = n }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(field)
                field = ""
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                record.append(field)
                field = ""
                if record != [""] { records.append(record) }
                record = []
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}
