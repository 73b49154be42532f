/// Reported results: the sentences a review section, a review paragraph (一年来…) or a past-result
/// marker (同比, 去年…) makes results are read with the same quantity rules as targets, and what
/// they state becomes an `Outcome` for the year it reports on.
extension ExtractionRun {
    /// The span a review paragraph opening at `i` looks back on (一年来 → last year, 五年来 → five years).
    func reviewSpan(at i: Int) -> YearSpan? {
        guard let d = docYear else { return nil }
        var k = i
        while k < t.count, t[k] == " " || t[k] == "\u{3000}" { k += 1 }
        let five = Vocabulary.fiveYearReviewWords.match(t, at: k) != nil
        return five ? YearSpan(d - 5, d - 1) : YearSpan(d - 1, d - 1)
    }

    /// Reads a sentence that states results.
    mutating func readOutcomes(_ r: Range<Int>, times: [TimeMention], paragraph: inout ParagraphContext) {
        // The subject carries to the paragraph's later sentences, whether results are read or not.
        sentenceSubject = RegionResolver(gazetteer: gazetteer).subject(of: t, r, near: issuer)
        if let own = sentenceSubject { paragraph.region = own }
        // 上半年全市GDP增长6.1%: a part of a year says nothing of the year's outcome.
        guard readsOutcomes, !Vocabulary.partYearWords.occurs(in: t, r) else { return }
        var ctx = SentenceContext(
            range: r, times: times, paragraphDeadline: nil, isTarget: true,
            region: paragraph.region ?? outline.region ?? issuer)
        ctx.isOutcome = true
        ctx.reviewSpan = paragraph.reviewSince ?? outline.reviewSpan
        var own: (year: Int, base: Int?)?
        for m in times {
            own = reportedYear(m)
            if own != nil { break }
        }
        // 贵州省去年…取得初步成效。其中，原煤产量达1.53亿吨: 去年 dates the paragraph's results too.
        if own == nil, let d = docYear, Vocabulary.lastYearWords.occurs(in: t, r) { own = (d - 1, nil) }
        // 2023年，A；B；C: the sentence's own year holds for all its parts, else the paragraph's.
        ctx.paragraphResultYear = own ?? paragraph.resultYear
        if let own { paragraph.resultYear = own }
        for segment in segments(of: r) {
            var segmentCtx = ctx
            segmentCtx.range = segment
            segmentCtx.times = times.filter { segment.contains($0.range.lowerBound) }
            sentenceTimes = segmentCtx.times
            var previousSubject: Range<Int>?
            var inherited: ClauseTarget?
            for clause in clauses(of: segment) {
                let before = outcomes.count
                _ = extractMultiples(clause, segmentCtx)
                let found = extractQuantities(clause, segmentCtx, previousSubject: previousSubject, inherited: &inherited)
                if let last = inherited?.indicator { previousSubject = last }
                if !found && outcomes.count == before { previousSubject = clause }
            }
        }
    }

    /// The year (and, over a span, the base year) a result at `at` in `clause` is reported for:
    /// the clause's own past year or period, the nearest before it, 去年, the review's span.
    func outcomeYear(clause: Range<Int>, at: Int, _ ctx: SentenceContext) -> (year: Int, base: Int?)? {
        for m in ctx.times where clause.contains(m.range.lowerBound) {
            if let y = reportedYear(m) { return y }
        }
        for m in ctx.times.reversed() where m.range.lowerBound < clause.lowerBound {
            if let y = reportedYear(m) { return y }
        }
        if let d = docYear, Vocabulary.lastYearWords.occurs(in: t, ctx.range.lowerBound..<clause.upperBound) {
            return (d - 1, nil)
        }
        // 2025年，地区生产总值达13902亿元。工业增加值达2850亿元…: the paragraph's year goes on.
        if let y = ctx.paragraphResultYear { return y }
        if let span = ctx.reviewSpan { return (span.last, span.first == span.last ? nil : span.first - 1) }
        return nil
    }

    /// The past year (and a span's base) a time word reports on, if it is one.
    func reportedYear(_ m: TimeMention) -> (year: Int, base: Int?)? {
        switch m.kind {
        case .year(let y), .by(let y):
            if let d = docYear, y >= d { return nil }
            return (y, nil)
        case .period(let p):
            if let d = docYear, p.last >= d { return nil }
            return (p.last, p.first - 1)
        case .thisYear:
            // 全年 in a review section is the year reviewed; elsewhere 今年's result so far.
            guard let d = docYear else { return nil }
            return section == .review ? (d - 1, nil) : nil
        default:
            return nil
        }
    }

    mutating func emitOutcome(
        name: String, kind: Commitment.Kind, quote: Range<Int>, ctx: SentenceContext, clause: Range<Int>, at: Int,
        multiplier: Double?, quantity: Quantity?, verbQualifier: String?
    ) {
        guard kind != .milestone, let (year, base) = outcomeYear(clause: clause, at: at, ctx) else { return }
        // 高于全国0.5个百分点, 居全省第一: a comparison, not the region's own figure.
        if Vocabulary.comparisonWords.occurs(in: t, clause) { return }
        var perYear: Bool?
        if kind == .growth || kind == .reduction {
            let annual = t.contains("年均", in: clause) || t.contains("年均", in: ctx.range.lowerBound..<at)
            perYear = annual || base == nil
            if t.contains("累计", in: clause) { perYear = false }
        }
        outcomes.append(
            Outcome(
                region: ctx.region, indicator: name, kind: kind, multiplier: multiplier, value: quantity?.value,
                unit: quantity?.unit, qualifier: quantity?.qualifier ?? verbQualifier, perYear: perYear,
                baseYear: base, year: year, quote: doc.rawQuote(of: quote), span: doc.rawSpan(of: quote)))
    }
}
