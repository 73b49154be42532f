import Foundation
import Ingest

/// The canonical indicator vocabulary (`indicators` and `indicator_aliases`), used to give every
/// mention an indicator key so that the same quantity is grouped however it is written.
///
/// The text of an indicator is normalized (`normalize`) and looked up among the aliases, which
/// are stored normalized. An indicator not in the vocabulary gets the key `x:` + its normalized
/// text: grouped with itself, never dropped.
public struct IndicatorVocabulary: Sendable {
    /// Normalized alias → indicator key.
    public var aliases: [String: String]

    public init(aliases: [String: String]) {
        self.aliases = aliases
    }

    /// Reads the aliases from the database.
    public static func load(_ connection: Connection) throws -> IndicatorVocabulary {
        var aliases: [String: String] = [:]
        for row in try connection.execute("SELECT alias, indicator_key FROM indicator_aliases").rows {
            aliases[try row.decode(0)] = try row.decode(1)
        }
        return IndicatorVocabulary(aliases: aliases)
    }

    /// The key of `indicator`, and whether it is in the vocabulary.
    public func key(for indicator: String) -> (key: String, known: Bool) {
        let normalized = IndicatorVocabulary.normalize(indicator)
        if let key = aliases[normalized] { return (key, true) }
        return ("x:" + normalized, false)
    }

    /// Words of scope in front of an indicator that do not change what is measured.
    static let scopeWords = [
        "全省", "全市", "全县", "全区", "全州", "全旗", "全盟", "全国", "我省", "我市", "我县", "我区", "我州",
        "本省", "本市", "本县", "本区", "全年",
        // Words of time and estimate in front of a reported result (去年全省地区生产总值, 仍预计全市GDP).
        "仍预计", "预计", "去年", "今年", "上年",
    ]
    /// Words that end the frame of a sentence stating targets (…主要预期目标为, …预期目标是).
    static let frames = ["目标为", "目标是"]
    /// Spellings unified before lookup, longest first.
    static let spellings: [(String, String)] = [
        ("规上", "规模以上"), ("gdp", "地区生产总值"), ("r&d", "研发"),
    ]
    /// Characters removed: spaces, punctuation and quote marks of both widths.
    static let dropped: Set<Unicode.Scalar> = Set(" \t\n\r\u{3000}“”‘’\"'《》〈〉()（）[]【】、，,.。:：;；·-—_!！?？/".unicodeScalars)

    /// Lower-cased ASCII, without spaces, punctuation or quotes, without leading region names and
    /// scope words (全省, 我市 …), with 规上 spelled 规模以上 and GDP spelled 地区生产总值.
    public static func normalize(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for s in text.unicodeScalars where !dropped.contains(s) {
            scalars.append(s.properties.isUppercase && s.isASCII ? Unicode.Scalar(s.value + 32)! : s)
        }
        var s = String(scalars)
        for (from, to) in spellings { s = s.replacingOccurrences(of: from, with: to) }
        // A sentence's frame in front of the indicator (主要预期目标为地区生产总值): what follows it.
        for frame in frames {
            if let r = s.range(of: frame, options: .backwards), r.upperBound < s.endIndex {
                s = String(s[r.upperBound...])
                break
            }
        }
        // Leading region names and scope words, repeatedly (浙江省全省 …).
        var changed = true
        while changed {
            changed = false
            if let word = scopeWords.first(where: { s.hasPrefix($0) && s.count > $0.count }) {
                s = String(s.dropFirst(word.count))
                changed = true
                continue
            }
            let chars = Array(s.unicodeScalars)
            if let first = Gazetteer.shared.mentions(in: chars[...]).first, first.range.lowerBound == 0,
                first.range.upperBound < chars.count
            {
                s = String(String.UnicodeScalarView(chars[first.range.upperBound...]))
                changed = true
            }
        }
        return s
    }
}
