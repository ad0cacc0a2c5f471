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
    /// The file the record was read from ("" when built in code).
    public var file: String

    public init(
        organization: String, date: CalendarDate, type: DrillType, form: DrillForm = .live, plan: String? = nil,
        participants: Int? = nil, evaluationReport: ReportStatus = .yes, reportedToCounty: ReportStatus = .yes,
        row: Int = 0, file: String = ""
    ) {
        self.file = file
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

    /// Where the record is: `records.csv:5`, or `row 5` when it was not read from a file.
    public var position: String { file.isEmpty ? "row \(row)" : "\(file):\(row)" }

    /// What makes two records the same drill (FORMATS.md §3: organisation, date, type and plan).
    public var identity: DrillIdentity {
        DrillIdentity(organization: organization, date: date, type: type, plan: plan)
    }
}

/// The organisation, date, type and plan of a drill: two records with the same identity are one
/// drill listed twice (a township's monthly file and the county's summary, say).
public struct DrillIdentity: Sendable, Hashable {
    public var organization: String
    public var date: CalendarDate
    public var type: DrillType
    public var plan: String?
}

/// A record that repeats an earlier one (same ``DrillIdentity``): counted once.
public struct DuplicateRecord: Sendable, Hashable {
    /// The record kept (first in the order the files were given).
    public var kept: DrillRecord
    /// The record left out.
    public var duplicate: DrillRecord

    public init(kept: DrillRecord, duplicate: DrillRecord) {
        self.kept = kept
        self.duplicate = duplicate
    }

    /// Records with duplicates removed, first occurrence kept, and the duplicates found.
    ///
    /// - Complexity: O(n) expected.
    public static func removing(from records: [DrillRecord]) -> (unique: [DrillRecord], duplicates: [DuplicateRecord]) {
        var first: [DrillIdentity: DrillRecord] = [:]
        var unique: [DrillRecord] = []
        var duplicates: [DuplicateRecord] = []
        for record in records {
            if let kept = first[record.identity] {
                duplicates.append(DuplicateRecord(kept: kept, duplicate: record))
            } else {
                first[record.identity] = record
                unique.append(record)
            }
        }
        return (unique, duplicates)
    }
}
