/// Turns the words in front of a number into an indicator name: the shortest faithful form as
/// written, without time words, firmness words, scope words or list markers.
enum Indicator {
    /// The trimmed range of `r` that names the indicator.
    /// `times` are the sentence's time expressions when the caller has them (else `r` is scanned).
    static func trim(_ t: [Unicode.Scalar], _ r: Range<Int>, times: [TimeMention]? = nil) -> Range<Int> {
        func mentions(_ a: Range<Int>) -> [TimeMention] {
            guard let times else { return TimeExpressions.scan(t, in: a) }
            return times.filter { $0.range.upperBound > a.lowerBound && $0.range.lowerBound < a.upperBound }
        }
        var lo = r.lowerBound
        var hi = r.upperBound
        // 高新技术企业从107家增加到500家: the base value after 从/由 is not part of the name.
        for k in lo..<hi where (t[k] == "从" || t[k] == "由") && k > lo && k + 1 < hi
            && (t[k + 1].isASCIIDigit || t.has("目前", at: k + 1) || t.has("现在", at: k + 1))
        {
            hi = k
            break
        }
        // After a colon or 是/为 introducing a list, only the list counts.
        for k in stride(from: hi - 1, through: lo, by: -1) where t[k] == ":" || t[k] == "：" {
            lo = k + 1
            break
        }
        var changed = true
        while changed && lo < hi {
            changed = false
            if let m = Vocabulary.leadingNoise.match(t, at: lo, limit: hi) {
                lo += m.length
                changed = true
                continue
            }
            if let m = mentions(lo..<hi).first, m.range.lowerBound <= lo + 1 {
                lo = max(lo, m.range.upperBound)
                changed = true
                continue
            }
            if let p = TimeExpressions.fiveYearPlans.match(t, at: lo, limit: hi) {
                lo += p.length
                changed = true
                continue
            }
            if t[lo] == "”" || t[lo] == "、" || t[lo] == "," || t[lo] == "》" || t[lo] == ")" {
                lo += 1
                changed = true
                continue
            }
            if let m = mentions(lo..<hi).last, m.range.upperBound == hi, m.range.lowerBound > lo {
                hi = m.range.lowerBound  // 增加值比2020年 → 增加值
                changed = true
                continue
            }
            if let m = Vocabulary.trailingNoise.match(t, endingAt: hi, from: lo) {
                hi -= m.length
                changed = true
                continue
            }
            if hi - 1 >= lo, t[hi - 1] == "“" || t[hi - 1] == "、" || t[hi - 1] == "《" || t[hi - 1] == "(" {
                hi -= 1
                changed = true
                continue
            }
        }
        // A quote mark left without its partner.
        if lo < hi {
            var open = 0
            var close = 0
            for k in lo..<hi {
                if t[k] == "“" { open += 1 }
                if t[k] == "”" { close += 1 }
            }
            if open > close, t[lo] == "“" { lo += 1 }
            if close > open, hi - 1 >= lo, t[hi - 1] == "”" { hi -= 1 }
        }
        return lo < hi ? lo..<hi : lo..<lo
    }

    static func clean(_ t: [Unicode.Scalar], _ r: Range<Int>, times: [TimeMention]? = nil) -> String {
        let r = trim(t, r, times: times)
        return t.string(r)
    }

    /// Splits an enumeration (A、B和C) into its items, ignoring separators inside quotes.
    /// `A、B等C` names one aggregate and is not split.
    static func items(_ t: [Unicode.Scalar], _ r: Range<Int>, splitOnAnd: Bool) -> [Range<Int>] {
        if t.contains("等", in: r) { return [r] }
        var parts: [Range<Int>] = []
        var s = r.lowerBound
        var depth = 0
        var k = r.lowerBound
        while k < r.upperBound {
            let c = t[k]
            if c == "“" || c == "《" || c == "(" { depth += 1 }
            if (c == "”" || c == "》" || c == ")") && depth > 0 { depth -= 1 }
            // 信息传输、软件和信息技术服务业: an industry of the national classification is one name.
            if depth == 0, let name = Vocabulary.industryNames.match(t, at: k, limit: r.upperBound) {
                k += name.length
                continue
            }
            var sepLength = 0
            if depth == 0 {
                if c == "、" { sepLength = 1 }
                if splitOnAnd && (c == "和" || c == "及" || c == "与") { sepLength = 1 }
                if splitOnAnd && t.has("以及", at: k) { sepLength = 2 }
            }
            if sepLength > 0 {
                if k > s { parts.append(s..<k) }
                s = k + sepLength
                k += sepLength
                continue
            }
            k += 1
        }
        if s < r.upperBound { parts.append(s..<r.upperBound) }
        return parts.isEmpty ? [r] : parts
    }
}
