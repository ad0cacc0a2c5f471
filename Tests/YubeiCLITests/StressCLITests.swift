import Foundation
import Testing
import YubeiTestSupport

/// `yubei stress` end to end.
@Suite struct StressCLITests {
    static let twoVillages = packageRoot.appendingPathComponent("Tests/YubeiStudiesTests/Fixtures/two-villages.yaml").path

    static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("yubei-stress-\(UUID().uuidString)")
    }

    @Test func nMinusOneFromASolvedPlan() throws {
        let dir = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let planDir = dir.appendingPathComponent("plan"), out = dir.appendingPathComponent("stress")
        #expect(try runYubei(["solve", Self.twoVillages, "--out", planDir.path]).status == 0)
        let run = try runYubei(["stress", Self.twoVillages, "--plan", planDir.appendingPathComponent("plan.json").path,
                                "--n-1", "--out", out.path, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let result = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        #expect(result["critical"] as? [String] == ["S1", "S3", "W1", "S2"])
        let cases = result["cases"] as! [[String: Any]]
        #expect(cases.map { $0["name"] as! String } == ["plan", "lose S1", "lose S3", "lose W1", "lose S2"])
        let loseS1 = (cases[1]["hazards"] as! [String: Any])["flood"] as! [String: Any]
        #expect(loseS1["unsheltered"] as? Double == 400)
        #expect(loseS1["without_kit"] as? Double == 0)
        for name in ["stress.json", "stress.csv", "stress.md", "stress.html"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
        let csv = try Data(contentsOf: out.appendingPathComponent("stress.csv"))
        #expect(csv.starts(with: [0xEF, 0xBB, 0xBF] + Array("case,kind,site,rank".utf8)))
        let html = try String(contentsOf: out.appendingPathComponent("stress.html"), encoding: .utf8)
        #expect(html.contains("<svg") && html.contains("中心体育场 (S3)"))
    }

    @Test func aPlanFromAnotherCountyIsRefused() throws {
        let dir = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = dir.appendingPathComponent("plan.json")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(#"{"open_warehouses": ["W9"], "open_shelters": [], "stock": {}}"#.utf8).write(to: plan)
        let run = try runYubei(["stress", Self.twoVillages, "--plan", plan.path, "--out", dir.appendingPathComponent("o").path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("warehouse 'W9'"))
        let unknown = try runYubei(["stress", Self.twoVillages, "--plan", plan.path, "--out", dir.appendingPathComponent("o").path,
                                    "--close", "S4"])
        #expect(unknown.status == 64)
    }

    @Test func roadCutAndTeamLossAreRecordedAndCheckedLikeOverrides() throws {
        let fixture = packageRoot.appendingPathComponent("Tests/YubeiStudiesTests/Fixtures/road-villages.yaml").path
        let dir = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let planDir = dir.appendingPathComponent("plan"), out = dir.appendingPathComponent("stress")
        #expect(try runYubei(["solve", fixture, "--out", planDir.path]).status == 0)
        let plan = planDir.appendingPathComponent("plan.json").path
        let run = try runYubei(["stress", fixture, "--plan", plan, "--without-team", "T2", "--cut-road", "B:S3",
                                "--out", out.path, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let result = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        #expect(result["overrides"] as? [String] == ["--without-team T2", "--cut-road B:S3"])
        let cases = result["cases"] as! [[String: Any]]
        #expect(cases.map { $0["name"] as! String } == ["plan", "shock: --without-team T2 --cut-road B:S3"])
        let flood = (cases[1]["hazards"] as! [String: Any])["flood"] as! [String: Any]
        #expect(flood["unsheltered"] as? Double == 200)
        #expect(flood["without_kit"] as? Double == 600)
        #expect(flood["team_gaps"] as? Double == 1)
        let markdown = try String(contentsOf: out.appendingPathComponent("stress.md"), encoding: .utf8)
        #expect(markdown.contains("--cut-road B:S3") && markdown.contains("--without-team T2"))
        for (option, value, closest) in [("--cut-road", "B:S4", "'S1'"), ("--without-team", "T3", "'T1'")] {
            let bad = try runYubei(["stress", fixture, "--plan", plan, option, value, "--out", dir.appendingPathComponent("bad").path])
            #expect(bad.status == 64, "\(option)")
            #expect(bad.stderr.contains("did you mean \(closest)"), "\(bad.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("bad").path))
        }
    }
}

/// `policy.resilience: n-1` in `yubei solve`, then the plan stress-tested.
@Suite struct ResilienceCLITests {
    static let fixture = packageRoot.appendingPathComponent("Tests/YubeiStudiesTests/Fixtures/two-villages-resilient.yaml").path

    @Test func resilientPlanShowsItsPriceAndSurvivesStress() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yubei-resilience-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let solve = try runYubei(["solve", Self.fixture, "--out", dir.appendingPathComponent("plan").path, "--json"])
        #expect(solve.status == 0, "\(solve.stderr)")
        let plan = try JSONSerialization.jsonObject(with: Data(solve.stdout.utf8)) as! [String: Any]
        let resilience = plan["resilience"] as! [String: Any]
        #expect(resilience["rule"] as? String == "n-1")
        #expect((resilience["price"] as! Double) > 0)
        #expect((plan["hazards"] as! [String: Any]).keys.sorted() == ["flood"])
        let markdown = try String(contentsOf: dir.appendingPathComponent("plan/report.md"), encoding: .utf8)
        #expect(markdown.contains("## Price of resilience (N-1)"))
        let stress = try runYubei(["stress", Self.fixture, "--plan", dir.appendingPathComponent("plan/plan.json").path, "--n-1",
                                   "--out", dir.appendingPathComponent("stress").path, "--json"])
        #expect(stress.status == 0, "\(stress.stderr)")
        let result = try JSONSerialization.jsonObject(with: Data(stress.stdout.utf8)) as! [String: Any]
        for c in result["cases"] as! [[String: Any]] {
            let flood = (c["hazards"] as! [String: Any])["flood"] as! [String: Any]
            #expect((flood["unsheltered"] as! Double) <= 160, "\(c["name"]!)")
            #expect((flood["without_kit"] as! Double) <= 160, "\(c["name"]!)")
        }
    }
}
