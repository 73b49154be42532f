/// Reads numbers written in Arabic digits (with separators and decimals) or in Chinese numerals.
public enum Numerals {
    /// A number read from text: its value and where it was written.
    public struct Reading: Equatable, Sendable {
        public var value: Double
        public var range: Range<Int>
        /// True when written with Chinese numerals (十四, 一千一百, 两).
        public var isChinese: Bool
    }

    /// The value of a Chinese digit (零〇一二两三四五六七八九), without hashing.
    @inline(__always)
    static func chineseDigit(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case "零", "〇": 0
        case "一": 1
        case "二", "两": 2
        case "三": 3
        case "四": 4
        case "五": 5
        case "六": 6
        case "七": 7
        case "八": 8
        case "九": 9
        default: nil
        }
    }

    /// The value of 十, 百 or 千.
    @inline(__always)
    static func chineseUnit(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case "十": 10
        case "百": 100
        case "千": 1000
        default: nil
        }
    }

    /// Reads an Arabic number at `i`: `1000`, `1,000`, `3.5`, `41.65`. Nil if no digit is at `i`.
    public static func arabic(_ t: [Unicode.Scalar], at i: Int) -> Reading? {
        guard i < t.count, t[i].isASCIIDigit else { return nil }
        var j = i
        var intPart: Double = 0
        while j < t.count {
            if t[j].isASCIIDigit {
                intPart = intPart * 10 + Double(t[j].asciiDigitValue)
                j += 1
            } else if t[j] == ",", j + 3 < t.count, t[j + 1].isASCIIDigit, t[j + 2].isASCIIDigit,
                t[j + 3].isASCIIDigit, j + 4 == t.count || !t[j + 4].isASCIIDigit, j > i
            {
                j += 1  // thousands separator
            } else {
                break
            }
        }
        var value = intPart
        if j + 1 < t.count, t[j] == ".", t[j + 1].isASCIIDigit {
            j += 1
            var scale = 0.1
            while j < t.count, t[j].isASCIIDigit {
                value += Double(t[j].asciiDigitValue) * scale
                scale /= 10
                j += 1
            }
            value = (value * 1e9).rounded() / 1e9
        }
        return Reading(value: value, range: i..<j, isChinese: false)
    }

    /// Reads a Chinese numeral below ten thousand at `i`: 十四, 一百零五, 两, 千, 三千五百.
    /// Magnitudes 万 and 亿 are left to the caller (they belong to the unit as written).
    public static func chinese(_ t: [Unicode.Scalar], at i: Int) -> Reading? {
        var j = i
        var total = 0
        var digit: Int?
        var lastUnit = Int.max
        var sawAny = false
        while j < t.count {
            let c = t[j]
            if let d = chineseDigit(c) {
                if d == 0 {
                    digit = nil  // 零 holds a place: 一百零五
                } else {
                    if digit != nil { break }  // 二三 is not one number
                    digit = d
                }
                sawAny = true
                j += 1
            } else if let u = chineseUnit(c), u < lastUnit {
                total += (digit ?? 1) * u
                digit = nil
                lastUnit = u
                sawAny = true
                j += 1
            } else {
                break
            }
        }
        guard sawAny, j > i else { return nil }
        total += digit ?? 0
        if total == 0, t[i] != "零", t[i] != "〇" { return nil }
        return Reading(value: Double(total), range: i..<j, isChinese: true)
    }

    /// Reads either form at `i`.
    public static func read(_ t: [Unicode.Scalar], at i: Int) -> Reading? {
        arabic(t, at: i) ?? chinese(t, at: i)
    }

    /// Parses a whole string as a number ("一千一百万" = 11,000,000; "1.5万" = 15,000; "百亿" = 1e10).
    public static func value(of text: String) -> Double? {
        let t = text.scalars
        var i = 0
        var total: Double = 0
        var section: Double = 0
        while i < t.count {
            if let r = read(t, at: i) {
                section += r.value
                i = r.range.upperBound
            } else if t[i] == "万" {
                section = (section == 0 ? 1 : section) * 1e4
                i += 1
            } else if t[i] == "亿" {
                total = (total + (section == 0 ? 1 : section)) * 1e8
                section = 0
                i += 1
            } else {
                return nil
            }
        }
        let v = total + section
        return t.isEmpty ? nil : v
    }
}
