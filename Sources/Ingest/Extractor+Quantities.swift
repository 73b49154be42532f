/// Numeric targets: growth, reduction, level and count, one record per indicator and value.
extension ExtractionRun {
    /// What the previous target in a sentence was, so enumerations without a verb inherit it.
    struct ClauseTarget {
        var creation: Bool
        /// The indicator of the last target, for a clause that names none (增长6%，到2025年突破6.5万亿元).
        var indicator: Range<Int>? = nil
    }

    /// True when `i` falls inside a time expression (a year, 十四五, 三年内).
    func insideTime(_ i: Int, _ ctx: SentenceContext) -> Bool {
        ctx.times.contains { $0.range.contains(i) }
    }

    static let notUnitFollowers: Set<Unicode.Scalar> = ["年", "月", "日", "号", "季", "届", "期", "世", "版", "倍", "+", ":", "/", "."]

    /// Scalars a quantity can start with: digits, Chinese digits, 十百千 and the magnitudes 万 亿.
    static let quantityStarts = ScalarSet("0123456789零〇一二两三四五六七八九十百千万亿".unicodeScalars)

    /// Quantities in a clause that could be targets, in order.
    func quantities(in clause: Range<Int>, _ ctx: SentenceContext) -> [Quantity] {
        var qs: [Quantity] = []
        var i = clause.lowerBound
        let starts = Self.quantityStarts
        while i < clause.upperBound {
            let c = t[i]
            guard starts.contains(c) else {
                i += 1
                continue
            }
            let prev: Unicode.Scalar = i > clause.lowerBound ? t[i - 1] : " "
            if c.isASCIIDigit, !(prev.isASCIIDigit || prev == "." || prev.isASCIILetter || prev == "-") {
                if insideTime(i, ctx) {
                    i += 1
                    continue
                }
                if let q = QuantityReader.read(t, at: i, allowChinese: false) {
                    // 从107家增加到500家, 由目前的3.5万元提高到: the value after 从/由 is the base.
                    if isBaseValue(at: i, in: clause) {
                        i = max(i + 1, q.range.upperBound)
                        continue
                    }
                    let next: Unicode.Scalar = q.range.upperBound < t.count ? t[q.range.upperBound] : " "
                    let verbBefore = Vocabulary.comparisonVerbs.match(t, endingAt: i, from: clause.lowerBound) != nil
                    if q.unit != nil
                        || (verbBefore && !Self.notUnitFollowers.contains(next) && !next.isASCIIDigit && !next.isASCIILetter)
                    {
                        if q.range.upperBound <= clause.upperBound { qs.append(q) }
                    }
                    i = max(i + 1, q.range.upperBound)
                    continue
                }
            } else if Numerals.chineseDigit(c) != nil || Numerals.chineseUnit(c) != nil || c == "万" || c == "亿" {
                let v = Vocabulary.creationVerbs.match(t, endingAt: i, from: clause.lowerBound)
                let cmp = Vocabulary.comparisonVerbs.match(t, endingAt: i, from: clause.lowerBound)
                if v != nil || cmp != nil, !insideTime(i, ctx), let q = QuantityReader.read(t, at: i, allowChinese: true),
                    q.unit != nil || (cmp != nil && q.value < 1), q.range.upperBound <= clause.upperBound,
                    !(q.value == 1 && (q.unit == "批" || q.unit == "些"))
                {
                    qs.append(q)
                    i = q.range.upperBound
                    continue
                }
            }
            i += 1
        }
        return qs
    }

    /// True when a number at `i` follows 从 or 由 (optionally 目前的/现在的/2022年的): a starting value.
    func isBaseValue(at i: Int, in clause: Range<Int>) -> Bool {
        var k = i
        for filler in ["目前的", "现在的", "目前", "现有", "的"] where t.has(filler, endingAt: k) {
            k -= filler.unicodeScalars.count
            break
        }
        while k > clause.lowerBound, k > i - 8, t[k - 1] == "年" || t[k - 1].isASCIIDigit { k -= 1 }
        guard k > clause.lowerBound else { return false }
        return t[k - 1] == "从" || t[k - 1] == "由"
    }

    /// True when the text between two positions is only a list separator (、 和 及).
    func isListSeparator(_ r: Range<Int>) -> Bool {
        guard !r.isEmpty, r.count <= 2 else { return false }
        return r.allSatisfy { t[$0] == "、" || t[$0] == "和" || t[$0] == "及" || t[$0] == "," || t[$0] == " " }
    }

    /// Finds numeric targets in a clause. Returns true when the clause had any quantity.
    mutating func extractQuantities(
        _ clause: Range<Int>, _ ctx: SentenceContext, previousSubject: Range<Int>?, inherited: inout ClauseTarget?
    ) -> Bool {
        let qs = quantities(in: clause, ctx)
        guard !qs.isEmpty else { return false }
        guard ctx.isTarget else { return true }
        // A quantity running straight into a noun and another number describes it (超10亿元的项目500个).
        var targets: [Quantity] = []
        for (n, q) in qs.enumerated() {
            let end = q.range.upperBound
            // …but 打造100个以上的5G示范应用标杆 counts what the verb brings into being.
            let made = q.unitClass == .countable && end < clause.upperBound && t[end] == "的"
                && createdDirectly(q, from: clause.lowerBound)
            if end < clause.upperBound, t[end] == "的" || t[end] == "级", !made { continue }
            // 超50亿美元项目, 亿元以上企业: a threshold that describes the noun after it.
            if end < clause.upperBound, Vocabulary.describedNouns.match(t, at: end, limit: clause.upperBound) != nil { continue }
            // 10个方面的重点任务: the parts a plan is divided into; 7个专项行动、5个配套政策, 10项措施:
            // the instruments it is made of.
            if q.unitClass == .countable, t.has("方面", at: end) || namesInstrument(after: end, limit: clause.upperBound) { continue }
            // 提出3项指标, 20项主要指标: the plan's own apparatus is counted, not a target.
            if q.unitClass == .countable, let w = Vocabulary.notIndicators.match(t, at: end, limit: clause.upperBound),
                end + w.length == clause.upperBound || !t[end + w.length].isHan
            {
                continue
            }
            if n + 1 < qs.count {
                let next = qs[n + 1].range.lowerBound
                let gap = end..<next
                let separated = gap.isEmpty || gap.contains { t[$0] == "、" || t[$0] == "," || t[$0] == "和" || t[$0] == "及" }
                let nextHasVerb = Vocabulary.comparisonVerbs.match(t, endingAt: next, from: end) != nil
                if !separated && !nextHasVerb { continue }
            }
            targets.append(q)
        }
        var segStart = clause.lowerBound
        var previous: (q: Quantity, names: [Range<Int>], kind: Commitment.Kind, verbQualifier: String?, list: Int, total: Int)?
        for (n, q) in targets.enumerated() {
            // A value list: 分别增长7.5%、8.5%以上.
            if let p = previous, isListSeparator(p.q.range.upperBound..<q.range.lowerBound) {
                var q2 = q
                if q2.unit == nil { q2.unit = p.q.unit }
                let list = p.list + 1
                emitValue(
                    q2, names: p.names, kind: p.kind, verbQualifier: p.verbQualifier, listIndex: list,
                    listLength: max(list + 1, p.total), clause: clause, ctx, quoteFrom: p.q.range.lowerBound)
                // The qualifier at the end of a value list applies to the values before it.
                if !ctx.isOutcome, let qual = q.qualifier, p.q.qualifier == nil, let last = out.indices.last, last - 1 >= 0 {
                    for k in stride(from: last - 1, through: max(0, last - list), by: -1) where out[k].qualifier.map({ !$0.contains(qual) }) ?? true {
                        out[k].qualifier = [out[k].qualifier, qual].compactMap { $0 }.joined(separator: "|")
                    }
                }
                previous = (q2, p.names, p.kind, p.verbQualifier, list, p.total)
                segStart = q.range.upperBound
                continue
            }
            var nextStart = n + 1 < targets.count ? targets[n + 1].range.lowerBound : clause.upperBound
            if let stop = (q.range.upperBound..<nextStart).first(where: { t[$0] == "、" || t[$0] == "”" || t[$0] == "“" || t[$0] == "(" }) {
                nextStart = stop
            }
            var kind: Commitment.Kind
            var indicator: Range<Int>
            var verbQualifier: String?
            var verbStart = q.range.lowerBound
            if let v = Vocabulary.comparisonVerbs.match(t, endingAt: q.range.lowerBound, from: segStart) {
                verbStart = q.range.lowerBound - v.length
                indicator = segStart..<verbStart
                switch v.value {
                case .growth:
                    // 增长6%, 提高1岁, 年均增长1万元: an increase by; 新增1000家: a count.
                    kind = q.unitClass == .countable ? .count : .growth
                case .reduction:
                    kind = .reduction
                case .level(let qual):
                    kind = .level
                    verbQualifier = qual
                    // 建设5G专网超过2万个, 培育企业达到500家: things brought into being are counted.
                    let named = trim(indicator)
                    // 年均增长率超200%, 地区生产总值年均增长达到6.5%: a rate of growth held to a level is a
                    // growth target, of what stands before the rate's name.
                    if q.unitClass == .percent, let rate = Vocabulary.rateNouns.match(t, endingAt: named.upperBound, from: named.lowerBound) {
                        kind = .growth
                        if rate.length < named.count, !t.has("率", endingAt: named.upperBound) {
                            indicator = named.lowerBound..<(named.upperBound - rate.length)
                        }
                    }
                    if q.unitClass == .countable, !named.isEmpty,
                        let v = Vocabulary.creationVerbs.match(t, at: named.lowerBound, limit: named.upperBound)
                    {
                        kind = .count
                        // 建成超过3000个5G行业虚拟专网: with nothing but the verb before, the noun after is counted.
                        indicator = v.length < named.count ? (named.lowerBound + v.length)..<named.upperBound : q.range.upperBound..<nextStart
                    }
                }
                // 全员劳动生产率年均增长1万元、从目前的14.4万元增加到20万元: the clause's own last
                // indicator before the previous clause's.
                if trim(indicator).isEmpty, let p = previous, let name = p.names.last { indicator = name }
                if trim(indicator).isEmpty, let s = previousSubject { indicator = s }
            } else if q.range.lowerBound > segStart, t[q.range.lowerBound - 1] == "等" {
                indicator = q.range.upperBound..<nextStart
                kind = q.unitClass == .countable ? .count : .level
            } else if let v = firstCreationVerb(in: segStart..<q.range.lowerBound) {
                verbStart = v.lowerBound
                var between = v.upperBound..<q.range.lowerBound
                // 引进培育100家, 实施“打造一个: more verbs and quote marks before the thing counted.
                while !between.isEmpty {
                    if t[between.lowerBound] == "“" {
                        between = (between.lowerBound + 1)..<between.upperBound
                    } else if let w = Vocabulary.creationVerbs.match(t, at: between.lowerBound, limit: between.upperBound) {
                        between = (between.lowerBound + w.length)..<between.upperBound
                    } else {
                        break
                    }
                }
                // 培育A、B、C 3个X: the list gives examples, X is what is counted.
                let nounAfter = q.unitClass == .countable && q.range.upperBound < nextStart && t[q.range.upperBound].isHan
                    && t.contains("、", in: between)
                indicator = trim(between).isEmpty || nounAfter ? q.range.upperBound..<nextStart : between
                // 农村劳动力转移就业5万人次: the verb is part of a flow's name, which starts before it.
                var flow = false
                if let f = Vocabulary.flowNouns.match(t, endingAt: q.range.lowerBound, from: segStart),
                    q.range.lowerBound - f.length <= v.lowerBound, v.upperBound < q.range.lowerBound, v.lowerBound > segStart
                {
                    indicator = segStart..<q.range.lowerBound
                    flow = true
                }
                // 工业投资累计完成1000亿元: nothing after the verb or the number names it; the subject does.
                if trim(indicator).isEmpty { indicator = segStart..<v.lowerBound }
                kind = q.unitClass == .countable || flow ? .count : .level
                inherited = ClauseTarget(creation: true)
            } else if q.unitClass == .countable, trim(segStart..<q.range.lowerBound).isEmpty,
                let done = completionAfter(q.range.upperBound, limit: nextStart)
            {
                // 40个贫困村全部退出, 60641名贫困人口稳定脱贫: the number first, what became of them after.
                indicator = q.range.upperBound..<done.upperBound
                kind = .count
            } else {
                // No verb: a target list (CPI涨幅2%左右; 省级专精特新中小企业10000家以上).
                let end = q.range.upperBound
                let atEnd = end >= clause.upperBound || t[end] == "、" || t[end] == "和" || t[end] == ","
                let each = t.has("各有", endingAt: q.range.lowerBound) || t.has("各", endingAt: q.range.lowerBound)
                guard atEnd || each, q.unit != nil else { continue }
                indicator = segStart..<q.range.lowerBound
                if trim(indicator).isEmpty {
                    guard let s = previousSubject else { continue }
                    indicator = s
                }
                // A stock named without a verb (超5亿元企业17家以上) is a level; after a creation verb
                // (新增A 10家、B 20家) the list goes on counting, and 各有2家 counts members.
                // 实名制就业80万人, 农村劳动力转移就业5万人: a flow named by its verb is counted.
                let flow = Vocabulary.flowNouns.match(t, endingAt: q.range.lowerBound, from: segStart) != nil
                kind = flow || (q.unitClass == .countable && (each || inherited?.creation == true)) ? .count : .level
                if !ctx.isOutcome, q.unitClass == .percent, inherited == nil, section != .plan, scopeDeadline == nil,
                    ctx.paragraphDeadline == nil
                {
                    continue
                }
            }
            if q.unit == nil && kind != .level { continue }
            let trimmed = trim(indicator)
            let paired = Vocabulary.pairedPrefixes.contains { t.has($0.0, at: trimmed.lowerBound) }
            // A和B均增长10%: 均 (both) makes 和 a list separator.
            let both = t.has("均", endingAt: verbStart) || t.has("都", endingAt: verbStart)
            let names = paired ? [trimmed] : Indicator.items(t, trimmed, splitOnAnd: both)
            var listLength = 1
            var k = n
            while k + 1 < targets.count, isListSeparator(targets[k].range.upperBound..<targets[k + 1].range.lowerBound) {
                listLength += 1
                k += 1
            }
            let borrowed = trimmed.lowerBound < clause.lowerBound
            emitValue(
                q, names: names, kind: kind, verbQualifier: verbQualifier, listIndex: listLength > 1 ? 0 : -1,
                listLength: listLength, clause: clause, ctx,
                quoteFrom: borrowed ? verbStart : min(verbStart, trimmed.lowerBound))
            if inherited == nil { inherited = ClauseTarget(creation: false) }
            // 增加值达到4000亿元，占GDP的比重达到50%，年平均增长30%: a share (占…) is of the subject
            // before it, which the clauses after it go on to speak of.
            if !t.has("占", at: trimmed.lowerBound) || inherited?.indicator == nil { inherited?.indicator = trimmed }
            previous = (q, names, kind, verbQualifier, 0, listLength)
            segStart = q.range.upperBound
        }
        return true
    }

    /// True when a creation verb stands right before the count, or before a comparison verb right
    /// before it (打造100个, 建成超过3000个).
    func createdDirectly(_ q: Quantity, from start: Int) -> Bool {
        var k = q.range.lowerBound
        if let c = Vocabulary.comparisonVerbs.match(t, endingAt: k, from: start) { k -= c.length }
        return Vocabulary.creationVerbs.match(t, endingAt: k, from: start) != nil
    }

    /// The head noun the last of a list's names carries for all of them (城镇居民、农村居民人均可支配收入
    /// 分别增长7%、8%: 人均可支配收入): the other names are all as long as the last one's opening.
    func sharedHead(of names: [Range<Int>]) -> String? {
        let trimmed = names.map { trim($0) }
        guard trimmed.count >= 2, let last = trimmed.last, let first = trimmed.first else { return nil }
        let length = first.count
        guard length >= 2, trimmed.dropLast().allSatisfy({ $0.count == length }), last.count >= length + 2 else { return nil }
        let opening = last.lowerBound..<(last.lowerBound + length)
        // 城镇居民 / 农村居民: the openings end alike, so they name the same kind of thing.
        guard t[opening.upperBound - 1] == t[first.upperBound - 1] else { return nil }
        return t.string(opening.upperBound..<last.upperBound)
    }

    /// The completion verb (退出, 脱贫, 摘帽 …) that ends the clause after a count and its noun, with
    /// an adverb (全部, 稳定) before it allowed.
    func completionAfter(_ end: Int, limit: Int) -> Range<Int>? {
        var k = end
        while k < limit, k < end + 16, t[k].isHan {
            if let w = Vocabulary.completionVerbs.match(t, at: k, limit: limit), k > end {
                let after = k + w.length
                if after >= limit || !t[after].isHan { return end..<after }
            }
            k += 1
        }
        return nil
    }

    /// True when the noun after a count is one of a plan's instruments (系列专项三年行动, 配套政策为支撑,
    /// 措施。): a word of `Vocabulary.policyInstruments` closing the run of Han after it, or before 为.
    func namesInstrument(after end: Int, limit: Int) -> Bool {
        var k = end
        while k < limit, k < end + 12, t[k].isHan {
            if let w = Vocabulary.policyInstruments.match(t, at: k, limit: limit) {
                let after = k + w.length
                if after >= limit || !t[after].isHan || t[after] == "为" { return true }
            }
            k += 1
        }
        return false
    }

    /// The first creation verb before a number (实施重点技术改造项目1000个: 实施, not 改造).
    func firstCreationVerb(in r: Range<Int>) -> Range<Int>? {
        var i = r.lowerBound
        while i < r.upperBound {
            if let m = Vocabulary.creationVerbs.match(t, at: i, limit: r.upperBound) { return i..<i + m.length }
            i += 1
        }
        return nil
    }

    /// The name of the `index`th value in a value list: 城乡居民收入 → 城镇居民收入, 农村居民收入;
    /// 城镇和农村居民收入 → 城镇居民收入, 农村居民收入.
    static func paired(_ text: String, index: Int) -> String {
        for (prefix, expansions) in Vocabulary.pairedPrefixes where text.hasPrefix(prefix) {
            return index < expansions.count ? expansions[index] + text.dropFirst(prefix.count) : text
        }
        // A和B + shared noun, each part at most three characters.
        let s = Array(text.unicodeScalars)
        guard s.count >= 5 else { return text }
        for k in 1...min(3, s.count - 3) where s[k] == "和" || s[k] == "与" || s[k] == "、" {
            for len in stride(from: min(3, s.count - k - 2), through: 1, by: -1) {
                let second = Array(s[(k + 1)..<(k + 1 + len)])
                let rest = Array(s[(k + 1 + len)...])
                guard rest.count >= 2, second.allSatisfy(\.isHan), s[0..<k].allSatisfy(\.isHan) else { continue }
                // Both parts must be the same length (城镇和农村), so the shared noun is unambiguous.
                guard len == k else { continue }
                let parts = [Array(s[0..<k]), second]
                guard index < parts.count else { return text }
                var out = String.UnicodeScalarView()
                out.append(contentsOf: parts[index])
                out.append(contentsOf: rest)
                return String(out)
            }
        }
        return text
    }

    /// Emits one record per indicator name for a value; `listIndex` picks the paired name in
    /// value lists (城乡居民收入分别增长7.5%、8.5% → 城镇…, 农村…).
    mutating func emitValue(
        _ q: Quantity, names: [Range<Int>], kind: Commitment.Kind, verbQualifier: String?, listIndex: Int,
        listLength: Int = 1, clause: Range<Int>, _ ctx: SentenceContext, quoteFrom: Int? = nil
    ) {
        // 化学需氧量、氨氮、氮氧化物分别下降8%、8%、10%: as many names as values pair one to one.
        let paired = listIndex >= 0 && listLength > 1 && names.count == listLength
        let shared = paired ? sharedHead(of: names) : nil
        for (k, name) in names.enumerated() where !paired || k == listIndex {
            var text = clean(name)
            if let shared, k < names.count - 1 { text += shared }
            if listIndex >= 0 {
                let paired = Self.paired(text, index: listIndex)
                if paired != text {
                    text = paired
                } else {
                    // 能源消耗和二氧化碳排放分别降低14%、19.5%: as many items as values.
                    let parts = Indicator.items(t, trim(name), splitOnAnd: true)
                    if parts.count == listLength, listIndex < parts.count, listLength > 1 {
                        let part = clean(parts[listIndex])
                        if !part.isEmpty { text = part }
                    }
                }
            }
            let borrowed = name.lowerBound < clause.lowerBound
            let from = borrowed
                ? min(quoteFrom ?? q.range.lowerBound, q.range.lowerBound)
                : min(quoteFrom ?? name.lowerBound, name.lowerBound, q.range.lowerBound)
            let to = borrowed ? q.range.upperBound : max(q.range.upperBound, name.upperBound)
            emit(
                indicator: name, kind: kind, quote: from..<to, ctx: ctx, clause: clause, at: q.range.lowerBound,
                quantity: q, verbQualifier: verbQualifier, name: text)
        }
    }
}
