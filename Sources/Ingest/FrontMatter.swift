/// The Markdown front matter some scraped files start with (`---`, `title: '…'`, `date: …`, `---`).
///
/// Its title is the document's title; its date the publication date; none of it is body.
struct FrontMatter: Sendable, Hashable {
    var title: String?
    var date: String?
    var author: String?
    /// Raw scalar index where the text after the closing `---` starts.
    var bodyStart: Int

    /// Reads front matter at the start of `raw` (after blank lines); nil when there is none.
    static func read(_ raw: [Unicode.Scalar]) -> FrontMatter? {
        var i = 0
        while i < raw.count && raw[i].isSpaceLike { i += 1 }
        guard let firstLineEnd = lineEnd(raw, from: i), isFence(raw, i..<firstLineEnd) else { return nil }
        var fields: [String: String] = [:]
        var lineStart = firstLineEnd + 1
        var lines = 0
        while lineStart < raw.count, lines < 200 {
            let end = lineEnd(raw, from: lineStart) ?? raw.count
            if isFence(raw, lineStart..<end) {
                return FrontMatter(
                    title: fields["title"], date: fields["date"], author: fields["author"],
                    bodyStart: min(end + 1, raw.count))
            }
            if let colon = raw[lineStart..<end].firstIndex(of: ":"), colon > lineStart,
                raw[lineStart].isASCII, raw[lineStart] != " "
            {
                let key = scalarString(raw[lineStart..<colon]).trimmingSpaces.lowercased()
                var value = scalarString(raw[(colon + 1)..<end]).trimmingSpaces
                if value.count >= 2, let q = value.first, q == "'" || q == "\"", value.last == q {
                    value = String(value.dropFirst().dropLast())
                    if q == "'" { value = value.split(separator: "''", omittingEmptySubsequences: false).joined(separator: "'") }
                }
                if !value.isEmpty, fields[key] == nil { fields[key] = value }
            }
            lineStart = end + 1
            lines += 1
        }
        return nil
    }

    private static func lineEnd(_ raw: [Unicode.Scalar], from i: Int) -> Int? {
        var j = i
        while j < raw.count && raw[j] != "\n" { j += 1 }
        return j < raw.count ? j : nil
    }

    private static func isFence(_ raw: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        var dashes = 0
        for s in raw[range] {
            if s == "-" { dashes += 1 } else if !s.isSpaceLike { return false }
        }
        return dashes == 3
    }
}

func scalarString(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    String(scalars: scalars)
}
