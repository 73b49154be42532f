import Testing

@testable import Ingest

struct ScalarsTests {
    @Test(arguments: ["", "abc", "增长6%", "é ü ß", "𠀀𪚥 and 😀", "\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}"])
    func stringsFromScalarsAreTheSameAsFromAScalarView(_ s: String) {
        let scalars = Array(s.unicodeScalars)
        #expect(String(scalars: scalars) == s)
        #expect(String(scalars: scalars).utf8.elementsEqual(s.utf8))
        if scalars.count >= 2 {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[1...])
            #expect(String(scalars: scalars[1...]) == String(view))
        }
    }

    @Test func literalWordsMatchLikeScalarArrays() {
        let t = Array("到2025年累计完成以及同比".unicodeScalars)
        for word in ["累计", "以及", "同比", "到", "年累", "完成了", "比x"] {
            let w = Array(word.unicodeScalars)
            for i in -1...t.count + 1 {
                #expect(t.has(word, at: i) == t.has(w, at: i), "\(word) at \(i)")
                #expect(t.has(word, endingAt: i) == t.has(w, endingAt: i), "\(word) ending at \(i)")
            }
            #expect(t.find(word, in: 0..<t.count) == t.find(w, in: 0..<t.count))
            #expect(t.find(word, in: 3..<9) == t.find(w, in: 3..<9))
        }
    }

    static let table = WordTable<Int>([
        ("增长", 1), ("年均增长", 2), ("增", 3), ("提高到", 4), ("提高", 5), ("达", 6), ("最高达", 7), ("长", 8),
    ])

    struct Match: CustomTestStringConvertible, Sendable {
        var text: String
        var at: Int
        var limit: Int?
        var expected: (length: Int, value: Int)?
        var testDescription: String { "\(text) at \(at)" }
    }

    static let matches: [Match] = [
        Match(text: "年均增长6%", at: 0, expected: (4, 2)),
        Match(text: "年均增长6%", at: 2, expected: (2, 1)),
        Match(text: "年均增长6%", at: 2, limit: 3, expected: (1, 3)),
        Match(text: "年均增长6%", at: 3, expected: (1, 8)),
        Match(text: "提高到90%", at: 0, expected: (3, 4)),
        Match(text: "提高到90%", at: 0, limit: 2, expected: (2, 5)),
        Match(text: "比上年", at: 0, expected: nil),
        Match(text: "增", at: 0, expected: (1, 3)),
    ]

    @Test(arguments: matches)
    func longestEntryStartingAtAPosition(_ m: Match) {
        let t = Array(m.text.unicodeScalars)
        let found = Self.table.match(t, at: m.at, limit: m.limit)
        #expect(found?.length == m.expected?.length && found?.value == m.expected?.value)
    }

    @Test func longestEntryEndingAtAPosition() {
        let t = Array("最高达年均增长".unicodeScalars)
        func match(endingAt end: Int, from start: Int = 0) -> [Int]? {
            Self.table.match(t, endingAt: end, from: start).map { [$0.length, $0.value] }
        }
        #expect(match(endingAt: 3) == [3, 7])
        #expect(match(endingAt: 3, from: 1) == [1, 6])
        #expect(match(endingAt: 7) == [4, 2])
        #expect(match(endingAt: 7, from: 4) == [2, 1])
        #expect(match(endingAt: 7, from: 6) == [1, 8])
        #expect(match(endingAt: 0) == nil)
        #expect(match(endingAt: 4) == nil)
    }

    @Test func ranksNumberMembersInScalarOrder() {
        let ranks = ScalarRanks(Array("增长a达年𠀀".unicodeScalars))
        #expect(ranks.count == 5)  // 𠀀 is outside the Basic Multilingual Plane
        #expect(ranks.rank(of: "a") == 0)
        #expect(ranks.rank(of: "增") == 1)
        #expect(ranks.rank(of: "年") == 2)
        #expect(ranks.rank(of: "达") == 3)
        #expect(ranks.rank(of: "长") == 4)
        #expect(ranks.rank(of: "b") == nil)
        #expect(ranks.rank(of: "𠀀") == nil)
    }
}
