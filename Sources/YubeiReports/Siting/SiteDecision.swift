import YubeiCore
import YubeiSiting

/// What a plan decided for one site, as plan.geojson (`status`), the report's site table and the
/// SVG map (its colours) show it.
enum SiteDecision: String {
    case existing
    case opened
    case notOpened = "not-opened"

    /// An existing site the plan leaves closed (`--forbid`) is not open, whatever it was; a plan
    /// without a solution shows existing sites as they are.
    init(existing: Bool, open: Bool, in plan: SitingPlan) {
        self = existing && (open || !plan.status.hasSolution) ? .existing : open ? .opened : .notOpened
    }

    /// The report's wording.
    var phrase: Phrase {
        switch self {
        case .existing: SitingReportText.existing
        case .opened: SitingReportText.opened
        case .notOpened: SitingReportText.notOpened
        }
    }
}
