/// What a drill exercised (FORMATS.md §3 `type`): a comprehensive plan (综合应急预案), a special
/// plan (专项应急预案) or an on-site procedure (现场处置方案).
public enum DrillType: String, Sendable, Hashable, CaseIterable, Codable {
    case comprehensive
    case special
    case onsite

    /// Chinese spellings accepted in records (综合, 专项, 现场处置, 现场处置方案).
    public static let aliases: [String: DrillType] = [
        "综合": .comprehensive, "综合演练": .comprehensive, "综合应急预案": .comprehensive,
        "专项": .special, "专项演练": .special, "专项应急预案": .special,
        "现场处置": .onsite, "现场处置方案": .onsite, "现场处置演练": .onsite,
    ]
}

/// How a drill was held (`form`): live (实战) or tabletop (桌面).
public enum DrillForm: String, Sendable, Hashable, CaseIterable, Codable {
    case live
    case tabletop

    /// Chinese spellings accepted in records.
    public static let aliases: [String: DrillForm] = [
        "实战": .live, "实战演练": .live, "桌面": .tabletop, "桌面推演": .tabletop, "桌面演练": .tabletop,
    ]
}

/// `yes`, `no` or `planned` for `evaluation_report` and `reported_to_county`.
public enum ReportStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case yes
    case no
    case planned

    /// Spellings accepted in records besides `yes`/`no`/`planned` (any case).
    public static let aliases: [String: ReportStatus] = [
        "y": .yes, "true": .yes, "是": .yes, "有": .yes, "已报送": .yes,
        "n": .no, "false": .no, "否": .no, "无": .no, "未报送": .no,
        "已评估": .yes, "已上报": .yes, "1": .yes, "未评估": .no, "未上报": .no, "0": .no,
        "计划": .planned, "待定": .planned, "计划中": .planned,
    ]
}

/// One drill as the records keep it (one row of records.csv).
public struct DrillRecord: Sendable, Hashable {
    /// Id of the organisation that held it.
    public var organization: String
    public var date: CalendarDate
    public var type: DrillType
    public var form: DrillForm
    /// Id of the plan drilled (`plan` column), if given.
    public var plan: String?
    /// Number of participants, if given.
    public var participants: Int?
    public var evaluationReport: ReportStatus
    public var reportedToCounty: ReportStatus
    /// Row in the CSV file (header = row 1); 0 when built in code.
    public var row: Int

    public init(
        organization: String, date: CalendarDate, type: DrillType, form: DrillForm = .live, plan: String? = nil,
        participants: Int? = nil, evaluationReport: ReportStatus = .yes, reportedToCounty: ReportStatus = .yes,
        row: Int = 0
    ) {
        self.organization = organization
        self.date = date
        self.type = type
        self.form = form
        self.plan = plan
        self.participants = participants
        self.evaluationReport = evaluationReport
        self.reportedToCounty = reportedToCounty
        self.row = row
    }
}
