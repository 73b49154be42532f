/// Small helpers for scanning `[Unicode.Scalar]` text without `String.Index` or Regex.
extension Array where Element == Unicode.Scalar {
    /// True when the scalars at `i` spell `word`.
    @inlinable
    func has(_ word: [Unicode.Scalar], at i: Int) -> Bool {
        guard i >= 0, i + word.count <= count else { return false }
        var k = 0
        while k < word.count {
            if self[i + k] != word[k] { return false }
            k += 1
        }
        return true
    }

    /// True when the scalars ending just before `end` spell `word`.
    @inlinable
    func has(_ word: [Unicode.Scalar], endingAt end: Int) -> Bool {
        has(word, at: end - word.count)
    }

    /// First index in `range` where `word` starts.
    func find(_ word: [Unicode.Scalar], in range: Range<Int>) -> Int? {
        guard !word.isEmpty, range.count >= word.count else { return nil }
        var i = range.lowerBound
        while i + word.count <= range.upperBound {
            if self[i] == word[0] && has(word, at: i) { return i }
            i += 1
        }
        return nil
    }

    func contains(_ word: [Unicode.Scalar], in range: Range<Int>) -> Bool {
        find(word, in: range) != nil
    }

    func string(_ range: Range<Int>) -> String {
        String(scalars: self[range])
    }

    // The same for words written as literals (`t.has("同比", at: i)`): compared scalar by
    // scalar, with no array built for the word.

    /// True when the scalars at `i` spell `word`.
    func has(_ word: String, at i: Int) -> Bool {
        guard i >= 0, i <= count else { return false }
        var k = i
        for s in word.unicodeScalars {
            guard k < count, self[k] == s else { return false }
            k += 1
        }
        return true
    }

    /// True when the scalars ending just before `end` spell `word`.
    func has(_ word: String, endingAt end: Int) -> Bool {
        has(word, at: end - word.unicodeScalars.count)
    }

    /// First index in `range` where `word` starts.
    func find(_ word: String, in range: Range<Int>) -> Int? {
        guard let first = word.unicodeScalars.first else { return nil }
        let length = word.unicodeScalars.count
        guard range.count >= length else { return nil }
        var i = range.lowerBound
        while i + length <= range.upperBound {
            if self[i] == first && has(word, at: i) { return i }
            i += 1
        }
        return nil
    }

    func contains(_ word: String, in range: Range<Int>) -> Bool {
        find(word, in: range) != nil
    }
}

extension String {
    /// The string's scalars as an array, the form every scanner in Ingest works on.
    var scalars: [Unicode.Scalar] { Array(unicodeScalars) }

    /// The string of `scalars`, encoded straight into the string's UTF-8 storage.
    ///
    /// Appending to a `String.UnicodeScalarView` one scalar at a time was a tenth of extraction
    /// time (every quote and indicator name is built this way).
    init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
        var length = 0
        for s in scalars { length += UTF8.width(s) }
        self.init(unsafeUninitializedCapacity: length) { buffer in
            // `length` is the exact UTF-8 size of `scalars`, so every index below is in bounds.
            var n = 0
            for s in scalars {
                let v = s.value
                switch v {
                case 0..<0x80:
                    buffer[n] = UInt8(v)
                    n += 1
                case 0x80..<0x800:
                    buffer[n] = UInt8(0xC0 | v >> 6)
                    buffer[n + 1] = UInt8(0x80 | v & 0x3F)
                    n += 2
                case 0x800..<0x10000:
                    buffer[n] = UInt8(0xE0 | v >> 12)
                    buffer[n + 1] = UInt8(0x80 | v >> 6 & 0x3F)
                    buffer[n + 2] = UInt8(0x80 | v & 0x3F)
                    n += 3
                default:
                    buffer[n] = UInt8(0xF0 | v >> 18)
                    buffer[n + 1] = UInt8(0x80 | v >> 12 & 0x3F)
                    buffer[n + 2] = UInt8(0x80 | v >> 6 & 0x3F)
                    buffer[n + 3] = UInt8(0x80 | v & 0x3F)
                    n += 4
                }
            }
            return n
        }
    }
}

extension Unicode.Scalar {
    var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }
    var asciiDigitValue: Int { Int(value) - 0x30 }
    /// CJK unified ideographs (the basic block and extension A).
    var isHan: Bool { (value >= 0x4E00 && value <= 0x9FFF) || (value >= 0x3400 && value <= 0x4DBF) }
    var isASCIILetter: Bool { (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) }
}

/// A vocabulary of words matched longest-first at a position; values carry what the word means.
///
/// Lookups happen at nearly every scalar of every sentence, so they neither hash nor touch
/// reference counts: the words are grouped by first (and by last) scalar in flat arrays, and a
/// group is found by the scalar's rank in a bitmap of the scalars that start (end) a word.
struct WordTable<Value> {
    fileprivate struct Entry {
        /// Where the word's scalars are in `scalars`.
        var start: Int
        var length: Int
        var value: Value
    }

    /// Every word's scalars, end to end.
    private var scalars: [Unicode.Scalar] = []
    /// Entries grouped by first scalar (groups in scalar order), longest first within a group.
    private var byFirst: [Entry] = []
    /// Where each group of `byFirst` starts, by rank in `firsts`, with the end as last element.
    private var firstGroups: [Int] = []
    private var firsts = ScalarRanks([])
    /// The same entries grouped by last scalar, for matches that end at a position.
    private var byLast: [Entry] = []
    private var lastGroups: [Int] = []
    private var lasts = ScalarRanks([])

    init(_ entries: [(String, Value)]) {
        var all: [Entry] = []
        for (word, value) in entries {
            let s = word.scalars
            // Only words in the Basic Multilingual Plane can match (as with `ScalarSet`).
            guard let first = s.first, let last = s.last, first.value < 0x10000, last.value < 0x10000 else { continue }
            all.append(Entry(start: scalars.count, length: s.count, value: value))
            scalars += s
        }
        let scalars = scalars
        firsts = ScalarRanks(all.map { scalars[$0.start] })
        lasts = ScalarRanks(all.map { scalars[$0.start + $0.length - 1] })
        (byFirst, firstGroups) = Self.grouped(all, by: firsts) { scalars[$0.start] }
        (byLast, lastGroups) = Self.grouped(all, by: lasts) { scalars[$0.start + $0.length - 1] }
    }

    /// `entries` ordered by the rank of `key` (the order of the list kept among equals), longest
    /// first within a rank, with where each rank's group starts.
    private static func grouped(_ entries: [Entry], by ranks: ScalarRanks, key: (Entry) -> Unicode.Scalar)
        -> ([Entry], [Int])
    {
        let order = entries.indices.sorted { a, b in
            let ra = ranks.rank(of: key(entries[a]))!
            let rb = ranks.rank(of: key(entries[b]))!
            if ra != rb { return ra < rb }
            if entries[a].length != entries[b].length { return entries[a].length > entries[b].length }
            return a < b
        }
        var groups = [Int](repeating: 0, count: ranks.count + 1)
        for e in entries { groups[ranks.rank(of: key(e))! + 1] += 1 }
        for k in 0..<ranks.count { groups[k + 1] += groups[k] }
        return (order.map { entries[$0] }, groups)
    }

    @inline(__always)
    private func spells(_ text: [Unicode.Scalar], _ e: Entry, at i: Int) -> Bool {
        guard i >= 0, i + e.length <= text.count else { return false }
        var k = 0
        while k < e.length {
            if text[i + k] != scalars[e.start + k] { return false }
            k += 1
        }
        return true
    }

    /// The longest entry that starts at `i`, with its length.
    ///
    /// Inlined, so that scans calling it at every position pay only for the bitmap test where no
    /// word starts.
    @inline(__always)
    func match(_ text: [Unicode.Scalar], at i: Int, limit: Int? = nil) -> (length: Int, value: Value)? {
        let end = limit ?? text.count
        guard i < end, let group = firsts.rank(of: text[i]) else { return nil }
        return longest(text, at: i, end: end, group: group)
    }

    private func longest(_ text: [Unicode.Scalar], at i: Int, end: Int, group: Int) -> (length: Int, value: Value)? {
        for k in firstGroups[group]..<firstGroups[group + 1] {
            let e = byFirst[k]
            if i + e.length <= end && spells(text, e, at: i) { return (e.length, e.value) }
        }
        return nil
    }

    /// The scalars the entries start with.
    var firstScalars: [Unicode.Scalar] { byFirst.map { scalars[$0.start] } }

    /// True when an entry lies wholly inside `range`: one pass, not one per word.
    func occurs(in text: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            if match(text, at: i, limit: range.upperBound) != nil { return true }
            i += 1
        }
        return false
    }

    /// The values of the entries found in `range`, looked for at every position (overlaps kept).
    func values(in text: [Unicode.Scalar], _ range: Range<Int>) -> [Value] {
        var found: [Value] = []
        for i in range {
            if let m = match(text, at: i, limit: range.upperBound) { found.append(m.value) }
        }
        return found
    }

    /// The longest entry that ends exactly at `end`.
    func match(_ text: [Unicode.Scalar], endingAt end: Int, from start: Int = 0) -> (length: Int, value: Value)? {
        guard end > start, end <= text.count, let group = lasts.rank(of: text[end - 1]) else { return nil }
        for k in lastGroups[group]..<lastGroups[group + 1] {
            let e = byLast[k]
            if end - e.length >= start && spells(text, e, at: end - e.length) { return (e.length, e.value) }
        }
        return nil
    }
}
extension WordTable: Sendable where Value: Sendable {}
extension WordTable.Entry: Sendable where Value: Sendable {}

/// A set of scalars of the Basic Multilingual Plane that numbers its members in scalar order:
/// `rank(of:)` is the index of a member in a dense table, found without hashing.
struct ScalarRanks: Sendable {
    private var set = ScalarSet([])
    /// For each 64-scalar block of `set`, how many members the blocks before it hold.
    private var before = [UInt32](repeating: 0, count: 1025)

    init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        for s in scalars { set.insert(s) }
        for block in 0..<1024 { before[block + 1] = before[block] + UInt32(set.block(block).nonzeroBitCount) }
    }

    /// The number of members.
    var count: Int { Int(before[1024]) }

    @inline(__always)
    func rank(of s: Unicode.Scalar) -> Int? {
        guard s.value < 0x10000 else { return nil }
        let block = Int(s.value >> 6)
        let bit: UInt64 = 1 << UInt64(s.value & 63)
        let bits = set.block(block)
        guard bits & bit != 0 else { return nil }
        return Int(before[block]) + (bits & (bit &- 1)).nonzeroBitCount
    }
}

/// A set of scalars as a bitmap over the Basic Multilingual Plane: membership without hashing,
/// for the per-character checks in hot loops.
struct ScalarSet: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1024)

    init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        for s in scalars { insert(s) }
    }

    mutating func insert(_ s: Unicode.Scalar) {
        guard s.value < 0x10000 else { return }
        bits[Int(s.value >> 6)] |= 1 << UInt64(s.value & 63)
    }

    @inline(__always)
    func contains(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x10000 && bits[Int(s.value >> 6)] & (1 << UInt64(s.value & 63)) != 0
    }

    /// The members `64 * block ..< 64 * block + 64`, one bit each.
    @inline(__always)
    func block(_ block: Int) -> UInt64 { bits[block] }
}
