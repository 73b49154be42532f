/// Small helpers for scanning `[Unicode.Scalar]` text without `String.Index` or Regex.
extension Array where Element == Unicode.Scalar {
    /// The first index from `i` (below `limit`) that is not a space or an ideographic space.
    func skippingSpaces(from i: Int, limit: Int) -> Int {
        var k = i
        while k < limit, self[k] == " " || self[k] == "\u{3000}" { k += 1 }
        return k
    }

    /// `k`, or the index after it when a closing quote stands there (”, ", 」, 』): what a name in
    /// quotes (“十四五”规划, 「十四五」规划) is followed by.
    func skippingClosingQuote(at k: Int, limit: Int? = nil) -> Int {
        guard k < (limit ?? count) else { return k }
        switch self[k] {
        case "”", "\"", "」", "』": return k + 1
        default: return k
        }
    }

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
