/// `Document` → commitments: segments the text, finds numbers, multipliers and dated goals, and
/// keeps those said as commitments (not past results), each with its indicator, deadline and region.
public struct Extractor: Sendable {
    /// Changes whenever extraction rules change, so stored mentions can be re-extracted.
    public static let version = "0.5.0"

    let gazetteer: Gazetteer

    public init(gazetteer: Gazetteer = .shared) {
        self.gazetteer = gazetteer
    }

    /// Commitments only: the sentences of results are not read for outcomes.
    public func extract(from document: Document) -> [Commitment] {
        var run = ExtractionRun(document: document, gazetteer: gazetteer, readsOutcomes: false)
        run.run()
        return Self.withoutRestatements(run.out)
    }

    /// Commitments and reported results (outcomes) of one document, in one pass; the commitments
    /// are those `extract(from:)` gives.
    public func extractAll(from document: Document) -> Extraction {
        var run = ExtractionRun(document: document, gazetteer: gazetteer, readsOutcomes: true)
        run.run()
        return Extraction(commitments: Self.withoutRestatements(run.out), outcomes: Self.withoutRestatements(run.outcomes))
    }

    /// Drops a record that restates an earlier one (a headline and its paragraph, a summary and
    /// its detail): same kind, year, number and region, one indicator inside the other.
    /// Milestones are never merged (their wording is all they have).
    static func withoutRestatements<R: Restatable>(_ all: [R]) -> [R] {
        var kept: [R] = []
        kept.reserveCapacity(all.count)
        var buckets: [RestatementBucket: [Int]] = [:]
        for c in all {
            guard c.kind != .milestone else {
                kept.append(c)
                continue
            }
            let bucket = RestatementBucket(kind: c.kind, year: c.restatedYear, number: c.value ?? c.multiplier)
            let restated = buckets[bucket, default: []].contains { i in
                let k = kept[i]
                return k.value == c.value && k.multiplier == c.multiplier && k.unit == c.unit
                    && k.region?.code == c.region?.code
                    && (k.indicator.contains(c.indicator) || c.indicator.contains(k.indicator))
            }
            if !restated {
                buckets[bucket, default: []].append(kept.count)
                kept.append(c)
            }
        }
        return kept
    }
}

/// Records that could restate each other share a bucket: only those are compared.
struct RestatementBucket: Hashable {
    var kind: Commitment.Kind
    var year: Int?
    var number: Double?
}

/// What `Extractor.withoutRestatements` compares: commitments (by deadline) and outcomes (by year).
protocol Restatable {
    var kind: Commitment.Kind { get }
    /// The deadline of a commitment, the year of an outcome.
    var restatedYear: Int? { get }
    var value: Double? { get }
    var multiplier: Double? { get }
    var unit: String? { get }
    var region: Region? { get }
    var indicator: String { get }
}

extension Commitment: Restatable {
    var restatedYear: Int? { deadlineYear }
}

extension Outcome: Restatable {
    var restatedYear: Int? { year }
}

/// Where a line stands in a report: looking back at results, or setting targets.
typealias Section = DocumentOutline.Kind

/// One pass of extraction over one document; holds the context that carries from line to line.
///
/// The line and sentence loops are `mutating`; a call from them to a non-mutating method copies
/// the whole run (some 440 bytes) to pass it. The helpers they call for every sentence or
/// clause are therefore marked `@inline(__always)`.
struct ExtractionRun {
    let doc: Document
    let t: [Unicode.Scalar]
    let gazetteer: Gazetteer
    let docYear: Int?
    /// The first year of 未来五年/今后五年 in this text: the document's year, or the next one for
    /// a text of November or December (a year-end congress or report plans from the coming year).
    let fromNowStart: Int?
    /// The first plan or campaign period the text names: (2023—2026年), 十四五.
    let planPeriod: YearSpan?
    let issuer: Region?
    /// The period named in the title: a plan document's default deadline.
    let titlePeriod: YearSpan?
    /// The sections open at the line being read (kind, year scope, region scope).
    var outline = DocumentOutline()
    var section: Section { outline.kind }
    /// Due year of targets in a plan section (2023年工作安排 → 2023; 十四五主要目标 → 2025); a plan
    /// heading without a year means the title's period, else the document's year.
    var planDeadline: Int? { outline.deadline ?? titlePeriod?.last ?? docYear }
    /// Deadline set by a goal statement (主要目标为到2025年) for the lines after it, within its section.
    var scopeDeadline: Int? { outline.scopeDeadline }
    var out: [Commitment] = []
    /// Reported results: what review sections and past-result sentences state.
    var outcomes: [Outcome] = []
    /// Time expressions of the sentence being read.
    var sentenceTimes: [TimeMention] = []
    /// Where past-result markers (同比, 累计完成 …) stand in the sentence being read.
    var sentencePastMarkers: [Int] = []
    /// The year relative spans (三年内) count from, for the sentence being read.
    var sentenceCampaignStart: Int?
    /// The region the sentence being read names as its subject, if any.
    var sentenceSubject: Region?
    /// True once a sentence has set 今年 (or the document's year) as a deadline: the text speaks of
    /// this year's work.
    var thisYearSpoken = false
    /// The deadline the last paragraph's dated sentences set, for a paragraph that goes on from it.
    var lastParagraphDeadline: Int?
    /// The region the last sentence that named one committed (国务院印发的…规划): a table after it is that region's.
    var lastRegion: Region?

    static let pastMarkerTable = WordTable<Bool>(
        Vocabulary.pastMarkers.map { (String(String.UnicodeScalarView($0)), true) })

    /// The indicator in `r`: without noise, time words, or the sentence's subject (株洲市计划…).
    func trim(_ r: Range<Int>) -> Range<Int> {
        let trimmed = Indicator.trim(t, r, times: sentenceTimes)
        guard let region = sentenceSubject else { return trimmed }
        for name in [region.name, region.shortName] where !name.isEmpty && t.has(name, at: trimmed.lowerBound) {
            let rest = (trimmed.lowerBound + name.unicodeScalars.count)..<trimmed.upperBound
            return rest.isEmpty ? trimmed : Indicator.trim(t, rest, times: sentenceTimes)
        }
        return trimmed
    }
    func clean(_ r: Range<Int>) -> String { t.string(trim(r)) }

    /// False when only commitments are wanted: result sentences are then skipped, not read.
    let readsOutcomes: Bool

    init(document: Document, gazetteer: Gazetteer, readsOutcomes: Bool = true) {
        self.readsOutcomes = readsOutcomes
        doc = document
        t = document.text
        self.gazetteer = gazetteer
        let title = (document.facts.title ?? "").scalars
        var year = document.facts.publishedOn?.year
        if year == nil {
            for m in TimeExpressions.scan(title, in: 0..<title.count) {
                if case .year(let y) = m.kind { year = y }
            }
        }
        if year == nil { year = TimeExpressions.leadingYear(ofTitle: title) }
        // The text is read for its year only when the date does not settle it: no date, or a date
        // in November or December, when a work report speaks of the coming year (2023年主要预期目标
        // in a text of 2022-12-28: that year is the document's, the current one's figures are results).
        let published = document.facts.publishedOn
        let lateInYear = published.map { $0.month >= 11 && $0.year == year } ?? false
        if year == nil || lateInYear {
            let textYear = TimeExpressions.documentYear(in: document.text)
            if year == nil {
                year = textYear
            } else if let y = year, textYear == y + 1 {
                year = y + 1
            }
        }
        docYear = year
        if let y = year, let published = document.facts.publishedOn, published.year == y, published.month >= 11 {
            fromNowStart = y + 1
        } else {
            fromNowStart = year
        }
        var fromTitle: YearSpan?
        for m in TimeExpressions.scan(title, in: 0..<title.count) {
            if case .period(let p) = m.kind { fromTitle = p }
        }
        titlePeriod = fromTitle
        // The first period in the title, else in the text: the text is read only up to it.
        var period: YearSpan?
        for text in [title, t] where period == nil {
            TimeExpressions.forEach(text, in: 0..<text.count) { m in
                if case .period(let p) = m.kind, year == nil || p.last >= year! {
                    period = p
                    return false
                }
                return true
            }
        }
        planPeriod = period
        issuer = RegionResolver(gazetteer: gazetteer).issuer(of: document)
    }

    mutating func run() {
        var lineStart = 0
        while lineStart < t.count {
            var lineEnd = lineStart
            var separated = false
            while lineEnd < t.count, t[lineEnd] != "\n" {
                if t[lineEnd] == "|" || t[lineEnd] == "\t" { separated = true }
                lineEnd += 1
            }
            if separated, let table = IndicatorTable.read(t, at: lineStart) {
                readTable(table)
                lineStart = table.end
                continue
            }
            processLine(lineStart..<lineEnd)
            lineStart = lineEnd + 1
        }
    }

    /// The rows of a table of main indicators: one target per row, due in the target column's year.
    /// A table whose latest year is before the document's states results, not targets.
    mutating func readTable(_ table: IndicatorTable) {
        if let d = docYear, table.targetYear < d { return }
        let region = lastRegion ?? outline.region ?? issuer
        for row in table.rows {
            guard let digit = row.target.first(where: { t[$0].isASCIIDigit }),
                let q = QuantityReader.read(t, at: digit, allowChinese: false)
            else { continue }
            var qualifier = q.qualifier
            if digit > row.target.lowerBound {
                switch t[digit - 1] {
                case ">", "＞", "≥": qualifier = "以上"
                case "<", "＜", "≤": qualifier = "以内"
                default: break
                }
            }
            let quote = row.nameCell.lowerBound..<q.range.upperBound
            out.append(
                Commitment(
                    region: region, indicator: row.name, kind: table.annualRate ? .growth : .level, value: q.value,
                    unit: q.unit ?? row.unit, qualifier: qualifier, perYear: table.annualRate ? true : nil,
                    deadlineYear: table.targetYear, quote: doc.rawQuote(of: quote), span: doc.rawSpan(of: quote)))
        }
    }

    // MARK: Lines and sections

    mutating func processLine(_ line: Range<Int>) {
        guard !line.isEmpty else { return }
        var paragraphPast = false
        let opening = t.skippingSpaces(from: line.lowerBound, limit: line.upperBound)
        if let heading = DocumentOutline.heading(
            t, line, docYear: docYear, fromNowStart: fromNowStart, gazetteer: gazetteer, near: issuer)
        {
            outline.enter(heading)
            if heading.kind == .review { outline.clearScopeDeadlines() }
        } else {
            paragraphPast = Vocabulary.reviewParagraphStarts.match(t, at: opening, limit: line.upperBound) != nil
        }
        // In a review section every sentence is a past result: read for outcomes only.
        let reviewing = paragraphPast || section == .review
        var paragraph = ParagraphContext(reviewSince: paragraphPast ? reviewSpan(at: line.lowerBound) : nil)
        // 同时，城区建成区面积达到20平方公里: a paragraph that opens by going on goes on with the
        // deadline of the one before it.
        if !reviewing, Vocabulary.continuationOpenings.match(t, at: opening, limit: line.upperBound) != nil {
            paragraph.deadline = lastParagraphDeadline
        }
        defer { lastParagraphDeadline = paragraph.deadline }
        var s = line.lowerBound
        var depth = 0
        var k = line.lowerBound
        while k <= line.upperBound {
            let atEnd = k == line.upperBound
            // Most scalars are Han characters, which neither nest nor end a sentence.
            if !atEnd && t[k].isHan {
                k += 1
                continue
            }
            if !atEnd {
                let c = t[k]
                if c == "“" || c == "《" || c == "(" || c == "（" { depth += 1 }
                if (c == "”" || c == "》" || c == ")" || c == "）") && depth > 0 { depth -= 1 }
            }
            if atEnd || (depth == 0 && (t[k] == "。" || t[k] == "!" || t[k] == "?" || t[k] == "！" || t[k] == "？")) {
                let e = atEnd ? k : k + 1
                if e > s { processSentence(s..<e, paragraph: &paragraph, reviewing: reviewing) }
                s = k + 1
            }
            k += 1
        }
    }

    // MARK: Sentences

    /// What the sentences of a paragraph pass on to the ones after them.
    struct ParagraphContext {
        /// The span a review paragraph's opening looks back on (一年来 → last year; 过去五年 → five years).
        var reviewSince: YearSpan? = nil
        /// The deadline the last dated sentence set.
        var deadline: Int?
        /// True when the sentence before stated results.
        var lastWasPast = false
        /// The region the last sentence with a subject of its own named (郑州市计划…).
        var region: Region?
        /// True once a sentence of the paragraph stated targets (and none stated results since).
        var speaksOfTargets = false
        /// The year the last results sentence with a year of its own reported on.
        var resultYear: (year: Int, base: Int?)?
    }

    /// Everything about a sentence that clauses inside it share.
    struct SentenceContext {
        var range: Range<Int>
        var times: [TimeMention]
        var paragraphDeadline: Int?
        var isTarget: Bool
        /// Who commits: the sentence's own subject, else the paragraph's, the section's, the document's.
        var region: Region?
        /// True when a sentence before it in the paragraph stated targets: its own are of the same time.
        var continuesTargets = false
        /// True when the sentence states results: what it yields are outcomes, not commitments.
        var isOutcome = false
        /// The span a review paragraph or section looks back on, when the sentence names no year.
        var reviewSpan: YearSpan? = nil
        /// The year an earlier results sentence of the paragraph reported on.
        var paragraphResultYear: (year: Int, base: Int?)? = nil
    }

    @inline(__always)  // see ExtractionRun
    func isPast(_ r: Range<Int>, times: [TimeMention]) -> Bool {
        if section == .review { return true }
        var future = false
        var pastYear = false
        var spanOnly = true
        for m in times {
            if case .years = m.kind {} else { spanOnly = false }
            switch m.kind {
            case .by(let y): if docYear == nil || y >= docYear! { future = true }
            case .period(let p): if docYear == nil || p.last >= docYear! { future = true }
            case .years:
                // 一年内就举办28场: 就 after a span tells what the span already brought.
                if t.has("就", at: m.range.upperBound) { pastYear = true } else { future = true }
            case .nextYear: future = true
            case .year(let y):
                if let d = docYear, y < d {
                    pastYear = true
                } else if Vocabulary.partYearWords.match(t, at: m.range.upperBound) != nil, firmness(in: r) == nil {
                    // 2021年上半年GDP增长28.6%: figures for part of the year are results so far.
                    pastYear = true
                } else {
                    future = true
                }
            case .thisYear:
                // 力争今年…, 计划在今年建成…: a firm word or an intent makes this year's figure a target
                // beside last year's results.
                if firmness(in: r) != nil || Vocabulary.intentWords.match(t, endingAt: m.range.lowerBound, from: r.lowerBound) != nil
                    || Vocabulary.targetCues.occurs(in: t, m.range.upperBound..<r.upperBound)
                {
                    future = true
                }
            case .base: break
            }
        }
        if pastYear && !future { return true }
        // 目前制造业的比重依然在35%以上: a sentence opening on the present says how things stand.
        if !future {
            let k = t.skippingSpaces(from: r.lowerBound, limit: r.upperBound)
            if Vocabulary.presentOpenings.match(t, at: k, limit: r.upperBound) != nil { return true }
        }
        // 在短短的两年时间已建成…: a stock already built, beside nothing but a span of years.
        if future && spanOnly && sentencePastMarkers.contains(where: { at in Self.accomplishedMarkers.contains { t.has($0, at: at) } }) {
            return true
        }
        // A target list with a firm word (力争…同比增长15%以上) is read clause by clause, where each
        // marker silences only its own clause.
        if !sentencePastMarkers.isEmpty, future || section == .plan || scopeDeadline != nil,
            let firm = firmness(in: r), firm == "力争" || firm == "确保" || firm == "争取"
        {
            return false
        }
        for at in sentencePastMarkers {
            return !(future && !t.has("同比", at: at))
        }
        return false
    }

    /// True when the sentence's first words are a year before the document's (2021年，…).
    func opensOnPastYear(_ r: Range<Int>, times: [TimeMention]) -> Bool {
        guard let d = docYear, let first = times.first, case .year(let y) = first.kind, y < d else { return false }
        return t.skippingSpaces(from: r.lowerBound, limit: first.range.lowerBound) == first.range.lowerBound
    }

    /// True when the sentence names years and all of them are before the document's (2023年全年地区生产总值…).
    func namesOnlyPastYears(_ times: [TimeMention]) -> Bool {
        guard let d = docYear, !times.isEmpty else { return false }
        var pastYear = false
        for m in times {
            switch m.kind {
            case .year(let y) where y < d: pastYear = true
            // 2023年湖南全年地区生产总值…: 全年 after a past year is that year.
            case .thisYear where pastYear: continue
            default: return false
            }
        }
        return pastYear
    }

    /// A sentence right after results, with no time word, firm word, intent or target cue of its own
    /// (2021年，经济运行持续恢复。初步预计，地区生产总值增长7.5%。): more of the same results.
    func continuesResults(_ r: Range<Int>, times: [TimeMention], _ paragraph: ParagraphContext) -> Bool {
        guard paragraph.lastWasPast, times.isEmpty, section != .plan, scopeDeadline == nil else { return false }
        return firmness(in: r) == nil && !Vocabulary.targetCues.occurs(in: t, r) && !Vocabulary.intentWords.occurs(in: t, r)
    }

    /// A sentence that breaks a project plan down (项目250个，个数占比28.3%，总投资10373.3亿元): two
    /// different words of `Vocabulary.portfolioWords` in it.
    func isPortfolioBreakdown(_ r: Range<Int>) -> Bool {
        let words = Vocabulary.portfolioWords.values(in: t, r)
        guard let first = words.first else { return false }
        return words.contains { $0 != first }
    }

    /// A clause that states a result: a past year as its topic, or a marker such as 累计完成.
    @inline(__always)  // see ExtractionRun
    func isPastClause(_ c: Range<Int>, times: [TimeMention]) -> Bool {
        var future = false
        for m in times {
            switch m.kind {
            case .year(let y):
                if c.contains(m.range.lowerBound), let d = docYear, y < d { return true }
            case .by(let y):
                if docYear == nil || y >= docYear! { future = true }
            case .years: future = true
            default: break
            }
        }
        // A marker after the clause's number compares something else (粮食产量1300亿斤以上、力争比去年
        //实现更多增长): only one before it makes the clause a result.
        var firstNumber = c.upperBound
        for k in c where t[k].isASCIIDigit {
            firstNumber = k
            break
        }
        // 到2026年累计完成…: a marker of results reads as a plan under a future deadline.
        return sentencePastMarkers.contains { at in
            c.contains(at) && at < firstNumber && (!future || Self.strongPastMarkers.contains { t.has($0, at: at) })
        }
    }

    /// Markers of something already done (已建成, 已累计): past even beside a span of years.
    static let accomplishedMarkers = ["已累计", "已建成", "已有", "已达", "已实现", "已超过", "已经"].map(\.scalars)

    /// Markers that mean a past result even beside a future deadline.
    static let strongPastMarkers = [
        "同比", "比上年", "较上年", "截至", "截止", "以来", "一年来", "去年", "上年", "同期", "已累计", "已建成", "已有",
        "已达", "已实现", "已超过",
    ].map(\.scalars)

    /// Scalars that a number, a multiple (倍, 番) or a milestone verb starts with.
    static let targetStarts: ScalarSet = {
        var set = quantityStarts
        for s in "倍番".unicodeScalars { set.insert(s) }
        for s in Vocabulary.milestoneVerbs.firstScalars { set.insert(s) }
        return set
    }()

    mutating func processSentence(_ r: Range<Int>, paragraph: inout ParagraphContext, reviewing: Bool = false) {
        let times = TimeExpressions.scan(t, in: r)
        // A deadline comes only from time words, and a target or milestone only from a number,
        // a multiple or a milestone verb: a sentence with none of them changes nothing.
        let targetStarts = Self.targetStarts
        if times.isEmpty && !r.contains(where: { targetStarts.contains(t[$0]) }) { return }
        sentenceTimes = times
        sentenceCampaignStart = campaignStart(in: r, times: times)
        var markers: [Int] = []
        var k = r.lowerBound
        let pastMarkerTable = Self.pastMarkerTable
        while k < r.upperBound {
            if let m = pastMarkerTable.match(t, at: k, limit: r.upperBound) {
                markers.append(k)
                k += m.length
            } else {
                k += 1
            }
        }
        sentencePastMarkers = markers
        // 其中… after a sentence of results breaks those results down: results too.
        let breakdown = paragraph.lastWasPast && t.has("其中", at: r.lowerBound)
        if reviewing || breakdown || continuesResults(r, times: times, paragraph) || isPast(r, times: times) {
            // 2021年，经济运行持续恢复。: a paragraph opening on a past year leaves the goal statement
            // before it; its deadline no longer carries.
            if opensOnPastYear(r, times: times) || namesOnlyPastYears(times) { outline.clearScopeDeadlines() }
            paragraph.lastWasPast = true
            paragraph.speaksOfTargets = false
            readOutcomes(r, times: times, paragraph: &paragraph)
            return
        }
        paragraph.lastWasPast = false
        if isPortfolioBreakdown(r) { return }
        var sentenceDeadline: Int?
        for m in times {
            // A bare year inside an object (落实2030年应对气候变化…目标) dates that noun, not the sentence.
            if !isTopicPosition(m.range.lowerBound, in: r) { continue }
            if let y = resolve(m, in: r).deadline {
                sentenceDeadline = y
                break
            }
        }
        sentenceSubject = RegionResolver(gazetteer: gazetteer).subject(of: t, r, near: issuer)
        if let own = sentenceSubject { paragraph.region = own }
        let region = paragraph.region ?? outline.region ?? issuer
        lastRegion = sentenceSubject ?? lastRegion
        if let y = sentenceDeadline {
            if y == docYear { thisYearSpoken = true }
            paragraph.deadline = y
            // A goal sentence (主要目标 …), or the first dated sentence under a goal heading without a
            // year (二、主要目标 / 到2025年底，形成…), sets the deadline for the lines after it.
            let opensGoalSection = section == .plan && outline.deadline == nil && scopeDeadline == nil
            if opensGoalSection || Vocabulary.goalCues.occurs(in: t, r) { outline.setScopeDeadline(y) }
        }
        // The firmness words are looked for only when nothing else makes the sentence a target.
        let continuesTargets = paragraph.speaksOfTargets
        let isTarget =
            section == .plan || sentenceDeadline != nil || paragraph.deadline != nil || scopeDeadline != nil
            || continuesTargets || firmness(in: r.lowerBound..<r.upperBound) != nil
            || Vocabulary.targetCues.occurs(in: t, r)
        // 确保游客接待量增长10%以上。带动社会消费品零售总额增长6%。: the sentences after a firm one go on with its targets.
        if isTarget { paragraph.speaksOfTargets = true }
        // Parts between semicolons share the sentence's time words through the last one before
        // them; each part is read on its own, which keeps a sentence thousands of clauses long linear.
        var carried: TimeMention?
        var ti = 0
        var mi = 0
        for segment in segments(of: r) {
            // The carried time word, then the segment's own.
            var segmentTimes: [TimeMention] = []
            if let carried { segmentTimes.append(carried) }
            let ownStart = segmentTimes.count
            while ti < times.count, times[ti].range.lowerBound < segment.upperBound {
                if times[ti].range.lowerBound >= segment.lowerBound { segmentTimes.append(times[ti]) }
                ti += 1
            }
            var segmentMarkers: [Int] = []
            while mi < markers.count, markers[mi] < segment.upperBound {
                if markers[mi] >= segment.lowerBound { segmentMarkers.append(markers[mi]) }
                mi += 1
            }
            sentenceTimes = segmentTimes
            sentencePastMarkers = segmentMarkers
            let ctx = SentenceContext(
                range: segment, times: sentenceTimes, paragraphDeadline: paragraph.deadline, isTarget: isTarget,
                region: region, continuesTargets: continuesTargets)
            var previousSubject: Range<Int>?
            var inherited: ClauseTarget?
            for clause in clauses(of: segment) {
                if isPastClause(clause, times: sentenceTimes) {
                    var pastCtx = ctx
                    pastCtx.isOutcome = true
                    pastCtx.isTarget = true
                    // 2023年地区生产总值增长4.1%，2024年预计增长5%左右: the result's indicator is the
                    // subject of the target after it, so the clause is read even when results are not wanted.
                    var past: ClauseTarget?
                    _ = extractQuantities(clause, pastCtx, previousSubject: nil, inherited: &past)
                    if let name = past?.indicator { previousSubject = name }
                    continue
                }
                let before = out.count
                // 在2022年的基础上实现“双倍增”，分别超过1.28万家和8.6万家: the doubled list names the values after it.
                if let subject = extractMultiples(clause, ctx) { previousSubject = subject }
                let found = extractQuantities(clause, ctx, previousSubject: previousSubject, inherited: &inherited)
                if let last = inherited?.indicator { previousSubject = last }
                extractMilestones(clause, ctx)
                if !found && out.count == before {
                    previousSubject = clause
                }
            }
            extractCampaigns(ctx)
            if let last = segmentTimes[ownStart...].last(where: { resolve($0, in: r).deadline != nil }) {
                carried = last
            }
        }
    }

    /// Parts of a sentence between semicolons (outside quotes); a part longer than a few hundred
    /// characters is cut again at a comma, as no real clause list is that long.
    @inline(__always)  // see ExtractionRun
    func segments(of r: Range<Int>) -> Segments { Segments(t, r) }

    /// Clauses of a sentence: split at commas, semicolons and colons outside quotes and brackets.
    @inline(__always)  // see ExtractionRun
    func clauses(of r: Range<Int>) -> Clauses { Clauses(t, r) }

    /// The parts `segments(of:)` gives, found one at a time (no array per sentence).
    struct Segments: Sequence, IteratorProtocol {
        private let t: [Unicode.Scalar]
        private let end: Int
        private var k: Int
        /// Where the next part starts.
        private var s: Int
        private var depth = 0
        private var lastComma: Int?

        init(_ t: [Unicode.Scalar], _ r: Range<Int>) {
            self.t = t
            end = r.upperBound
            k = r.lowerBound
            s = r.lowerBound
        }

        mutating func next() -> Range<Int>? {
            while k < end {
                let at = k
                let c = t[at]
                k += 1
                // Han characters (most scalars) neither nest, nor separate, nor mark a comma.
                if !c.isHan {
                    if c == "“" || c == "《" || c == "(" || c == "（" { depth += 1 }
                    if (c == "”" || c == "》" || c == ")" || c == "）") && depth > 0 { depth -= 1 }
                    if c == "," || c == "，" { lastComma = at }
                    if depth == 0 && (c == ";" || c == "；") {
                        defer { s = at + 1 }
                        lastComma = nil
                        return s..<at + 1
                    }
                }
                if at - s > 600, let comma = lastComma, comma > s {
                    defer { s = comma + 1 }
                    lastComma = nil
                    depth = 0
                    return s..<comma + 1
                }
            }
            guard s < end else { return nil }
            defer { s = end }
            return s..<end
        }
    }

    /// The clauses `clauses(of:)` gives, found one at a time (no array per segment).
    struct Clauses: Sequence, IteratorProtocol {
        private let t: [Unicode.Scalar]
        private let end: Int
        private var k: Int
        /// Where the next clause starts.
        private var s: Int
        private var depth = 0

        init(_ t: [Unicode.Scalar], _ r: Range<Int>) {
            self.t = t
            end = r.upperBound
            k = r.lowerBound
            s = r.lowerBound
        }

        mutating func next() -> Range<Int>? {
            while k < end {
                let at = k
                let c = t[at]
                k += 1
                if c.isHan { continue }  // most scalars: neither a bracket nor a separator
                if c == "“" || c == "《" || c == "(" || c == "（" || c == "【" { depth += 1 }
                if (c == "”" || c == "》" || c == ")" || c == "）" || c == "】") && depth > 0 { depth -= 1 }
                if depth == 0 && (c == "," || c == "，" || c == ";" || c == "；" || c == ":" || c == "：" || c == "。"
                    || c == "!" || c == "?" || c == "！" || c == "？")
                {
                    let clause = s..<at
                    s = at + 1
                    if !clause.isEmpty { return clause }
                }
            }
            guard s < end else { return nil }
            defer { s = end }
            return s..<end
        }
    }

    // MARK: Time

    /// True when a place's name follows a period (“十四五”甘肃省经济发展目标是…): the period is the
    /// sentence's time, the place its subject.
    func placeFollows(_ m: TimeMention) -> Bool {
        let k = t.skippingClosingQuote(at: m.range.upperBound)
        guard k < t.count, let found = gazetteer.mention(startingAt: k, in: t[k..<min(t.count, k + 12)]) else { return false }
        return found.range.lowerBound == k
    }

    /// The campaign start that relative spans (三年内) count from.
    func campaignStart(in sentence: Range<Int>, times: [TimeMention]) -> Int? {
        for m in times {
            if case .period(let p) = m.kind { return p.first }
        }
        return planPeriod?.first ?? docYear
    }

    /// Deadline and base year a time mention stands for.
    func resolve(_ m: TimeMention, in sentence: Range<Int>) -> (deadline: Int?, base: Int?) {
        switch m.kind {
        case .by(let y): return (y, nil)
        case .year(let y): return (docYear == nil || y >= docYear! ? y : nil, nil)
        case .base(let y): return (nil, y)
        case .period(let p):
            // A period inside a noun (国家“十五五”考核目标, 十四五规划) sets no deadline.
            guard Self.isTimePhrase(t, m) || placeFollows(m) else { return (nil, nil) }
            return (p.last, p.first - 1)
        case .years(let n):
            // 未来五年, 今后三年, 经过5年努力 count from the year the text is written in; 三年内 and
            // 为期3年 from the campaign's first year.
            let fromNow = Vocabulary.fromNowLeads.match(t, at: m.range.lowerBound, limit: m.range.upperBound) != nil
            guard let s = fromNow ? fromNowStart ?? sentenceCampaignStart : sentenceCampaignStart else { return (nil, nil) }
            return (s + n - 1, s - 1)
        case .thisYear: return (docYear, nil)
        case .nextYear: return (docYear.map { $0 + 1 }, nil)
        }
    }

    /// Deadline and base year for a target at `at` inside `clause`: the clause's own time words,
    /// then the nearest before it in the sentence, then after it, then the paragraph's and the scope's.
    func timing(clause: Range<Int>, at: Int, _ ctx: SentenceContext) -> (deadline: Int?, base: Int?, span: Bool) {
        var deadline: Int?
        var base: Int?
        var multiYear = false
        /// Takes what `m` says that is still missing; true once both deadline and base are known.
        func take(_ m: TimeMention) -> Bool {
            let r = resolve(m, in: ctx.range)
            if base == nil, let b = r.base {
                base = b
                if case .base = m.kind {} else { multiYear = true }
            }
            if deadline == nil, let d = r.deadline { deadline = d }
            return deadline != nil && base != nil
        }
        // In the clause, then before it (nearest first), then after it; no arrays built.
        let times = ctx.times
        search: do {
            // 2023年底前具备A、2024年底前完成B: the clause's nearest time word before the target first.
            for m in times.reversed() where clause.contains(m.range.lowerBound) && m.range.lowerBound < at {
                if take(m) { break search }
            }
            for m in times where clause.contains(m.range.lowerBound) && m.range.lowerBound >= at {
                if take(m) { break search }
            }
            // Another clause's year counts only as a topic (not 落实2030年…方案's object).
            for m in times.reversed() where m.range.lowerBound < clause.lowerBound {
                if isTopicPosition(m.range.lowerBound, in: ctx.range), take(m) { break search }
            }
            for m in times where m.range.lowerBound >= clause.upperBound {
                if isTopicPosition(m.range.lowerBound, in: ctx.range), take(m) { break search }
            }
        }
        // Without a time word of its own, the precedence, written once: the paragraph's last dated
        // sentence; a plan section's due year (its heading's, the title's period, the document's year);
        // the goal statement the section opened with (主要目标为到2025年); the title's period; and,
        // for a firm target in a text about this year's work (今年将…, 确保…增长8%), the document's year.
        deadline = deadline
            ?? ctx.paragraphDeadline
            ?? (section == .plan ? planDeadline ?? docYear : nil)
            ?? scopeDeadline
            ?? titlePeriod?.last
            ?? (thisYearSpoken && (ctx.continuesTargets || firmness(in: ctx.range) != nil) ? docYear : nil)
        if let d = deadline, let b = base, d - b > 1 { multiYear = true }
        if let d = deadline, let y = docYear, d - y >= 2 { multiYear = true }
        if base == nil, let d = deadline, let p = planPeriod, p.last == d, d != docYear { base = p.first - 1 }
        return (deadline, base, multiYear)
    }

    /// True when a period stands as a time phrase of its own (到“十四五”末, “十四五”期间, 2023—2026年，)
    /// rather than inside a noun that follows it (“十五五”考核目标, 十四五规划).
    static func isTimePhrase(_ t: [Unicode.Scalar], _ m: TimeMention) -> Bool {
        let k = t.skippingClosingQuote(at: m.range.upperBound)
        guard k < t.count else { return true }
        if Vocabulary.periodTails.match(t, at: k) != nil { return true }
        return !t[k].isHan
    }

    /// False when a year is the object of a verb such as 落实 (落实2030年应对气候变化…目标): it
    /// dates that noun, not the sentence (北京2024年主要预期目标, 2025年，全市… are topics).
    func isTopicPosition(_ i: Int, in sentence: Range<Int>) -> Bool {
        // A mention's range may open with the 到 that makes it a deadline: the verb stands before
        // its first digit.
        var k = i
        while k < sentence.upperBound, k < i + 2, !t[k].isASCIIDigit, Numerals.chineseDigit(t[k]) == nil { k += 1 }
        return Vocabulary.verbsTakingDatedObjects.match(t, endingAt: k, from: sentence.lowerBound) == nil
            && Vocabulary.verbsTakingDatedObjects.match(t, endingAt: i, from: sentence.lowerBound) == nil
    }

    /// The firmness word governing `r`, if any (确保, 力争 …).
    @inline(__always)  // see ExtractionRun
    func firmness(in r: Range<Int>) -> String? {
        var i = r.lowerBound
        while i < r.upperBound {
            if let m = Vocabulary.firmness.match(t, at: i, limit: r.upperBound) { return m.value }
            i += 1
        }
        return nil
    }

    func firmness(before at: Int, in ctx: SentenceContext) -> String? {
        firmness(in: ctx.range.lowerBound..<at)
    }

    // MARK: Output

    mutating func emit(
        indicator: Range<Int>, kind: Commitment.Kind, quote: Range<Int>, ctx: SentenceContext, clause: Range<Int>,
        at: Int, multiplier: Double? = nil, quantity: Quantity? = nil, verbQualifier: String? = nil,
        perYearHint: Bool? = nil, name: String? = nil
    ) {
        let name = name ?? clean(indicator)
        guard !name.isEmpty, Vocabulary.notIndicators.match(name.scalars, at: 0)?.length != name.unicodeScalars.count
        else { return }
        if ctx.isOutcome {
            // Results read only for the subject they hand on (commitments wanted alone) are not built.
            guard readsOutcomes else { return }
            emitOutcome(name: name, kind: kind, quote: quote, ctx: ctx, clause: clause, at: at, multiplier: multiplier,
                quantity: quantity, verbQualifier: verbQualifier)
            return
        }
        let time = timing(clause: clause, at: at, ctx)
        let firm = firmness(before: at, in: ctx)
        // The firm words and the quantity's own qualifier, joined by "|".
        var qualifier: String?
        if let firm, firm == "确保" || firm == "力争" || firm == "争取" { qualifier = firm }
        if let q = quantity?.qualifier ?? verbQualifier { qualifier = qualifier.map { $0 + "|" + q } ?? q }
        var perYear: Bool?
        if kind == .growth || kind == .reduction {
            let annual = t.contains("年均", in: clause) || t.contains("每年", in: clause) || t.contains("年平均", in: clause)
                || t.contains("年均", in: ctx.range.lowerBound..<at)
            perYear = annual || !(time.span) || perYearHint == true
            if t.contains("累计", in: clause) { perYear = false }
        }
        var base = time.base
        if kind == .level || kind == .count || kind == .milestone {
            if !t.contains("累计", in: clause) { base = nil }
        }
        if (kind == .growth || kind == .reduction) && perYear == true && !time.span { base = nil }
        out.append(
            Commitment(
                region: ctx.region, indicator: name, kind: kind, multiplier: multiplier, value: quantity?.value,
                unit: quantity?.unit, qualifier: qualifier,
                firmness: firm, perYear: perYear, baseYear: base, deadlineYear: time.deadline,
                quote: doc.rawQuote(of: quote), span: doc.rawSpan(of: quote)))
    }
}
