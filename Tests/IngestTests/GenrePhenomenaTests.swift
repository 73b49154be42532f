import Testing

@testable import Ingest

/// One table per phenomenon of the genre that the shared corpus showed the extractor missing;
/// every sentence is written for these tests. Each case lists everything that must come out, so a
/// commitment that should be absent fails the count.
struct GenrePhenomenaTests {
    typealias Case = ExtractorTests.Case
    typealias Expected = ExtractorTests.Expected

    static func check(_ c: Case) throws {
        let got = try ExtractorTests.run(c)
        #expect(got.count == c.expected.count, "\(got.map { "\($0.region?.name ?? "-") \($0.kind) \($0.indicator) \($0.deadlineYear ?? 0)" })")
        for (g, e) in zip(got, c.expected) {
            #expect(g.kind == e.kind)
            #expect(g.indicator == e.indicator)
            #expect(g.value == e.value)
            #expect(g.unit == e.unit)
            #expect(g.deadlineYear == e.deadline)
            if let r = e.region { #expect(g.region?.name == r) }
            if let q = e.qualifier { #expect(g.qualifier == q) }
        }
    }

    // MARK: 1. National documents

    static let national: [Case] = [
        Case(
            name: "State Council report: 中国, not a county named inside 中华人民共和国",
            text: "国务院总理在政府工作报告中表示，《中华人民共和国国民经济和社会发展第十五个五年规划纲要》提出，到2030年全国常住人口城镇化率达到70%。",
            published: "2026-03-05",
            expected: [Expected(kind: .level, indicator: "全国常住人口城镇化率", value: 70, unit: "%", deadline: 2030, region: "中国")]),
        Case(
            name: "venue and dateline are not the issuer",
            text: "新华社北京3月5日电 十四届全国人大四次会议在北京人民大会堂开幕。今年发展主要预期目标是：国内生产总值增长5%左右。",
            published: "2026-03-05",
            expected: [Expected(kind: .growth, indicator: "国内生产总值", value: 5, unit: "%", deadline: 2026, region: "中国", qualifier: "左右")]),
        Case(
            name: "a ministry's plan with no publisher is national",
            text: "工业和信息化部印发行动计划，提出到2027年，建设5G行业虚拟专网超过2万个。",
            published: "2024-05-01",
            expected: [Expected(kind: .count, indicator: "5G行业虚拟专网", value: 2, unit: "万个", deadline: 2027, region: "中国", qualifier: "以上")]),
        Case(
            name: "a province citing 党中央、国务院 keeps its own voice",
            text: "全省上下认真贯彻党中央、国务院决策部署。到2027年，全省粮食产量稳定在700亿斤以上。",
            published: "2024-02-01", publisherRegion: "吉林省",
            expected: [Expected(kind: .level, indicator: "粮食产量", value: 700, unit: "亿斤", deadline: 2027, region: "吉林省")]),
        Case(
            name: "a period in corner brackets before 规划 names the plan, it dates nothing",
            text: "国务院总理表示，纲要提出全社会研发经费投入年均增长7%以上，与「十四五」规划目标保持一致。\n其中，提出单位国内生产总值二氧化碳排放累计降低17%。",
            published: "2026-03-05", title: "「十五五」纲要提出20项主要指标",
            expected: [
                Expected(kind: .growth, indicator: "全社会研发经费投入", value: 7, unit: "%", deadline: 2030, region: "中国", qualifier: "以上"),
                Expected(kind: .reduction, indicator: "单位国内生产总值二氧化碳排放", value: 17, unit: "%", deadline: 2030, region: "中国"),
            ]),
    ]

    @Test(arguments: national) func nationalDocuments(_ c: Case) throws { try Self.check(c) }

    // MARK: 2. Several regions in one text

    static let severalRegions: [Case] = [
        Case(
            name: "each city's section and sentences name its own targets",
            text: """
                中部城市竞逐新赛道
                襄阳：工业强市建设提速
                《襄阳市工业倍增实施方案》提出，到2026年全市规上工业总产值突破1万亿元。
                宜昌：五年建成新能源基地
                宜昌市提出，到2027年新能源装机规模达到2000万千瓦。
                """,
            published: "2024-01-10",
            expected: [
                Expected(kind: .level, indicator: "规上工业总产值", value: 1, unit: "万亿元", deadline: 2026, region: "襄阳市", qualifier: "以上"),
                Expected(kind: .level, indicator: "新能源装机规模", value: 2000, unit: "万千瓦", deadline: 2027, region: "宜昌市"),
            ]),
        Case(
            name: "a sentence's own subject overrides the document's",
            text: "全省推进数字经济。此外，株洲市计划到2025年数字经济规模达到1500亿元。",
            published: "2023-04-01", publisherRegion: "湖南省",
            expected: [Expected(kind: .level, indicator: "数字经济规模", value: 1500, unit: "亿元", deadline: 2025, region: "株洲市")]),
        Case(
            name: "a word that is also a county's short name does not name it",
            text: "比如，到2025年全县农村生活污水治理率达到60%。",
            published: "2022-06-01", publisherRegion: "遂昌县",
            expected: [Expected(kind: .level, indicator: "农村生活污水治理率", value: 60, unit: "%", deadline: 2025, region: "遂昌县")]),
    ]

    @Test(arguments: severalRegions) func severalRegionsInOneText(_ c: Case) throws { try Self.check(c) }

    // MARK: 3. Annual targets of a work report

    static let annualTargets: [Case] = [
        Case(
            name: "annual targets beside a five-year period named inside a noun",
            text: """
                二、“十五五”时期主要目标任务
                到2030年，经济年均增长5%左右。
                三、2026年重点工作安排
                主要预期目标是：经济增长5%左右，能耗强度降低目标与国家“十五五”考核目标衔接。
                """,
            published: "2026-01-28", publisherRegion: "湖北省",
            expected: [
                Expected(kind: .growth, indicator: "经济", value: 5, unit: "%", deadline: 2030, qualifier: "左右"),
                Expected(kind: .growth, indicator: "经济", value: 5, unit: "%", deadline: 2026, qualifier: "左右"),
            ]),
        Case(
            name: "no publication date: the year comes from the text",
            text: "回望2024年，全县GDP达到512亿元。2025年是攻坚之年，全县将确保规上工业增加值增长8%。",
            publisherRegion: "永嘉县",
            expected: [Expected(kind: .growth, indicator: "规上工业增加值", value: 8, unit: "%", deadline: 2025, qualifier: "确保")]),
        Case(
            name: "未来五年 counts from the document's year, not from a plan named earlier",
            text: "该市曾印发《数字经济三年行动计划（2019—2021年）》。党代会提出，未来五年全市数字经济占GDP比重超过40%。",
            published: "2021-10-01", publisherRegion: "株洲市",
            expected: [Expected(kind: .level, indicator: "数字经济占GDP比重", value: 40, unit: "%", deadline: 2025, qualifier: "以上")]),
        Case(
            name: "a year as the object of 落实 dates that noun only",
            text: "落实2030年前碳达峰行动方案，确保单位地区生产总值能耗降低13%。",
            published: "2021-02-01", publisherRegion: "福建省",
            expected: [Expected(kind: .reduction, indicator: "单位地区生产总值能耗", value: 13, unit: "%", deadline: nil)]),
    ]

    @Test(arguments: annualTargets) func annualTargetsOfAWorkReport(_ c: Case) throws { try Self.check(c) }

    // MARK: 4. Document structure

    static let structure: [Case] = [
        Case(
            name: "a review ends at the next heading of its level, whatever that heading says",
            text: """
                一、2020年工作回顾和“十三五”发展成就
                全年地区生产总值增长3.6%，规上工业增加值增长4.2%。
                二、“十四五”时期奋斗目标
                到2025年，地区生产总值突破8000亿元。
                """,
            published: "2021-01-25", publisherRegion: "贵阳市",
            expected: [Expected(kind: .level, indicator: "地区生产总值", value: 8000, unit: "亿元", deadline: 2025, qualifier: "以上")]),
        Case(
            name: "a sub-heading inside a review stays a review",
            text: """
                一、过去五年工作回顾
                （一）经济实力跃上新台阶
                到2020年底，全市高新技术企业达到1200家。
                二、今后五年主要任务
                到2025年，全市高新技术企业达到2500家。
                """,
            published: "2021-01-20", publisherRegion: "柳州市",
            expected: [Expected(kind: .level, indicator: "高新技术企业", value: 2500, unit: "家", deadline: 2025)]),
        Case(
            name: "a source line above the article does not drop the bullets below it",
            text: "来源：市发改委　发布日期：2023-01-05\n主要目标\n●到2025年，全市规上工业增加值年均增长8%以上\n●到2025年，全市研发经费投入强度达到2.5%\n",
            published: "2023-01-05", publisherRegion: "宝鸡市",
            expected: [
                Expected(kind: .growth, indicator: "规上工业增加值", value: 8, unit: "%", deadline: 2025, qualifier: "以上"),
                Expected(kind: .level, indicator: "研发经费投入强度", value: 2.5, unit: "%", deadline: 2025),
            ]),
    ]

    @Test(arguments: structure) func documentStructure(_ c: Case) throws { try Self.check(c) }

    // MARK: 5. Statements that are not commitments

    static let notCommitments: [Case] = [
        Case(
            name: "breakdowns of a plan's projects and funds are not targets",
            text: "今年安排重大项目500个。其中，产业类项目200个，个数占比40%，总投资3000亿元，投资占比45%。资金来源为政府投资120亿元、社会投资880亿元。",
            published: "2023-03-01", publisherRegion: "佛山市",
            expected: [Expected(kind: .count, indicator: "重大项目", value: 500, unit: "个", deadline: 2023)]),
        Case(
            name: "the title of a plan being issued is not a milestone",
            text: "省政府办公厅印发《制造业数字化转型行动计划（2023—2025年）》，提出到2025年规上工业企业数字化改造覆盖率达到80%。",
            published: "2023-05-01", publisherRegion: "浙江省",
            expected: [Expected(kind: .level, indicator: "规上工业企业数字化改造覆盖率", value: 80, unit: "%", deadline: 2025)]),
        Case(
            name: "a headline restating its paragraph is one commitment",
            text: "株洲：2025年数字经济规模达1500亿元\n株洲市提出，到2025年数字经济规模达到1500亿元。",
            published: "2023-04-01",
            expected: [Expected(kind: .level, indicator: "数字经济", value: 1500, unit: "亿元", deadline: 2025, region: "株洲市")]),
        Case(
            name: "results of the same period last year and stocks already built are past",
            text: "上半年全市GDP比去年同期增长6.1%，已累计建成5G基站8000个，力争今年5G基站总数达到1万个。",
            published: "2023-07-20", publisherRegion: "洛阳市",
            expected: [Expected(kind: .level, indicator: "5G基站总数", value: 1, unit: "万个", deadline: 2023, qualifier: "力争")]),
    ]

    static let pastAndPresent: [Case] = [
        Case(
            name: "figures for part of this year, and what a span already brought (一年内就), are results",
            text: "根据2023年上半年数据，全市GDP增长6.5%。其中，数字经济占GDP比重超过40%。全市一年内就举办20场推介会。到2025年，数字经济占GDP比重超过50%。",
            published: "2023-08-01", publisherRegion: "襄阳市",
            expected: [Expected(kind: .level, indicator: "数字经济占GDP比重", value: 50, unit: "%", deadline: 2025)]),
        Case(
            name: "an intent for this year beside a stock already built",
            text: "全市已累计建成5G基站3000个，并计划在今年建成“千兆城市”。",
            published: "2023-05-01", publisherRegion: "宜昌市",
            expected: [Expected(kind: .milestone, indicator: "“千兆城市”", deadline: 2023)]),
        Case(
            name: "a firm sentence's paragraph goes on with this year's targets; a share is of the subject before it",
            text: "2024年是关键之年。\n全县将确保旅游总收入增长10%以上。带动社会消费品零售总额增长6%。\n到2025年，全县数字经济增加值达到400亿元，占GDP的比重达到30%，年平均增长15%以上。",
            published: "2024-01-20", publisherRegion: "象山县",
            expected: [
                Expected(kind: .growth, indicator: "旅游总收入", value: 10, unit: "%", deadline: 2024, qualifier: "确保|以上"),
                Expected(kind: .growth, indicator: "社会消费品零售总额", value: 6, unit: "%", deadline: 2024),
                Expected(kind: .level, indicator: "数字经济增加值", value: 400, unit: "亿元", deadline: 2025),
                Expected(kind: .level, indicator: "占GDP的比重", value: 30, unit: "%", deadline: 2025),
                Expected(kind: .growth, indicator: "数字经济增加值", value: 15, unit: "%", deadline: 2025, qualifier: "以上"),
            ]),
        Case(
            name: "an industry of the national classification is one name",
            text: "力争到2023年，全市信息传输、软件和信息技术服务业营业收入突破1000亿元。",
            published: "2021-02-01", publisherRegion: "南昌市",
            expected: [Expected(kind: .level, indicator: "信息传输、软件和信息技术服务业营业收入", value: 1000, unit: "亿元", deadline: 2023)]),

        Case(
            name: "a sentence opening on the present, and one saying what a period is, set nothing",
            text: "目前全市制造业增加值占GDP比重依然在35%以上。“十五五”时期是基本实现社会主义现代化夯实基础的关键时期。到2030年，基本建成先进制造业强市。",
            published: "2026-01-20", publisherRegion: "佛山市",
            expected: [Expected(kind: .milestone, indicator: "先进制造业强市", deadline: 2030)]),
        Case(
            name: "a headline's dash ends what stands before a doubled subject; a title line is no campaign",
            text: "全省实施六大行动——数字经济核心产业增加值3年翻番\n重庆市高新技术企业和科技型企业“双倍增”行动计划(2023—2027年)\n到2027年，全市高新技术企业数量实现翻番。",
            published: "2023-03-29", publisherRegion: "重庆市",
            expected: [
                Expected(kind: .multiple, indicator: "数字经济核心产业增加值", multiplier: 2, deadline: 2025),
                Expected(kind: .multiple, indicator: "高新技术企业数量", multiplier: 2, deadline: 2027),
            ]),

        Case(
            name: "a paragraph opening on last year, after this year's goals, reports results to its end",
            text: "今年主要预期目标是经济增长6.5%以上。\n广西去年GDP增长7.5%\n2021年，全区经济运行持续恢复。初步预计，地区生产总值增长7.5%，两年平均增长5.6%。规模以上工业增加值增长8.6%。\n",
            published: "2022-01-18", publisherRegion: "广西壮族自治区",
            expected: [Expected(kind: .growth, indicator: "经济", value: 6.5, unit: "%", deadline: 2022, qualifier: "以上")]),
        Case(
            name: "a district whose name is an everyday word (城区) is not a sentence's subject",
            text: "到2025年，全市地区生产总值达到300亿元。同时，城区建成区面积达到20平方公里。",
            published: "2021-01-20", publisherRegion: "万源市",
            expected: [
                Expected(kind: .level, indicator: "地区生产总值", value: 300, unit: "亿元", deadline: 2025, region: "万源市"),
                Expected(kind: .level, indicator: "城区建成区面积", value: 20, unit: "平方公里", deadline: 2025, region: "万源市"),
            ]),
        Case(
            name: "a past result's indicator is the subject of the target after it",
            text: "政府工作报告提到，2023年全省地区生产总值增长4.1%，2024年预计增长5%左右。",
            published: "2024-01-23", publisherRegion: "江西省",
            expected: [Expected(kind: .growth, indicator: "地区生产总值", value: 5, unit: "%", deadline: 2024, qualifier: "左右")]),
        Case(
            name: "a plan's 发展基础 section reviews the last period",
            text: "第一章 开启新征程\n第一节 发展基础\n“十三五”时期，全市地区生产总值年均增长9%，达到678亿元。\n第二节 发展目标\n到2025年，全市地区生产总值达到1000亿元。",
            published: "2021-03-01", publisherRegion: "拉萨市",
            expected: [Expected(kind: .level, indicator: "地区生产总值", value: 1000, unit: "亿元", deadline: 2025)]),
    ]

    @Test(arguments: pastAndPresent) func resultsBesideTargets(_ c: Case) throws { try Self.check(c) }

    @Test(arguments: notCommitments) func statementsThatAreNotCommitments(_ c: Case) throws { try Self.check(c) }

    // MARK: 6. Quantities of the genre

    static let quantities: [Case] = [
        Case(
            name: "percent in words; ‰; the value after 从 is the base",
            text: "到2030年，全省经济年均增长百分之五左右，人口自然增长率控制在5‰以内，高新技术企业从900家增加到2000家。",
            published: "2026-01-20", publisherRegion: "福建省",
            expected: [
                Expected(kind: .growth, indicator: "经济", value: 5, unit: "%", deadline: 2030, qualifier: "左右"),
                Expected(kind: .level, indicator: "人口自然增长率", value: 5, unit: "‰", deadline: 2030, qualifier: "以内"),
                Expected(kind: .level, indicator: "高新技术企业", value: 2000, unit: "家", deadline: 2030),
            ]),
        Case(
            name: "values paired one to one with as many names; 均 makes two",
            text: "到2025年，化学需氧量、氨氮、总磷排放量分别下降8%、8%、10%，城镇和农村居民人均可支配收入均增长7%。",
            published: "2022-01-10", publisherRegion: "安徽省",
            expected: [
                Expected(kind: .reduction, indicator: "化学需氧量", value: 8, unit: "%", deadline: 2025),
                Expected(kind: .reduction, indicator: "氨氮", value: 8, unit: "%", deadline: 2025),
                Expected(kind: .reduction, indicator: "总磷排放量", value: 10, unit: "%", deadline: 2025),
                Expected(kind: .growth, indicator: "城镇", value: 7, unit: "%", deadline: 2025),
                Expected(kind: .growth, indicator: "农村居民人均可支配收入", value: 7, unit: "%", deadline: 2025),
            ]),
        Case(
            name: "the last name's head noun is each name's (城镇居民、农村居民人均可支配收入)",
            text: "今年城镇居民、农村居民人均可支配收入分别增长7%、8%。",
            published: "2022-01-23", publisherRegion: "福建省",
            expected: [
                Expected(kind: .growth, indicator: "城镇居民人均可支配收入", value: 7, unit: "%", deadline: 2022),
                Expected(kind: .growth, indicator: "农村居民人均可支配收入", value: 8, unit: "%", deadline: 2022),
            ]),
    ]

    static let kinds: [Case] = [
        Case(
            name: "a stock named without a verb is a level; after a creation verb the list counts",
            text: "今年力争产值超10亿元企业8家以上、超亿元企业40家以上；新增规上企业30家、高新技术企业20家。",
            published: "2023-03-01", publisherRegion: "南雄市",
            expected: [
                Expected(kind: .level, indicator: "产值超10亿元企业", value: 8, unit: "家", deadline: 2023),
                Expected(kind: .level, indicator: "超亿元企业", value: 40, unit: "家", deadline: 2023),
                Expected(kind: .count, indicator: "规上企业", value: 30, unit: "家", deadline: 2023),
                Expected(kind: .count, indicator: "高新技术企业", value: 20, unit: "家", deadline: 2023),
            ]),
        Case(
            name: "a growth target named as such (增长目标为) is growth",
            text: "政府工作报告提出，今年全市地区生产总值预期增长目标6%左右，经济增长目标确定为7%。",
            published: "2022-04-11", publisherRegion: "惠州市",
            expected: [
                Expected(kind: .growth, indicator: "地区生产总值", value: 6, unit: "%", deadline: 2022, qualifier: "左右"),
                Expected(kind: .growth, indicator: "经济", value: 7, unit: "%", deadline: 2022),
            ]),
    ]

    @Test(arguments: kinds) func kindsOfTheGenre(_ c: Case) throws { try Self.check(c) }

    static let tables: [Case] = [
        Case(
            name: "a table of main indicators copied one cell per line",
            text: """
                《规划》提出了“十四五”时期主要指标，如下表所示：
                指标 |
                2020年基期值 |
                2025年目标值 |
                属性 |
                森林覆盖率(%) |
                23.6 |
                24.5 |
                约束性 |
                粮食综合生产能力(亿斤) |
                一 |
                >1200 |
                约束性 |
                """,
            published: "2021-06-01", publisherRegion: "江西省",
            expected: [
                Expected(kind: .level, indicator: "森林覆盖率", value: 24.5, unit: "%", deadline: 2025),
                Expected(kind: .level, indicator: "粮食综合生产能力", value: 1200, unit: "亿斤", deadline: 2025, qualifier: "以上"),
            ]),
        Case(
            name: "a markdown table with a unit column; a table of past years states no target",
            text: """
                主要指标如下。
                | 指标 | 单位 | 2022年 | 2027年 |
                | 城镇化率 | % | 58 | 65 |
                | 研发经费投入强度 | % | 2.1 | 2.8 |
                统计公报摘要如下。
                | 指标 | 2021年 | 2022年 |
                | 地区生产总值 | 4500 | 4800 |
                """,
            published: "2023-02-01", publisherRegion: "常德市",
            expected: [
                Expected(kind: .level, indicator: "城镇化率", value: 65, unit: "%", deadline: 2027),
                Expected(kind: .level, indicator: "研发经费投入强度", value: 2.8, unit: "%", deadline: 2027),
            ]),
    ]

    @Test(arguments: tables) func tablesOfIndicators(_ c: Case) throws { try Self.check(c) }

    static let flowsAndParts: [Case] = [
        Case(
            name: "a flow named by its verb is counted; the parts of a plan are not targets",
            text: "今年主要预期目标是：实名制就业80万人，农村劳动力转移就业5万人次以上。报告提出推动经济回升等10个方面的重点任务。",
            published: "2024-01-20", publisherRegion: "辽宁省",
            expected: [
                Expected(kind: .count, indicator: "实名制就业", value: 80, unit: "万人", deadline: 2024),
                Expected(kind: .count, indicator: "农村劳动力转移就业", value: 5, unit: "万人次", deadline: 2024, qualifier: "以上"),
            ]),
        Case(
            name: "each target takes the nearest time word before it in its clause",
            text: "争取2023年底前建成封关硬件设施、2024年底前完成封关各项准备。",
            published: "2021-01-26", publisherRegion: "海南省",
            expected: [
                Expected(kind: .milestone, indicator: "封关硬件设施", deadline: 2023),
                Expected(kind: .milestone, indicator: "封关各项准备", deadline: 2024),
            ]),
        Case(
            name: "a paragraph that opens with 同时 goes on with the deadline before it; 翻一番以上 is a doubling",
            text: "到2025年，全市地区生产总值达到300亿元。\n同时，城镇化率达到45%以上。\n到2030年，城乡居民人均收入比2020年翻一番以上。",
            published: "2021-01-20", publisherRegion: "万源市",
            expected: [
                Expected(kind: .level, indicator: "地区生产总值", value: 300, unit: "亿元", deadline: 2025),
                Expected(kind: .level, indicator: "城镇化率", value: 45, unit: "%", deadline: 2025, qualifier: "以上"),
                Expected(kind: .multiple, indicator: "城乡居民人均收入", multiplier: 2, deadline: 2030),
            ]),
        Case(
            name: "a milestone cut off with the text is not read",
            text: "2022年主要预期目标是：地区生产总值增长7%，节能减排降碳等指标完成自治",
            published: "2021-12-28", publisherRegion: "石嘴山市",
            expected: [Expected(kind: .growth, indicator: "地区生产总值", value: 7, unit: "%", deadline: 2022)]),
        Case(
            name: "a growth rate held to a level is growth of what stands before it; a place after a period",
            text: "《纲要》提出“十四五”甘肃省经济发展目标是，地区生产总值年均增长达到6.5%。",
            published: "2021-02-01", publisherRegion: "甘肃省",
            expected: [Expected(kind: .growth, indicator: "地区生产总值", value: 6.5, unit: "%", deadline: 2025)]),
        Case(
            name: "counts of a policy's own instruments are not targets",
            text: "到2024年，以农业现代化等7个系列专项三年行动、绿色铝等5个配套政策为支撑，提出组建创新团队等10项措施，力争全产业链产值达到2.9万亿元。",
            published: "2022-06-01", publisherRegion: "云南省",
            expected: [Expected(kind: .level, indicator: "全产业链产值", value: 2.9, unit: "万亿元", deadline: 2024, qualifier: "力争")]),
        Case(
            name: "what a creation verb brings into being is counted, with 以上的 or 超过 between",
            text: "到2023年，每个重点行业打造100个以上的5G示范应用标杆，研制30项以上重点行业标准，建成超过3000个5G行业虚拟专网。",
            published: "2021-05-06",
            expected: [
                Expected(kind: .count, indicator: "5G示范应用标杆", value: 100, unit: "个", deadline: 2023, qualifier: "以上"),
                Expected(kind: .count, indicator: "重点行业标准", value: 30, unit: "项", deadline: 2023, qualifier: "以上"),
                Expected(kind: .count, indicator: "5G行业虚拟专网", value: 3000, unit: "个", deadline: 2023, qualifier: "以上"),
            ]),
        Case(
            name: "facilities built are each a milestone; a list of goals to realize is one",
            text: "到2035年，基本实现新型工业化、信息化、城镇化、农业现代化。到2035年，进入国家创新型城市行列，进入新发展阶段。到2025年，建成非遗传习中心、红香米博物馆。",
            published: "2022-12-26", publisherRegion: "三门峡市",
            expected: [
                Expected(kind: .milestone, indicator: "新型工业化、信息化、城镇化、农业现代化", deadline: 2035),
                Expected(kind: .milestone, indicator: "国家创新型城市行列", deadline: 2035),
                Expected(kind: .milestone, indicator: "非遗传习中心", deadline: 2025),
                Expected(kind: .milestone, indicator: "红香米博物馆", deadline: 2025),
            ]),
        Case(
            name: "a list of a plan's parts, one named for a doubling, is no multiple",
            text: "到2024年，提出做优一产、做强二产和主体倍增、科技创新、开放合作5个方面16项工程。到2024年，全省市场主体数量实现倍增。",
            published: "2022-07-15", publisherRegion: "云南省",
            expected: [Expected(kind: .multiple, indicator: "市场主体数量", multiplier: 2, deadline: 2024)]),
        Case(
            name: "a goal with a name of its own is that goal; one without names nothing",
            text: "到2030年，如期实现2030年前碳达峰目标。到2025年，完成省下达目标，全面建成小康社会奋斗目标。",
            published: "2026-02-03", publisherRegion: "河南省",
            expected: [Expected(kind: .milestone, indicator: "碳达峰", deadline: 2030)]),
    ]

    @Test(arguments: flowsAndParts) func flowsPartsAndTimes(_ c: Case) throws { try Self.check(c) }

    @Test(arguments: quantities) func quantitiesOfTheGenre(_ c: Case) throws { try Self.check(c) }

    // MARK: 7. Traditional text and mirror noise

    static let traditional: [Case] = [
        Case(
            name: "經過5年努力 with pinyin residue counts from the document's year",
            text: "力爭經過5年努力，全省數字經濟增加值達(dá)到3萬億元。",
            published: "2022-08-01", publisherRegion: "山东省",
            expected: [Expected(kind: .level, indicator: "数字经济增加值", value: 3, unit: "万亿元", deadline: 2026, qualifier: "力争")]),
        Case(
            name: "runs of @ inserted by mirror sites are dropped",
            text: "到@@2025年@@，全市高新技术企业突破@@@@3000家@@。",
            published: "2023-03-01", publisherRegion: "绵阳市",
            expected: [Expected(kind: .level, indicator: "高新技术企业", value: 3000, unit: "家", deadline: 2025, qualifier: "以上")]),
    ]

    @Test(arguments: traditional) func traditionalAndNoisyText(_ c: Case) throws { try Self.check(c) }

    // MARK: The outline and the document's year on their own

    @Test func headingLevelsByNumberingShape() {
        let lines: [(String, Int?)] = [
            ("第一部分 总体要求", DocumentOutline.Level.part), ("一、主要目标", DocumentOutline.Level.chapter),
            ("（二）重点任务", DocumentOutline.Level.section), ("【专栏1】重大工程", DocumentOutline.Level.bracketed),
            ("3.实施技改行动。全年完成技改投资100亿元。", DocumentOutline.Level.item), ("(1)数字基建", DocumentOutline.Level.subitem),
            ("2023年工作安排", DocumentOutline.Level.unnumberedPart), ("郑州：打造数字第一城", DocumentOutline.Level.unnumbered),
            ("1.5万亿元的目标已经实现，全市经济稳步增长。", nil),
        ]
        for (text, level) in lines {
            let t = Array(text.unicodeScalars)
            let h = DocumentOutline.heading(t, 0..<t.count, docYear: 2023, gazetteer: .shared, near: nil)
            #expect(h?.level == level, "\(text)")
        }
    }

    @Test func headingKindYearAndRegion() throws {
        func heading(_ s: String) -> DocumentOutline.Heading? {
            let t = Array(s.unicodeScalars)
            return DocumentOutline.heading(t, 0..<t.count, docYear: 2026, gazetteer: .shared, near: nil)
        }
        #expect(heading("一、“十四五”时期和2025年工作回顾")?.kind == .review)
        #expect(heading("一、“十四五”时期和2025年工作回顾")?.deadline == nil)
        #expect(heading("二、“十五五”时期主要目标任务")?.deadline == 2030)
        #expect(heading("三、2026年重点工作安排")?.kind == .plan)
        #expect(heading("四、加强政府自身建设")?.kind == .neutral)
        #expect(heading("合肥：2025年数字经济占比过半")?.region?.name == "合肥市")
        #expect(heading("（三）合肥都市圈建设")?.region == nil)
    }

    @Test func documentYearFromText() {
        func year(_ s: String) -> Int? { TimeExpressions.documentYear(in: Array(s.unicodeScalars)) }
        #expect(year("2025年是决战之年。") == 2025)
        #expect(year("回望2024年，全县交出答卷。") == 2025)
        #expect(year("北京2024年经济社会发展的主要预期目标是：") == 2024)
        #expect(year("到2025年，建成示范区。") == nil)
        #expect(year("2022年,全市经济运行稳中向好。2023年长沙经济社会发展主要预期目标是：") == 2023)
        #expect(year("2022年长沙是中部首位。") == nil)
        #expect(year("2022年度市场主体达156万户。") == nil)
        #expect(year("今年全区新增装机4500万千瓦。力争2024年全区电力装机总规模突破2.6亿千瓦。") == 2024)
        #expect(year("2020年全区生产总值增长3.7%，2021年全区生产总值增长目标为7.5%以上。") == 2021)
        #expect(year("2019年，全市地区生产总值增长7.5%。2020年全市预期地区生产总值增长6.5%以上。") == 2020)
        #expect(year("到2025年，建成示范区；到2027年，全面建成。") == nil)
        #expect(year("“十三五”时期，全市经济快速增长。“十四五”时期(2021-2025年)，是关键期。到二〇三五年，基本实现现代化。") == 2021)
        #expect(TimeExpressions.leadingYear(ofTitle: Array("2024全国地方两会 | 贵州去年GDP增长4.9%".unicodeScalars)) == 2024)
        #expect(TimeExpressions.leadingYear(ofTitle: Array("2024年政府工作报告".unicodeScalars)) == nil)
        #expect(year("今年全区新增装机4500万千瓦。力争2025年总规模突破3亿千瓦，较2020年翻番。") == nil)
    }

    @Test func nationIsNamed中国() {
        #expect(Region.nation.name == "中国")
        for name in ["中国", "全国", "我国"] { #expect(Gazetteer.shared.regions(named: name) == [.nation]) }
        let t = Array("中华人民共和国".unicodeScalars)
        #expect(Gazetteer.shared.mentions(in: t[0..<t.count]).isEmpty)
    }

    /// Reading results for outcomes never changes the commitments.
    @Test(arguments: annualTargets + structure + notCommitments)
    func outcomesLeaveCommitmentsAlone(_ c: Case) throws {
        let hints = DocumentHints(
            title: c.title, publishedOn: c.published.flatMap { Day(iso: $0) }, publisherRegion: c.publisherRegion)
        let doc = try TextPipeline().prepare(bytes: Array(c.text.utf8), source: "case.txt", hints: hints)
        #expect(Extractor().extractAll(from: doc).commitments == Extractor().extract(from: doc))
    }

    @Test func outcomesOfAReview() throws {
        let text = "一、2025年工作回顾\n全年地区生产总值增长5.4%，规上工业增加值增长7.2%，高于全国1.2个百分点。\n二、2026年主要目标\n地区生产总值增长5%左右。\n"
        let doc = try TextPipeline().prepare(
            bytes: Array(text.utf8), source: "r.txt",
            hints: DocumentHints(publishedOn: Day(iso: "2026-01-20"), publisherRegion: "湖南省"))
        let found = Extractor().extractAll(from: doc)
        #expect(found.outcomes.map(\.indicator) == ["地区生产总值", "规上工业增加值"])
        #expect(found.outcomes.map(\.year) == [2025, 2025])
        #expect(found.outcomes.map(\.value) == [5.4, 7.2])
        #expect(found.commitments.map(\.deadlineYear) == [2026])
    }

    @Test func aParagraphsResultYearGoesOn() throws {
        let text = "2025年，全市地区生产总值达13902亿元，同比增长4.7%。工业增加值达2850亿元（同比增长6.1%）。\n"
        let doc = try TextPipeline().prepare(
            bytes: Array(text.utf8), source: "r.txt",
            hints: DocumentHints(publishedOn: Day(iso: "2026-03-10"), publisherRegion: "西安市"))
        let found = Extractor().extractAll(from: doc)
        #expect(found.commitments.isEmpty)
        #expect(found.outcomes.map(\.value) == [13902, 4.7, 2850, 6.1])
        #expect(found.outcomes.map(\.year) == [2025, 2025, 2025, 2025])
    }

    @Test func lastYearDatesAParagraphsBreakdown() throws {
        let text = "报告指出，全省去年产业建设取得初步成效。其中，建成投产40处井工煤矿，原煤产量达1.53亿吨、增长10.8%。去年旅游人次恢复到2019年的113%。社会消费品零售总额增长5.9%。\n"
        let doc = try TextPipeline().prepare(
            bytes: Array(text.utf8), source: "r.txt",
            hints: DocumentHints(publishedOn: Day(iso: "2024-01-24"), publisherRegion: "贵州省"))
        let found = Extractor().extractAll(from: doc)
        #expect(found.commitments.isEmpty)
        let byValue = Dictionary(found.outcomes.map { ($0.value ?? 0, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byValue[40]?.indicator == "井工煤矿")
        #expect(byValue[1.53]?.year == 2023)
        #expect(byValue[5.9]?.year == 2023)
        #expect(found.outcomes.allSatisfy { $0.year == 2023 })
    }

    @Test func countsFirstAndAYearsWholeAfterIt() throws {
        let text = "2024年全省GDP目标增长6%左右\n2023年全省全年地区生产总值增长4.6%。全体居民人均可支配收入增长5.5%。\n过去五年，40个贫困村全部退出，60641名贫困人口稳定脱贫。\n"
        let doc = try TextPipeline().prepare(
            bytes: Array(text.utf8), source: "r.txt",
            hints: DocumentHints(title: "2024年全省GDP目标增长6%左右", publishedOn: Day(iso: "2024-01-24"), publisherRegion: "湖南省"))
        let found = Extractor().extractAll(from: doc)
        #expect(found.commitments.map(\.value) == [6])
        #expect(found.outcomes.map(\.value) == [4.6, 5.5, 40, 60641])
        #expect(found.outcomes.map(\.year) == [2023, 2023, 2023, 2023])
        #expect(found.outcomes.map(\.indicator).suffix(2) == ["贫困村全部退出", "贫困人口稳定脱贫"])
    }

    /// Scraped pages stop anywhere: every prefix of a text dense with the genre's phrases is read
    /// without running off its end (a crash here fails the whole run).
    @Test func everyPrefixOfADenseTextIsRead() throws {
        let text = """
            2024全国地方两会|2023年全省全年地区生产总值增长4.6%，40个贫困村全部退出。
            指标 |
            2025年目标值 |
            森林覆盖率(%) |
            >24.5 |
            今年主要预期目标是：实名制就业80万人，打造100个以上的5G示范应用标杆，建成超过3000个虚拟专网，增长目标确定为6%，
            争取2023年底前建成封关硬件设施、2024年底前完成封关各项准备，其中，产业类项目200个，总投资3000亿元，恢复到2019年的113%，2023全年增长7.5%
            """
        let scalars = Array(text.unicodeScalars)
        var read = 0
        for cut in stride(from: 1, through: scalars.count, by: 1) {
            var prefix = String.UnicodeScalarView()
            prefix.append(contentsOf: scalars[0..<cut])
            let doc = try TextPipeline().prepare(
                bytes: Array(String(prefix).utf8), source: "p.txt",
                hints: DocumentHints(publishedOn: Day(iso: "2024-01-24"), publisherRegion: "贵州省"))
            let found = Extractor().extractAll(from: doc)
            for c in found.commitments { #expect(doc.raw.count >= c.span.upperBound) }
            read += 1
        }
        #expect(read == scalars.count)
    }

    @Test func thisYearLooksBackInAReport() throws {
        let text = "2023年，全市交出了一份合格答卷。\n市长表示，这一年，全社会研发投入强度首次超过3%，人才总量突破300万人。\n今年全社会研发投入强度达到3.2%。\n"
        let doc = try TextPipeline().prepare(
            bytes: Array(text.utf8), source: "r.txt",
            hints: DocumentHints(publishedOn: Day(iso: "2024-01-11"), publisherRegion: "长沙市"))
        let found = Extractor().extractAll(from: doc)
        #expect(found.outcomes.map(\.value) == [3, 300])
        #expect(found.outcomes.allSatisfy { $0.year == 2023 })
        #expect(found.commitments.map(\.value) == [3.2])
    }

    @Test func resultsAndThisYearsTargetInOneSentence() throws {
        let text = "初步统计，去年全省地区生产总值48810亿元、增长8.0%，今年全省地区生产总值预期增长6.5%。\n2021年，全省工业增加值达2850.7亿元人民币（同比增长6.1%）。\n报告还提到，2021年，高铁成功通车；生产型企业进出口占外贸比重69.1%。\n"
        let doc = try TextPipeline().prepare(
            bytes: Array(text.utf8), source: "r.txt",
            hints: DocumentHints(publishedOn: Day(iso: "2022-01-22"), publisherRegion: "福建省"))
        let found = Extractor().extractAll(from: doc)
        #expect(found.commitments.map(\.value) == [6.5])
        #expect(found.commitments.map(\.indicator) == ["地区生产总值"])
        #expect(found.outcomes.map(\.value) == [48810, 8.0, 2850.7, 6.1, 69.1])
        #expect(found.outcomes.map(\.indicator)[3] == "工业增加值")
        #expect(found.outcomes.map(\.year) == [2021, 2021, 2021, 2021, 2021])
    }

    @Test func resultsOfAYearWrittenWithout年() throws {
        let text = "回望2023年，全区一片新气象。\n预计2023全年地区生产总值突破600亿元、增长6.7%。\n"
        let doc = try TextPipeline().prepare(
            bytes: Array(text.utf8), source: "r.txt",
            hints: DocumentHints(publishedOn: Day(iso: "2024-01-10"), publisherRegion: "鄂州市"))
        let found = Extractor().extractAll(from: doc)
        #expect(found.commitments.isEmpty)
        #expect(found.outcomes.map(\.year) == [2023, 2023])
        #expect(found.outcomes.map(\.value) == [600, 6.7])
        #expect(found.outcomes.map(\.indicator) == ["地区生产总值", "地区生产总值"])
    }
}
