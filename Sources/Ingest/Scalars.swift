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
struct WordTable<Value> {
    private var byFirst: [Unicode.Scalar: [([Unicode.Scalar], Value)]] = [:]
    /// The same entries keyed by their last scalar, longest first, for matches that end at a position.
    private var byLast: [Unicode.Scalar: [([Unicode.Scalar], Value)]] = [:]
    /// First scalars of all entries, checked before the dictionary.
    private(set) var firsts = ScalarSet([])
    /// Last scalars of all entries, for matches that end at a position.
    private var lasts = ScalarSet([])

    init(_ entries: [(String, Value)]) {
        for (word, value) in entries {
            let s = word.scalars
            guard let first = s.first, let last = s.last else { continue }
            byFirst[first, default: []].append((s, value))
            byLast[last, default: []].append((s, value))
            firsts.insert(first)
            lasts.insert(last)
        }
        for key in byFirst.keys {
            byFirst[key]!.sort { $0.0.count > $1.0.count }
        }
        for key in byLast.keys {
            byLast[key]!.sort { $0.0.count > $1.0.count }
        }
    }

    /// The longest entry that starts at `i`, with its length.
    func match(_ text: [Unicode.Scalar], at i: Int, limit: Int? = nil) -> (length: Int, value: Value)? {
        guard i < (limit ?? text.count), firsts.contains(text[i]), let candidates = byFirst[text[i]] else { return nil }
        let end = limit ?? text.count
        for (word, value) in candidates where i + word.count <= end && text.has(word, at: i) {
            return (word.count, value)
        }
        return nil
    }

    /// The longest entry that ends exactly at `end`.
    func match(_ text: [Unicode.Scalar], endingAt end: Int, from start: Int = 0) -> (length: Int, value: Value)? {
        guard end > start, end <= text.count, lasts.contains(text[end - 1]), let candidates = byLast[text[end - 1]]
        else { return nil }
        for (word, value) in candidates where end - word.count >= start && text.has(word, endingAt: end) {
            return (word.count, value)
        }
        return nil
    }
}
extension WordTable: Sendable where Value: Sendable {}

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
}
