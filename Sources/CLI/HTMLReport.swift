import Ingest
import Store

/// The HTML report: a timeline of deadlines by region (SVG), a bar chart of implied annual rates
/// (SVG), and the deadline and comparison tables. Self-contained: no scripts, fonts or images
/// from elsewhere.
struct HTMLReport {
    var asOf: Day
    var deadlines: [Deadline]
    var comparison: [ComparisonRow]
    /// Every target with an annual rate, ranked within its family: the rate chart.
    var rates: FamilyRatesPage
    /// Verdicts per region (`ptt progress`'s scorecard): the scorecard chart.
    var scorecard: [ScorecardRow] = []

    static let verdictColours: [(name: String, colour: String)] = [
        ("met", "#27ae60"), ("partly", "#f1c40f"), ("missed", "#c0392b"), ("unknown", "#95a5a6"),
    ]

    static let horizonColours: [Deadline.Horizon: String] = [
        .pastDue: "#c0392b", .dueThisYear: "#e67e22", .upcoming: "#2874a6", .longTerm: "#7d3c98",
    ]

    func render() -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <title>ptt report as of \(asOf)</title>
        <style>
        body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; margin: 24px; color: #222; }
        h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 28px; } h3 { font-size: 15px; }
        table { border-collapse: collapse; font-size: 13px; margin: 8px 0 16px; }
        th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: left; vertical-align: top; }
        th { background: #f2f2f2; }
        svg text { font-size: 12px; }
        </style>
        </head>
        <body>
        <h1>Policy targets as of \(asOf)</h1>
        <p>\(deadlines.count) dated commitments; \(comparison.count) targets of indicators two regions or more share; \(rates.totalTargets) annual rates in \(rates.totalGroups) comparable groups.</p>
        <h2>Deadlines by region</h2>
        \(timeline())
        <h2>Implied annual rates</h2>
        \(rateChart())
        <h2>Targets against reported results</h2>
        \(scorecardChart())
        <h2>Deadlines</h2>
        \(deadlineTable())
        <h2>Comparison</h2>
        \(comparisonTable())
        <h2>Annual rates by family</h2>
        \(rateTable())
        </body>
        </html>

        """
    }

    /// One row per region, one dot per deadline, coloured by horizon.
    func timeline() -> String {
        guard !deadlines.isEmpty else { return "<p>No dated commitments.</p>" }
        let regions = orderedUnique(deadlines.map { $0.regionPath ?? "—" })
        let years = deadlines.map(\.deadlineYear)
        let first = min(years.min()!, asOf.year) - 1
        let last = max(years.max()!, asOf.year) + 1
        let left = 260.0, right = 40.0, width = 1100.0, rowHeight = 28.0, top = 30.0
        let height = top + Double(regions.count) * rowHeight + 40
        let x = { (year: Int) in left + (width - left - right) * Double(year - first) / Double(max(1, last - first)) }
        var svg = ["<svg class=\"timeline\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"Deadlines by region\">"]
        for year in first...last {
            let px = x(year)
            svg.append("<line x1=\"\(px)\" y1=\"\(top - 10)\" x2=\"\(px)\" y2=\"\(height - 30)\" stroke=\"#e5e5e5\"/>")
            svg.append("<text x=\"\(px)\" y=\"\(height - 12)\" text-anchor=\"middle\">\(year)</text>")
        }
        let nowX = x(asOf.year)
        svg.append("<line x1=\"\(nowX)\" y1=\"\(top - 16)\" x2=\"\(nowX)\" y2=\"\(height - 30)\" stroke=\"#555\" stroke-dasharray=\"4 3\"/>")
        svg.append("<text x=\"\(nowX)\" y=\"\(top - 18)\" text-anchor=\"middle\">as of \(asOf)</text>")
        for (i, region) in regions.enumerated() {
            let y = top + Double(i) * rowHeight + rowHeight / 2
            svg.append("<text x=\"\(left - 10)\" y=\"\(y + 4)\" text-anchor=\"end\">\(escape(region))</text>")
            let rows = deadlines.filter { ($0.regionPath ?? "—") == region }
            var seen: [Int: Int] = [:]
            for d in rows {
                let n = seen[d.deadlineYear, default: 0]
                seen[d.deadlineYear] = n + 1
                let colour = Self.horizonColours[d.horizon] ?? "#333"
                svg.append("<circle cx=\"\(x(d.deadlineYear) + Double(n) * 9)\" cy=\"\(y)\" r=\"6\" fill=\"\(colour)\" fill-opacity=\"0.85\"><title>\(escape("\(d.deadlineYear) \(d.indicatorName) \(d.targetText)"))</title></circle>")
            }
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    /// Horizontal bars: the annual rate of every target with one, grouped by indicator family
    /// (highest first within each), as `ptt compare` ranks them.
    func rateChart() -> String {
        let rated = zip(rates.targets, rates.ranks).filter { $0.0.impliedAnnualRate != nil }
        guard !rated.isEmpty else { return "<p>No targets with an annual rate to compare.</p>" }
        let maxRate = max(0.01, rated.map { abs($0.0.impliedAnnualRate!) }.max()!)
        let left = 420.0, width = 1100.0, barHeight = 20.0, gap = 6.0
        var svg: [String] = []
        var y = 10.0
        var lastFamily = ""
        for (target, rank) in rated {
            if rank.family != lastFamily {
                lastFamily = rank.family
                y += 8
                svg.append("<text class=\"family\" x=\"0\" y=\"\(y + 12)\" font-weight=\"bold\">\(escape(rank.familyName))</text>")
                y += barHeight
            }
            let rate = target.impliedAnnualRate!
            let w = (width - left - 120) * abs(rate) / maxRate
            let colour = target.rateBasis == "stated" ? "#2874a6" : "#27ae60"
            let label = "\(target.regionPath ?? "—") · \(target.indicatorName) \(target.targetText)"
            svg.append("<text x=\"\(left - 10)\" y=\"\(y + 14)\" text-anchor=\"end\">\(escape(label))</text>")
            svg.append("<rect class=\"bar\" x=\"\(left)\" y=\"\(y)\" width=\"\(w)\" height=\"\(barHeight)\" fill=\"\(colour)\" data-rate=\"\(rate)\" data-target=\"\(target.id)\"><title>\(escape("\(label): \(Cell.rate(rate)), rank \(rank.rank) of \(rank.peers)"))</title></rect>")
            svg.append("<text x=\"\(left + w + 6)\" y=\"\(y + 14)\">\(escape(Cell.rate(rate)))</text>")
            y += barHeight + gap
        }
        return "<svg class=\"rates\" width=\"\(Int(width))\" height=\"\(Int(y + 10))\" role=\"img\" aria-label=\"Implied annual rates\">\n"
            + svg.joined(separator: "\n") + "\n</svg>\n<p>Green: implied by a multiple or cumulative growth; blue: annual rate as stated. "
            + "Rates are ranked within a family of indicators (indicator_families).</p>"
    }

    /// One stacked bar per region with a judged target: met, partly, missed, unknown, each as
    /// wide as its count (the same scale for every region), the counts written after the bar.
    func scorecardChart() -> String {
        let judged = scorecard.filter { $0.judged > 0 }
        guard !judged.isEmpty else {
            return "<p>No target has a result reported for its deadline year (ptt progress).</p>"
        }
        let left = 260.0, width = 1100.0, barHeight = 20.0, gap = 6.0
        let most = Double(judged.map(\.judged).max()!)
        let scale = (width - left - 260) / most
        var svg: [String] = []
        var y = 10.0
        for s in judged {
            svg.append("<text x=\"\(left - 10)\" y=\"\(y + 14)\" text-anchor=\"end\">\(escape(s.regionPath))</text>")
            var x = left
            let counts = ["met": s.met, "partly": s.partly, "missed": s.missed, "unknown": s.unknown]
            for (name, colour) in Self.verdictColours where counts[name]! > 0 {
                let w = Double(counts[name]!) * scale
                svg.append("<rect class=\"verdict \(name)\" x=\"\(x)\" y=\"\(y)\" width=\"\(w)\" height=\"\(barHeight)\" fill=\"\(colour)\" data-region=\"\(s.regionCode)\" data-count=\"\(counts[name]!)\"><title>\(escape("\(s.regionPath): \(counts[name]!) \(name)"))</title></rect>")
                x += w
            }
            let label = "\(s.met) met · \(s.partly) partly · \(s.missed) missed · \(s.unknown) unknown"
                + (s.pastDueWithoutOutcome > 0 ? " · \(s.pastDueWithoutOutcome) past due, no result" : "")
            svg.append("<text x=\"\(x + 6)\" y=\"\(y + 14)\">\(escape(label))</text>")
            y += barHeight + gap
        }
        let legend = Self.verdictColours.map {
            "<span style=\"display:inline-block;width:12px;height:12px;background:\($0.colour)\"></span> \($0.name)"
        }.joined(separator: " &nbsp; ")
        return "<svg class=\"scorecard\" width=\"\(Int(width))\" height=\"\(Int(y + 10))\" role=\"img\" aria-label=\"Verdicts by region\">\n"
            + svg.joined(separator: "\n") + "\n</svg>\n<p>\(legend). A target is linked to the result its region reported for "
            + "its deadline year (same indicator); the rules are in docs/sql.md (Verdicts).</p>"
    }

    func rateTable() -> String {
        table(FamilyRateList.headers, zip(rates.targets, rates.ranks).map { t, rank in
            [rank.familyName, t.regionPath ?? "—", t.indicatorName, t.targetText,
             [t.baseYear.map(String.init), t.deadlineYear.map(String.init)].map { $0 ?? "?" }.joined(separator: " → "),
             Cell.rate(t.impliedAnnualRate), "\(rank.rank) of \(rank.peers)", Cell.source(title: t.firstTitle, date: t.firstPublishedOn)]
        })
    }

    func deadlineTable() -> String {
        table(DeadlineReport.headers.map { $0 } + ["horizon"], deadlines.map { d in
            [String(d.deadlineYear), d.regionPath ?? "—", d.indicatorName, d.targetText, d.firmness ?? "—", String(d.sources),
             Cell.source(title: d.firstTitle, date: d.firstPublishedOn), String(d.id), d.horizon.rawValue]
        })
    }

    func comparisonTable() -> String {
        table(["indicator"] + ComparisonReport.headers, comparison.map { [$0.target.indicatorName] + ComparisonReport.cells($0) })
    }

    func table(_ headers: [String], _ rows: [[String]]) -> String {
        "<table>\n<tr>" + headers.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
            + rows.map { "<tr>" + $0.map { "<td>\(escape($0))</td>" }.joined() + "</tr>" }.joined(separator: "\n")
            + "\n</table>"
    }

    func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }

    func orderedUnique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }.sorted()
    }
}
