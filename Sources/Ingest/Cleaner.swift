/// Keeps the article body of a scraped news or government page and drops the rest.
///
/// Works on normalized lines. Body paragraphs are long lines with Chinese sentence punctuation;
/// navigation bars, breadcrumbs, footers, share prompts, photo captions and editor/source lines
/// are short fragments recognised by their separators and vocabulary. A list header (相关新闻,
/// 延伸阅读 …) or an editor/source line starts a stretch of dropped lines that only a real
/// paragraph (a sentence ending in 。 or ；) ends. The body runs from the first to the last
/// paragraph; short lines inside it (headings, list items) are kept.
enum Cleaner {
    /// What one line looks like.
    struct Line: Sendable {
        var range: Range<Int>
        var han = 0
        /// 。 ； ; count.
        var stops = 0
        /// , ， 、 : ! ? count.
        var pauses = 0
        /// , ， count.
        var commas = 0
        /// 。 count.
        var fullStops = 0
        var isNav = false
        var isBoilerplate = false
        /// A list header (相关新闻 …): what follows is a list of headlines.
        var isListHeader = false
        /// An editor, author or source line (编辑:, 来源: …).
        var isByline = false

        /// The line ends with 。 or ； (a sentence, however short).
        var endsSentence = false
        /// A line of a table of indicators (指标 | 2025年目标值 | …, and the cells after it): body text
        /// however short its cells.
        var isTable = false
        var isParagraph: Bool {
            !isNav && !isBoilerplate
                && ((han >= 15 && (stops >= 1 || (pauses >= 2 && han >= 30))) || (endsSentence && han >= 8))
        }
        var isStrongParagraph: Bool { isParagraph && han >= 20 && stops >= 1 }
    }

    struct Result: Sendable {
        var lines: [Line]
        /// Indices into `lines` of the body, in order.
        var body: [Int]
        /// Index of the first paragraph: lines before it are the page header.
        var firstParagraph: Int?
        /// Index of the first body line (lines before it are the page header); nil when no body.
        var bodyStart: Int? { body.first }
        var bodyEnd: Int? { body.last }
    }

    static let listHeaders = words([
        "相关新闻", "相关阅读", "相关报道", "相关文章", "相关链接", "相关推荐", "延伸阅读", "推荐阅读", "热门推荐", "专题推荐",
        "热门评论", "热点新闻", "新闻热点", "国内要闻", "国际要闻", "精彩推荐", "猜你喜欢", "更多新闻", "往期回顾", "热门文章",
        "最新新闻", "图片新闻", "网友评论", "今日推荐", "热门新闻", "推荐新闻", "最新文章", "阅读排行", "点击排行", "新闻排行",
    ])
    static let bylineWords = words(["来源:", "编辑:", "责任编辑", "作者:", "记者:", "审核:", "校对:", "编审:", "终审:", "通讯员:"])
    static let boilerplateWords = words([
        "版权所有", "版权声明", "保留所有权利", "ICP备", "ICP证", "公网安备", "网安备", "主办", "主管", "承办", "协办",
        "联系我们", "联系方式", "网站简介", "网站地图", "关于我们", "广告服务", "广告刊登", "意见反馈", "法律顾问",
        "分享到", "扫一扫", "点击观看", "下载", "打印", "全屏", "收藏", "字号", "您当前的位置", "当前位置", "所在位置",
        "首页>", "首页 >", "设为首页", "加入收藏", "投稿邮箱", "新闻热线", "阅读:", "评论:", "关键字:", "关键词:", "导航",
        "返回顶部", "上一篇", "下一篇", "公众号", "公众账号", "APP", "数字报", "二维码", "微信", "微博", "内容摘要",
        "浏览次数", "点击数", "访问量", "网站首页", "加大", "减小", "还原",
    ])
    /// Separators of navigation bars and breadcrumbs: | > » › ｜.
    @inline(__always) static func isNavSeparator(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x7C, 0x3E, 0xBB, 0x203A, 0xFF5C: true
        default: false
        }
    }

    static func words(_ list: [String]) -> [[Unicode.Scalar]] { list.map { Array($0.unicodeScalars) } }

    static func clean(_ text: MappedText) -> Result {
        var lines = text.lineRanges().map { classify(text.scalars, $0) }
        markTables(text.scalars, &lines)
        var candidates: [Int] = []
        var inList = false
        var seenParagraph = false
        for k in lines.indices {
            let line = lines[k]
            defer { if line.isParagraph, candidates.last == k { seenParagraph = true } }
            if line.isListHeader || line.isByline {
                // A source line above the article (来源: 发布日期:…) drops only itself: the lines
                // below it may be headings and bullets without a full stop, and a list it started
                // would silence them all.
                if !(line.isByline && !line.isListHeader && !seenParagraph) { inList = true }
            } else if line.isNav || line.isBoilerplate {
                continue
            } else if inList {
                if line.isStrongParagraph {
                    inList = false
                    candidates.append(k)
                }
            } else {
                candidates.append(k)
            }
        }
        let paragraphs = candidates.filter { lines[$0].isParagraph || lines[$0].isTable }
        var body = candidates
        if var first = paragraphs.first, let last = paragraphs.last {
            // Headings right above the first paragraph (2024年工作安排) belong to the body; lines
            // separated from it by page furniture (the headline above a byline) do not.
            let kept = Set(candidates)
            while first > 0 && kept.contains(first - 1) { first -= 1 }
            body = candidates.filter { $0 >= first && $0 <= last }
        }
        return Result(lines: lines, body: body, firstParagraph: paragraphs.first)
    }

    /// Marks the blocks of `|`- or tab-separated lines that open with a header naming 指标: a plan's
    /// table of indicators, whose cells (>6.5 |, 一 |) would otherwise read as page furniture.
    static func markTables(_ s: [Unicode.Scalar], _ lines: inout [Line]) {
        func separated(_ line: Line) -> Bool { line.range.contains { s[$0] == "|" || s[$0] == "\t" } }
        var k = 0
        while k < lines.count {
            guard separated(lines[k]), s.contains("指标", in: lines[k].range) else {
                k += 1
                continue
            }
            while k < lines.count, separated(lines[k]) {
                lines[k].isTable = true
                lines[k].isNav = false
                lines[k].isBoilerplate = false
                k += 1
            }
        }
    }

    static func classify(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Line {
        var line = Line(range: range)
        var separators = 0
        var spaces = 0
        var dashes = 0
        for k in range {
            let c = s[k]
            let v = c.value
            if c.isCJK {
                line.han += 1
            } else {
                switch v {
                case 0x3002:  // 。
                    line.stops += 1
                    line.fullStops += 1
                case 0xFF1B, 0x3B: line.stops += 1  // ； ;
                case 0x2C, 0xFF0C:  // , ，
                    line.pauses += 1
                    line.commas += 1
                case 0x3001, 0x3A, 0x21, 0x3F: line.pauses += 1  // 、 : ! ?
                case 0x20: spaces += 1
                case 0x2D: dashes += 1
                default: if isNavSeparator(c) { separators += 1 }
                }
            }
        }
        let length = range.count
        var last = range.upperBound - 1
        while last >= range.lowerBound, s[last] == " " { last -= 1 }
        line.endsSentence = last >= range.lowerBound && (s[last] == "。" || s[last] == "；" || s[last] == ";")
        let short = length <= 100 && line.stops == 0
        // Navigation: several separators, or many short space-separated items, and no sentence.
        if line.stops == 0 && (separators >= 2 || dashes >= 4) {
            line.isNav = true
        } else if line.fullStops == 0 && line.commas == 0 && spaces >= 3 && line.han <= (spaces + 1) * 6 {
            line.isNav = true
        }
        if short || length <= 40 {
            let found = lineWords(s, range)
            if length <= 14, found.contains(.listHeader) { line.isListHeader = true }
            if found.contains(.byline) { line.isByline = true }
            if found.contains(.boilerplate) { line.isBoilerplate = true }
        }
        // Photo captions: … 记者 某某 摄
        if let last = s[range].last(where: { !$0.isSpaceLike }), last == "摄",
            contains(s, range, table: tables.reporterWords)
        {
            line.isBoilerplate = true
        }
        // Headline lists end in a timestamp; bare dates and times are not body.
        if line.stops == 0 && endsWithTime(s, range) { line.isBoilerplate = true }
        if line.han == 0 && length <= 40 { line.isBoilerplate = true }
        return line
    }

    /// `… 2020-05-09 08:14:50` or `… 18:10`.
    static func endsWithTime(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        var k = range.upperBound
        var digits = 0
        var colons = 0
        while k > range.lowerBound {
            let c = s[k - 1]
            if c.isPlainDigit {
                digits += 1
            } else if c == ":" {
                colons += 1
            } else {
                break
            }
            k -= 1
        }
        return colons >= 1 && digits >= 3
    }

    static func contains(_ s: [Unicode.Scalar], _ range: Range<Int>, anyOf words: [[Unicode.Scalar]]) -> Bool {
        contains(s, range, table: Tables.table(words))
    }

    /// One pass over the line with the table's first characters as a filter, not one pass per word.
    static func contains(_ s: [Unicode.Scalar], _ range: Range<Int>, table: WordTable<Bool>) -> Bool {
        table.occurs(in: s, range)
    }

    /// Which of the vocabularies above a word belongs to.
    struct Vocabularies: OptionSet, Sendable {
        let rawValue: UInt8
        static let listHeader = Vocabularies(rawValue: 1)
        static let byline = Vocabularies(rawValue: 2)
        static let boilerplate = Vocabularies(rawValue: 4)
    }

    /// The vocabularies with a word inside `range`, in one pass over it.
    static func lineWords(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Vocabularies {
        var found: Vocabularies = []
        let table = tables.lineWords
        var i = range.lowerBound
        while i < range.upperBound {
            if let m = table.match(s, at: i, limit: range.upperBound) { found.formUnion(m.value) }
            i += 1
        }
        return found
    }

    /// Word tables of the vocabularies above, built once.
    struct Tables: Sendable {
        /// All three vocabularies in one table. The longest word matched at a position carries
        /// the vocabularies of every word that is a prefix of it, so nothing a shorter word would
        /// have found is lost.
        let lineWords: WordTable<Vocabularies> = {
            let lists: [([[Unicode.Scalar]], Vocabularies)] = [
                (Cleaner.listHeaders, .listHeader), (Cleaner.bylineWords, .byline), (Cleaner.boilerplateWords, .boilerplate),
            ]
            let all = lists.flatMap { list in list.0.map { ($0, list.1) } }
            return WordTable(all.map { word, _ in
                let kinds = all.filter { word.starts(with: $0.0) }.reduce(into: Vocabularies()) { $0.formUnion($1.1) }
                return (String(scalars: word), kinds)
            })
        }()

        static func table(_ words: [[Unicode.Scalar]]) -> WordTable<Bool> {
            WordTable(words.map { (String(String.UnicodeScalarView($0)), true) })
        }
        let reporterWords = table([Array("记者".unicodeScalars), Array("摄影".unicodeScalars)])
    }

    static let tables = Tables()

    /// First index in `range` where `word` starts.
    static func find(_ s: [Unicode.Scalar], _ range: Range<Int>, _ word: [Unicode.Scalar]) -> Int? {
        guard let first = word.first, range.count >= word.count else { return nil }
        var i = range.lowerBound
        let last = range.upperBound - word.count
        outer: while i <= last {
            if s[i] == first {
                var k = 1
                while k < word.count {
                    if s[i + k] != word[k] {
                        i += 1
                        continue outer
                    }
                    k += 1
                }
                return i
            }
            i += 1
        }
        return nil
    }
}
