/// Decides which region commits: explicit names in the title or lead, scope words (全省, 全市,
/// 全县) and speaker titles (省委书记, 县长) relative to the publisher's region, then the publisher.
struct RegionResolver {
    let gazetteer: Gazetteer

    /// Scope words and the level they point to, relative to the publisher.
    static let scopeWords = WordTable<Region.Level>([
        ("全省", .province), ("我省", .province), ("省委书记", .province), ("省长", .province), ("省政府", .province),
        ("省委", .province), ("全市", .prefecture), ("我市", .prefecture), ("市委书记", .prefecture),
        ("市长", .prefecture), ("市政府", .prefecture), ("市委", .prefecture), ("全县", .county), ("我县", .county),
        ("县委书记", .county), ("县长", .county), ("县政府", .county), ("县委", .county), ("全区", .county),
        ("区委书记", .county), ("区长", .county), ("国务院", .national), ("全国人大", .national),
        ("全国人民代表大会", .national), ("党中央", .national), ("中共中央", .national), ("我国", .national),
        ("工信部", .national), ("工业和信息化部", .national), ("国家发展改革委", .national), ("国家发改委", .national),
        ("财政部", .national), ("农业农村部", .national), ("生态环境部", .national), ("教育部", .national),
        ("科技部", .national), ("商务部", .national), ("国家能源局", .national), ("交通运输部", .national),
        ("住房和城乡建设部", .national), ("国家卫生健康委", .national), ("人力资源社会保障部", .national),
        ("自然资源部", .national), ("水利部", .national), ("国家统计局", .national), ("中央经济工作会议", .national),
    ])

    /// The region the document speaks for.
    func issuer(of document: Document) -> Region? {
        let publisher = document.facts.publisherRegion
        let title = (document.facts.title ?? "").scalars
        if let r = scope(in: title, 0..<title.count, publisher: publisher) ?? named(in: title, 0..<title.count, publisher) {
            return r
        }
        let text = document.text
        // The lead: the first sentence, where the issuer is the subject (江苏省政府办公厅近日印发).
        var leadEnd = 0
        while leadEnd < min(text.count, 240), text[leadEnd] != "。" { leadEnd += 1 }
        let lead = 0..<leadEnd
        // Whichever comes first in the lead: a named division or a scope word.
        let n = namedWithPosition(in: text, lead, publisher)
        let s = scopeWithPosition(in: text, lead, publisher: publisher)
        switch (n, s) {
        case let (n?, s?): return n.at <= s.at ? n.region : s.region
        case let (n?, nil): return n.region
        case let (nil, s?): return s.region
        default: break
        }
        if let publisher { return publisher }
        // Last resort: the division named most often.
        var counts: [String: (Int, Region)] = [:]
        for m in gazetteer.mentions(in: text[0..<text.count]) where !insideParentheses(text, m.range.lowerBound) {
            guard let r = gazetteer.pick(m.candidates, near: nil) else { continue }
            // A county's short name in running text is too often a word (新兴产业): count full names only.
            if r.level == .county && (!m.isFullName || m.range.count < 3) { continue }
            counts[r.code, default: (0, r)].0 += m.isFullName ? 2 : 1
        }
        // Most often named; among equals, the more specific.
        return counts.values.max { ($0.0, $0.1.level) < ($1.0, $1.1.level) }?.1
    }

    /// The division a sentence names as its subject: at its start (郑州市启动了…, 南昌加快布局…),
    /// after a connective (此外, 按照) or at the start of a plan's title in its first clause
    /// (《郑州市加快数字经济发展实施方案》提出…). Venues (在杭州) and datelines do not count.
    func subject(of t: [Unicode.Scalar], _ sentence: Range<Int>, near: Region?) -> Region? {
        var i = sentence.lowerBound
        while i < sentence.upperBound {
            if t[i] == " " || t[i] == "“" || t[i] == "《" || t[i] == "\u{3000}" {
                i += 1
            } else if let w = Vocabulary.subjectConnectives.match(t, at: i, limit: sentence.upperBound) {
                i += w.length
            } else {
                break
            }
        }
        guard let m = gazetteer.mention(startingAt: i, in: t[i..<sentence.upperBound]),
            !Self.isDateline(t, after: m.range.upperBound)
        else { return nil }
        return gazetteer.pick(m.candidates, near: near)
    }

    /// True when a date follows a place name: the dateline of a news item (大众网济南1月25日讯,
    /// 新华社北京3月5日电) names where it was written, not who commits.
    static func isDateline(_ t: [Unicode.Scalar], after end: Int) -> Bool {
        var k = end
        while k < t.count, k < end + 2, t[k].isASCIIDigit { k += 1 }
        return k > end && k < t.count && t[k] == "月"
    }

    /// True when `i` is inside parentheses: 中国东南(福建)科学城 names a place, not the issuer.
    func insideParentheses(_ t: [Unicode.Scalar], _ i: Int) -> Bool {
        var k = i - 1
        while k >= 0, k >= i - 12 {
            if t[k] == "(" || t[k] == "（" { return true }
            if t[k] == ")" || t[k] == "）" { return false }
            k -= 1
        }
        return false
    }

    func scope(in t: [Unicode.Scalar], _ r: Range<Int>, publisher: Region?) -> Region? {
        scopeWithPosition(in: t, r, publisher: publisher)?.region
    }

    func scopeWithPosition(in t: [Unicode.Scalar], _ r: Range<Int>, publisher: Region?) -> (at: Int, region: Region)? {
        var i = r.lowerBound
        while i < r.upperBound {
            if let m = Self.scopeWords.match(t, at: i, limit: r.upperBound) {
                // 在全省领先, 居全省第一: a comparison with the larger region, not its voice.
                if i > r.lowerBound, t[i - 1] == "在" || t[i - 1] == "居" || t[i - 1] == "于" {
                    i += m.length
                    continue
                }
                // 省委副书记、省长 and 市委书记 of a county-level city both count.
                if let region = relative(m.value, to: publisher) { return (i, region) }
                i += m.length
                continue
            }
            i += 1
        }
        return nil
    }

    /// The division at `level` that a publisher in `publisher` means by 全省/全市/全县.
    func relative(_ level: Region.Level, to publisher: Region?) -> Region? {
        // A province's text cites 党中央、国务院 as the authority above it: national words count
        // only when nothing says the publisher is a local government.
        if level == .national { return publisher == nil || publisher?.level == .national ? .nation : nil }
        guard let publisher else { return nil }
        switch level {
        case .province:
            return publisher.provinceCode.flatMap { gazetteer.region(code: $0) } ?? publisher
        case .prefecture:
            // A county-level city calls itself 市.
            if publisher.level == .county, publisher.name.hasSuffix("市") { return publisher }
            return gazetteer.prefecture(of: publisher) ?? publisher
        case .county:
            return publisher.level == .county ? publisher : nil
        case .national:
            return .nation
        }
    }

    func named(in t: [Unicode.Scalar], _ r: Range<Int>, _ publisher: Region?) -> Region? {
        namedWithPosition(in: t, r, publisher)?.region
    }

    /// The most specific division in the first chain of names (宁夏石嘴山市平罗县 → 平罗县), skipping
    /// places named as venues (在杭州召开).
    func namedWithPosition(in t: [Unicode.Scalar], _ r: Range<Int>, _ publisher: Region?) -> (at: Int, region: Region)? {
        let mentions = gazetteer.mentions(in: t[r])
        var best: (at: Int, region: Region)?
        var chainEnd = -1
        for m in mentions {
            if m.range.lowerBound > 0, t[m.range.lowerBound - 1] == "在" || t[m.range.lowerBound - 1] == "赴" { continue }
            if Self.isDateline(t, after: m.range.upperBound) { continue }
            if insideParentheses(t, m.range.lowerBound) { continue }
            guard let region = gazetteer.pick(m.candidates, near: best?.region ?? publisher) else { continue }
            if let b = best {
                // Continue a chain only with a division inside the one before, right after it.
                guard m.range.lowerBound <= chainEnd + 1, gazetteer.path(of: region).contains(b.region) else { break }
                best = (b.at, region)
            } else {
                best = (m.range.lowerBound, region)
            }
            chainEnd = m.range.upperBound
        }
        return best
    }
}
