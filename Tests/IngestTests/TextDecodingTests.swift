import Testing

@testable import Ingest

struct TextDecodingTests {
    static let sentence = "到2025年，规上工业产值实现翻番，研发经费投入强度达到3%以上。"

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: @Sendable () -> [UInt8]
        var encoding: TextDecoding.Encoding
        var testDescription: String { name }
    }

    static let encodings: [Case] = [
        Case(name: "UTF-8", bytes: { Array(sentence.utf8) }, encoding: .utf8),
        Case(name: "UTF-8 with BOM", bytes: { [0xEF, 0xBB, 0xBF] + Array(sentence.utf8) }, encoding: .utf8),
        Case(name: "UTF-16LE with BOM", bytes: { [0xFF, 0xFE] + TextDecoding.encode(sentence, as: .utf16LE)! }, encoding: .utf16LE),
        Case(name: "UTF-16BE with BOM", bytes: { [0xFE, 0xFF] + TextDecoding.encode(sentence, as: .utf16BE)! }, encoding: .utf16BE),
        Case(name: "GB18030", bytes: { TextDecoding.encode(sentence, as: .gb18030)! }, encoding: .gb18030),
        Case(name: "Big5 (traditional)", bytes: { TextDecoding.encode(traditional, as: .big5)! }, encoding: .big5),
    ]
    static let traditional = "到2025年，規上工業產值實現翻番，研發經費投入強度達到3%以上。"

    @Test(arguments: encodings)
    func decodesTheSameText(_ c: Case) throws {
        let result = try TextDecoding.decode(c.bytes(), source: "a.txt")
        #expect(result.encoding == c.encoding)
        let expected = c.encoding == .big5 ? Self.traditional : Self.sentence
        #expect(String(String.UnicodeScalarView(result.scalars)) == expected)
    }

    struct Failure: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var line: Int?
        var column: Int?
        var offset: Int?
        var testDescription: String { name }
    }

    static let failures: [Failure] = [
        Failure(name: "empty file", bytes: [], line: nil, column: nil, offset: nil),
        Failure(name: "NUL byte on line 2", bytes: Array("第一行\n规上".utf8) + [0x00, 0x01, 0xFF], line: 2, column: 3, offset: 16),
        Failure(
            name: "truncated UTF-8 at the end", bytes: Array("目标任务已经确定\n增长".utf8) + [0xE4, 0xB8],
            line: 2, column: 3, offset: 31),
        Failure(name: "random high bytes", bytes: [0x41, 0x0A, 0x42, 0x43, 0xFF, 0xFF, 0xFF, 0x80], line: 2, column: 3, offset: 4),
    ]

    @Test(arguments: failures)
    func refusesWithLocation(_ f: Failure) {
        #expect {
            _ = try TextDecoding.decode(f.bytes, source: "濮阳.txt")
        } throws: { error in
            guard let e = error as? IngestError else { return false }
            return e.file == "濮阳.txt" && e.line == f.line && e.column == f.column && e.byteOffset == f.offset
        }
    }

    @Test func errorReadsLikeACompiler() {
        let e = TextDecoding.located(
            Array("ab\ncd".utf8) + [0xFF], at: 5, source: "濮阳.txt", message: "cannot decode bytes as UTF-8, GB18030 or Big5",
            encoding: nil)
        #expect(e.description == "--> 濮阳.txt:2:3  cannot decode bytes as UTF-8, GB18030 or Big5 (byte offset 5)")
    }

    @Test func largeSingleLineUTF8() throws {
        let line = String(repeating: "全县规上工业增加值增长11%以上,", count: 20_000)
        let result = try TextDecoding.decode(Array(line.utf8), source: "big.txt")
        #expect(result.scalars.count == line.unicodeScalars.count)
    }
}
