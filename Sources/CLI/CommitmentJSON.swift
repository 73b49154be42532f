import Ingest

/// Writes commitments as JSON objects with the gold keys, in a fixed order, into a byte buffer.
///
/// Output dominated extraction time when built from Swift string appends; writing UTF-8 bytes
/// directly, with the per-document fields encoded once, keeps it a small share.
struct CommitmentJSONWriter {
    /// The document fields every object repeats, encoded once per document.
    struct DocumentFields {
        var doc: [UInt8]
        var title: [UInt8]
        var publishedOn: [UInt8]
        var publisher: [UInt8]

        init(_ document: Document) {
            doc = jsonBytes(document.source)
            title = jsonBytes(document.facts.title)
            publishedOn = jsonBytes(document.facts.publishedOn?.description)
            publisher = jsonBytes(document.facts.publisher)
        }
    }

    var buffer: [UInt8] = []

    mutating func append(_ c: Commitment, _ d: DocumentFields) {
        func key(_ k: StaticString, first: Bool = false) {
            if !first { buffer.append(UInt8(ascii: ",")) }
            buffer.append(UInt8(ascii: "\""))
            k.withUTF8Buffer { buffer.append(contentsOf: $0) }
            buffer.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        }
        buffer.append(UInt8(ascii: "{"))
        key("doc", first: true); buffer += d.doc
        key("region"); appendString(c.region?.name)
        key("region_code"); appendString(c.region?.code)
        key("level"); appendString(c.region?.level.rawValue)
        key("indicator"); appendString(c.indicator)
        key("kind"); appendString(c.kind.rawValue)
        key("multiplier"); appendRaw(json(c.multiplier))
        key("value"); appendRaw(json(c.value))
        key("unit"); appendString(c.unit)
        key("qualifier"); appendString(c.qualifier)
        key("firmness"); appendString(c.firmness)
        key("per_year"); appendRaw(c.perYear.map { $0 ? "true" : "false" } ?? "null")
        key("base_year"); appendRaw(json(c.baseYear))
        key("deadline_year"); appendRaw(json(c.deadlineYear))
        key("quote"); appendString(c.quote)
        key("span"); appendRaw("[\(c.span.lowerBound),\(c.span.upperBound)]")
        key("title"); buffer += d.title
        key("published_on"); buffer += d.publishedOn
        key("publisher"); buffer += d.publisher
        buffer.append(UInt8(ascii: "}"))
    }

    mutating func appendRaw(_ s: String) {
        buffer.append(contentsOf: s.utf8)
    }

    mutating func appendString(_ s: String?) {
        appendJSONString(s, to: &buffer)
    }
}

/// `s` as a JSON string literal (or `null`), as UTF-8 bytes.
func jsonBytes(_ s: String?) -> [UInt8] {
    var out: [UInt8] = []
    appendJSONString(s, to: &out)
    return out
}

func appendJSONString(_ s: String?, to out: inout [UInt8]) {
    guard let s else {
        out.append(contentsOf: "null".utf8)
        return
    }
    out.append(UInt8(ascii: "\""))
    for b in s.utf8 {
        switch b {
        case UInt8(ascii: "\""): out.append(contentsOf: [92, 34])
        case UInt8(ascii: "\\"): out.append(contentsOf: [92, 92])
        case 0x0A: out.append(contentsOf: [92, UInt8(ascii: "n")])
        case 0x0D: out.append(contentsOf: [92, UInt8(ascii: "r")])
        case 0x09: out.append(contentsOf: [92, UInt8(ascii: "t")])
        case 0..<0x20:
            let hex = Array("0123456789abcdef".utf8)
            out.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]])
        default: out.append(b)
        }
    }
    out.append(UInt8(ascii: "\""))
}

/// One commitment as a JSON object (for callers that want a String).
func commitmentJSON(_ c: Commitment, document: Document) -> String {
    var w = CommitmentJSONWriter()
    w.append(c, .init(document))
    return String(decoding: w.buffer, as: UTF8.self)
}

func json(_ s: String?) -> String {
    String(decoding: jsonBytes(s), as: UTF8.self)
}

func json(_ n: Int?) -> String { n.map(String.init) ?? "null" }

func json(_ d: Double?) -> String {
    guard let d, d.isFinite else { return "null" }
    if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
    return String(d)
}
