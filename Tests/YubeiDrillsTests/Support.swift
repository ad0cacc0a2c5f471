import Foundation
import Testing
import YubeiCore
@testable import YubeiDrills
import YubeiTestSupport

/// `2026-03-14` → a date (test shorthand; traps on a bad literal).
func d(_ text: String) -> CalendarDate { parsed(text) }

/// A record with defaults that make it count and raise no finding.
func drill(
    _ organization: String, _ date: String, _ type: DrillType = .comprehensive, plan: String? = nil,
    evaluation: ReportStatus = .yes, reported: ReportStatus = .yes, form: DrillForm = .live
) -> DrillRecord {
    DrillRecord(organization: organization, date: d(date), type: type, form: form, plan: plan,
                evaluationReport: evaluation, reportedToCounty: reported)
}

/// A registry holding one rule and the given organisations.
func registry(_ rules: [Rule], _ organizations: [Organization], halfYearCounting: Counting? = nil) -> OrganizationRegistry {
    OrganizationRegistry(rulePacks: [RulePack(name: "test", rules: rules)], organizations: organizations,
                         halfYearCounting: halfYearCounting)
}

/// The statuses of a report as `[period label: status]` for one organisation and rule.
func statuses(_ report: DrillCheckReport, _ organization: String, _ rule: String) -> [String: QuotaStatus] {
    Dictionary(uniqueKeysWithValues: report.results.filter { $0.organization == organization && $0.rule == rule }
        .map { ($0.period.label, $0.status) })
}

/// The diagnostics an input error carries, as printed.
func messages(_ body: () throws -> Void) -> [String] {
    do {
        try body()
        return []
    } catch let error as InputError {
        return error.diagnostics.all.filter { $0.severity == .error }.map(\.description)
    } catch {
        return ["unexpected error: \(error)"]
    }
}

extension DrillRecord {
    /// The record without the name of the file it was read from, to compare with one built in code.
    var withoutFile: DrillRecord {
        var copy = self
        copy.file = ""
        return copy
    }
}

extension Array where Element == DrillRecord {
    var withoutFile: [DrillRecord] { map(\.withoutFile) }
}
