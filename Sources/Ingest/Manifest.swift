#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A CSV list of files with what a crawler knew about each: `file,published_on,publisher_region,title`.
///
/// Fields may be quoted (commas inside, `""` for a quote); UTF-8 with or without BOM; paths are
/// relative to the manifest's folder; an empty field means unknown.
///
/// `Manifest` holds every row; a crawl's manifest of a million rows is better read as a stream
/// with `ManifestReader`, one row at a time.
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
        var reader = try ManifestReader(contentsOf: path)
        self.source = path
        self.entries = try reader.all()
    }

    /// Parses manifest text; relative paths are resolved against `folder`.
    public init(text: String, folder: String = ".", source: String = "manifest") throws(IngestError) {
        var reader = try ManifestReader(bytes: Array(text.utf8), folder: folder, source: source)
        self.source = source
        self.entries = try reader.all()
    }

    static func fileName(_ path: String) -> Substring {
        path.split(separator: "/").last ?? Substring(path)
    }

    /// `path` without `.` segments, `a/../` pairs or doubled slashes; absolute when it exists.
    public static func canonical(_ path: String) -> String {
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
}

/// A manifest's hints by resolved path, then by file name, in constant time and little memory: the index keeps a hash of each row's resolved path
/// and of its file name with the row's offset, and reads the row again when it is asked for.
/// (A directory of 10,000 files against a manifest of 10,000 rows would otherwise resolve paths
/// a hundred million times; holding every row's hints would cost a kilobyte a row.) Rows whose
/// hashes collide with an earlier row's are found by file name or not at all: with 64-bit hashes,
/// about one chance in 10^7 for a manifest of a million rows.
public final class ManifestIndex {
    private var reader: ManifestReader
    private var byPath: [Int: Int] = [:]
    private var byName: [Int: Int] = [:]

    public convenience init(contentsOf manifest: String) throws(IngestError) {
        try self.init { () throws(IngestError) in try ManifestReader(contentsOf: manifest) }
    }

    /// The index of manifest text; relative paths are resolved against `folder`.
    public convenience init(text: String, folder: String = ".") throws(IngestError) {
        try self.init { () throws(IngestError) in try ManifestReader(bytes: Array(text.utf8), folder: folder) }
    }

    /// `open` gives a reader at the first row: once to build the index, once to read rows again.
    private init(open: () throws(IngestError) -> ManifestReader) throws(IngestError) {
        var rows = try open()
        while let entry = try rows.next() {  // the first row naming a file wins
            let path = Manifest.canonical(entry.path).hashValue
            let name = Manifest.fileName(entry.path).hashValue
            if byPath[path] == nil { byPath[path] = rows.lastOffset }
            if byName[name] == nil { byName[name] = rows.lastOffset }
        }
        reader = try open()
    }

    /// The hints of the first row naming `path`, or else the first with its file name; none if no row does.
    public subscript(path: String) -> DocumentHints {
        let canonical = Manifest.canonical(path)
        if let offset = byPath[canonical.hashValue], let entry = try? reader.entry(at: offset),
            Manifest.canonical(entry.path) == canonical
        {
            return entry.hints
        }
        let name = Manifest.fileName(path)
        if let offset = byName[name.hashValue], let entry = try? reader.entry(at: offset),
            Manifest.fileName(entry.path) == name
        {
            return entry.hints
        }
        return DocumentHints()
    }
}

/// A manifest read one row at a time, so a manifest of any length costs the same memory.
///
/// The header is read and checked on creation; each `next()` parses one row, checks its date and
/// resolves its path. Errors name the manifest and the line the row starts on.
public struct ManifestReader {
    /// Where the manifest was read from.
    public let source: String
    private let folder: String
    private var records: CSVRecords
    private let fileColumn: Int
    private let dateColumn: Int?
    private let regionColumn: Int?
    private let titleColumn: Int?
    /// How many fields the header has: every row must have as many (RFC 4180).
    private let columns: Int

    /// Opens the manifest at `path` and reads its header.
    public init(contentsOf path: String) throws(IngestError) {
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        try self.init(records: CSVRecords(stream: try ByteStream(path: path)), folder: folder, source: path)
    }

    /// Reads manifest rows from `bytes`; relative paths are resolved against `folder`.
    public init(bytes: [UInt8], folder: String = ".", source: String = "manifest") throws(IngestError) {
        try self.init(records: CSVRecords(stream: ByteStream(bytes: bytes)), folder: folder, source: source)
    }

    private init(records: CSVRecords, folder: String, source: String) throws(IngestError) {
        self.records = records
        self.folder = folder
        self.source = source
        let first = self.records.next()
        if let first { try ManifestReader.check(first, source: source) }
        guard let header = try ManifestReader.fields(of: first, source: source) else {
            throw IngestError(file: source, message: "the manifest is empty")
        }
        self.columns = header.count
        let names = header.map { $0.trimmingSpaces.lowercased() }
        guard let fileColumn = names.firstIndex(of: "file") else {
            throw IngestError(file: source, line: 1, message: "the manifest has no 'file' column")
        }
        self.fileColumn = fileColumn
        self.dateColumn = names.firstIndex(of: "published_on")
        self.regionColumn = names.firstIndex(of: "publisher_region")
        self.titleColumn = names.firstIndex(of: "title")
    }

    /// The byte offset where the row `next()` returned last starts (for `entry(at:)`).
    public private(set) var lastOffset = 0

    /// The next row with a file name, nil at the end.
    public mutating func next() throws(IngestError) -> Manifest.Entry? {
        while let record = records.next() {
            lastOffset = record.offset
            if let entry = try entry(record) { return entry }
        }
        return nil
    }

    /// The rest of the rows.
    public mutating func all() throws(IngestError) -> [Manifest.Entry] {
        var entries: [Manifest.Entry] = []
        while let entry = try next() { entries.append(entry) }
        return entries
    }

    /// The row starting at byte `offset` (an earlier `lastOffset`); the reader goes on from there.
    public mutating func entry(at offset: Int) throws(IngestError) -> Manifest.Entry? {
        records.seek(to: offset)
        return try next()
    }

    private func entry(_ record: CSVRecords.Record) throws(IngestError) -> Manifest.Entry? {
        try ManifestReader.check(record, source: source)
        if record.fields.count != columns {
            let has = record.fields.count
            throw IngestError(
                file: source, line: record.line,
                message: "the row has \(has) field\(has == 1 ? "" : "s"), the header \(columns) "
                    + "(a comma inside a field needs the field in quotes: \"a,b\")")
        }
        guard let row = try ManifestReader.fields(of: record, source: source) else { return nil }
        func field(_ column: Int?) -> String? {
            guard let column, column < row.count else { return nil }
            let value = row[column].trimmingSpaces
            return value.isEmpty ? nil : value
        }
        guard let file = field(fileColumn) else { return nil }
        var hints = DocumentHints(title: field(titleColumn), publisherRegion: field(regionColumn))
        if let date = field(dateColumn) {
            if let day = Day(iso: date) {
                hints.publishedOn = day
                hints.year = day.year
            } else if date.count == 4, let year = Int(date) {
                hints.year = year
            } else {
                throw IngestError(
                    file: source, line: record.line, message: "published_on '\(date)' is not a date (YYYY-MM-DD or YYYY)")
            }
        }
        let path = file.hasPrefix("/") || folder == "." ? file : folder + "/" + file
        return Manifest.Entry(file: file, path: path, hints: hints)
    }

    /// Refuses a record the CSV reader could only guess at: a quote left open, or text after a
    /// closing quote.
    private static func check(_ record: CSVRecords.Record, source: String) throws(IngestError) {
        guard let problem = record.problem else { return }
        switch problem {
        case .unterminatedQuote(let line, let column):
            throw IngestError(
                file: source, line: line, column: column,
                message: "the quote opened here is never closed (a quote inside a quoted field is written \"\")")
        case .textAfterQuote(let line, let column):
            throw IngestError(
                file: source, line: line, column: column,
                message: "text after a closing quote (a quote inside a quoted field is written \"\")")
        case .quoteInField(let line, let column):
            throw IngestError(
                file: source, line: line, column: column,
                message: "a quote inside a field that does not start with one (quote the whole field: \"a \"\"b\"\"\")")
        }
    }

    /// A record's fields as text (nil for no record, `[]` for a blank line).
    private static func fields(of record: CSVRecords.Record?, source: String) throws(IngestError) -> [String]? {
        guard let record else { return nil }
        var fields: [String] = []
        for bytes in record.fields {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw IngestError(file: source, line: record.line, message: "the manifest is not UTF-8")
            }
            fields.append(text)
        }
        return fields
    }
}

/// RFC 4180 records from a byte stream: quoted fields may hold commas, line breaks and doubled
/// quotes; a line break is LF, CR LF or CR; blank lines are skipped; a leading BOM is dropped.
/// A record that breaks the format (a quote never closed, text after a closing quote, a quote in
/// the middle of an unquoted field) carries a `problem` saying where.
struct CSVRecords {
    struct Record {
        var fields: [[UInt8]]
        /// 1-based line the record starts on (counted when reading from the start).
        var line: Int
        /// Byte offset the record starts at.
        var offset: Int
        /// The first break of RFC 4180 in the record, nil when none.
        var problem: Problem? = nil
    }

    /// Where a record breaks RFC 4180: 1-based line and column (in bytes) of the offending quote
    /// or character.
    enum Problem: Equatable {
        /// A quoted field that runs to the end of the input.
        case unterminatedQuote(line: Int, column: Int)
        /// `"a"b`: something other than a comma or line break after a closing quote.
        case textAfterQuote(line: Int, column: Int)
        /// `a"b`: a quote in a field that did not start with one.
        case quoteInField(line: Int, column: Int)
    }

    private var stream: ByteStream

    init(stream: ByteStream) {
        self.stream = stream
        if stream.peek() == 0xEF {
            let start = stream.offset
            if stream.next() == 0xEF, stream.next() == 0xBB, stream.next() == 0xBF { return }
            stream.seek(to: start)
        }
    }

    /// Goes to `offset`, which must be where a record starts; lines are no longer counted right.
    mutating func seek(to offset: Int) {
        stream.seek(to: offset)
    }

    mutating func next() -> Record? {
        while true {
            guard stream.peek() != nil else { return nil }
            let (line, offset) = (stream.line, stream.offset)
            var problem: Problem?
            let fields = readFields(&problem)
            if fields.count == 1 && fields[0].isEmpty && problem == nil { continue }  // blank line
            return Record(fields: fields, line: line, offset: offset, problem: problem)
        }
    }

    /// 1-based line and column (in characters) of the byte just read.
    private var place: (line: Int, column: Int) { (stream.line, stream.column) }

    private mutating func readFields(_ problem: inout Problem?) -> [[UInt8]] {
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        var quoted = false
        /// Whether the field began with a quote (and has been closed since, when not `quoted`).
        var wasQuoted = false
        var opened = (line: 0, column: 0)
        func note(_ p: Problem) { if problem == nil { problem = p } }
        while let c = stream.next() {
            if quoted {
                if c == UInt8(ascii: "\"") {
                    if stream.peek() == UInt8(ascii: "\"") {
                        _ = stream.next()
                        field.append(c)
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == UInt8(ascii: "\"") {
                if field.isEmpty && !wasQuoted {
                    quoted = true
                    wasQuoted = true
                    opened = place
                } else {
                    note(wasQuoted ? .textAfterQuote(line: place.line, column: place.column)
                        : .quoteInField(line: place.line, column: place.column))
                    field.append(c)
                }
            } else if c == UInt8(ascii: ",") {
                fields.append(field)
                field = []
                wasQuoted = false
            } else if c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") {
                if c == UInt8(ascii: "\r") && stream.peek() == UInt8(ascii: "\n") { _ = stream.next() }
                break
            } else {
                if wasQuoted { note(.textAfterQuote(line: place.line, column: place.column)) }
                field.append(c)
            }
        }
        if quoted { problem = .unterminatedQuote(line: opened.line, column: opened.column) }
        fields.append(field)
        return fields
    }
}

/// Bytes from a file, read 64 KB at a time, or from memory; counts line breaks as it goes.
final class ByteStream {
    private let file: UnsafeMutablePointer<FILE>?
    private var buffer: [UInt8]
    private var position = 0
    /// Offset in the input of `buffer[0]`.
    private var bufferStart = 0
    /// 1-based line of the next byte (counted from where reading or the last seek started).
    private(set) var line = 1

    init(path: String) throws(IngestError) {
        guard let file = fopen(path, "rb") else {
            throw IngestError(file: path, message: "cannot open the file (\(String(cString: strerror(errno))))")
        }
        self.file = file
        self.buffer = []
    }

    init(bytes: [UInt8]) {
        self.file = nil
        self.buffer = bytes
    }

    deinit {
        if let file { fclose(file) }
    }

    /// Offset of the next byte.
    var offset: Int { bufferStart + position }

    func peek() -> UInt8? {
        if position == buffer.count, !refill() { return nil }
        return buffer[position]
    }

    /// 1-based column, in characters, of the byte `next()` returned last (0 after a line break).
    private(set) var column = 0

    func next() -> UInt8? {
        guard let c = peek() else { return nil }
        position += 1
        if c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") {
            column = 0
            if c == UInt8(ascii: "\n") || peek() != UInt8(ascii: "\n") { line += 1 }
        } else if c & 0xC0 != 0x80 {
            column += 1
        }
        return c
    }

    func seek(to offset: Int) {
        if offset >= bufferStart && offset <= bufferStart + buffer.count {
            position = offset - bufferStart
        } else if let file {
            fseeko(file, off_t(offset), SEEK_SET)
            bufferStart = offset
            buffer = []
            position = 0
        }
    }

    private func refill() -> Bool {
        guard let file else { return false }
        bufferStart += buffer.count
        position = 0
        buffer = [UInt8](repeating: 0, count: 1 << 16)
        let n = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        buffer.removeSubrange(n...)
        return n > 0
    }
}
