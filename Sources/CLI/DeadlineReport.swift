import Ingest
import Store

/// Renders the deadline report for a terminal: one section per horizon, columns aligned for
/// CJK text.
struct DeadlineReport {
    var asOf: Day
    var deadlines: [Deadline]

    func render() -> String {
        var lines = ["Deadlines as of \(asOf): \(deadlines.count) dated commitment\(deadlines.count == 1 ? "" : "s")"]
        if deadlines.isEmpty {
            lines.append("Nothing stored yet: add documents with `ptt ingest`.")
            return lines.joined(separator: "\n")
        }
        for horizon in Deadline.Horizon.allCases {
            let rows = deadlines.filter { $0.horizon == horizon }
            guard !rows.isEmpty else { continue }
            lines.append("")
            lines.append("\(title(horizon)) (\(rows.count))")
            let header = ["deadline", "region", "indicator", "target", "firmness", "sources"]
            let body = rows.map { d in
                [
                    String(d.deadlineYear), d.regionName ?? d.regionCode ?? "—", d.indicator,
                    DeadlineReport.target(d), d.firmness ?? "—", String(d.sources),
                ]
            }
            lines += alignedTable([header] + body, indent: "  ")
        }
        return lines.joined(separator: "\n")
    }

    func title(_ horizon: Deadline.Horizon) -> String {
        switch horizon {
        case .pastDue: "Past due (before \(asOf.year))"
        case .dueThisYear: "Due this year (\(asOf.year))"
        case .upcoming: "Upcoming"
        case .longTerm: "Long-term (2035 and later)"
        }
    }

    /// The target in words, in the texts' own terms: 翻一番 (×2), 年均增长7%以上, 下降13.5% …
    static func target(_ d: Deadline) -> String {
        let postfix = ["以上", "以下", "以内", "左右", "多"]
        let after = d.qualifier.map { q in postfix.filter { q.contains($0) }.joined() } ?? ""
        let amount = (d.value.map(number) ?? "") + (d.unit ?? "") + after
        switch d.kind {
        case "multiple":
            guard let m = d.multiplier else { return "倍增" }
            let words = [2.0: "翻一番", 4.0: "翻两番", 8.0: "翻三番"][m]
            return words.map { "\($0) (×\(number(m)))" } ?? "×\(number(m))"
        case "growth": return (annual(d) ? "年均增长" : "增长") + amount
        case "level": return "达到" + amount
        case "reduction": return (annual(d) ? "年均下降" : "下降") + amount
        case "count": return amount.isEmpty ? "数量目标" : amount
        case "milestone": return "定性目标"
        default: return amount
        }
    }

    /// An annual rate over several years (a one-year target is just 增长).
    static func annual(_ d: Deadline) -> Bool {
        guard d.perYear == true else { return false }
        return d.baseYear.map { d.deadlineYear - $0 > 1 } ?? false
    }

    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
