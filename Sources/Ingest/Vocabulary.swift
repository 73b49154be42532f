/// The words extraction rules are written in, kept in tables rather than branches.
enum Vocabulary {
    /// How a verb right before a number shapes the commitment.
    enum Verb: Sendable, Equatable {
        /// 增长, 提高: a rate of growth.
        case growth
        /// 下降, 降低: a rate of decrease.
        case reduction
        /// 达到, 突破, 控制在: a level, with the qualifier the verb implies.
        case level(qualifier: String?)
    }

    /// Verbs (and verb-like qualifiers) that sit right before a number.
    static let comparisonVerbs = WordTable<Verb>([
        ("增长", .growth), ("提高", .growth), ("提升", .growth), ("增加", .growth), ("上升", .growth),
        ("递增", .growth), ("年均增长", .growth), ("年平均增长", .growth), ("同口径增长", .growth), ("增速", .growth), ("增幅", .growth),
        // 地区生产总值预期增长目标6%左右, 经济增长目标确定为9.5%: a growth target named as such.
        ("增长目标", .growth), ("增长目标为", .growth), ("增长目标是", .growth), ("增长目标确定为", .growth),
        ("预期增长目标", .growth), ("增速目标", .growth), ("增速目标为", .growth), ("增长预期目标", .growth),
        ("增长预期目标为", .growth), ("增长预期目标确定", .growth), ("增长预期目标确定为", .growth), ("增长目标确定", .growth),
        ("下降", .reduction), ("降低", .reduction), ("减少", .reduction), ("压减", .reduction),
        ("削减", .reduction), ("缩减", .reduction),
        ("达到", .level(qualifier: nil)), ("达", .level(qualifier: nil)), ("最高达", .level(qualifier: nil)),
        ("突破", .level(qualifier: "以上")), ("超过", .level(qualifier: "以上")), ("超", .level(qualifier: "以上")),
        ("不低于", .level(qualifier: "以上")), ("不少于", .level(qualifier: "以上")), ("至少", .level(qualifier: "以上")),
        ("不超过", .level(qualifier: "以内")), ("不高于", .level(qualifier: "以内")),
        ("稳定在", .level(qualifier: nil)), ("保持在", .level(qualifier: nil)), ("控制在", .level(qualifier: "以内")),
        ("提高到", .level(qualifier: nil)), ("提高至", .level(qualifier: nil)), ("提升到", .level(qualifier: nil)),
        ("提升至", .level(qualifier: nil)), ("增加到", .level(qualifier: nil)), ("增加至", .level(qualifier: nil)),
        ("增至", .level(qualifier: nil)), ("增长到", .level(qualifier: nil)), ("增长至", .level(qualifier: nil)),
        ("降低到", .level(qualifier: nil)), ("降低至", .level(qualifier: nil)), ("降到", .level(qualifier: nil)),
        ("降至", .level(qualifier: nil)), ("下降到", .level(qualifier: nil)), ("下降至", .level(qualifier: nil)),
        ("减少到", .level(qualifier: nil)), ("减少至", .level(qualifier: nil)), ("扩大到", .level(qualifier: nil)),
        ("扩大至", .level(qualifier: nil)), ("缩小到", .level(qualifier: nil)), ("缩小至", .level(qualifier: nil)),
        ("达到约", .level(qualifier: "左右")), ("约", .level(qualifier: "左右")), ("近", .level(qualifier: nil)),
        ("总量达", .level(qualifier: nil)), ("规模达", .level(qualifier: nil)),
    ])

    /// Verbs that bring things into being; with a countable unit they make a `count`.
    static let creationVerbs = WordTable<Bool>(
        [
            "培育", "新增", "引进", "引育", "新建", "建成", "建设", "打造", "创建", "实施", "招引", "落地", "推出",
            "申报", "培训", "开工", "新开工", "组建", "设立", "认定", "扶持", "遴选", "提供", "获得", "汇聚", "优化",
            "完成", "改造", "新改建", "建立", "布局", "储备", "吸引", "带动", "安排", "投入", "培养", "举办", "办好",
            "招募", "新设", "引入", "评选推出", "增设", "建立健全", "谋划", "攻克", "突破性", "创成", "争创", "入选",
            "发放", "帮助", "转移", "吸纳", "招聘", "实现", "建成投产", "建成投用", "开工建设", "研制", "形成", "纳入",
        ].map { ($0, true) })

    /// Firmness words, firmest first in meaning; the first one found governs.
    static let firmness = WordTable<String>(
        ["确保", "力争", "争取", "努力", "力求", "务必", "坚决", "全力", "确定"].map { ($0, $0) })

    /// Multipliers: 翻一番 = 2, 翻两番 = 4, 倍增 = 2.
    static let multipliers = WordTable<Double>([
        ("翻一番", 2), ("翻两番", 4), ("翻二番", 4), ("翻三番", 8), ("翻番", 2), ("双倍增", 2), ("倍增", 2), ("翻一倍", 2),
    ])

    /// Milestone verbs, and whether the goal is named after the verb (true) or before it (false).
    static let milestoneVerbs = WordTable<Bool>([
        ("基本建成", true), ("全面建成", true), ("建成投用", true), ("建成投产", true), ("建成通车", true),
        ("建成", true), ("基本实现", true), ("全面实现", true), ("如期实现", true), ("完成", true), ("通过", true),
        ("进入", true),
    ])

    /// What 通过 must lead to for a milestone (通过…认定, 通过…验收).
    static let passObjects = ["认定", "验收", "评估", "评审", "考核", "审批", "复审", "审核"].map(\.scalars)

    /// Words that mark a sentence as a result already achieved, not a commitment.
    static let pastMarkers = [
        "同比", "比上年", "较上年", "比去年", "截至", "截止", "一年来", "过去一年", "过去五年", "这五年", "已经",
        "累计完成", "完成了", "实现了", "达到了", "增长了", "居全国", "居全省", "居全市", "位居", "荣获", "获评",
        "以来", "刚刚过去", "去年", "上年", "这一年", "较“十三五”", "被评为", "有望", "近三年", "近五年", "近年来", "上榜", "入列", "共计",
        "同期", "已累计", "已建成", "已有", "已达", "已实现", "已超过",
    ].map(\.scalars)

    /// Goal cues: a sentence with one of these and a date sets the deadline for the lines that follow.
    static let goalCues = WordTable<Bool>(["目标", "主要任务", "发展蓝图"].map { ($0, true) })

    /// Words stripped from the front of an indicator, repeatedly.
    static let leadingNoise = WordTable<Bool>(
        [
            "力争", "确保", "争取", "努力", "力求", "全力", "要", "将", "使", "推动", "带动", "大关", "关口", "实现", "实施", "启动实施", "推进", "促进", "保持",
            "全年", "今年", "年内", "明年", "其中", "同时", "并", "且", "和", "及", "与", "以及", "主要目标是", "主要目标为",
            "目标是", "目标为", "预计", "提出", "计划", "报告显示", "数据显示", "据初步统计", "初步统计", "初步核算",
            "同比", "比上年", "较上年", "进一步", "持续", "加快", "积极", "大力", "着力", "全省", "全市",
            "全县", "全区", "我省", "我市", "我县", "我区", "本市", "本县", "本省", "期间", "时期", "的", "累计",
            "到", "至", "了", "在", "是", "为", "把", "也", "还", "即", "展望", "主要预期目标是", "主要预期目标为",
            "预期目标是", "预期目标为", "人民币", "(", "（", "纲要提出", "规划提出", "报告提出", "方案提出", "计划提出", "意见提出",
            "——", "—", "●", "•", "▷", "·", "-", "*", " ", "\u{3000}", "\"", "【", "】",
            "一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是", "年均", "年平均", "每年",
        ].map { ($0, true) })

    /// Words stripped from the end of an indicator.
    static let trailingNoise = WordTable<Bool>(
        ["分别", "同口径", "年均", "年平均", "每年", "预期", "平均", "将", "要", "的", "稳步", "力争", "确保", "累计", "均", "各",
         "合计", "共", "也", "还", "再", "实现", "各有", " ", "\""].map { ($0, true) })

    /// Contractions that an enumerated value list expands: 城乡居民 … 分别增长7.5%、8.5%.
    static let pairedPrefixes: [(String, [String])] = [
        ("城乡", ["城镇", "农村"]), ("中、省", ["中央", "省级"]), ("中省", ["中央", "省级"]),
        ("省、市", ["省级", "市级"]), ("市、县", ["市级", "县级"]), ("进出口", ["进口", "出口"]),
    ]

    /// Words after a year that speak of it as the current one (2025年是…, 2024年重点工作): a
    /// document without a date is taken to be of that year.
    static let currentYearFollowers = WordTable<Bool>(
        [
            "是", "政府工作报告", "主要预期目标", "经济社会发展主要预期目标", "经济社会发展的主要预期目标",
            "重点工作", "工作安排", "工作任务", "增长目标", "预期增长目标",
        ].map { ($0, true) })

    /// Words before a year that look back on it (回望2024年): the document is of the year after.
    static let reviewedYearLeaders = WordTable<Bool>(["回望", "回顾", "过去的", "刚刚过去的"].map { ($0, true) })

    /// Heading words of a section that looks back at results.
    static let reviewHeadings = WordTable<Bool>(
        ["回顾", "过去一年", "过去五年", "一年来", "五年来", "这五年", "发展成就", "主要成绩", "工作总结", "发展基础"].map { ($0, true) })

    /// Heading words of a section that sets targets or tasks.
    static let planHeadings = WordTable<Bool>(
        [
            "工作安排", "主要目标", "目标任务", "工作任务", "重点工作", "今后五年", "主要任务", "总体要求", "预期目标",
            "奋斗目标", "发展目标", "总体目标", "远景目标", "重点任务", "工作目标", "具体目标", "行动目标",
        ].map { ($0, true) })

    /// Paragraph openings that look back at results (一年来, 过去五年 …): the paragraph is not read.
    static let reviewParagraphStarts = WordTable<Bool>(
        ["一年来", "过去一年", "刚刚过去", "这五年", "五年来", "过去五年"].map { ($0, true) })

    /// Words after a period that keep it a time phrase (“十四五”期间, 十四五末, 十四五时期).
    static let periodTails = WordTable<Bool>(
        ["期间", "时期", "末", "内", "期末", "中期", "主要目标", "发展目标", "主要预期目标"].map { ($0, true) })

    /// Words that may stand before a sentence's subject (此外，郑州…; 按照《武汉市…方案》).
    static let subjectConnectives = WordTable<Bool>(
        ["此外", "同时", "另外", "而", "按照", "根据", "对此", "其中", "今年", "近日", ",", "，"].map { ($0, true) })

    /// Leads of a span counted from the year the text is written in (未来五年, 今后三年, 经过5年努力).
    static let fromNowLeads = WordTable<Bool>(["未来", "今后", "经过"].map { ($0, true) })

    /// Words that name no indicator on their own: shares and totals of a breakdown (个数占比,
    /// 总投资), the plan's own apparatus (7项指标), leftovers of a comparison (同期).
    static let notIndicators = WordTable<Bool>(
        ["指标", "主要指标", "目标", "任务", "占", "占比", "个数占比", "投资占比", "总投资", "同期", "年", "其中"].map { ($0, true) })

    /// Verbs that introduce a document being issued, not a campaign being run (印发《…计划》).
    static let issuingVerbs = WordTable<Bool>(["印发", "出台", "发布", "制定", "编制", "推出", "公布"].map { ($0, true) })

    /// Verbs whose dated object is a noun, not a deadline (落实2030年…目标, 对标2035年远景目标).
    static let verbsTakingDatedObjects = WordTable<Bool>(
        ["落实", "对标", "围绕", "锚定", "聚焦", "服务", "参照", "衔接", "贯彻"].map { ($0, true) })

    /// Words of a review that looks back on five years (过去五年, 五年来, 这五年).
    static let fiveYearReviewWords = WordTable<Bool>(["过去五年", "五年来", "这五年", "五年的", "本届政府"].map { ($0, true) })

    /// Words that put a result in the year before the document's (去年全省GDP增长5.2%).
    static let lastYearWords = WordTable<Bool>(["去年", "上年", "过去一年", "刚刚过去的一年", "一年来", "这一年"].map { ($0, true) })

    /// Parts of a year: a result for them is not the year's outcome (上半年, 一季度, 1—5月).
    static let partYearWords = WordTable<Bool>(
        ["上半年", "下半年", "一季度", "二季度", "三季度", "四季度", "前三季度", "第一季度", "前两个月", "月份", "月末", "月底"]
            .map { ($0, true) })

    /// Words of a comparison or a ranking, which state no result of the region's own (高于全国0.5个百分点).
    static let comparisonWords = WordTable<Bool>(
        ["高于", "低于", "快于", "慢于", "排名", "位居", "居全", "位次", "第一", "首位", "前列"].map { ($0, true) })

    /// Words of intent right before 今年 (计划在今年建成…): this year's work ahead, beside results.
    static let intentWords = WordTable<Bool>(["计划在", "计划", "将在", "将", "拟在", "要在", "力争在", "争取在"].map { ($0, true) })

    /// Words that make a sentence a statement of targets when it has no deadline or firm word of
    /// its own (纲要提出…年均增长7%以上; 预期目标6%左右).
    static let targetCues = WordTable<Bool>(["提出", "目标是", "目标为", "预期目标", "预期增长"].map { ($0, true) })

    /// Nouns of an annual growth rate: 年均增长率超200% is a growth target, not a level (人口自然增长率
    /// 控制在6‰以内 stays a level).
    static let rateNouns = WordTable<Bool>(
        ["年均增长率", "年均增速", "年均增幅", "年均增长速度", "年均增长", "年均递增", "增长", "增速", "增长速度"].map { ($0, true) })

    /// The parts of a project plan's breakdown (总投资, 个数占比, 年度计划投资, 资金来源, 政府投资 …): a
    /// sentence with two of them describes how a plan's projects and funds divide, not a target.
    static let portfolioWords = WordTable<String>(
        [
            "总投资", "个数占比", "投资占比", "年度计划投资", "年度计划完成", "计划完成", "资金来源", "政府投资",
            "社会投资", "续建项目", "前期项目", "计划新开工",
        ].map { ($0, $0) })

    /// Sections of the national industry classification (GB/T 4754) whose names are lists
    /// themselves: 信息传输、软件和信息技术服务业营业收入 is one indicator, not two.
    static let industryNames = WordTable<Bool>(
        [
            "农、林、牧、渔业", "农林牧渔业", "电力、热力、燃气及水生产和供应业", "批发和零售业", "交通运输、仓储和邮政业",
            "住宿和餐饮业", "信息传输、软件和信息技术服务业", "租赁和商务服务业", "科学研究和技术服务业",
            "水利、环境和公共设施管理业", "居民服务、修理和其他服务业", "卫生和社会工作", "文化、体育和娱乐业",
            "公共管理、社会保障和社会组织", "软件和信息技术服务业", "信息传输、软件和信息技术服务",
        ].map { ($0, true) })

    /// Ends of a sentence that says what a period is (“十五五”时期是基本实现现代化…的关键时期, 今年是…
    /// 奠定基础的重要一年): the verb inside describes the period, it sets no milestone.
    static let periodCharacterizations = WordTable<Bool>(
        [
            "关键时期", "关键阶段", "重要时期", "关键一年", "重要一年", "开局之年", "攻坚之年", "决胜之年", "决战年",
            "关键年", "窗口年", "窗口期", "之年", "的一年", "起步期", "机遇期", "关键期", "攻坚期", "转型期", "攻关期",
        ].map { ($0, true) })

    /// Openings of a sentence about the present (目前…, 截至目前…): with no time ahead, a statement of
    /// how things stand.
    static let presentOpenings = WordTable<Bool>(["目前", "当前", "现阶段", "现在", "眼下"].map { ($0, true) })

    /// Verbal nouns that end an indicator of a flow (实名制就业80万人): the number counts what is done.
    static let flowNouns = WordTable<Bool>(["就业", "转移就业", "新增就业", "培训", "引进", "招引", "创业", "安置"].map { ($0, true) })

    /// Openings of a paragraph that goes on from the one before it (同时，…; 此外，…).
    static let continuationOpenings = WordTable<Bool>(["同时，", "同时,", "此外，", "此外,", "另外，", "另外,"].map { ($0, true) })

    /// What a policy is made of (配套政策, 专项行动, 措施): counted, they describe the document, not a target.
    static let policyInstruments = WordTable<Bool>(["政策", "措施", "举措", "行动", "文件", "意见", "方案"].map { ($0, true) })

    /// Verbs that close a clause opening on a count (40个贫困村全部退出): what became of the things counted.
    static let completionVerbs = WordTable<Bool>(
        ["退出", "脱贫", "稳定脱贫", "摘帽", "出列", "竣工", "完工", "建成投产", "投产", "开工", "签约", "落地"].map { ($0, true) })

    /// Words that open a goal without a name of its own (全年目标, 各项目标, 既定目标, 发展目标 …).
    static let genericGoalWords = WordTable<Bool>(
        ["全年", "年度", "各项", "既定", "预期", "发展", "主要", "奋斗", "总体", "目标", "上述", "这一", "省定", "市定", "国家下达", "下达",
         "省下达", "市下达", "县下达", "上级下达", "区下达", "行动", "攻坚"]
            .map { ($0, true) })

    /// Nouns a money threshold describes when it runs straight into them (超50亿美元项目, 亿元企业).
    static let describedNouns = WordTable<Bool>(["项目", "企业", "工程", "大项目", "产业集群"].map { ($0, true) })
}
