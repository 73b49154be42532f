/// Title, publication date, publisher and the publisher's region of a cleaned page.
///
/// Hints win over everything the text says; then front matter; then the page header and the
/// editor/source lines the cleaner dropped.
struct DocumentFactsReader {
    var text: MappedText
    var cleaning: Cleaner.Result
    var frontMatter: FrontMatter?
    var htmlTitle: String?
    var gazetteer: Gazetteer = .shared

    func read(hints: DocumentHints, wasTraditional: Bool, source: String) throws(IngestError) -> DocumentFacts {
        var facts = DocumentFacts(wasTraditional: wasTraditional)
        facts.title = hints.title ?? frontMatter?.title ?? headline() ?? htmlTitle.flatMap { $0.isEmpty ? nil : $0 }
        facts.publishedOn = hints.publishedOn ?? publicationDate(year: hints.year)
        let publishers = publisherCandidates()
        facts.publisher = publishers.first
        if let given = hints.publisherRegion, !given.trimmingSpaces.isEmpty {
            guard let region = gazetteer.resolve(given) else {
                throw IngestError(file: source, message: "unknown publisher region '\(given)' (not in the gazetteer)")
            }
            facts.publisherRegion = region
        } else {
            for name in publishers {
                if let region = gazetteer.resolve(name) {
                    facts.publisherRegion = region
                    break
                }
            }
        }
        return facts
    }

    // MARK: - Lines

    var lines: [Cleaner.Line] { cleaning.lines }

    /// Lines of the page header (before the first paragraph), or all lines when there is none.
    var headerLines: ArraySlice<Cleaner.Line> { lines[..<(cleaning.firstParagraph ?? lines.count)] }

    /// Lines after the body.
    var tailLines: ArraySlice<Cleaner.Line> {
        guard let end = cleaning.bodyEnd else { return [] }
        return lines[(end + 1)...]
    }

    func string(_ line: Cleaner.Line) -> String { text.string(line.range) }

    // MARK: - Title

    /// The first header line that reads like a headline.
    func headline() -> String? {
        for line in headerLines where !line.isNav && !line.isBoilerplate && !line.isListHeader && !line.isByline {
            guard line.han >= 6, line.range.count <= 80 else { continue }
            return string(line)
        }
        return nil
    }

    // MARK: - Date

    static let dateKeywords = Cleaner.words(["时间:", "日期:", "发布时间", "发布日期", "发表时间", "发表日期", "更新时间"])
    static let dateKeywordTable = Cleaner.Tables.table(dateKeywords)

    func publicationDate(year: Int?) -> Day? {
        if let raw = frontMatter?.date, let day = DateScanner.rfc2822(raw) ?? DateScanner.dates(in: Array(raw.unicodeScalars)[...]).first?.day {
            return day
        }
        let s = text.scalars
        let outside = Array(headerLines) + Array(tailLines)
        // One pass finds the lines with a keyword; only those are searched keyword by keyword.
        for line in outside where Self.dateKeywordTable.occurs(in: s, line.range) {
            for keyword in Self.dateKeywords {
                if let at = Cleaner.find(s, line.range, keyword),
                    let found = DateScanner.dates(in: s[(at + keyword.count)..<line.range.upperBound]).first
                {
                    return found.day
                }
            }
        }
        var dated: Day?
        for line in headerLines where line.range.count <= 120 {
            for found in DateScanner.dates(in: s[line.range]) {
                if found.hasTime { return found.day }
                if dated == nil { dated = found.day }
            }
        }
        if let dated { return dated }
        if let first = cleaning.firstParagraph, let year {
            let line = lines[first].range
            if let md = DateScanner.dateline(in: s[line.lowerBound..<min(line.upperBound, line.lowerBound + 40)]),
                let day = Day(iso: "\(year)-\(md.month)-\(md.day)")
            {
                return day
            }
        }
        for line in tailLines where line.isByline {
            if let found = DateScanner.dates(in: s[line.range]).first { return found.day }
        }
        return nil
    }

    // MARK: - Publisher

    static let sourceKeywords = Cleaner.words(["来源:", "稿源:", "出处:"])
    /// Sources that name no outlet.
    static let genericSources: Set<String> = ["网络", "互联网", "本站", "本网", "原创", "网友", "综合", "转载", "未知"]
    static let copyright = Array("版权所有".unicodeScalars)
    static let sponsors = Cleaner.words(["主办", "主管"])
    static let sourceKeywordTable = Cleaner.Tables.table(sourceKeywords)
    static let sponsorTable = Cleaner.Tables.table(sponsors)
    static let valueStops = Cleaner.words(["作者", "编辑", "时间", "记者", "发布", "阅读", "责任", "日期", "浏览"])

    /// Names of the publishing outlet, most telling first: source line, dateline (XX网讯), front
    /// matter author, copyright holder, breadcrumb site, 主办/主管 organisation.
    func publisherCandidates() -> [String] {
        let s = text.scalars
        var names: [String] = []
        func add(_ name: String?) {
            guard var n = name?.trimmingSpaces, !n.isEmpty else { return }
            while let last = n.unicodeScalars.last, "|,.;:·-".unicodeScalars.contains(last) { n = String(n.dropLast()) }
            guard !Self.genericSources.contains(n) else { return }
            if n.unicodeScalars.contains(where: \.isCJK), !names.contains(n) { names.append(n) }
        }
        let pageLines = Array(headerLines) + Array(tailLines)
        for line in pageLines where Self.sourceKeywordTable.occurs(in: s, line.range) {
            for keyword in Self.sourceKeywords {
                if let at = Cleaner.find(s, line.range, keyword) { add(value(after: at + keyword.count, in: line.range)) }
            }
        }
        if let first = cleaning.firstParagraph { add(dateline(lines[first].range)) }
        add(frontMatter?.author)
        for line in pageLines {
            if let at = Cleaner.find(s, line.range, Self.copyright) { add(token(endingAt: at, in: line.range)) }
        }
        for line in headerLines where line.isNav {
            // Breadcrumb: 嵊州新闻网 >> 新闻频道 >> …
            var end = line.range.lowerBound
            while end < line.range.upperBound && !Cleaner.isNavSeparator(s[end]) { end += 1 }
            let first = text.string(line.range.lowerBound..<end).trimmingSpaces
            if first.hasSuffix("网") { add(first) }
        }
        for line in pageLines where Self.sponsorTable.occurs(in: s, line.range) {
            for word in Self.sponsors {
                if let at = Cleaner.find(s, line.range, word) { add(token(endingAt: at, in: line.range)) }
            }
        }
        return names
    }

    /// The value after a `来源:` keyword, up to a space or the next keyword.
    func value(after start: Int, in range: Range<Int>) -> String? {
        let s = text.scalars
        var i = start
        while i < range.upperBound && s[i] == " " { i += 1 }
        var end = i
        scan: while end < range.upperBound {
            if s[end] == " " || s[end] == "?" || s[end] == "|" { break }
            for stop in Self.valueStops where Cleaner.find(s, end..<min(range.upperBound, end + stop.count), stop) == end {
                break scan
            }
            end += 1
        }
        return end > i ? text.string(i..<end) : nil
    }

    /// The space-delimited word ending at `end` (中国松阳新闻网 in `… 中国松阳新闻网版权所有`).
    func token(endingAt end: Int, in range: Range<Int>) -> String? {
        var i = end
        while i > range.lowerBound && !text.scalars[i - 1].isSpaceLike && text.scalars[i - 1] != ":" { i -= 1 }
        return end > i ? text.string(i..<end) : nil
    }

    /// `中国义乌网3月17日讯` → 中国义乌网; `松阳新闻网讯` → 松阳新闻网.
    func dateline(_ range: Range<Int>) -> String? {
        let s = text.scalars
        let limit = min(range.upperBound, range.lowerBound + 30)
        guard let xun = (range.lowerBound..<limit).first(where: { s[$0] == "讯" || s[$0] == "电" }) else { return nil }
        var end = xun
        // Drop a date before 讯: 3月17日
        while end > range.lowerBound && (s[end - 1].isPlainDigit || s[end - 1] == "月" || s[end - 1] == "日"
            || s[end - 1] == " ")
        {
            end -= 1
        }
        guard end > range.lowerBound else { return nil }
        let name = text.string(range.lowerBound..<end).trimmingSpaces
        guard let last = name.unicodeScalars.last, "网台报社媒闻".unicodeScalars.contains(last) else { return nil }
        return name
    }
}

/// Finds dates in the shapes Chinese pages print them.
enum DateScanner {
    struct Found: Sendable {
        var day: Day
        var hasTime: Bool
    }

    /// `2021年08月31日09:05:28`, `2021年4月1日`, `2020-05-09 21:22:03`, `2023-10-15`, `2020/5/9`.
    static func dates(in s: ArraySlice<Unicode.Scalar>) -> [Found] {
        var found: [Found] = []
        var i = s.startIndex
        while i < s.endIndex {
            guard s[i].isPlainDigit, i == s.startIndex || !s[i - 1].isPlainDigit else {
                i += 1
                continue
            }
            guard let (year, afterYear) = number(s, i, maxDigits: 4), afterYear - i == 4, afterYear < s.endIndex
            else {
                i += 1
                continue
            }
            let sep = s[afterYear]
            let chinese = sep == "年"
            guard chinese || sep == "-" || sep == "/" || sep == "." else {
                i = afterYear
                continue
            }
            guard let (month, afterMonth) = number(s, afterYear + 1, maxDigits: 2), afterMonth < s.endIndex,
                s[afterMonth] == (chinese ? "月" : sep),
                let (day, afterDay) = number(s, afterMonth + 1, maxDigits: 2),
                let date = Day(iso: "\(year)-\(month)-\(day)")
            else {
                i = afterYear
                continue
            }
            var j = afterDay
            if chinese {
                guard j < s.endIndex, s[j] == "日" || s[j] == "号" else {
                    i = afterYear
                    continue
                }
                j += 1
            }
            var k = j
            while k < s.endIndex && s[k] == " " { k += 1 }
            var hasTime = false
            if let (_, afterHour) = number(s, k, maxDigits: 2), afterHour < s.endIndex, s[afterHour] == ":",
                number(s, afterHour + 1, maxDigits: 2) != nil
            {
                hasTime = true
            }
            found.append(Found(day: date, hasTime: hasTime))
            i = j
        }
        return found
    }

    /// `3月17日讯`, `3月30日电` → month and day.
    static func dateline(in s: ArraySlice<Unicode.Scalar>) -> (month: Int, day: Int)? {
        var i = s.startIndex
        while i < s.endIndex {
            if s[i].isPlainDigit, i == s.startIndex || !s[i - 1].isPlainDigit,
                let (month, afterMonth) = number(s, i, maxDigits: 2), afterMonth < s.endIndex, s[afterMonth] == "月",
                let (day, afterDay) = number(s, afterMonth + 1, maxDigits: 2), afterDay + 1 < s.endIndex,
                s[afterDay] == "日", s[afterDay + 1] == "讯" || s[afterDay + 1] == "电"
            {
                return (month, day)
            }
            i += 1
        }
        return nil
    }

    /// `Tue, 08 Feb 2022 08:00:05 GMT` → the day in China (UTC+8).
    static func rfc2822(_ text: String) -> Day? {
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "," }).map { $0.lowercased() }
        guard let m = parts.firstIndex(where: { months.contains(String($0.prefix(3))) && $0.count <= 9 }), m > 0,
            m + 1 < parts.count, let day = Int(parts[m - 1]), let year = Int(parts[m + 1]),
            let month = months.firstIndex(of: String(parts[m].prefix(3)))
        else { return nil }
        guard var date = Day(iso: "\(year)-\(month + 1)-\(day)") else { return nil }
        if m + 2 < parts.count, let hour = Int(parts[m + 2].split(separator: ":").first ?? ""),
            m + 3 >= parts.count || ["gmt", "utc", "+0000", "z"].contains(parts[m + 3]), hour + 8 >= 24
        {
            date = date.next
        }
        return date
    }

    static func number(_ s: ArraySlice<Unicode.Scalar>, _ i: Int, maxDigits: Int) -> (Int, Int)? {
        var j = i
        var value = 0
        while j < s.endIndex && j - i < maxDigits && s[j].isPlainDigit {
            value = value * 10 + Int(s[j].value - 0x30)
            j += 1
        }
        guard j > i, j >= s.endIndex || !s[j].isPlainDigit else { return nil }
        return (value, j)
    }
}

extension Day {
    /// The following day.
    var next: Day {
        if day < Day.daysIn(month: month, year: year) { return Day(year: year, month: month, day: day + 1) }
        if month < 12 { return Day(year: year, month: month + 1, day: 1) }
        return Day(year: year + 1, month: 1, day: 1)
    }
}
