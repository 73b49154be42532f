/// The outline of a document: headings found line by line, each opening a section with a kind
/// (looking back at results, setting targets, or neither), a year scope and a region scope.
///
/// Headings come as 第一部分, 一、, （一）, 【…】, 1. and (1), and as short unnumbered lines
/// (长沙：未来五年…). A heading closes every open section of its level or below, so a review
/// section ends at the next heading of its level whatever that heading says: a missed word list
/// never silences the rest of a document.
struct DocumentOutline {
    /// Where a section stands in a report.
    enum Kind: Equatable, Sendable {
        case neutral, review, plan
    }

    /// A heading line: its level (smaller is higher), kind, and what it says of time and region.
    struct Heading: Equatable {
        var level: Int
        var kind: Kind
        /// The phrase that heads the line (a numbered item's first sentence).
        var phrase: Range<Int>
        /// The due year the heading names (2026年重点工作 → 2026; 十五五时期主要目标 → 2030).
        var deadline: Int?
        /// The division the heading opens with (长沙：…, （三）鄂州市…).
        var region: Region? = nil
        /// What a review heading looks back on (2025年工作回顾 → 2025; 过去五年 → five years).
        var reviews: YearSpan? = nil
    }

    /// An open section.
    struct Section {
        var heading: Heading
        /// Set by a goal sentence inside the section (主要目标是：到2025年…) for the lines after it.
        var scopeDeadline: Int?
    }

    /// Open sections, outermost first.
    private(set) var open: [Section] = []

    /// Levels by numbering shape; unnumbered short lines rank below every numbered heading.
    enum Level {
        static let unnumberedPart = 5  // 2023年工作安排, 过去五年工作回顾 as a line of its own
        static let part = 10  // 第一部分, 第一章, 第一篇
        static let chapter = 20  // 一、
        static let bracketed = 25  // 【…】
        static let section = 30  // （一）
        static let item = 40  // 1. 1、
        static let subitem = 50  // (1) ①
        static let unnumbered = 60  // a short line without sentence punctuation
    }

    /// Opens the section `heading` starts, closing those at its level or below.
    mutating func enter(_ heading: Heading) {
        while let last = open.last, last.heading.level >= heading.level { open.removeLast() }
        open.append(Section(heading: heading))
    }

    /// The kind in force: the innermost section that says review or plan.
    var kind: Kind {
        for s in open.reversed() where s.heading.kind != .neutral { return s.heading.kind }
        return .neutral
    }

    /// The due year in force from headings (innermost first).
    var deadline: Int? {
        for s in open.reversed() { if let y = s.heading.deadline { return y } }
        return nil
    }

    /// The deadline a goal sentence set in the innermost section that has one.
    var scopeDeadline: Int? {
        for s in open.reversed() { if let y = s.scopeDeadline { return y } }
        return nil
    }

    /// The span the innermost review heading looks back on.
    var reviewSpan: YearSpan? {
        for s in open.reversed() { if let y = s.heading.reviews { return y } }
        return nil
    }

    /// The region in force from headings (innermost first).
    var region: Region? {
        for s in open.reversed() { if let r = s.heading.region { return r } }
        return nil
    }

    /// Records a goal sentence's deadline in the innermost open section (or the document's top).
    mutating func setScopeDeadline(_ year: Int) {
        if open.isEmpty {
            open.append(Section(heading: Heading(level: 0, kind: .neutral, phrase: 0..<0)))
        }
        open[open.count - 1].scopeDeadline = year
    }

    /// Forgets goal-sentence deadlines (a review heading starts looking back).
    mutating func clearScopeDeadlines() {
        for k in open.indices { open[k].scopeDeadline = nil }
    }

    // MARK: Reading headings

    /// The heading `line` starts with, if it is one.
    static func heading(
        _ t: [Unicode.Scalar], _ line: Range<Int>, docYear: Int?, fromNowStart: Int? = nil, gazetteer: Gazetteer,
        near: Region?
    ) -> Heading? {
        var i = line.lowerBound
        while i < line.upperBound, t[i] == " " || t[i] == "\u{3000}" { i += 1 }
        guard i < line.upperBound else { return nil }
        guard let (level, bodyStart) = numbering(t, at: i, end: line.upperBound) else { return nil }
        // The heading phrase: through the first full stop (a numbered item goes on as a paragraph).
        var e = bodyStart
        while e < line.upperBound, t[e] != "。", t[e] != "!", t[e] != "！" { e += 1 }
        let phrase = bodyStart..<e
        if level == Level.unnumbered && !isShortTitle(t, line) { return nil }
        let kind: Kind =
            Vocabulary.reviewHeadings.occurs(in: t, phrase) ? .review
            : Vocabulary.planHeadings.occurs(in: t, phrase) ? .plan : .neutral
        var deadline: Int?
        for m in TimeExpressions.scan(t, in: phrase) {
            switch m.kind {
            case .year(let y), .by(let y): if deadline == nil { deadline = y }
            case .period(let p): if deadline == nil { deadline = p.last }
            case .thisYear: if deadline == nil { deadline = docYear }
            case .years(let n):
                // 未来五年主要目标任务
                if deadline == nil, let s = fromNowStart ?? docYear,
                    Vocabulary.fromNowLeads.match(t, at: m.range.lowerBound, limit: m.range.upperBound) != nil
                {
                    deadline = s + n - 1
                }
            default: break
            }
        }
        var reviews: YearSpan?
        if kind == .review {
            // A single year wins over a period (“十四五”时期和2025年工作回顾: the sentences are 2025's).
            var year: Int?
            var period: YearSpan?
            for m in TimeExpressions.scan(t, in: phrase) {
                switch m.kind {
                case .year(let y), .by(let y): year = year ?? y
                case .period(let p): period = period ?? p
                default: break
                }
            }
            if let y = year {
                reviews = YearSpan(y, y)
            } else if let p = period {
                reviews = p
            } else if let d = docYear {
                let five = Vocabulary.fiveYearReviewWords.occurs(in: t, phrase)
                reviews = five ? YearSpan(d - 5, d - 1) : YearSpan(d - 1, d - 1)
            }
            deadline = nil
        }
        // An unnumbered title that names a review or plan (2022年工作回顾, 2023年工作安排) heads a
        // part of the report, above its numbered chapters; other unnumbered titles rank lowest.
        let rank = level == Level.unnumbered && kind != .neutral ? Level.unnumberedPart : level
        return Heading(
            level: rank, kind: kind, phrase: phrase, deadline: deadline,
            region: leadingRegion(t, phrase, gazetteer: gazetteer, near: near), reviews: reviews)
    }

    /// A line short enough, and without sentence punctuation, to be a title.
    static func isShortTitle(_ t: [Unicode.Scalar], _ line: Range<Int>) -> Bool {
        if line.count > 32 { return false }
        for k in line where t[k] == "," || t[k] == "。" || t[k] == "，" || t[k] == ";" || t[k] == "；" { return false }
        return true
    }

    /// The level of the numbering at `i` and where the heading's words start; unnumbered lines
    /// get `Level.unnumbered` (whether they are short enough is checked by the caller).
    static func numbering(_ t: [Unicode.Scalar], at i: Int, end: Int) -> (Int, Int)? {
        let c = t[i]
        // 第一部分, 第二章, 第三篇
        if c == "第", let n = Numerals.chinese(t, at: i + 1), n.range.upperBound < end {
            let k = n.range.upperBound
            if t.has("部分", at: k) { return (Level.part, k + 2) }
            if t[k] == "章" || t[k] == "篇" { return (Level.part, k + 1) }
        }
        // 一、 二、
        if let n = Numerals.chinese(t, at: i), n.range.upperBound < end, t[n.range.upperBound] == "、" {
            return (Level.chapter, n.range.upperBound + 1)
        }
        // （一） (一) and (1) （1）
        if c == "(" || c == "（", i + 1 < end {
            if let n = Numerals.chinese(t, at: i + 1), n.range.upperBound < end,
                t[n.range.upperBound] == ")" || t[n.range.upperBound] == "）"
            {
                return (Level.section, n.range.upperBound + 1)
            }
            var k = i + 1
            while k < end, t[k].isASCIIDigit { k += 1 }
            if k > i + 1, k - i <= 3, k < end, t[k] == ")" || t[k] == "）" { return (Level.subitem, k + 1) }
        }
        // 【…】
        if c == "【" { return (Level.bracketed, i + 1) }
        // ①
        if c.value >= 0x2460 && c.value <= 0x2473 { return (Level.subitem, i + 1) }
        // 1. 1、 12． (not 1.5万亿)
        if c.isASCIIDigit {
            var k = i
            while k < end, t[k].isASCIIDigit { k += 1 }
            if k - i <= 2, k < end, t[k] == "." || t[k] == "、" || t[k] == "．",
                k + 1 < end, !t[k + 1].isASCIIDigit
            {
                return (Level.item, k + 1)
            }
        }
        return (Level.unnumbered, i)
    }

    /// The division a heading phrase opens with (长沙：…, 郑州市…), if any.
    static func leadingRegion(_ t: [Unicode.Scalar], _ phrase: Range<Int>, gazetteer: Gazetteer, near: Region?) -> Region? {
        var s = phrase.lowerBound
        while s < phrase.upperBound, t[s] == "“" || t[s] == "《" || t[s] == " " { s += 1 }
        guard s < phrase.upperBound else { return nil }
        guard let m = gazetteer.mention(startingAt: s, in: t[s..<phrase.upperBound]) else { return nil }
        // Only a name standing as the heading's subject, before a colon (长沙：未来五年…): a
        // numbered heading about a place (（三）郑州都市圈建设) is still the document's own task.
        let e = m.range.upperBound
        guard e < phrase.upperBound, t[e] == "：" || t[e] == ":" else { return nil }
        return gazetteer.pick(m.candidates, near: near)
    }
}
