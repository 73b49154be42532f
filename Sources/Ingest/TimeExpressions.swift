/// A time expression in running text, before it is resolved against the document's dates.
public struct TimeMention: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// 到2025年, 2025年前, 到2025年底, 力争2025年: a due year.
        case by(Int)
        /// A bare year (2022年合计将…, 2021年增长8.1%): due year if not in the past.
        case year(Int)
        /// 比2020年, 较2019年, 在2022年的基础上: a base year.
        case base(Int)
        /// 2023—2026年, "十四五" (2021—2025): a plan or campaign period.
        case period(YearSpan)
        /// N年内, 用N年时间, 为期N年, N年行动: a span counted from the campaign's start.
        case years(Int)
        /// 今年, 年内, 全年, 年底, 上半年: the document's year.
        case thisYear
        /// 明年.
        case nextYear
    }

    public var kind: Kind
    public var range: Range<Int>
}

/// Finds time expressions. Plans named by number (十三五, 十四五, 十五五) map to their years.
public enum TimeExpressions {
    static let fiveYearPlans = WordTable<YearSpan>([
        ("十一五", YearSpan(2006, 2010)), ("十二五", YearSpan(2011, 2015)), ("十三五", YearSpan(2016, 2020)),
        ("十四五", YearSpan(2021, 2025)), ("十五五", YearSpan(2026, 2030)), ("十六五", YearSpan(2031, 2035)),
    ])
    static let thisYearWords = WordTable<TimeMention.Kind>([
        ("今年", .thisYear), ("年内", .thisYear), ("全年", .thisYear), ("本年度", .thisYear), ("年底前", .thisYear),
        ("上半年", .thisYear), ("下半年", .thisYear), ("明年", .nextYear), ("本世纪中叶", .by(2050)),
    ])
    static let campaignTails = ["年内", "年时间", "年左右", "年行动", "年攻坚", "年倍增", "年双倍增", "年翻番", "年计划", "年行动计划"]
        .map(\.scalars)
    static let deadlineTails = ["年底前", "年末前", "年前", "年底", "年末"].map(\.scalars)

    /// Reads a four-digit year 1949…2100 at `i` followed by 年; returns the year and the index of 年.
    static func year(_ t: [Unicode.Scalar], at i: Int) -> (Int, Int)? {
        guard i + 4 < t.count,
            t[i + 4] == "年" || t[i + 4] == "—" || t[i + 4] == "-" || t[i + 4] == "至" || (t[i + 4] == "全" && t.has("全年", at: i + 4))
        else {
            return nil
        }
        if i > 0, t[i - 1].isASCIIDigit || Numerals.chineseDigit(t[i - 1]) != nil { return nil }
        var y = 0
        for k in 0..<4 {
            // Years are also written digit by digit in Chinese: 二〇三五年.
            if t[i + k].isASCIIDigit {
                y = y * 10 + t[i + k].asciiDigitValue
            } else if let d = Numerals.chineseDigit(t[i + k]), t[i + k] != "两" {
                y = y * 10 + d
            } else {
                return nil
            }
        }
        guard (1949...2100).contains(y) else { return nil }
        return (y, i + 4)
    }

    /// Scalars a time expression can start with; every other position is skipped at once.
    static let starters: ScalarSet = {
        var set = ScalarSet("0123456789零〇一二两三四五六七八九十百千".unicodeScalars)
        for s in "今年全本上下明".unicodeScalars { set.insert(s) }
        return set
    }()

    /// The year a text is written in, for a document without a date: the first year the text
    /// speaks of as the current one (2025年是…决战年, 2024年政府工作报告, 2026年重点工作安排) or right
    /// after one it reviews (回望2024年 → 2025). Only the opening `limit` scalars are read.
    public static func documentYear(in t: [Unicode.Scalar], limit: Int = 6000) -> Int? {
        let end = min(t.count, limit)
        var i = 0
        while i + 5 <= end {
            guard t[i].isASCIIDigit || Numerals.chineseDigit(t[i]) != nil, let (y, at) = year(t, at: i), t[at] == "年" else {
                i += 1
                continue
            }
            if let m = Vocabulary.currentYearFollowers.match(t, at: at + 1, limit: end), m.length > 0 { return y }
            // 2023年长沙经济社会发展主要预期目标, 2021年全区生产总值增长目标: a few words may stand between (a follower of four
            // characters or more, so that 是 or 的 after a name does not count).
            var skip = 1
            while skip <= 6, at + 1 + skip < end, t[at + skip].isHan {
                if let m = Vocabulary.currentYearFollowers.match(t, at: at + 1 + skip, limit: end), m.length >= 4 { return y }
                skip += 1
            }
            if Vocabulary.reviewedYearLeaders.match(t, endingAt: i, from: max(0, i - 6)) != nil { return y + 1 }
            i = at + 1
        }
        return thisYearByItsOnlyYear(in: t, end: end) ?? laterOfTwoConsecutiveYears(in: t, end: end)
            ?? latestFiveYearPlan(in: t, end: end)
    }

    /// The four-digit years written in `t[0..<end]` as years (2019年, 2023全年), with where each starts.
    static func writtenYears(in t: [Unicode.Scalar], end: Int) -> [(year: Int, start: Int)] {
        var found: [(year: Int, start: Int)] = []
        var i = 0
        while i + 5 <= end {
            guard t[i].isASCIIDigit, let (y, at) = year(t, at: i), at < end, t[at] == "年" || t[at] == "全" else {
                i += 1
                continue
            }
            found.append((y, i))
            i = at + 1
        }
        return found
    }

    /// A text that names two years only, one after the other (2019年…增长7.5%; 2020年全市预期…增长6.5%):
    /// a report of the later one, looking back on the earlier.
    static func laterOfTwoConsecutiveYears(in t: [Unicode.Scalar], end: Int) -> Int? {
        let years = Set(writtenYears(in: t, end: end).map(\.year))
        guard years.count == 2, let low = years.min(), years.contains(low + 1) else { return nil }
        return low + 1
    }

    /// The first year of the latest five-year plan a text names (“十三五”时期… “十四五”时期(2021-2025年)…):
    /// a plan, or news of one, is written as that period opens.
    static func latestFiveYearPlan(in t: [Unicode.Scalar], end: Int) -> Int? {
        var latest: YearSpan?
        var i = 0
        while i < end {
            if let p = fiveYearPlans.match(t, at: i, limit: end) {
                if latest.map({ p.value.first > $0.first }) ?? true { latest = p.value }
                i += p.length
            } else {
                i += 1
            }
        }
        return latest?.first
    }

    /// The year a title opens with when it is written without 年 (2024全国地方两会|…, 2022两会):
    /// a news column's label, the year of the piece.
    public static func leadingYear(ofTitle t: [Unicode.Scalar]) -> Int? {
        var i = 0
        while i < t.count, t[i] == " " || t[i] == "【" || t[i] == "[" { i += 1 }
        guard i + 4 < t.count, (i..<(i + 4)).allSatisfy({ t[$0].isASCIIDigit }), t[i + 4].isHan, t[i + 4] != "年" else { return nil }
        let y = (i..<(i + 4)).reduce(0) { $0 * 10 + t[$1].asciiDigitValue }
        return (1990...2100).contains(y) ? y : nil
    }

    /// A text that speaks of 今年 and names one year only, after a firm word (今年全区…。力争2024年全区
    /// 电力装机…): that year is the current one.
    static func thisYearByItsOnlyYear(in t: [Unicode.Scalar], end: Int) -> Int? {
        guard t.contains("今年", in: 0..<end) else { return nil }
        let years = writtenYears(in: t, end: end)
        guard let only = years.first?.year, years.allSatisfy({ $0.year == only }),
            years.contains(where: { Vocabulary.firmness.match(t, endingAt: $0.start, from: max(0, $0.start - 2)) != nil })
        else { return nil }
        return only
    }

    /// Every time expression in `range`, in order.
    public static func scan(_ t: [Unicode.Scalar], in range: Range<Int>) -> [TimeMention] {
        var out: [TimeMention] = []
        forEach(t, in: range) { m in
            out.append(m)
            return true
        }
        return out
    }

    /// Calls `body` with every time expression in `range`, in order, until it returns false.
    static func forEach(_ t: [Unicode.Scalar], in range: Range<Int>, _ body: (TimeMention) -> Bool) {
        var i = range.lowerBound
        let end = range.upperBound
        let starters = Self.starters
        while i < end {
            let c = t[i]
            if !starters.contains(c) {
                i += 1
                continue
            }
            if let (y, at) = year(t, at: i) {
                // A period: 2023—2026年, 2021年至2025年, 2023-2025.
                var k = at
                if k < end, t[k] == "年" { k += 1 }
                if k < end, t[k] == "—" || t[k] == "-" || t[k] == "至" || t[k] == "~" {
                    if let (y2, at2) = year(t, at: k + 1), y2 > y, y2 - y <= 15 {
                        var e = at2
                        if e < end, t[e] == "年" { e += 1 }
                        guard body(TimeMention(kind: .period(YearSpan(y, y2)), range: i..<e)) else { return }
                        i = e
                        continue
                    }
                }
                // 2023全年, 2023年度: a year written without its 年 before 全年 is that year.
                if t[at] == "全" {
                    guard body(TimeMention(kind: .year(y), range: i..<at + 2)) else { return }
                    i = at + 2
                    continue
                }
                guard t[at] == "年" else {
                    i = at
                    continue
                }
                var e = at + 1
                var kind = TimeMention.Kind.year(y)
                for tail in deadlineTails where t.has(tail, at: at) {
                    kind = .by(y)
                    e = at + tail.count
                    break
                }
                let before = i > range.lowerBound ? t[i - 1] : " "
                if e + 1 < end, t[e] == "的", t[e + 1].isASCIIDigit || Numerals.chineseDigit(t[e + 1]) != nil {
                    // 恢复到2019年的113%, 是2020年的2倍: the year a share or a multiple is of.
                    kind = .base(y)
                } else if before == "到" || before == "至" || (i >= 2 && t.has("力争", endingAt: i)) {
                    kind = .by(y)
                } else if before == "比" || before == "较" || (before == "在" && t.contains("基础", in: e..<min(end, e + 4)))
                    || (before == "与" && t.contains("相比", in: e..<min(end, e + 3)))
                {
                    kind = .base(y)
                }
                guard body(TimeMention(kind: kind, range: i - (kind == .base(y) || kind == .by(y) ? 1 : 0)..<e)) else {
                    return
                }
                i = e
                continue
            }
            if let p = fiveYearPlans.match(t, at: i, limit: end) {
                // "十五五"开局之年 names the plan's first year, not its end.
                let k = t.skippingClosingQuote(at: i + p.length, limit: end)
                let opening = ["开局", "收官", "起步", "首年", "第一年"].contains { t.has($0, at: k) }
                if !opening {
                    guard body(TimeMention(kind: .period(p.value), range: i..<i + p.length)) else { return }
                }
                i += p.length
                continue
            }
            if let w = thisYearWords.match(t, at: i, limit: end) {
                // 一年内/三年内 are counted spans, not 年内 alone; 全年 after a number is a duration.
                let prev = i > 0 ? t[i - 1] : " "
                if Numerals.chineseDigit(prev) == nil && !prev.isASCIIDigit {
                    guard body(TimeMention(kind: w.value, range: i..<i + w.length)) else { return }
                    i += w.length
                    continue
                }
            }
            // N年内, 为期N年, 用N年时间, 三年行动, 三年双倍增.
            if let n = Numerals.read(t, at: i), n.value >= 1, n.value <= 15, n.range.upperBound < end,
                t[n.range.upperBound] == "年", i == 0 || !t[i - 1].isASCIIDigit
            {
                let at = n.range.upperBound
                let lead = i >= 2 && (t.has("为期", endingAt: i) || t.has("用", endingAt: i) || t.has("经过", endingAt: i)
                    || t.has("未来", endingAt: i) || t.has("今后", endingAt: i))
                let tail = campaignTails.first { t.has($0, at: at) }
                let yearOfPlan = at + 1 < end && (t[at + 1] == "有" || t[at + 1] == "上" || t[at + 1] == "创")
                if lead || tail != nil || yearOfPlan {
                    // 三年内 covers 内; 三年行动 leaves 行动 to the campaign name.
                    let e = tail.map { $0.elementsEqual("年内".unicodeScalars) ? at + 2 : at + 1 } ?? at + 1
                    let s = lead ? i - (t.has("用", endingAt: i) ? 1 : 2) : i
                    guard body(TimeMention(kind: .years(Int(n.value)), range: s..<e)) else { return }
                    i = e
                    continue
                }
            }
            i += 1
        }
    }
}
