import Foundation
import Testing
import YubeiCore
import YubeiLocation
import YubeiTestSupport

/// Fixture files: copies of OR-Library instances (Beasley 1990) kept beside the tests.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Writes `text` to a fresh temporary file and returns its path.
    static func temporary(_ text: String, name: String) throws -> String {
        try scratchFile(name, text: text).path
    }
}

/// Published optima of OR-Library instances (optima.tsv in the shared data; the cap values are
/// the splittable CFLP optima of Beasley's capopt; for cap71, cap101 and cap131 the capacities
/// never bind, so they are also the uncapacitated optima listed in Beasley's uncapopt).
@Suite("OR-Library instances reach their published optima")
struct ORLibraryTests {
    @Test("cap as CFLP", arguments: [("cap41", 1040444.375), ("cap71", 932615.750), ("cap101", 796648.437), ("cap131", 793439.562)])
    func capacitated(name: String, optimum: Double) throws {
        let q = try ORLibrary.readCap(path: Fixtures.path("\(name).txt"), model: .cflp)
        let s = q.solve()
        #expect(s.status == .optimal)
        #expect(abs(s.objective! - optimum) < 0.01, "\(name): \(s.objective!) vs \(optimum)")
        BruteForceTests.check(q, s)
    }

    @Test("cap as UFLP where capacities never bind", arguments: [("cap71", 932615.750), ("cap101", 796648.437), ("cap131", 793439.562)])
    func uncapacitated(name: String, optimum: Double) throws {
        let q = try ORLibrary.readCap(path: Fixtures.path("\(name).txt"), model: .uflp)
        #expect(q.facilities.allSatisfy { $0.capacity == nil })
        let s = q.solve()
        #expect(s.status == .optimal)
        #expect(abs(s.objective! - optimum) < 0.01, "\(name): \(s.objective!) vs \(optimum)")
    }

    @Test("pmed as p-median", arguments: [("pmed1", 5819.0, 5), ("pmed2", 4093.0, 10)])
    func pMedian(name: String, optimum: Double, p: Int) throws {
        let q = try ORLibrary.readPMedian(path: Fixtures.path("\(name).txt"))
        #expect(q.p == p)
        #expect(q.pointCount == 100)
        let s = q.solve()
        #expect(s.status == .optimal)
        #expect(s.objective == optimum)
        #expect(s.open.count == p)
        #expect(s.bound == optimum)
    }

    @Test("pmed shortest paths: the last listing of an edge counts")
    func pmedShortestPaths() throws {
        // 1–2 listed twice (5, then 1); 2–3 = 2; 3–4 = 7; 1–4 = 20.
        let path = try Fixtures.temporary("4 5 1\n1 2 5\n2 3 2\n3 4 7\n1 4 20\n1 2 1\n", name: "tiny.txt")
        let q = try ORLibrary.readPMedian(path: path)
        #expect(q.cost(0, 1) == 1)
        #expect(q.cost(0, 2) == 3)
        #expect(q.cost(0, 3) == 10)
        #expect(q.cost(3, 0) == 10)
        let s = q.solve()
        // One median: vertex 2 or 3 gives 1+0+2+9 = 12 or 3+2+0+7 = 12.
        #expect(s.objective == 12)
    }

    @Test("capacity word needs --capacity; bad numbers reported by line")
    func capErrors() throws {
        let literal = try Fixtures.temporary("2 1\ncapacity 10.\ncapacity 20.\n5\n1. 2.\n", name: "capx.txt")
        #expect(throws: InputError.self) { try ORLibrary.readCap(path: literal) }
        do {
            _ = try ORLibrary.readCap(path: literal)
        } catch {
            #expect(error.diagnostics.all.map(\.description) == ["\(literal):2: error: warehouse 1: the capacity is the word 'capacity' (as in capa, capb, capc): give its value with --capacity"])
        }
        let q = try ORLibrary.readCap(path: literal, capacity: 7)
        #expect(q.facilities.map(\.capacity) == [7, 7])
        let s = q.solve()
        #expect(s.objective == 11)  // open warehouse 1 (10) and serve from it (1)

        let broken = try Fixtures.temporary("2 2\n10 5\n10 x\n3\n1 2\n4\n-1 2\n", name: "bad.txt")
        do {
            _ = try ORLibrary.readCap(path: broken)
            Issue.record("expected an input error")
        } catch {
            let lines = error.diagnostics.all.map(\.description)
            #expect(lines.contains("\(broken):3: error: warehouse 2 fixed cost: expected a number, found 'x'"))
            #expect(lines.contains("\(broken):7: error: customer 2 cost from warehouse 1: expected a number ≥ 0, found -1"))
        }
        let truncated = try Fixtures.temporary("1 2\n10 5\n3\n1\n", name: "short.txt")
        do {
            _ = try ORLibrary.readCap(path: truncated)
            Issue.record("expected an input error")
        } catch {
            #expect(error.diagnostics.all.map(\.description) == ["\(truncated):4: error: the file ends after 1 of 2 customers"])
        }
    }

    @Test("pmed errors: vertex out of range, negative length")
    func pmedErrors() throws {
        let path = try Fixtures.temporary("3 2 1\n1 4 5\n2 3 -2\n", name: "badgraph.txt")
        do {
            _ = try ORLibrary.readPMedian(path: path)
            Issue.record("expected an input error")
        } catch {
            #expect(error.diagnostics.all.map(\.description) == [
                "\(path):2: error: edge 1: expected two vertex numbers in 1...3, found '1 4'",
                "\(path):3: error: edge 2: expected a length ≥ 0, found '-2'",
            ])
        }
    }
}
