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
