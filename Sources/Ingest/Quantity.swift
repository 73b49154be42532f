/// A number with its unit and qualifiers, as written: `3.5万亿元`, `10000家以上`, `6%左右`, `千名`.
public struct Quantity: Equatable, Sendable {
    /// What the unit measures; decides between `count` and `level` commitments.
    public enum UnitClass: Sendable, Equatable {
        /// Countable things: 家, 个, 项, 户, 名 …
        case countable
        /// Percent or percentage points.
        case percent
        /// Money, area, weight, power, people-times … anything measured rather than counted.
        case measure
        /// No unit after the number (保持在95以上).
        case none
    }

    /// The number as written before any magnitude word (3.5 in 3.5万亿元, 100 in 百亿).
    public var value: Double
    /// Magnitude and unit as written (万亿元, 家, %, 万标箱); nil when no unit is written.
    public var unit: String?
    public var unitClass: UnitClass
    /// Qualifier normalized to the gold vocabulary: 以上, 以内, 左右 (约 → 左右, 超/突破 → 以上).
    public var qualifier: String?
    /// Where the quantity was written, number through trailing qualifier.
    public var range: Range<Int>
    /// True when the number was Chinese numerals or only a magnitude (万亩, 百亿).
    public var isChinese: Bool
}

/// Reads quantities: a number, an optional magnitude (万, 亿, 万亿), a unit from the unit table and
/// a trailing qualifier (以上, 左右 …).
public enum QuantityReader {
    static let units = WordTable<Quantity.UnitClass>(
        [
            ("%", .percent), ("‰", .percent), ("个百分点", .percent), ("百分点", .percent),
            ("家", .countable), ("个", .countable), ("项", .countable), ("户", .countable),
            ("名", .countable), ("人", .countable), ("件", .countable), ("条", .countable),
            ("座", .countable), ("所", .countable), ("道", .countable), ("批", .countable),
            ("种", .countable), ("支", .countable), ("处", .countable), ("台", .countable),
            ("辆", .countable), ("套", .countable), ("部", .countable), ("位", .countable),
            ("枚", .countable), ("款", .countable), ("场", .countable), ("颗", .countable),
            ("元", .measure), ("美元", .measure), ("亩", .measure), ("公顷", .measure),
            ("平方公里", .measure), ("平方米", .measure), ("公里", .measure), ("千米", .measure),
            ("吨", .measure), ("吨标准煤", .measure), ("千瓦", .measure), ("千瓦时", .measure),
            ("标箱", .measure), ("人次", .measure), ("岁", .measure), ("立方米", .measure),
            ("头", .measure), ("斤", .measure), ("公斤", .measure), ("床", .countable), ("张", .countable),
            ("兆瓦", .measure), ("吉瓦", .measure), ("标准箱", .measure), ("TEU", .measure),
            ("万人次", .measure),
        ])
    static let magnitudes = WordTable<Double>([("万亿", 1e12), ("亿", 1e8), ("万", 1e4), ("千万", 1e7), ("百万", 1e6)])
    static let trailing = WordTable<String>([
        ("以上", "以上"), ("及以上", "以上"), ("以下", "以内"), ("以内", "以内"), ("左右", "左右"), ("上下", "左右"),
    ])

    /// Reads a quantity starting at `i`. Chinese numerals are read only when `allowChinese`,
    /// since running text is full of them (十分, 一批, 三个地).
    public static func read(_ t: [Unicode.Scalar], at i: Int, allowChinese: Bool = true) -> Quantity? {
        guard i < t.count else { return nil }
        var value: Double
        var j: Int
        var chinese = false
        if let r = Numerals.arabic(t, at: i) {
            value = r.value
            j = r.range.upperBound
        } else if allowChinese, let r = Numerals.chinese(t, at: i) {
            value = r.value
            j = r.range.upperBound
            chinese = true
        } else if allowChinese, magnitudes.match(t, at: i) != nil {
            value = 1  // 万亩, 亿元: a bare magnitude means one of it
            j = i
            chinese = true
        } else {
            return nil
        }
        // Percent in words: 百分之五, 百分之5.5 (a rate like 5%, qualifiers after it as usual).
        if chinese, value == 100, j == i + 1, j + 1 < t.count, t[j] == "分", t[j + 1] == "之",
            let d = Numerals.arabic(t, at: j + 2) ?? Numerals.chinese(t, at: j + 2)
        {
            var e = d.range.upperBound
            var qualifier: String?
            if let q = trailing.match(t, at: e) {
                qualifier = q.value
                e += q.length
            }
            return Quantity(
                value: d.value, unit: "%", unitClass: .percent, qualifier: qualifier, range: i..<e, isChinese: true)
        }
        // Fractions: 三分之一.
        if chinese, j + 1 < t.count, t[j] == "分", t[j + 1] == "之", let d = Numerals.chinese(t, at: j + 2), value > 0 {
            return Quantity(
                value: d.value / value, unit: nil, unitClass: .none, qualifier: nil, range: i..<d.range.upperBound,
                isChinese: true)
        }
        // The unit as written: magnitude and unit word, each read as a range of `t`.
        var unit = ""
        var unitClass = Quantity.UnitClass.none
        var magnitude = j..<j
        if let m = magnitudes.match(t, at: j) {
            magnitude = j..<j + m.length
            unit = t.string(magnitude)
            j += m.length
            unitClass = .measure
        }
        var approximate: String?
        if !chinese, j < t.count, t[j] == "多" || t[j] == "余" {
            approximate = "以上"  // 200余个, 30多家
            j += 1
        }
        if let u = units.match(t, at: j) {
            unit += t.string(j..<j + u.length)
            // 1.5万家: a magnitude before a countable unit still counts things.
            unitClass = u.value
            j += u.length
        } else if !magnitude.isEmpty && t[magnitude.upperBound - 1] == "亿" {
            unit += "元"  // 百亿工业投资: 亿 alone is money in this genre
        }
        if chinese && unit.isEmpty { return nil }
        var qualifier = approximate
        if let q = trailing.match(t, at: j) {
            qualifier = q.value
            j += q.length
        }
        return Quantity(
            value: value, unit: unit.isEmpty ? nil : unit, unitClass: unitClass, qualifier: qualifier, range: i..<j,
            isChinese: chinese)
    }
}
