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

/// A table written a block of rows at a time, so a million rows never sit in memory: terminal
/// columns are as wide as the widest cell seen so far (a wider cell in a later block widens its
/// column from that block on); Markdown needs no widths.
struct StreamingTable {
    var headers: [String]
    var markdown: Bool
    var colour: Bool
    var write: (String) -> Void
    var blockSize = 1_000

    private var pending: [[String]] = []
    private var widths: [Int] = []
    private var started = false

    init(headers: [String], markdown: Bool, colour: Bool, write: @escaping (String) -> Void) {
        self.headers = headers
        self.markdown = markdown
        self.colour = colour
        self.write = write
    }

    mutating func add(_ row: [String]) {
        pending.append(row)
        if pending.count >= blockSize { flush() }
    }

    mutating func finish() { flush() }

    private mutating func flush() {
        var lines: [String]
        if markdown {
            let table = TextTable(headers: headers, rows: pending).markdown()
            lines = started ? Array(table.dropFirst(2)) : table
        } else {
            let block = started ? pending : [headers] + pending
            widths = (0..<headers.count).map { c in
                max(c < widths.count ? widths[c] : 0, block.map { c < $0.count ? terminalWidth($0[c]) : 0 }.max() ?? 0)
            }
            lines = block.map { row in
                var line = "  "
                for (c, cell) in row.enumerated() {
                    line += c == row.count - 1 ? cell : padded(cell, to: widths[c]) + "  "
                }
                while line.hasSuffix(" ") { line.removeLast() }
                return line
            }
            if colour, !started, !lines.isEmpty { lines[0] = ANSI.dim(lines[0]) }
        }
        if !lines.isEmpty { write(lines.joined(separator: "\n") + "\n") }
        started = true
        pending.removeAll(keepingCapacity: true)
    }
}

/// Standard output through `print`'s buffer: rows written one at a time cost no system call each.
struct StandardOutput {
    func write(_ text: String) {
        print(text, terminator: "")
    }
}
