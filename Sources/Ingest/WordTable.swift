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
