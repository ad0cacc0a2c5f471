import Foundation
import Testing
@testable import YubeiOptimization
import YubeiTestSupport

@Suite("Concurrent solves")
struct ConcurrencyTests {
    /// One solve and the answer it must give.
    struct Job: Sendable {
        var model: Model
        var expected: Double
    }

    static func jobs() -> [Job] {
        var jobs = [
            Job(model: LinearProgramTests.Production().model, expected: 36),
            Job(model: LinearProgramTests.Diet().model, expected: 128),
            Job(model: ExportTests.awkwardMIP(), expected: 24),
        ]
        for seed in UInt64(20)..<23 {
            let k = Knapsack(seed: seed)
            jobs.append(Job(model: k.model().0, expected: Double(k.bestByEnumeration())))
            let f = FacilityLocation(seed: seed)
            jobs.append(Job(model: f.model().0, expected: f.bestByEnumeration()))
        }
        return jobs
    }

    @Test("16 tasks × 9 models (LPs and MIPs) solved at once all give the right optimum")
    func sixteenTasks() async throws {
        let jobs = Self.jobs()
        let failures = await withTaskGroup(of: [String].self) { group in
            for task in 0..<16 {
                group.addTask {
                    var failures: [String] = []
                    // Each task starts at a different model so that different models overlap.
                    for k in jobs.indices {
                        let job = jobs[(k + task) % jobs.count]
                        do {
                            let r = try job.model.solve()
                            if !r.isOptimal || !approximatelyEqual(r.objectiveValue, job.expected) {
                                failures.append("task \(task), \(job.model.name): \(r.termination) \(r.objectiveValue ?? .nan) ≠ \(job.expected)")
                            }
                        } catch {
                            failures.append("task \(task), \(job.model.name): threw \(error)")
                        }
                    }
                    return failures
                }
            }
            var all: [String] = []
            for await f in group { all += f }
            return all
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test("concurrent exports and solves with GLPK output on do not disturb each other")
    func concurrentExports() async throws {
        let directory = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = ExportTests.awkwardMIP()
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    let path = directory.appendingPathComponent("m\(task).lp").path
                    #expect(throws: Never.self) { try model.write(to: path, format: .cplexLP) }
                    #expect(approximatelyEqual(try? model.solve().objectiveValue, 24))
                }
            }
        }
        for task in 0..<8 {
            let report = try glpsol(directory.appendingPathComponent("m\(task).lp"), format: .cplexLP)
            #expect(approximatelyEqual(report.objective, 24))
        }
    }
}
