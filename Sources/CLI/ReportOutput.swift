import ArgumentParser
import Foundation
import Store
import Glibc
import Ingest

/// How a report is written: aligned columns for a terminal, or CSV, JSON, Markdown.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, markdown
}

/// `--format` and `--no-color`, shared by the report commands.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("table, csv, json or markdown.", valueName: "format"))
    var format: OutputFormat = .table

    @Flag(name: .customLong("no-color"), help: "No colour (also when NO_COLOR is set or output is not a terminal).")
    var noColor = false

    /// Colour only on a terminal, and not when switched off.
    var colour: Bool {
        guard !noColor, format == .table else { return false }
        if let value = ProcessEnvironment.current["NO_COLOR"], !value.isEmpty { return false }
        return isatty(1) == 1
    }

    /// Prints a rendered report: CSV as is (its lines end in CRLF), others with a final newline.
    func write(_ text: String) {
        print(text, terminator: text.unicodeScalars.last == "\n" ? "" : "\n")
    }
}

/// A table of text cells, rendered in any `OutputFormat` but JSON (which reports build from
/// their own fields, with typed values).
struct TextTable {
    var headers: [String]
    var rows: [[String]]

    /// Aligned columns (wide characters take two columns), the header bold or dim when `colour`.
    func terminal(indent: String = "  ", colour: Bool = false) -> [String] {
        var lines = alignedTable([headers] + rows, indent: indent)
        if colour, !lines.isEmpty { lines[0] = ANSI.dim(lines[0]) }
        return lines
    }

    /// RFC 4180: a header row, fields quoted when they hold a comma, quote or line break.
    func csv() -> String {
        ([headers] + rows).map { $0.map(CSV.field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// A GitHub-flavoured Markdown table; `|` in cells escaped.
    func markdown() -> [String] {
        let cell = { (s: String) in s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        return ["| " + headers.map(cell).joined(separator: " | ") + " |",
                "|" + headers.map { _ in " --- |" }.joined()]
            + rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }
    }
}

enum CSV {
    /// One field, quoted when needed.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `field(text)`, appended to `output`: the bytes as they are unless they hold a comma,
    /// quote or line break (then `field` decides, character by character).
    static func write(_ text: some OutputText, to output: StandardOutput) {
        text.withUTF8Bytes { bytes in
            let special = bytes.contains {
                $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
            }
            if special { output.append(field(String(decoding: bytes, as: UTF8.self))) } else { output.append(bytes) }
        }
    }
}

/// A JSON value with object keys kept in the order given, so output is stable.
indirect enum JSON {
    case string(String?)
    case number(Double?)
    case int(Int?)
    case bool(Bool?)
    case array([JSON])
    case object([(String, JSON)])

    var text: String {
        switch self {
        case .string(let s): s.map(JSON.quoted) ?? "null"
        case .number(let x): x.map { $0.isFinite ? JSON.number($0) : "null" } ?? "null"
        case .int(let i): i.map(String.init) ?? "null"
        case .bool(let b): b.map { $0 ? "true" : "false" } ?? "null"
        case .array(let items): "[" + items.map(\.text).joined(separator: ",") + "]"
        case .object(let fields): "{" + fields.map { JSON.quoted($0.0) + ":" + $0.1.text }.joined(separator: ",") + "}"
        }
    }

    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}

/// Terminal colours (SGR).
enum ANSI {
    static func bold(_ s: String) -> String { "\u{1B}[1m" + s + "\u{1B}[0m" }
    static func dim(_ s: String) -> String { "\u{1B}[2m" + s + "\u{1B}[0m" }
    static func red(_ s: String) -> String { "\u{1B}[31m" + s + "\u{1B}[0m" }
}

/// Shared cell formats.
enum Cell {
    static func day(_ d: Day?) -> String { d.map(\.description) ?? "" }
    /// 0.1487 → 14.9 %/yr.
    static func rate(_ r: Double?) -> String {
        guard let r else { return "" }
        return String(format: "%.1f %%/yr", r * 100)
    }
    /// 标题 (2021-06-10).
    static func source(title: String?, date: Day?) -> String {
        [title ?? "", date.map { "(\($0))" } ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
    }
}

extension TextTable {
    /// The rows alone as CSV records (no header), for output written a row at a time.
    func csvRows() -> String {
        rows.map { $0.map(CSV.field).joined(separator: ",") + "\r\n" }.joined()
    }
}

/// Text a report copies to its output: a `String`, or UTF-8 bytes read in place from a query
/// result (`DeadlineListingRow`), so streamed rows make no `String` per cell.
protocol OutputText {
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R
}

extension String: OutputText {
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        var text = self
        return try text.withUTF8(body)
    }
}

extension UnsafeBufferPointer<UInt8>: OutputText {
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R { try body(self) }
}

/// Standard output, gathered and written 64 KB at a time: a report of a million lines makes a
/// few thousand system calls, not one per line. Whatever `print` holds goes out first.
final class StandardOutput {
    private var buffer: [UInt8] = []
    static let chunkSize = 1 << 16

    init() { buffer.reserveCapacity(Self.chunkSize + 4_096) }

    deinit { flush() }

    /// Writes `text`; a full buffer goes out.
    func write(_ text: some OutputText) {
        append(text)
        flushIfFull()
    }

    /// Adds `text` to the buffer without writing it out, so a line can be built (and trimmed)
    /// before `flushIfFull`.
    func append(_ text: some OutputText) {
        text.withUTF8Bytes { buffer.append(contentsOf: $0) }
    }

    func append(spaces count: Int) {
        if count > 0 { buffer.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count)) }
    }

    func flushIfFull() {
        if buffer.count >= Self.chunkSize { flush() }
    }

    /// Drops trailing spaces written since `offset` (a position `count` returned).
    func trimSpaces(after offset: Int) {
        while buffer.count > offset, buffer.last == UInt8(ascii: " ") { buffer.removeLast() }
    }

    /// Bytes appended and not yet written out: a position for `trimSpaces(after:)`.
    var count: Int { buffer.count }

    func flush() {
        guard !buffer.isEmpty else { return }
        fflush(nil)
        buffer.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(1, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 && errno == EINTR { continue }
                // A closed pipe (`| head`) or a full disk: the rest cannot go anywhere.
                if n <= 0 { break }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// A table written a block of rows at a time, so a million rows never sit in memory: terminal
/// columns are as wide as the widest cell seen so far (a wider cell in a later block widens its
/// column from that block on); Markdown needs no widths.
///
/// A block's cells are kept as UTF-8 bytes back to back, each with its display width, and each
/// line is written straight to the output.
struct StreamingTable {
    var headers: [String]
    var markdown: Bool
    var colour: Bool
    let output: StandardOutput
    var blockSize = 1_000

    /// The pending rows' cells, back to back.
    private var bytes: [UInt8] = []
    /// Where each pending cell ends in `bytes`.
    private var ends: [Int] = []
    /// Each pending cell's display width.
    private var cellWidths: [Int] = []
    private var widths: [Int] = []
    private var started = false

    init(headers: [String], markdown: Bool, colour: Bool, output: StandardOutput) {
        self.headers = headers
        self.markdown = markdown
        self.colour = colour
        self.output = output
        bytes.reserveCapacity(1 << 17)
    }

    /// Adds `text` to the cell being built.
    mutating func append(_ text: some OutputText) {
        text.withUTF8Bytes { bytes.append(contentsOf: $0) }
    }

    /// Ends the cell being built.
    mutating func endCell() {
        let start = ends.last ?? 0
        ends.append(bytes.count)
        if !markdown {
            cellWidths.append(bytes.withUnsafeBufferPointer { terminalWidth(utf8: UnsafeBufferPointer(rebasing: $0[start...])) })
        }
    }

    /// Ends the row whose cells were built (one for each header).
    mutating func endRow() {
        if ends.count >= blockSize * headers.count { flush() }
    }

    mutating func add(_ row: [String]) {
        for cell in row {
            append(cell)
            endCell()
        }
        endRow()
    }

    mutating func finish() { flush() }

    private mutating func flush() {
        let columns = headers.count
        if markdown {
            if !started {
                output.write(TextTable(headers: headers, rows: []).markdown().joined(separator: "\n") + "\n")
            }
        } else {
            if widths.isEmpty { widths = headers.map(terminalWidth) }
            for (i, width) in cellWidths.enumerated() where width > widths[i % columns] { widths[i % columns] = width }
            if !started {
                var header = "  " + headers.enumerated().map { c, cell in
                    c == columns - 1 ? cell : padded(cell, to: widths[c]) + "  "
                }.joined()
                while header.hasSuffix(" ") { header.removeLast() }
                output.write((colour ? ANSI.dim(header) : header) + "\n")
            }
        }
        bytes.withUnsafeBufferPointer { bytes in
            var start = 0
            for row in stride(from: 0, to: ends.count, by: columns) {
                let lineStart = output.count
                output.append(markdown ? "| " : "  ")
                for c in 0..<columns {
                    let cell = UnsafeBufferPointer(rebasing: bytes[start..<ends[row + c]])
                    start = ends[row + c]
                    if markdown {
                        writeMarkdown(cell)
                        output.append(c == columns - 1 ? " |" : " | ")
                    } else {
                        output.append(cell)
                        if c < columns - 1 {
                            output.append(spaces: widths[c] - cellWidths[row + c] + 2)
                        }
                    }
                }
                if !markdown { output.trimSpaces(after: lineStart) }
                output.append("\n")
                output.flushIfFull()
            }
        }
        started = true
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        cellWidths.removeAll(keepingCapacity: true)
    }

    /// A Markdown cell: `|` escaped, line breaks as spaces (as `TextTable.markdown` writes it).
    private func writeMarkdown(_ cell: UnsafeBufferPointer<UInt8>) {
        if cell.contains(where: { $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "\n") }) {
            let text = String(decoding: cell, as: UTF8.self)
            output.append(text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " "))
        } else {
            output.append(cell)
        }
    }
}
