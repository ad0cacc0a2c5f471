import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a set of output files all at once or not at all.
///
/// 1. Every file is written into a fresh hidden staging folder *beside* the destination
///    (`out/.dehua.yubei-staging-UUID` for `out/dehua`), so nothing in the destination changes
///    while the files are written.
/// 2. The destination folder is created if needed and locked (`flock` on the folder itself), so
///    concurrent runs into one folder take turns: each run's set lands whole.
/// 3. Under the lock, a name that exists but is not a regular file (a *folder* named
///    `plan.json`) refuses the whole set; nothing is deleted that this run did not write.
/// 4. The old files of the set are moved aside into the staging folder, the new ones are renamed
///    into place; any failure moves everything back, so the folder holds the old set or the new
///    one, never a mix. Files in the folder that are not part of the set are never touched.
/// 5. The staging folder is removed, on success, on failure and on SIGINT/SIGTERM (see
///    ``installSignalCleanup()``); a destination folder this run created is removed again when
///    the set could not be written.
public enum OutputFiles {
    /// Why a set of files could not be written; the command exits 73 (`EX_CANTCREAT`).
    public struct WriteError: Error, CustomStringConvertible, LocalizedError {
        public var description: String
        public var errorDescription: String? { description }
        init(_ description: String) { self.description = description }
    }

    /// Writes `files` (name → contents) into `directory`, creating it if needed.
    ///
    /// Once SIGINT or SIGTERM has started the cleanup, this never returns: the signal ends the
    /// process, not an error about the staging folder the cleanup removed nor a success exit.
    public static func write(_ files: [(name: String, contents: Data)], to directory: URL) throws {
        defer { StagingRegistry.shared.parkIfInterrupted() }  // runs last, after the clean-up below
        let fm = FileManager.default
        let target = directory.standardizedFileURL
        let path = target.path
        guard !target.lastPathComponent.isEmpty, path != "/" else { throw WriteError("'\(directory.path)' is not a folder to write into") }
        var names = Set<String>()
        for file in files {
            guard !file.name.isEmpty, !file.name.contains("/"), file.name != ".", file.name != "..", names.insert(file.name).inserted else {
                throw WriteError("'\(file.name)' is not a file name")
            }
        }
        let parent = target.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).yubei-staging-\(UUID().uuidString)")
        // Registered before it exists: a signal between the two must still find it.
        StagingRegistry.shared.add(staging.path)
        do { try fm.createDirectory(at: staging, withIntermediateDirectories: false) } catch {
            StagingRegistry.shared.remove(staging.path)
            throw error
        }
        defer {
            try? fm.removeItem(at: staging)
            StagingRegistry.shared.remove(staging.path)
        }
        for file in files {
            try file.contents.write(to: staging.appendingPathComponent(file.name))
            testingDelay("YUBEI_TEST_OUTPUT_FILE_DELAY_MS")
        }
        testingDelay("YUBEI_TEST_OUTPUT_DELAY_MS")

        // The destination: created by this run or an existing folder.
        var created = false
        if mkdir(path, 0o777) == 0 {
            created = true
        } else if errno != EEXIST {
            throw WriteError("cannot create the folder '\(directory.path)': \(String(cString: strerror(errno)))")
        }
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WriteError("'\(directory.path)' exists and is not a folder")
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw WriteError("cannot open the folder '\(directory.path)': \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        // Wait our turn (another run may be moving its set in); give up after a minute.
        var waited = 0
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, waited < 60_000 else {
                throw WriteError("the folder '\(directory.path)' is busy: another run is writing into it")
            }
            usleep(10_000)
            waited += 10
        }
        defer { flock(fd, LOCK_UN) }

        do {
            try StagingRegistry.shared.critical { try replace(files.map(\.name), in: target, from: staging) }
        } catch {
            if created { rmdir(path) }  // only when still empty
            throw error
        }
    }

    /// Moves the staged files into `target`, the old ones aside first; all or nothing.
    static func replace(_ names: [String], in target: URL, from staging: URL) throws {
        let aside = staging.appendingPathComponent(".old")
        guard mkdir(aside.path, 0o700) == 0 else { throw WriteError("cannot prepare the staging folder") }
        // Nothing that is not a regular file (or a link) is ever replaced.
        for name in names {
            var info = stat()
            let destination = target.appendingPathComponent(name).path
            if lstat(destination, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                throw WriteError("'\(destination)' is a folder; it was left as it was and nothing was written")
            }
        }
        var movedAside: [String] = [], movedIn: [String] = []
        func rollBack() {
            for name in movedIn.reversed() {
                _ = rename(target.appendingPathComponent(name).path, staging.appendingPathComponent(name).path)
            }
            for name in movedAside.reversed() {
                _ = rename(aside.appendingPathComponent(name).path, target.appendingPathComponent(name).path)
            }
        }
        for name in names {
            let destination = target.appendingPathComponent(name).path
            if rename(destination, aside.appendingPathComponent(name).path) == 0 {
                movedAside.append(name)
            } else if errno != ENOENT {
                let why = String(cString: strerror(errno))
                rollBack()
                throw WriteError("cannot replace '\(destination)': \(why)")
            }
        }
        for name in names {
            let destination = target.appendingPathComponent(name).path
            guard rename(staging.appendingPathComponent(name).path, destination) == 0 else {
                let why = String(cString: strerror(errno))
                rollBack()
                throw WriteError("cannot write '\(destination)': \(why)")
            }
            movedIn.append(name)
        }
    }

    /// Writes text files (UTF-8) into `directory`, all or none.
    public static func write(_ files: [(name: String, text: String)], to directory: URL) throws {
        try write(files.map { (name: $0.name, contents: Data($0.text.utf8)) }, to: directory)
    }

    /// Removes every staging folder still in progress and lets SIGINT and SIGTERM end the process
    /// as usual afterwards. Call once at start-up; a set being moved into place is finished first.
    public static func installSignalCleanup() {
        StagingRegistry.shared.installHandlers()
    }

    /// A pause for tests that interrupt a run while its staging folder exists:
    /// `YUBEI_TEST_OUTPUT_DELAY_MS` after the staging folder is written,
    /// `YUBEI_TEST_OUTPUT_FILE_DELAY_MS` after each file staged, `YUBEI_TEST_CLEANUP_DELAY_MS`
    /// between a signal's cleanup and the end it brings. Not for use outside tests.
    static func testingDelay(_ variable: String) {
        guard let text = ProcessInfo.processInfo.environment[variable],
              let ms = Int(text), (1...60_000).contains(ms) else { return }
        usleep(UInt32(ms) * 1000)
    }
}

/// Staging folders of this process, for the SIGINT/SIGTERM cleanup.
final class StagingRegistry: @unchecked Sendable {
    static let shared = StagingRegistry()
    private let lock = NSLock()
    /// Held while a set is moved into place, so that a signal waits for it to finish.
    private let moving = NSLock()
    private var paths: Set<String> = []
    private var sources: [DispatchSourceSignal] = []
    /// Set when a signal's cleanup has begun; from then on only the signal ends the process.
    private var interrupted = false

    /// Registers a staging folder, or waits for the signal when its cleanup has begun.
    func add(_ path: String) {
        let registered = lock.withLock { () -> Bool in
            guard !interrupted else { return false }
            paths.insert(path)
            return true
        }
        if !registered { parkIfInterrupted() }
    }
    func remove(_ path: String) { lock.withLock { _ = paths.remove(path) } }

    /// Waits for the signal to end the process when its cleanup has begun; returns at once
    /// otherwise. The cleanup removes staging folders under a writer's feet, so the writer's
    /// error (or success) must not end the process first with an ordinary exit status.
    func parkIfInterrupted() {
        guard lock.withLock({ interrupted }) else { return }
        while true { sleep(60) }
    }

    func critical<R>(_ body: () throws -> R) rethrows -> R {
        moving.lock()
        defer { moving.unlock() }
        return try body()
    }

    func installHandlers() {
        lock.withLock {
            guard sources.isEmpty else { return }
            // Linux's libdispatch reads signals through signalfd, which sees only blocked signals:
            // block them in this (the first) thread, which every later thread inherits.
            var blocked = sigset_t()
            sigemptyset(&blocked)
            sigaddset(&blocked, SIGINT)
            sigaddset(&blocked, SIGTERM)
            pthread_sigmask(SIG_BLOCK, &blocked, nil)
            for signo in [SIGINT, SIGTERM] {
                let source = DispatchSource.makeSignalSource(signal: signo, queue: .global())
                source.setEventHandler { [self] in
                    lock.withLock { interrupted = true }
                    moving.lock()  // let a set being moved in land whole; never unlocked
                    let pending = lock.withLock { paths }
                    // The main thread may still be writing into a staging folder: a removal that
                    // races a new file fails on the last rmdir, so try again until the folder is gone.
                    for path in pending {
                        for _ in 0..<200 where FileManager.default.fileExists(atPath: path) {
                            try? FileManager.default.removeItem(atPath: path)
                            if FileManager.default.fileExists(atPath: path) { usleep(5_000) }
                        }
                    }
                    OutputFiles.testingDelay("YUBEI_TEST_CLEANUP_DELAY_MS")
                    // End as the signal says (status 128 + signo to the shell).
                    signal(signo, SIG_DFL)
                    var only = sigset_t()
                    sigemptyset(&only)
                    sigaddset(&only, signo)
                    pthread_sigmask(SIG_UNBLOCK, &only, nil)
                    raise(signo)
                    _exit(128 + signo)
                }
                source.resume()
                sources.append(source)
            }
        }
    }
}
