/// Text as a report shows it: a quote or an indicator name normalized like the documents
/// (`Normalizer`: full-width ASCII folded, pinyin annotations removed, range dashes unified,
/// spaces collapsed) and in simplified characters: `制造業(yè)倍增行動(2023—2026年)` →
/// `制造业倍增行动(2023—2026年)`.
///
/// Stored quotes stay exact (substrings of the raw text); only what a report prints as the target
/// or the indicator goes through here. Text that needs nothing is returned as it is, and
/// `needsNormalizing(utf8:)` says so from the bytes alone, so a report of a million rows copies
/// most of them without making a `String`.
public enum DisplayText {
    /// The normalized, simplified form of `text`.
    public static func of(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard needsNormalizing(scalars) else { return text }
        var folded = Normalizer.fold(scalars, range: 0..<scalars.count)
        if isTraditional(folded.scalars) { Normalizer.simplify(&folded) }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: folded.scalars)
        return String(out)
    }

    /// Whether `of` would change the text these UTF-8 bytes hold (false for invalid UTF-8).
    public static func needsNormalizing(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Plain ASCII without the characters normalization touches: nothing to do.
        var i = 0
        let n = bytes.count
        var ascii = true
        while i < n {
            let b = bytes[i]
            if b >= 0x80 {
                ascii = false
                break
            }
            if b == UInt8(ascii: "(") || b == UInt8(ascii: "-") || b == UInt8(ascii: "~") || b == UInt8(ascii: "\t")
                || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r")
                || (b == UInt8(ascii: " ") && (i == 0 || i == n - 1 || bytes[i + 1] == UInt8(ascii: " ")))
            {
                return true
            }
            i += 1
        }
        if ascii { return false }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(n / 2)
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): scalars.append(s)
            case .emptyInput: break loop
            case .error: return false
            }
        }
        return needsNormalizing(scalars)
    }

    /// Whether `scalars` hold anything `Normalizer.fold` or the simplification would change.
    static func needsNormalizing(_ scalars: [Unicode.Scalar]) -> Bool {
        let table = SimplifiedTable.shared
        var changes = 0
        for (i, c) in scalars.enumerated() {
            let v = c.value
            if c.isHan {
                if Normalizer.traditionalOnly.contains(c) { return true }
                if table.changes(c) { changes += 1 }
                continue
            }
            switch v {
            case 0x28, 0xFF08:  // a parenthesis, perhaps of a pinyin annotation
                if Normalizer.pinyinAnnotation(scalars, at: i) > 0 { return true }
                if v == 0xFF08 { return true }
            case 0x09, 0x0A, 0x0D, 0x3000, 0xFF01...0xFF5E: return true
            case 0x20:
                if i == 0 || i == scalars.count - 1 || scalars[i + 1] == " " { return true }
            default:
                if Normalizer.isDashLike(c), i > 0, Normalizer.foldedDigit(scalars[i - 1]) { return true }
            }
        }
        return changes >= 2 && isTraditional(scalars)
    }

    /// A short text is traditional when it holds a character found only in traditional script
    /// (們 個 發 業 動 …), or when a fifth of its Han characters change (as `Normalizer` decides
    /// for a document), so that 显著 in simplified text is never turned into 显着.
    static func isTraditional(_ scalars: [Unicode.Scalar]) -> Bool {
        let table = SimplifiedTable.shared
        var han = 0
        var changed = 0
        for c in scalars where c.isHan {
            if Normalizer.traditionalOnly.contains(c) { return true }
            han += 1
            if table.changes(c) { changed += 1 }
        }
        return changed >= 2 && Double(changed) / Double(han) >= 0.2
    }
}
