/// Text under construction with, for every scalar, the range of raw scalars it came from.
///
/// Each pipeline stage reads one `MappedText` and appends to a new one, so the map back to the
/// raw document survives every transformation (HTML entities, pinyin removal, folding …).
struct MappedText: Sendable {
    var scalars: [Unicode.Scalar] = []
    var start: [Int32] = []
    var end: [Int32] = []

    init() {}

    init(reservingCapacity n: Int) {
        scalars.reserveCapacity(n)
        start.reserveCapacity(n)
        end.reserveCapacity(n)
    }

    /// The identity map over `raw[range]`.
    init(identity raw: [Unicode.Scalar], range: Range<Int>) {
        scalars = Array(raw[range])
        start = range.map { Int32($0) }
        end = range.map { Int32($0 + 1) }
    }

    var count: Int { scalars.count }

    @inline(__always) mutating func append(_ s: Unicode.Scalar, _ rawStart: Int32, _ rawEnd: Int32) {
        scalars.append(s)
        start.append(rawStart)
        end.append(rawEnd)
    }

    /// Appends scalar `i` of `other` with its mapping.
    @inline(__always) mutating func append(from other: MappedText, _ i: Int) {
        scalars.append(other.scalars[i])
        start.append(other.start[i])
        end.append(other.end[i])
    }

    /// Keeps only `lines` (ranges of lines in order, as `lineRanges()` gives them), joined by line
    /// breaks, each break mapped to the empty raw range where the line after it starts.
    ///
    /// Works in place: a kept line moves towards the front by at least the lines dropped before
    /// it, and the break before it takes the place of the one that ended the line before it.
    mutating func keepLines(_ lines: [Range<Int>]) {
        var w = 0
        for (n, range) in lines.enumerated() {
            precondition(range.lowerBound >= w + (n > 0 ? 1 : 0), "lines must be in order and apart")
            if n > 0 {
                let at = start[range.lowerBound]
                scalars[w] = "\n"
                start[w] = at
                end[w] = at
                w += 1
            }
            guard w < range.lowerBound else {
                w = range.upperBound  // nothing dropped before this line: it is in place
                continue
            }
            for k in range {
                scalars[w] = scalars[k]
                start[w] = start[k]
                end[w] = end[k]
                w += 1
            }
        }
        scalars.removeSubrange(w...)
        start.removeSubrange(w...)
        end.removeSubrange(w...)
    }

    /// Ranges of lines, without their line breaks.
    func lineRanges() -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var lo = 0
        for i in 0..<scalars.count where scalars[i] == "\n" {
            lines.append(lo..<i)
            lo = i + 1
        }
        if lo < scalars.count { lines.append(lo..<scalars.count) }
        return lines
    }

    func string(_ range: Range<Int>) -> String {
        String(scalars: scalars[range])
    }
}

/// The raw range each scalar of a text came from, for stages that can read either a
/// `MappedText` or the raw text itself (`IdentityMap`) without copying it first.
protocol RawOffsets {
    func rawStart(_ i: Int) -> Int32
    func rawEnd(_ i: Int) -> Int32
}

extension MappedText: RawOffsets {
    @inline(__always) func rawStart(_ i: Int) -> Int32 { start[i] }
    @inline(__always) func rawEnd(_ i: Int) -> Int32 { end[i] }
}

/// The map of the raw text onto itself: scalar `i` came from `i ..< i + 1`.
struct IdentityMap: RawOffsets {
    @inline(__always) func rawStart(_ i: Int) -> Int32 { Int32(i) }
    @inline(__always) func rawEnd(_ i: Int) -> Int32 { Int32(i + 1) }
}
