/// Multiples (翻番, 倍增), dated qualitative goals (建成, 基本实现) and campaigns with a period.
extension ExtractionRun {
    static let campaignNouns = ["行动计划", "行动", "计划", "方案", "规划", "纲要", "工程", "攻坚战", "战略"].map(\.scalars)
    static let campaignLeading = WordTable<Bool>(
        ["实施", "印发", "制定了", "制定", "出台", "发布", "启动实施", "启动", "开展", "《", "“"].map { ($0, true) })

    // MARK: Multiples

    /// Finds multiples in a clause; returns the subject of the last one (the indicators doubled).
    @discardableResult
    mutating func extractMultiples(_ clause: Range<Int>, _ ctx: SentenceContext) -> Range<Int>? {
        // Every multiple is written with 番 or 倍: most clauses have neither.
        guard clause.contains(where: { t[$0] == "倍" || t[$0] == "番" }) else { return nil }
        var lastSubject: Range<Int>?
        var i = clause.lowerBound
        var segStart = clause.lowerBound
        while i < clause.upperBound {
            var cue: (length: Int, value: Double)? = Vocabulary.multipliers.match(t, at: i, limit: clause.upperBound)
            // 增长1倍 = ×2, 增长两倍 = ×3, 是2020年的2倍 = ×2.
            if cue == nil, let n = Numerals.read(t, at: i), n.range.upperBound < clause.upperBound,
                t[n.range.upperBound] == "倍", i == clause.lowerBound || !t[i - 1].isASCIIDigit
            {
                if Vocabulary.comparisonVerbs.match(t, endingAt: i, from: clause.lowerBound)?.value == .growth {
                    cue = (n.range.count + 1, n.value + 1)
                } else if i > clause.lowerBound, t[i - 1] == "的" {
                    cue = (n.range.count + 1, n.value)
                }
            }
            guard let m = cue else {
                i += 1
                continue
            }
            let cueEnd = i + m.length
            let follow: Unicode.Scalar = cueEnd < clause.upperBound ? t[cueEnd] : "。"
            // “双倍增”行动计划: the name of a campaign, quoted or not.
            let nameEnd = cueEnd < clause.upperBound && t[cueEnd] == "”" ? cueEnd + 1 : cueEnd
            let isAction = t.has("行动", at: nameEnd) || t.has("工程", at: nameEnd)
            // Programme names: “倍增计划”, 协同倍增企业; 翻一番以上 is a hedge, not a name.
            let hedged = t.has("以上", at: cueEnd) || t.has("左右", at: cueEnd)
            if follow.isHan && !isAction && !hedged {
                i = cueEnd
                continue
            }
            if follow == "(" {
                i = cueEnd
                continue
            }
            // 做大三产和主体倍增、科技创新、开放合作6个方面16项工程: a list of a plan's parts, one named
            // for a doubling.
            if follow == "、", t.contains("方面", in: cueEnd..<clause.upperBound) || t.contains("工程", in: cueEnd..<clause.upperBound) {
                i = cueEnd
                continue
            }
            var subject: Range<Int>
            // 五个翻番: the list before it, after 实现.
            var k = i
            if k > clause.lowerBound, t[k - 1] == "“" { k -= 1 }
            if k > clause.lowerBound, t[k - 1] == "个", let n = numeralEnding(at: k - 1, from: clause.lowerBound) {
                var s = segStart
                var e = n
                if let r = lastOccurrence(of: "实现".scalars, in: segStart..<n) {
                    s = r.upperBound
                    // …工业投资实现“五个翻番”: the list stands before 实现, not after it.
                    if trim(s..<n).isEmpty {
                        s = segStart
                        e = r.lowerBound
                    }
                }
                subject = s..<e
            } else if let y = ctx.times.first(where: { $0.range.upperBound == i || $0.range.upperBound == i - 1 }),
                case .years = y.kind
            {
                subject = segStart..<max(segStart, y.range.lowerBound)
            } else if isAction {
                i = cueEnd
                continue
            } else {
                var e = i
                for verb in ["基本实现", "力争实现", "实现", "达到"].map(\.scalars) where t.has(verb, endingAt: e) {
                    e -= verb.count
                    break
                }
                if let v = Vocabulary.comparisonVerbs.match(t, endingAt: e, from: segStart), v.value == .growth {
                    e -= v.length  // 比2020年增长1倍
                }
                subject = segStart..<max(segStart, e)
            }
            // 湖北实施六大行动、十项工程——“数字湖北”核心产业增加值3年翻番: a headline's dash, colon or
            // space ends what stands before the doubled subject.
            if let cut = subject.last(where: { t[$0] == "—" || t[$0] == "：" || t[$0] == ":" || t[$0] == " " || t[$0] == "\u{3000}" }),
                cut + 1 < subject.upperBound
            {
                subject = (cut + 1)..<subject.upperBound
            }
            let trimmed = trim(subject)
            if !trimmed.isEmpty { lastSubject = trimmed }
            for item in Indicator.items(t, trimmed, splitOnAnd: true) {
                let name = clean(item)
                guard !name.isEmpty, name.unicodeScalars.count <= 30 else { continue }
                let quoteEnd = cueEnd < clause.upperBound && t[cueEnd] == "”" ? cueEnd + 1 : cueEnd
                emit(
                    indicator: item, kind: .multiple, quote: min(item.lowerBound, trimmed.lowerBound)..<quoteEnd,
                    ctx: ctx, clause: clause, at: i, multiplier: m.value)
            }
            i = cueEnd
            segStart = cueEnd + (isAction ? 2 : 0)
        }
        return lastSubject
    }

    /// Start of a Chinese or Arabic numeral that ends right before `end` (五 in 五个).
    func numeralEnding(at end: Int, from start: Int) -> Int? {
        var s = end
        while s > start, Numerals.chineseDigit(t[s - 1]) != nil || Numerals.chineseUnit(t[s - 1]) != nil || t[s - 1].isASCIIDigit {
            s -= 1
        }
        return s < end ? s : nil
    }

    func lastOccurrence(of word: [Unicode.Scalar], in r: Range<Int>) -> Range<Int>? {
        var k = r.upperBound - word.count
        while k >= r.lowerBound {
            if t.has(word, at: k) { return k..<k + word.count }
            k -= 1
        }
        return nil
    }

    // MARK: Milestones

    /// The name before 目标 when it is a goal's own (碳达峰, 碳中和): two to six Han characters after
    /// any time words, none of `Vocabulary.genericGoalWords`.
    func namedGoal(_ r: Range<Int>, _ ctx: SentenceContext) -> Range<Int>? {
        var start = r.lowerBound
        for m in ctx.times where m.range.upperBound > start && m.range.lowerBound <= start + 1 && m.range.upperBound <= r.upperBound {
            start = m.range.upperBound
        }
        if start < r.upperBound, t[start] == "前" || t[start] == "的" { start += 1 }
        let name = start..<r.upperBound
        guard (2...6).contains(name.count), name.allSatisfy({ t[$0].isHan }),
            Vocabulary.genericGoalWords.match(t, at: name.lowerBound, limit: name.upperBound) == nil,
            Vocabulary.genericGoalWords.match(t, endingAt: name.upperBound, from: name.lowerBound) == nil
        else { return nil }
        return name
    }

    /// True when the sentence itself says when (a year, 今年, 三年内): news text needs that for a milestone.
    func hasOwnDeadline(_ ctx: SentenceContext) -> Bool {
        ctx.times.contains { resolve($0, in: ctx.range).deadline != nil }
    }

    mutating func extractMilestones(_ clause: Range<Int>, _ ctx: SentenceContext) {
        guard section == .plan || hasOwnDeadline(ctx) else { return }
        var i = clause.lowerBound
        while i < clause.upperBound {
            guard let m = Vocabulary.milestoneVerbs.match(t, at: i, limit: clause.upperBound) else {
                i += 1
                continue
            }
            let verbEnd = i + m.length
            let verb = t.string(i..<verbEnd)
            let follow: Unicode.Scalar = verbEnd < clause.upperBound ? t[verbEnd] : "。"
            let prev: Unicode.Scalar = i > clause.lowerBound ? t[i - 1] : " "
            if follow == "区" || follow == "了" || follow == "率" || follow == "后" || prev == "已" || prev == "未"
                || QuantityReader.read(t, at: verbEnd)?.unit != nil
            {
                i = verbEnd
                continue
            }
            // A text cut off in mid-sentence (完成自治|): the object is not all there.
            if clause.upperBound == t.count, let last = t.last, last.isHan { return }
            // 2023年底前建成A、2024年底前完成B: a time word after 、 starts the next milestone.
            var objectEnd = clause.upperBound
            var next: Int?
            for m in ctx.times where m.range.lowerBound > verbEnd && m.range.lowerBound < clause.upperBound {
                // A deadline's range may open with the scalar before its year (到2025年, or the 、).
                var k = m.range.lowerBound
                if !(t[k] == "、" || t[k] == "，" || t[k] == ",") { k -= 1 }
                if t[k] == "到" || t[k] == "在", k > verbEnd { k -= 1 }
                if k > verbEnd, t[k] == "、" || t[k] == "，" || t[k] == "," {
                    objectEnd = k
                    next = k + 1
                    break
                }
            }
            var object = trim(verbEnd..<objectEnd)
            if object.isEmpty {
                object = trim(clause.lowerBound..<i)
            }
            // 如期实现2030年前碳达峰目标: a goal with a name of its own is that goal (碳达峰); 实现全年目标,
            // 完成各项目标 name none.
            if t.has("目标", endingAt: object.upperBound), let named = namedGoal(object.lowerBound..<(object.upperBound - 2), ctx) {
                object = named
            }
            let objectText = t.string(object)
            if object.count < 2 || object.count > 40 || objectText.contains("目标") || objectText.hasSuffix("任务")
                || !quantities(in: object, ctx).isEmpty
                || Vocabulary.periodCharacterizations.match(t, endingAt: object.upperBound, from: object.lowerBound) != nil
            {
                i = verbEnd
                continue
            }
            // 进入国家创新型城市行列: joining the ranks of a class is a goal; 进入 anything else is not.
            if verb == "进入", !t.has("行列", endingAt: object.upperBound) {
                i = verbEnd
                continue
            }
            if verb == "通过", !Vocabulary.passObjects.contains(where: { t.has($0, endingAt: object.upperBound) }) {
                i = verbEnd
                continue
            }
            // 建成A、B: each facility is built on its own; 基本实现新型工业化、信息化、城镇化 is one goal.
            let builds = verb.contains("建成")
            let split = !t.contains("的", in: object) && (builds || !verb.hasSuffix("实现"))
            let items = split ? Indicator.items(t, object, splitOnAnd: builds) : [object]
            let quoteStart = min(i, object.lowerBound)
            for item in items {
                emit(
                    indicator: item, kind: .milestone, quote: quoteStart..<max(verbEnd, object.upperBound), ctx: ctx,
                    clause: clause, at: i)
            }
            guard let n = next else { return }
            i = n
        }
    }

    // MARK: Campaigns

    /// A campaign or plan with a period: 制造业倍增行动(2023—2026年), 为期3年的…攻坚行动.
    mutating func extractCampaigns(_ ctx: SentenceContext) {
        for m in ctx.times where m.range.lowerBound >= ctx.range.lowerBound {
            switch m.kind {
            case .period:
                let open = m.range.lowerBound - 1
                guard open > ctx.range.lowerBound, t[open] == "(" || t[open] == "（" else { continue }
                guard let noun = Self.campaignNouns.first(where: { t.has($0, endingAt: open) }) else { continue }
                _ = noun
                var s = open
                while s > ctx.range.lowerBound, t[s - 1] != "《", t[s - 1] != ",", t[s - 1] != "。", t[s - 1] != "、",
                    t[s - 1] != "\n", t[s - 1] != ":", t[s - 1] != ";"
                {
                    s -= 1
                }
                // 市委、市政府实施工业倍增行动: the name starts after the last verb that introduces it.
                var k = open - 1
                while k >= s {
                    if let w = Self.campaignLeading.match(t, at: k, limit: open), !(w.length == 1 && t[k] != "《") {
                        s = k + w.length
                        break
                    }
                    k -= 1
                }
                // A plan's title (《…计划(2023—2025年)》, 印发…, a title line) names the document, not a campaign.
                if isTitle(name: s, ctx) { continue }
                while let w = Self.campaignLeading.match(t, at: s, limit: open) { s += w.length }
                let clause = s..<min(ctx.range.upperBound, m.range.upperBound + 1)
                emitCampaign(name: s..<open, quote: s..<min(m.range.upperBound + 1, ctx.range.upperBound), clause: clause, ctx)
            case .years:
                guard t.has("为期", at: m.range.lowerBound), m.range.upperBound < ctx.range.upperBound,
                    t[m.range.upperBound] == "的"
                else { continue }
                var e = m.range.upperBound + 1
                while e < ctx.range.upperBound, t[e] != ",", t[e] != "。", t[e] != ";" { e += 1 }
                guard Self.campaignNouns.contains(where: { t.has($0, endingAt: e) }) else { continue }
                var quoteStart = m.range.lowerBound
                for verb in ["启动实施", "实施", "开展", "启动"].map(\.scalars) where t.has(verb, endingAt: quoteStart) {
                    quoteStart -= verb.count
                    break
                }
                emitCampaign(name: m.range.upperBound + 1..<e, quote: quoteStart..<e, clause: m.range.lowerBound..<e, ctx)
            default:
                continue
            }
        }
    }

    /// True when a campaign name starting at `s` is a document's title: inside 《》, after a verb
    /// of issuing (印发, 出台), or a line of its own.
    func isTitle(name s: Int, _ ctx: SentenceContext) -> Bool {
        if s > 0, t[s - 1] == "《" || t[s] == "《" { return true }
        var k = s
        while k > ctx.range.lowerBound, k > s - 6 {
            k -= 1
            if Vocabulary.issuingVerbs.match(t, at: k, limit: s) != nil { return true }
        }
        let lineStart = ctx.range.lowerBound == 0 || t[ctx.range.lowerBound - 1] == "\n"
        let lineEnd = ctx.range.upperBound == t.count || t[ctx.range.upperBound] == "\n"
        // A line that is nothing but the name and its period (重庆市…“双倍增”行动计划(2023—2027年)): no
        // verb runs the campaign, the line names the document below it.
        guard lineStart && lineEnd && ctx.range.count <= 64 else { return false }
        return !ctx.range.contains { t[$0] == "," || t[$0] == "，" || t[$0] == "。" || t[$0] == ";" || t[$0] == "；" }
    }

    mutating func emitCampaign(name: Range<Int>, quote: Range<Int>, clause: Range<Int>, _ ctx: SentenceContext) {
        guard name.count >= 3 else { return }
        let text = clean(name)
        // The same campaign named twice in a sentence is one milestone.
        if out.contains(where: { $0.kind == .milestone && $0.indicator == text }) { return }
        emit(indicator: name, kind: .milestone, quote: quote, ctx: ctx, clause: clause, at: clause.lowerBound, name: text)
    }
}
