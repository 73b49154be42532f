#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A CSV list of files with what a crawler knew about each: `file,published_on,publisher_region,title`.
///
/// Fields may be quoted (commas inside, `""` for a quote); UTF-8 with or without BOM; paths are
/// relative to the manifest's folder; an empty field means unknown.
public struct Manifest: Sendable {
    /// One row of the manifest.
    public struct Entry: Sendable, Hashable {
        /// The path as written in the manifest.
        public var file: String
        /// The path resolved against the manifest's folder.
        public var path: String
        public var hints: DocumentHints
    }

    /// Where the manifest was read from (empty when parsed from text).
    public var source: String
    public var entries: [Entry]

    /// Reads and parses the manifest at `path`.
    public init(contentsOf path: String) throws(IngestError) {
        let bytes = try Manifest.readFile(path)
        guard let text = String(validating: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes,
            as: UTF8.self)
        else { throw IngestError(file: path, message: "the manifest is not UTF-8") }
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        try self.init(text: text, folder: folder, source: path)
    }

    /// Parses manifest text; relative paths are resolved against `folder`.
    public init(text: String, folder: String = ".", source: String = "manifest") throws(IngestError) {
        self.source = source
        var rows = Manifest.parseCSV(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        guard !rows.isEmpty else { throw IngestError(file: source, message: "the manifest is empty") }
        let header = rows.removeFirst().map { $0.trimmingSpaces.lowercased() }
        guard let fileColumn = header.firstIndex(of: "file") else {
            throw IngestError(file: source, line: 1, message: "the manifest has no 'file' column")
        }
        let dateColumn = header.firstIndex(of: "published_on")
        let regionColumn = header.firstIndex(of: "publisher_region")
        let titleColumn = header.firstIndex(of: "title")
        var entries: [Entry] = []
        for (n, row) in rows.enumerated() {
            func field(_ column: Int?) -> String? {
                guard let column, column < row.count else { return nil }
                let value = row[column].trimmingSpaces
                return value.isEmpty ? nil : value
            }
            guard let file = field(fileColumn) else { continue }
            var hints = DocumentHints(title: field(titleColumn), publisherRegion: field(regionColumn))
            if let date = field(dateColumn) {
                if let day = Day(iso: date) {
                    hints.publishedOn = day
                    hints.year = day.year
                } else if date.count == 4, let year = Int(date) {
                    hints.year = year
                } else {
                    throw IngestError(
                        file: source, line: n + 2, message: "published_on '\(date)' is not a date (YYYY-MM-DD or YYYY)")
                }
            }
            let path = file.hasPrefix("/") || folder == "." ? file : folder + "/" + file
            entries.append(Entry(file: file, path: path, hints: hints))
        }
        self.entries = entries
    }

    /// Hints for the file at `path`: matched by resolved path, then by file name.
    public func hints(for path: String) -> DocumentHints? {
        let wanted = Manifest.canonical(path)
        if let e = entries.first(where: { Manifest.canonical($0.path) == wanted }) { return e.hints }
        let name = Manifest.fileName(path)
        return entries.first(where: { Manifest.fileName($0.path) == name })?.hints
    }

    static func fileName(_ path: String) -> Substring {
        path.split(separator: "/").last ?? Substring(path)
    }

    /// `path` without `.` segments, `a/../` pairs or doubled slashes; absolute when it exists.
    static func canonical(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }

    /// RFC 4180 rows: quoted fields may hold commas, line breaks and doubled quotes.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = String.UnicodeScalarView()
        var quoted = false
        var scalars = Array(text.unicodeScalars)
        scalars.append("\n")
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < scalars.count && scalars[i + 1] == "\"" {
                        field.append("\"")
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(String(field))
                field = String.UnicodeScalarView()
            } else if c == "\n" || c == "\r" {
                if c == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" { i += 1 }
                row.append(String(field))
                field = String.UnicodeScalarView()
                if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
                row = []
            } else {
                field.append(c)
            }
            i += 1
        }
        return rows
    }

    static func readFile(_ path: String) throws(IngestError) -> [UInt8] {
        guard let f = fopen(path, "rb") else {
            throw IngestError(file: path, message: "cannot open the file (\(String(cString: strerror(errno))))")
        }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = fread(&chunk, 1, chunk.count, f)
            if n > 0 { bytes.append(contentsOf: chunk[..<n]) }
            if n < chunk.count { break }
        }
        return bytes
    }
}
