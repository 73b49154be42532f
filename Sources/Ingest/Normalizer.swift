import Foundation

/// Text → normalized text, keeping the raw-offset map exact.
///
/// - full-width ASCII folded (`１２３`→`123`, `（`→`(`, `，`→`,`, `％`→`%`, ideographic space → space);
///   Chinese 、。“”《》 are kept;
/// - dashes and tildes between digits unified to `—` (`2023-2026年` → `2023—2026年`), dates such as
///   `2020-05-09` left alone;
/// - pinyin annotations removed (`業(yè)` → `業`), folded into the preceding character's raw range;
/// - mirror-site noise (runs of two or more `@`) removed;
/// - runs of spaces collapsed, lines trimmed, blank lines dropped;
/// - traditional characters converted to simplified when the text is detected as traditional.
enum Normalizer {
    /// Folds, unifies and collapses (everything but the traditional → simplified step).
    static func fold(_ input: MappedText) -> MappedText {
        var sample = TraditionalSample()
        return fold(input, sample: &sample)
    }

    /// Folds `input` and counts the traditional sample of what it outputs.
    static func fold(_ input: MappedText, sample: inout TraditionalSample) -> MappedText {
        fold(input.scalars, from: 0, map: input, sample: &sample)
    }

    /// Folds `raw[range]` with the identity map; without copying it first when `range` runs to
    /// the end of `raw` (the folding rules look ahead, so they must see what the copy would end with).
    static func fold(_ raw: [Unicode.Scalar], range: Range<Int>) -> MappedText {
        var sample = TraditionalSample()
        return fold(raw, range: range, sample: &sample)
    }

    /// Folds `raw[range]` and counts the traditional sample of what it outputs.
    static func fold(_ raw: [Unicode.Scalar], range: Range<Int>, sample: inout TraditionalSample) -> MappedText {
        guard range.upperBound == raw.count else {
            return fold(MappedText(identity: raw, range: range), sample: &sample)
        }
        return fold(raw, from: range.lowerBound, map: IdentityMap(), sample: &sample)
    }

    /// Folds `s[first...]`; `map` gives the raw range of each scalar of `s`. Every scalar output
    /// goes through `sample` (the folding never removes a CJK character once output).
    private static func fold<Map: RawOffsets>(
        _ s: [Unicode.Scalar], from first: Int, map: Map, sample: inout TraditionalSample
    ) -> MappedText {
        var out = MappedText(reservingCapacity: s.count - first)
        let n = s.count
        var i = first
        let traditionalOnly = Self.traditionalOnly
        while i < n {
            var c = s[i]
            let v = c.value
            // Han characters, most of the text, are kept as they are unless pinyin follows.
            if c.isHan && !(i + 1 < n && (s[i + 1] == "(" || s[i + 1] == "（")) {
                out.append(c, map.rawStart(i), map.rawEnd(i))
                sample.count(c, cjk: true, in: traditionalOnly)
                i += 1
                continue
            }
            if v < 0x80 {
                if c == "\n" || c == "\r" {
                    if c == "\r" && i + 1 < n && s[i + 1] == "\n" {
                        i += 1
                        continue
                    }
                    trimTrailingSpace(&out)
                    if let last = out.scalars.last, last != "\n" { out.append("\n", map.rawStart(i), map.rawEnd(i)) }
                    i += 1
                    continue
                }
                if c == " " || c == "\t" {
                    appendSpace(&out, map, i)
                    i += 1
                    continue
                }
                if v < 0x20 || v == 0x7F {
                    i += 1
                    continue
                }
                // Mirror sites insert runs of @ between words (重庆@@市高新技术企业): noise, dropped.
                if c == "@", i + 1 < n, s[i + 1] == "@" {
                    while i < n, s[i] == "@" { i += 1 }
                    continue
                }
            } else {
                switch v {
                case 0xFF01...0xFF5E:
                    c = Unicode.Scalar(v - 0xFEE0)!
                case 0xA0, 0x3000, 0x2000...0x200A, 0x202F, 0x205F:
                    appendSpace(&out, map, i)
                    i += 1
                    continue
                case 0x200B...0x200D, 0xFEFF, 0x80...0x9F:
                    i += 1
                    continue
                default:
                    break
                }
            }
            if isDashLike(c) && !out.scalars.isEmpty && out.scalars.last!.isPlainDigit && i + 1 < n
                && foldedDigit(s[i + 1])
            {
                out.append(isDateDash(out.scalars, s, at: i) ? c : "—", map.rawStart(i), map.rawEnd(i))
                i += 1
                continue
            }
            if c.isCJK, i + 1 < n, s[i + 1] == "(" || s[i + 1] == "（" {
                let skip = pinyinAnnotation(s, at: i + 1)
                if skip > 0 {
                    out.append(c, map.rawStart(i), map.rawEnd(i + skip))
                    sample.count(c, cjk: true, in: traditionalOnly)
                    i += skip + 1
                    continue
                }
            }
            out.append(c, map.rawStart(i), map.rawEnd(i))
            sample.count(c, cjk: c.isCJK, in: traditionalOnly)
            i += 1
        }
        trimTrailingSpace(&out)
        while out.scalars.last == "\n" {
            out.scalars.removeLast()
            out.start.removeLast()
            out.end.removeLast()
        }
        return out
    }

    @inline(__always) static func appendSpace<Map: RawOffsets>(_ out: inout MappedText, _ map: Map, _ i: Int) {
        guard let last = out.scalars.last, last != "\n", last != " " else { return }
        out.append(" ", map.rawStart(i), map.rawEnd(i))
    }

    @inline(__always) static func trimTrailingSpace(_ out: inout MappedText) {
        while out.scalars.last == " " {
            out.scalars.removeLast()
            out.start.removeLast()
            out.end.removeLast()
        }
    }

    @inline(__always) static func isDashLike(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x2D, 0x7E, 0x2010...0x2015, 0x2212, 0x301C, 0xFF5E, 0xFF0D, 0x2500: true
        default: false
        }
    }

    @inline(__always) static func foldedDigit(_ c: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(c.value) || (0xFF10...0xFF19).contains(c.value)
    }

    /// True for the dashes of a date such as `2020-05-09` (first or second dash).
    static func isDateDash(_ out: [Unicode.Scalar], _ s: [Unicode.Scalar], at i: Int) -> Bool {
        var k = out.count
        while k > 0 && out[k - 1].isPlainDigit { k -= 1 }
        let left = out.count - k
        let dash = s[i]
        if left == 4 {
            // dddd-d{1,2}-d
            var j = i + 1
            var digits = 0
            while j < s.count && foldedDigit(s[j]) && digits < 3 {
                j += 1
                digits += 1
            }
            return (1...2).contains(digits) && j + 1 < s.count && s[j] == dash && foldedDigit(s[j + 1])
        }
        if (1...2).contains(left), k >= 5, out[k - 1] == (dash.value >= 0xFF01 && dash.value <= 0xFF5E
            ? Unicode.Scalar(dash.value - 0xFEE0)! : dash)
        {
            var d = 0
            var m = k - 1
            while m > 0 && out[m - 1].isPlainDigit && d < 5 {
                m -= 1
                d += 1
            }
            return d == 4
        }
        return false
    }

    /// Length of a pinyin annotation such as `(yè)` starting at `i` (a parenthesis), or 0.
    ///
    /// One to six lower-case latin letters with at least one tone mark, in ASCII or full-width
    /// parentheses.
    static func pinyinAnnotation(_ s: [Unicode.Scalar], at i: Int) -> Int {
        var j = i + 1
        var letters = 0
        var toned = false
        while j < s.count, letters <= 6 {
            let v = s[j].value
            if (0x61...0x7A).contains(v) {
                letters += 1
            } else if toneMarked.contains(v) {
                letters += 1
                toned = true
            } else {
                break
            }
            j += 1
        }
        guard toned, (1...6).contains(letters), j < s.count, s[j] == ")" || s[j] == "）" else { return 0 }
        return j - i + 1
    }

    static let toneMarked: Set<UInt32> = Set(
        "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ".unicodeScalars.map(\.value))

    // MARK: - Traditional → simplified

    /// True when a sample of the text's Han characters changes noticeably under Hant→Hans.
    /// Frequent characters that exist only in traditional script (們 個 這 發 業 …).
    static let traditionalOnly = ScalarSet(
        ("們個這來時會國發業經為與說對產實現開關當總進動區縣設備資質營創農濟稅畝億萬標準數環續鏈學師醫藝術傳統養綠電車網絡"
            + "無線頭腦雲計劃畫圖書場廣長門問題還過達運從將導際機構費試驗檢測製鋼鐵礦煉倉儲貿賣買銷專優勢協議選舉戶園鎮鄉"
            + "莊處務衛療險聯連鄰減節約東兩內規額資務勞員歲級體價幣積極濱條項與並點報號應變體萬"
        ).unicodeScalars)

    static func looksTraditional(_ text: MappedText) -> Bool {
        var sample = TraditionalSample()
        let traditionalOnly = Self.traditionalOnly
        for c in text.scalars where !sample.isFull {
            sample.count(c, cjk: c.isCJK, in: traditionalOnly)
        }
        return looksTraditional(text, sample: sample)
    }

    /// `looksTraditional(text)` with the first look already taken: `sample` counted every scalar
    /// of `text` (as `fold` does while it writes them).
    static func looksTraditional(_ text: MappedText, sample: TraditionalSample) -> Bool {
        // Cheap first look: simplified text has almost none of these, so ICU runs only on candidates.
        let han = sample.cjk
        let marked = sample.marked
        guard han >= 10, Double(marked) / Double(han) >= 0.03 else { return false }
        let table = SimplifiedTable.shared
        var count = 0
        var changed = 0
        for c in text.scalars where c.isCJK {
            count += 1
            if table.changes(c) { changed += 1 }
            if count >= 4000 { break }
        }
        // Traditional text changes in a fifth to a third of its characters; simplified text in
        // almost none (显著 → 显着 is ICU's one-way guess, not evidence).
        return changed >= 2 && Double(changed) / Double(count) >= 0.12
    }

    /// Converts traditional characters to simplified ones, one to one, so the offset map stays
    /// as it is.
    static func simplify(_ input: MappedText) -> MappedText {
        var text = input
        simplify(&text)
        return text
    }

    /// Converts traditional characters to simplified ones in place.
    static func simplify(_ text: inout MappedText) {
        let table = SimplifiedTable.shared
        // A new array written at once: faster than replacing the scalars one by one in place.
        text.scalars = text.scalars.map { table.simplified($0) }
    }

    static func convert(_ text: String) -> String {
        text.applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? text
    }
}

/// The first look at whether a text is traditional: how many of its first
/// `TraditionalSample.limit` CJK characters are in `Normalizer.traditionalOnly`.
struct TraditionalSample {
    static let limit = 4000
    /// CJK characters counted, at most `limit`.
    private(set) var cjk = 0
    /// Scalars counted that are in the set of traditional-only characters (all of them CJK).
    private(set) var marked = 0

    var isFull: Bool { cjk >= Self.limit }

    /// Counts the next scalar of the text, `c`; `cjk` says whether it is a CJK character, and
    /// `traditionalOnly` is `Normalizer.traditionalOnly` (passed in so a loop reads it once).
    @inline(__always)
    mutating func count(_ c: Unicode.Scalar, cjk isCJK: Bool, in traditionalOnly: ScalarSet) {
        guard cjk < Self.limit else { return }
        // Counted without branching on the scalar.
        cjk &+= isCJK ? 1 : 0
        marked &+= traditionalOnly.contains(c) ? 1 : 0
    }
}

/// Traditional → simplified for single characters, as ICU's Hant-Hans transform gives them.
///
/// ICU converts at 5–7 MB/s; its answer for every CJK character (each on its own line, so no
/// phrase rule joins two), kept in a table, converts at memory speed. The answers are stored in
/// `SimplifiedTable.pairs`, so no process waits for ICU to give them. Phrase-level rules are
/// lost, which for policy text (业, 发, 经, 济 …) changes nothing that extraction reads.
struct SimplifiedTable: Sendable {
    static let shared = SimplifiedTable(pairs: pairs)
    static let first: UInt32 = 0x3400
    static let last: UInt32 = 0x9FFF

    /// For each scalar in first...last, its simplified form (itself when unchanged).
    private let map: [Unicode.Scalar]
    /// The scalars `map` changes: a bitmap small enough to stay in cache while a text is sampled.
    private let changed: ScalarSet

    /// The table of `pairs`: each traditional character in first...last followed by its
    /// simplified form (line breaks between pairs are skipped).
    init(pairs: String) {
        var map = (Self.first...Self.last).map { Unicode.Scalar($0)! }  // no surrogates in U+3400…U+9FFF
        var changed = ScalarSet([])
        var traditional: Unicode.Scalar?
        for s in pairs.unicodeScalars where s != "\n" {
            guard let from = traditional else {
                traditional = s
                continue
            }
            precondition((Self.first...Self.last).contains(from.value), "\(from) is outside the table")
            map[Int(from.value - Self.first)] = s
            changed.insert(from)
            traditional = nil
        }
        precondition(traditional == nil, "pairs must come in twos")
        self.map = map
        self.changed = changed
    }

    /// ICU's answers, in the form of `pairs` (one line of 32 pairs at a time): what
    /// `SimplifiedTable+Data.swift` holds.
    static func icuPairs() -> String {
        var source = String.UnicodeScalarView()
        var codes: [UInt32] = []
        for v in first...last {
            guard let s = Unicode.Scalar(v) else { continue }
            source.append(s)
            source.append("\n")
            codes.append(v)
        }
        let converted = Normalizer.convert(String(source)).split(separator: "\n", omittingEmptySubsequences: false)
        var pairs = String.UnicodeScalarView()
        var count = 0
        guard converted.count >= codes.count else { return "" }
        for (k, piece) in zip(codes.indices, converted) {
            let scalars = piece.unicodeScalars
            guard scalars.count == 1, let out = scalars.first, out.value != codes[k] else { continue }
            if count > 0 && count % 32 == 0 { pairs.append("\n") }
            pairs.append(Unicode.Scalar(codes[k])!)
            pairs.append(out)
            count += 1
        }
        return String(pairs)
    }

    @inline(__always)
    func simplified(_ s: Unicode.Scalar) -> Unicode.Scalar {
        guard s.value >= Self.first, s.value <= Self.last else { return s }
        return map[Int(s.value - Self.first)]
    }

    /// True when `s` has a different simplified form.
    @inline(__always)
    func changes(_ s: Unicode.Scalar) -> Bool {
        changed.contains(s)
    }
}

extension Unicode.Scalar {
    @inline(__always) var isPlainDigit: Bool { (0x30...0x39).contains(value) }
}
