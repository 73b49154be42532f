/// A plan's table of main indicators (主要指标) as scraped text: a header naming the indicator
/// column and year columns (指标 | 2020年基期值 | 2025年目标值 | 属性), then one row per indicator
/// (粮食综合生产能力(亿吨) | 一 | >6.5 | 约束性). Cells are separated by `|` or tabs; a row is one line
/// (`| 指标 | 2020年 | 2025年 |`) or, as copies of PDF tables often are, one cell per line.
struct IndicatorTable {
    /// One indicator's row: its name and unit, and the target cell.
    struct Row {
        /// The name cell, unit in brackets included (高标准农田面积(亿亩)).
        var nameCell: Range<Int>
        /// The name without the bracketed unit and without spaces a line break left.
        var name: String
        var unit: String?
        /// The target column's cell.
        var target: Range<Int>
    }

    var rows: [Row]
    /// The target column's year: the rows' deadline.
    var targetYear: Int
    /// The target column counts an annual rate (2021—2025年年均增长): the rows are growth targets.
    var annualRate: Bool
    /// Where the table ends: the start of the first line after it.
    var end: Int

    /// Header words that no indicator's name cell carries.
    static let headerWords = WordTable<Bool>(
        ["指标", "属性", "单位", "类别", "序号", "年均", "累计", "目标值", "基期", "基数", "预期值"].map { ($0, true) })

    /// Reads the table whose block of `|` or tab-separated lines starts at `start`, if that block
    /// opens with an indicator header. Returns nil for any other text, cheaply: the line must
    /// hold a separator and the word 指标.
    static func read(_ t: [Unicode.Scalar], at start: Int) -> IndicatorTable? {
        // The block: consecutive lines with a separator.
        var lines: [Range<Int>] = []
        var s = start
        while s < t.count {
            var e = s
            var separated = false
            while e < t.count, t[e] != "\n" {
                if t[e] == "|" || t[e] == "\t" { separated = true }
                e += 1
            }
            guard separated else { break }
            lines.append(s..<e)
            s = e + 1
        }
        guard let first = lines.first, t.contains("指标", in: first) else { return nil }
        let end = min(s, t.count)
        let cellsByLine = lines.map { cells(t, $0) }
        // One row per line when the header line holds the header; else one cell per line.
        let rowsOfCells: [[Range<Int>]]
        let header: [Range<Int>]
        if cellsByLine[0].count >= 3 {
            header = cellsByLine[0]
            rowsOfCells = Array(cellsByLine.dropFirst())
        } else {
            let flat = cellsByLine.flatMap { $0 }
            var width = 0
            while width < flat.count, isHeaderCell(t, flat[width]) { width += 1 }
            guard width >= 2 else { return nil }
            header = Array(flat[0..<width])
            rowsOfCells = stride(from: width, to: flat.count - width + 1, by: width).map { Array(flat[$0..<($0 + width)]) }
        }
        guard let (column, year, annual) = targetColumn(t, header) else { return nil }
        let nameColumn = header.firstIndex { t.contains("指标", in: $0) } ?? 0
        let unitColumn = header.firstIndex { t.contains("单位", in: $0) }
        var rows: [Row] = []
        for cells in rowsOfCells where cells.count == header.count {
            let cell = cells[nameColumn]
            var (name, unit) = nameAndUnit(t, cell)
            if let u = unitColumn {
                let written = t.string(cells[u])
                if !written.isEmpty { unit = written }
            }
            guard !name.isEmpty, cells[column].contains(where: { t[$0].isASCIIDigit }) else { continue }
            rows.append(Row(nameCell: cell, name: name, unit: unit, target: cells[column]))
        }
        guard !rows.isEmpty else { return nil }
        return IndicatorTable(rows: rows, targetYear: year, annualRate: annual, end: end)
    }

    /// The cells of a line: text between separators, spaces trimmed, empty ones dropped.
    static func cells(_ t: [Unicode.Scalar], _ line: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var s = line.lowerBound
        for k in line.lowerBound...line.upperBound where k == line.upperBound || t[k] == "|" || t[k] == "\t" {
            var a = s
            var b = k
            while a < b, t[a] == " " || t[a] == "\u{3000}" { a += 1 }
            while b > a, t[b - 1] == " " || t[b - 1] == "\u{3000}" { b -= 1 }
            if a < b { out.append(a..<b) }
            s = k + 1
        }
        return out
    }

    static func isHeaderCell(_ t: [Unicode.Scalar], _ cell: Range<Int>) -> Bool {
        headerWords.occurs(in: t, cell) || !years(in: t, cell).isEmpty
    }

    /// The four-digit years written in a cell, in order (2021—2025年年均增长 → 2021, 2025).
    static func years(in t: [Unicode.Scalar], _ cell: Range<Int>) -> [Int] {
        var found: [Int] = []
        var k = cell.lowerBound
        while k + 4 <= cell.upperBound {
            if (k..<(k + 4)).allSatisfy({ t[$0].isASCIIDigit }), k + 4 == cell.upperBound || !t[k + 4].isASCIIDigit,
                k == cell.lowerBound || !t[k - 1].isASCIIDigit
            {
                let y = (k..<(k + 4)).reduce(0) { $0 * 10 + t[$1].asciiDigitValue }
                if (1990...2100).contains(y) { found.append(y) }
                k += 4
            } else {
                k += 1
            }
        }
        return found
    }

    /// The column of the latest year: a level target, unless only an annual-rate column has it.
    static func targetColumn(_ t: [Unicode.Scalar], _ header: [Range<Int>]) -> (Int, Int, Bool)? {
        var best: (Int, Int, Bool)?
        for (k, cell) in header.enumerated() {
            guard let y = years(in: t, cell).last else { continue }
            let annual = t.contains("年均", in: cell)
            let cumulative = t.contains("累计", in: cell) || t.contains("基期", in: cell)
            if cumulative && !annual { continue }
            if let b = best, b.1 > y || (b.1 == y && (annual || !b.2)) { continue }
            best = (k, y, annual)
        }
        return best
    }

    /// 高标准农田面积(亿亩) → 高标准农田面积, 亿亩; a unit in brackets at the end of the name cell.
    static func nameAndUnit(_ t: [Unicode.Scalar], _ cell: Range<Int>) -> (String, String?) {
        var nameEnd = cell.upperBound
        var unit: String?
        if let last = cell.last, t[last] == ")" || t[last] == "）",
            let open = cell.reversed().first(where: { t[$0] == "(" || t[$0] == "（" }), open > cell.lowerBound
        {
            let inside = (open + 1)..<last
            let written = t.string(inside).filter { $0 != " " }
            if !written.isEmpty, written.count <= 6 {
                unit = written
                nameEnd = open
            }
        }
        var name = String.UnicodeScalarView()
        for k in cell.lowerBound..<nameEnd where t[k] != " " && t[k] != "\u{3000}" && t[k] != "\n" { name.append(t[k]) }
        return (String(name), unit)
    }
}
