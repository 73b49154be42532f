import Ingest

/// One commitment as a JSON object with the gold keys, in a fixed order.
func commitmentJSON(_ c: Commitment, document: Document) -> String {
    var fields: [(String, String)] = []
    func add(_ key: String, _ value: String) { fields.append((key, value)) }
    add("doc", json(document.source))
    add("region", json(c.region?.name))
    add("region_code", json(c.region?.code))
    add("level", json(c.region?.level.rawValue))
    add("indicator", json(c.indicator))
    add("kind", json(c.kind.rawValue))
    add("multiplier", json(c.multiplier))
    add("value", json(c.value))
    add("unit", json(c.unit))
    add("qualifier", json(c.qualifier))
    add("firmness", json(c.firmness))
    add("per_year", c.perYear.map { $0 ? "true" : "false" } ?? "null")
    add("base_year", json(c.baseYear))
    add("deadline_year", json(c.deadlineYear))
    add("quote", json(c.quote))
    add("span", "[\(c.span.lowerBound),\(c.span.upperBound)]")
    add("title", json(document.facts.title))
    add("published_on", json(document.facts.publishedOn?.description))
    add("publisher", json(document.facts.publisher))
    return "{" + fields.map { "\(json($0.0)):\($0.1)" }.joined(separator: ",") + "}"
}

func json(_ s: String?) -> String {
    guard let s else { return "null" }
    var out = "\""
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if u.value < 0x20 {
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(u)
            }
        }
    }
    return out + "\""
}

func json(_ n: Int?) -> String { n.map(String.init) ?? "null" }

func json(_ d: Double?) -> String {
    guard let d, d.isFinite else { return "null" }
    if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
    return String(d)
}
