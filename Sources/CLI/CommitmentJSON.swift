import Ingest

/// Writes commitments as JSON objects with the gold keys, in a fixed order, into a byte buffer.
///
/// Output dominated extraction time when built from Swift string appends; writing UTF-8 bytes
/// directly, with the per-document fields encoded once, keeps it a small share.
struct CommitmentJSONWriter {
    /// The document fields every object repeats, encoded once per document: the object's
    /// opening through `"doc"`, and `"title"`, `"published_on"` and `"publisher"` through its end.
    struct DocumentFields {
        var head: [UInt8]
        var tail: [UInt8]

        /// `record` ("commitment", "outcome") is written after `"doc"` when given.
        init(_ document: Document, record: String? = nil) {
            head = Array("{\"doc\":".utf8)
            appendJSONString(document.source, to: &head)
            if let record {
                head += ",\"record\":".utf8
                appendJSONString(record, to: &head)
            }
            tail = Array(",\"title\":".utf8)
            appendJSONString(document.facts.title, to: &tail)
            tail += ",\"published_on\":".utf8
            appendJSONString(document.facts.publishedOn?.description, to: &tail)
            tail += ",\"publisher\":".utf8
            appendJSONString(document.facts.publisher, to: &tail)
            tail += "}".utf8
        }
    }

    var buffer: [UInt8] = []
    /// The region fields of the last object written, and what they were written from: a
    /// document's commitments share a region.
    private var regionFields: [UInt8] = []
    /// What `regionFields` show; nil before the first object.
    private var regionShown: (name: String?, code: String?, level: Region.Level?)?

    mutating func append(_ c: Commitment, _ d: DocumentFields) {
        // Each key is written with its punctuation as one literal: no per-key work.
        buffer += d.head
        appendRegion(c.region)
        appendRaw(",\"indicator\":"); appendString(c.indicator)
        appendRaw(",\"kind\":"); appendString(c.kind.rawValue)
        appendRaw(",\"multiplier\":"); appendRaw(json(c.multiplier))
        appendRaw(",\"value\":"); appendRaw(json(c.value))
        appendRaw(",\"unit\":"); appendString(c.unit)
        appendRaw(",\"qualifier\":"); appendString(c.qualifier)
        appendRaw(",\"firmness\":"); appendString(c.firmness)
        appendRaw(",\"per_year\":"); appendRaw(c.perYear.map { $0 ? "true" : "false" } ?? "null")
        appendRaw(",\"base_year\":"); appendInt(c.baseYear)
        appendRaw(",\"deadline_year\":"); appendInt(c.deadlineYear)
        appendRaw(",\"quote\":"); appendString(c.quote)
        appendRaw(",\"span\":["); appendInt(c.span.lowerBound)
        appendRaw(","); appendInt(c.span.upperBound); appendRaw("]")
        buffer += d.tail
    }

    /// An outcome: the commitment keys that apply, with `"year"` (the year the result is for) in
    /// place of `"deadline_year"` and without firmness.
    mutating func append(_ o: Outcome, _ d: DocumentFields) {
        buffer += d.head
        appendRegion(o.region)
        appendRaw(",\"indicator\":"); appendString(o.indicator)
        appendRaw(",\"kind\":"); appendString(o.kind.rawValue)
        appendRaw(",\"multiplier\":"); appendRaw(json(o.multiplier))
        appendRaw(",\"value\":"); appendRaw(json(o.value))
        appendRaw(",\"unit\":"); appendString(o.unit)
        appendRaw(",\"qualifier\":"); appendString(o.qualifier)
        appendRaw(",\"per_year\":"); appendRaw(o.perYear.map { $0 ? "true" : "false" } ?? "null")
        appendRaw(",\"base_year\":"); appendInt(o.baseYear)
        appendRaw(",\"year\":"); appendInt(o.year)
        appendRaw(",\"quote\":"); appendString(o.quote)
        appendRaw(",\"span\":["); appendInt(o.span.lowerBound)
        appendRaw(","); appendInt(o.span.upperBound); appendRaw("]")
        buffer += d.tail
    }

    /// `"region"`, `"region_code"` and `"level"`, each with the comma before it.
    mutating func appendRegion(_ region: Region?) {
        // Compared field by field: comparing whole `Region?` values copied them.
        let shown = (name: region?.name, code: region?.code, level: region?.level)
        if let last = regionShown, last.name == shown.name, last.code == shown.code, last.level == shown.level {
            buffer += regionFields
            return
        }
        regionFields.removeAll(keepingCapacity: true)
        regionFields += ",\"region\":".utf8; appendJSONString(region?.name, to: &regionFields)
        regionFields += ",\"region_code\":".utf8; appendJSONString(region?.code, to: &regionFields)
        regionFields += ",\"level\":".utf8; appendJSONString(region?.level.rawValue, to: &regionFields)
        regionShown = shown
        buffer += regionFields
    }

    /// `n` in decimal as `String(n)` writes it, without building the String; `null` for nil.
    mutating func appendInt(_ n: Int?) {
        guard let n else { return appendRaw("null") }
        if n < 0 { buffer.append(UInt8(ascii: "-")) }
        // The digits are found from the last, then put in order.
        let start = buffer.count
        var magnitude = n.magnitude
        repeat {
            buffer.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        buffer[start...].reverse()
    }

    mutating func appendRaw(_ s: StaticString) {
        s.withUTF8Buffer { buffer.append(contentsOf: $0) }
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
    guard var s else {
        out.append(contentsOf: "null".utf8)
        return
    }
    out.append(UInt8(ascii: "\""))
    s.withUTF8 { bytes in
        // Runs of bytes that need no escape (nearly all of them) are copied whole.
        var run = 0
        for (i, b) in bytes.enumerated() where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
            run = i + 1
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: [92, 34])
            case UInt8(ascii: "\\"): out.append(contentsOf: [92, 92])
            case 0x0A: out.append(contentsOf: [92, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [92, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [92, UInt8(ascii: "t")])
            default:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]])
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
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
