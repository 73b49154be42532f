/// HTML → text with a raw-offset map: tags dropped, block tags as line breaks, scripts, styles
/// and comments removed, character references decoded.
enum HTMLText {
    /// Tags that end a line of text.
    static let blockTags: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
        "section", "article", "header", "footer", "blockquote", "dd", "dt", "dl", "hr", "pre", "title",
        "body", "html", "head", "nav", "aside", "form", "center", "main", "figure", "figcaption", "tbody",
        "thead",
    ]
    /// Tags whose content is not text.
    static let skippedTags: Set<String> = ["script", "style", "noscript", "template", "iframe", "svg", "textarea"]
    /// Tags that make text look like HTML.
    static let knownTags: Set<String> = blockTags.union(skippedTags).union([
        "span", "a", "font", "strong", "b", "i", "em", "img", "meta", "link", "u", "sup", "sub", "small", "big",
        "label", "input", "button", "select", "option",
    ])

    static let namedEntities: [String: UInt32] = [
        "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0xA0, "ensp": 0x2002,
        "emsp": 0x2003, "thinsp": 0x2009, "ldquo": 0x201C, "rdquo": 0x201D, "lsquo": 0x2018, "rsquo": 0x2019,
        "mdash": 0x2014, "ndash": 0x2013, "hellip": 0x2026, "middot": 0xB7, "bull": 0x2022, "times": 0xD7,
        "divide": 0xF7, "copy": 0xA9, "reg": 0xAE, "yen": 0xA5, "laquo": 0xAB, "raquo": 0xBB, "deg": 0xB0,
        "plusmn": 0xB1, "permil": 0x2030, "rarr": 0x2192, "larr": 0x2190, "sup2": 0xB2, "sup3": 0xB3,
    ]

    /// True when `raw[range]` has at least two tags of known HTML elements.
    static func looksLikeHTML(_ raw: [Unicode.Scalar], in range: Range<Int>) -> Bool {
        var tags = 0
        var i = range.lowerBound
        let limit = min(range.upperBound, range.lowerBound + 1_000_000)
        while i < limit {
            if raw[i] == "<", let tag = tagName(raw, at: i, limit: range.upperBound), knownTags.contains(tag.name) {
                tags += 1
                if tags >= 2 { return true }
            }
            i += 1
        }
        return false
    }

    /// Lower-cased element name of the tag opening at `i` (`<p`, `</div`), with where the name ends.
    static func tagName(_ raw: [Unicode.Scalar], at i: Int, limit: Int) -> (name: String, closing: Bool, end: Int)? {
        var j = i + 1
        var closing = false
        if j < limit && raw[j] == "/" {
            closing = true
            j += 1
        }
        var name = String.UnicodeScalarView()
        while j < limit, raw[j].isASCII, let lower = asciiLetterOrDigit(raw[j]) {
            name.append(lower)
            j += 1
        }
        guard let first = name.first, (0x61...0x7A).contains(first.value) else { return nil }
        guard j >= limit || raw[j] == ">" || raw[j] == "/" || raw[j].isSpaceLike else { return nil }
        return (String(name), closing, j)
    }

    @inline(__always) static func asciiLetterOrDigit(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        switch s.value {
        case 0x41...0x5A: Unicode.Scalar(s.value + 0x20)
        case 0x61...0x7A, 0x30...0x39: s
        default: nil
        }
    }

    /// Index just past the `>` closing a tag that starts at `i`, honouring quoted attributes.
    static func tagEnd(_ raw: [Unicode.Scalar], from i: Int, limit: Int) -> Int {
        var j = i
        var quote: Unicode.Scalar?
        while j < limit {
            let s = raw[j]
            if let q = quote {
                if s == q { quote = nil }
            } else if s == "\"" || s == "'" {
                quote = s
            } else if s == ">" {
                return j + 1
            }
            j += 1
        }
        return limit
    }

    /// Text of `raw[range]` with markup removed; also the `<title>` text, if any.
    static func strip(_ raw: [Unicode.Scalar], range: Range<Int>) -> (text: MappedText, title: String?) {
        var out = MappedText(reservingCapacity: range.count / 2)
        var title: String?
        let limit = range.upperBound
        var i = range.lowerBound
        while i < limit {
            let s = raw[i]
            if s == "<" {
                if hasPrefix(raw, "<!--", at: i) {
                    i = find(raw, "-->", from: i + 4, limit: limit).map { $0 + 3 } ?? limit
                    continue
                }
                if i + 1 < limit && (raw[i + 1] == "!" || raw[i + 1] == "?") {
                    i = tagEnd(raw, from: i, limit: limit)
                    continue
                }
                if let tag = tagName(raw, at: i, limit: limit) {
                    let end = tagEnd(raw, from: tag.end, limit: limit)
                    if !tag.closing && (skippedTags.contains(tag.name) || tag.name == "title") {
                        let close = findClosing(raw, tag.name, from: end, limit: limit)
                        if tag.name == "title", title == nil {
                            var view = String.UnicodeScalarView()
                            view.append(contentsOf: raw[end..<close.contentEnd])
                            title = String(view).trimmingSpaces
                        }
                        i = close.end
                        if tag.name == "title" { out.append("\n", Int32(i), Int32(i)) }
                        continue
                    }
                    if blockTags.contains(tag.name) {
                        out.append("\n", Int32(i), Int32(end))
                    }
                    i = end
                    continue
                }
            } else if s == "&", let entity = entity(raw, at: i, limit: limit) {
                out.append(entity.scalar, Int32(i), Int32(entity.end))
                i = entity.end
                continue
            } else if s == "\n" || s == "\r" || s == "\t" {
                out.append(" ", Int32(i), Int32(i + 1))
                i += 1
                continue
            }
            out.append(s, Int32(i), Int32(i + 1))
            i += 1
        }
        return (out, title)
    }

    /// A character reference at `i`: `&amp;`, `&#123;`, `&#x4E2D;`.
    static func entity(_ raw: [Unicode.Scalar], at i: Int, limit: Int) -> (scalar: Unicode.Scalar, end: Int)? {
        var j = i + 1
        let maxEnd = min(limit, i + 12)
        if j < maxEnd && raw[j] == "#" {
            j += 1
            var hex = false
            if j < maxEnd && (raw[j] == "x" || raw[j] == "X") {
                hex = true
                j += 1
            }
            var value: UInt32 = 0
            var digits = 0
            while j < maxEnd, let d = hex ? hexValue(raw[j]) : decValue(raw[j]) {
                value = value &* (hex ? 16 : 10) &+ d
                digits += 1
                j += 1
            }
            guard digits > 0, digits <= 8 else { return nil }
            let end = j < limit && raw[j] == ";" ? j + 1 : j
            guard let scalar = Unicode.Scalar(value), value != 0 else { return nil }
            return (scalar, end)
        }
        var name = String.UnicodeScalarView()
        while j < maxEnd, raw[j].isASCII, asciiLetterOrDigit(raw[j]) != nil {
            name.append(raw[j])
            j += 1
        }
        guard j < limit, raw[j] == ";", let value = namedEntities[String(name)], let scalar = Unicode.Scalar(value)
        else { return nil }
        return (scalar, j + 1)
    }

    @inline(__always) static func decValue(_ s: Unicode.Scalar) -> UInt32? {
        (0x30...0x39).contains(s.value) ? s.value - 0x30 : nil
    }

    @inline(__always) static func hexValue(_ s: Unicode.Scalar) -> UInt32? {
        switch s.value {
        case 0x30...0x39: s.value - 0x30
        case 0x41...0x46: s.value - 0x37
        case 0x61...0x66: s.value - 0x57
        default: nil
        }
    }

    static func hasPrefix(_ raw: [Unicode.Scalar], _ word: String, at i: Int) -> Bool {
        var j = i
        for w in word.unicodeScalars {
            guard j < raw.count, raw[j] == w else { return false }
            j += 1
        }
        return true
    }

    static func find(_ raw: [Unicode.Scalar], _ word: String, from i: Int, limit: Int) -> Int? {
        guard let first = word.unicodeScalars.first else { return nil }
        var j = i
        while j < limit {
            if raw[j] == first && hasPrefix(raw, word, at: j) { return j }
            j += 1
        }
        return nil
    }

    /// Where the content of an element opened before `i` ends (`</name`) and where its closing tag ends.
    static func findClosing(_ raw: [Unicode.Scalar], _ name: String, from i: Int, limit: Int) -> (
        contentEnd: Int, end: Int
    ) {
        var j = i
        while j < limit {
            if raw[j] == "<", j + 1 < limit, raw[j + 1] == "/", let tag = tagName(raw, at: j, limit: limit),
                tag.name == name
            {
                return (j, tagEnd(raw, from: tag.end, limit: limit))
            }
            j += 1
        }
        return (limit, limit)
    }
}
