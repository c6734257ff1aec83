import Foundation
import WenshuCase
import WenshuDiagnostics
import WenshuXML

/// Moves a job's staged folder into the output folder, all or nothing: a case folder that does not exist
/// yet is one rename of the whole staged folder; into an existing folder each file is renamed over the old
/// one, which is kept (as a hard link, or moved aside) until every rename has succeeded and put back if one
/// fails. Nothing is followed out of the output folder: a case folder or file that is a symbolic link is
/// refused. The folder's manifest records what each command wrote, so that a file an earlier run wrote and
/// this one no longer writes is removed, or kept with a warning when it was edited since.
struct Placement: Sendable {
    let settings: RunSettings
    /// Flush what a merge into an existing folder wrote (its manifest, the renames) right after it: set for a
    /// run of a few jobs, which flushes file by file instead of the whole file system.
    var flushesEachMerge = false

    /// Places the staged folder at `stagedFolder` (holding `names` and its manifest) as `DIR/<name>`;
    /// returns what was found (a refusal is an error and leaves the folder as it was).
    func place(_ stagedFolder: String, names: [String], into name: String, source: String) -> [Diagnostic] {
        let target = name.isEmpty ? settings.output.path : settings.output.path + "/" + name
        do {
            // A new folder: one rename that refuses to replace anything, so no lstat first.
            if !name.isEmpty, try Placement.renameIfAbsent(stagedFolder, to: target) { return [] }
            var info = stat()
            if (name.isEmpty ? stat(target, &info) : lstat(target, &info)) != 0 {
                guard errno == ENOENT else { throw FileProblem("write", path: target) }
                if rename(stagedFolder, target) != 0 { throw FileProblem("write", path: target) }
                return []
            }
            if !name.isEmpty { try refuseLink(info, at: target, source: source) }
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw Diagnostic(OutputID.notAFolder, at: SourceLocation(file: source), ["path": "\(target)"])
            }
            return try merge(stagedFolder, names: names, into: target, source: source)
        } catch let problem as FileProblem {
            return [problem.diagnostic(source: source)]
        } catch let diagnostic as Diagnostic {
            return [diagnostic]
        } catch {
            return [Diagnostic(OutputID.writeFailed, at: SourceLocation(file: source), ["detail": "\(error)"], wording: OutputWording.unexpected)]
        }
    }

    /// Into an existing folder: every name checked first, then renamed over, with rollback.
    private func merge(_ stagedFolder: String, names: [String], into target: String, source: String) throws -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let old = Manifest(contentsOfFile: target + "/" + Manifest.fileName)
        let written = Set(names)
        // Files this command wrote last time and no longer writes: removed unless edited since.
        var stale: [String] = []
        var kept = Manifest(contentsOfFile: stagedFolder + "/" + Manifest.fileName).entries(settings.manifestKey).map { (name: $0.name, digest: $0.digest) }
        for entry in old.entries(settings.manifestKey) where !written.contains(entry.name) {
            guard settings.claims(entry.name) else {
                kept.append((entry.name, entry.digest))  // another selection's file (another form, format or book): not ours to judge
                continue
            }
            let path = target + "/" + entry.name
            guard let current = try? Placement.digest(ofFileAt: path, shownAs: path) else { continue }  // gone already
            if current == entry.digest {
                stale.append(path)
            } else {
                diagnostics.append(Diagnostic(OutputID.staleEdited, at: SourceLocation(file: source), ["path": "\(path)"]))
            }
        }
        let manifest = old.replacing(settings.manifestKey, with: kept.sorted { $0.name < $1.name })
        unlink(stagedFolder + "/" + Manifest.fileName)
        try Placement.writeNew(manifest.data, toPath: stagedFolder + "/" + Manifest.fileName, shownAs: target)

        // Nothing is replaced that is a link or a folder.
        let moving = names + [Manifest.fileName]
        var existing: [Bool] = []
        for name in moving {
            var info = stat()
            let path = target + "/" + name
            guard lstat(path, &info) == 0 else { existing.append(false); continue }
            try refuseLink(info, at: path, source: source)
            if (info.st_mode & S_IFMT) == S_IFDIR {
                throw Diagnostic(OutputID.notAFolder, at: SourceLocation(file: source), ["path": "\(path)"], wording: OutputWording.folderInTheWay)
            }
            existing.append(true)
        }
        // Keep each old file until all renames are done.
        let backup = stagedFolder + "/.replaced"
        try Placement.makeFolder(backup, shownAs: target)
        var saved: [Int] = []
        var done: [Int] = []
        func rollBack() {
            for index in done.reversed() {
                let path = target + "/" + moving[index]
                if saved.contains(index) { rename(backup + "/\(index)", path) } else { unlink(path) }
            }
        }
        for (index, name) in moving.enumerated() {
            let path = target + "/" + name
            if existing[index] {
                if link(path, backup + "/\(index)") == 0 {
                    saved.append(index)
                } else if rename(path, backup + "/\(index)") == 0 {  // a file system without hard links
                    saved.append(index)
                } else {
                    let problem = FileProblem("replace", path: path)
                    rollBack()
                    throw problem
                }
            }
            if rename(stagedFolder + "/" + name, path) != 0 {
                let problem = FileProblem("write", path: path)
                if saved.last == index && access(path, F_OK) != 0 { rename(backup + "/\(index)", path) }
                rollBack()
                throw problem
            }
            done.append(index)
        }
        for path in stale { unlink(path) }
        if flushesEachMerge {
            Placement.flush(target + "/" + Manifest.fileName)
            Placement.flush(target)
        }
        return diagnostics
    }

    private func refuseLink(_ info: stat, at path: String, source: String) throws {
        guard (info.st_mode & S_IFMT) == S_IFLNK else { return }
        throw Diagnostic(OutputID.symlink, at: SourceLocation(file: source), ["path": "\(path)"])
    }

    // MARK: File-system calls

    /// Creates `-o` (and its parents) if missing; a file in its place is refused.
    static func prepareOutputFolder(_ output: URL) throws {
        let path = output.path
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw FileProblem("write into", path: path, code: ENOTDIR) }
            return
        }
        var components: [String] = []
        var current = path
        while !current.isEmpty && current != "/" && stat(current, &info) != 0 {
            guard errno == ENOENT else { throw FileProblem("create the folder", path: current) }
            components.append(current)
            current = (current as NSString).deletingLastPathComponent
        }
        if !current.isEmpty && current != "/" && (info.st_mode & S_IFMT) != S_IFDIR {
            throw FileProblem("create the folder", path: path, code: ENOTDIR)
        }
        for folder in components.reversed() where mkdir(folder, 0o777) != 0 && errno != EEXIST {
            throw FileProblem("create the folder", path: folder)
        }
    }

    /// Writes a staged job's manifest as a new folder's: this command's `names` with their `digests`
    /// (placement into an existing folder merges it with the folder's own); `replacing` one written before.
    static func writeManifest(names: [String], digests: [String], key: String, inStaged folder: String, shownAs shown: String,
                              replacing: Bool = false) throws {
        let path = folder + "/" + Manifest.fileName
        if replacing && unlink(path) != 0 && errno != ENOENT { throw FileProblem("write", path: shown) }
        try writeNew(Manifest().replacing(key, with: zip(names, digests).map { ($0, $1) }).data, toPath: path, shownAs: shown)
    }

    /// Renames `source` to `target` unless something (even a dangling link) is there: true when renamed,
    /// false when `target` exists or the kernel or file system cannot tell (then the caller looks).
    static func renameIfAbsent(_ source: String, to target: String) throws -> Bool {
        guard let renameat2 = renameat2Function else { return false }
        if renameat2(AT_FDCWD, source, AT_FDCWD, target, 1 /* RENAME_NOREPLACE */) == 0 { return true }
        switch errno {
        case EEXIST, EINVAL, ENOSYS, EPERM: return false  // there, or no RENAME_NOREPLACE here
        default: throw FileProblem("write", path: target)
        }
    }

    /// glibc's `renameat2` (2.28 and later), which the Glibc module does not import.
    private static let renameat2Function: (@convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32)? = {
        guard let symbol = dlsym(nil, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32).self)
    }()

    static func makeFolder(_ path: String, shownAs shown: String) throws {
        if mkdir(path, 0o777) != 0 { throw FileProblem("write", path: shown) }
    }

    /// Writes `data` to a new file (never through a link) with plain POSIX calls; the run flushes the disk
    /// once before placing (`syncFileSystem`). Foundation's `Data.write` on Linux fsyncs every file unasked.
    static func writeNew(_ data: Data, toPath path: String, shownAs shown: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileProblem("write", path: shown) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }  // an empty file
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(descriptor, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw FileProblem("write", path: shown)
                }
                offset += written
            }
        }
    }

    /// Flushes the file system holding `path` to the disk (`syncfs`): every file and folder written so far
    /// survives a power cut. Where `syncfs` is missing, `sync`.
    static func syncFileSystem(containing path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        if let syncfs = syncfsFunction { _ = syncfs(descriptor) } else { sync() }
    }

    /// `fsync` of the file or folder at `path` (never through a link); like `syncFileSystem`, a failure
    /// is not reported.
    static func flush(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        _ = fsync(descriptor)
    }

    /// glibc's `syncfs`, which the Glibc module does not import.
    private static let syncfsFunction: (@convention(c) (Int32) -> Int32)? = {
        guard let symbol = dlsym(nil, "syncfs") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
    }()

    static func digest(ofFileAt path: String, shownAs shown: String) throws -> String {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileProblem("read", path: shown) }
        defer { close(descriptor) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count < 0 { if errno == EINTR { continue }; throw FileProblem("read", path: shown) }
            if count == 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        return SHA256Digest.hex(of: data)
    }

    /// A test seam: `WENSHU_TEST_WRITE_ERRNO=28` makes every staged document write fail with that errno (ENOSPC),
    /// for testing the messages where no small file system can be mounted.
    static let injectedFailure: Int32? = ProcessEnvironment.value("WENSHU_TEST_WRITE_ERRNO").flatMap(Int32.init)
}

/// `DIR/<folder>/.wenshu-manifest`: per command, each file it wrote there and the file's SHA-256, one line
/// each (`command<TAB>sha256<TAB>name`), sorted, so runs stay byte-reproducible.
struct Manifest: Sendable {
    static let fileName = ".wenshu-manifest"
    struct Entry: Sendable { var name: String; var digest: String }

    private var lines: [(key: String, entry: Entry)] = []

    init() {}

    /// The manifest at `path`; none (or an unreadable one) is empty.
    init(contentsOfFile path: String) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", maxSplits: 2).map(String.init)
            guard fields.count == 3, !fields[2].contains("/") else { continue }
            lines.append((fields[0], Entry(name: fields[2], digest: fields[1])))
        }
    }

    func entries(_ key: String) -> [Entry] { lines.filter { $0.key == key }.map(\.entry) }

    func replacing(_ key: String, with entries: [(name: String, digest: String)]) -> Manifest {
        var copy = self
        copy.lines = lines.filter { $0.key != key } + entries.map { (key, Entry(name: $0.name, digest: $0.digest)) }
        copy.lines.sort { ($0.key, $0.entry.name) < ($1.key, $1.entry.name) }
        return copy
    }

    var data: Data { Data(lines.map { "\($0.key)\t\($0.entry.digest)\t\($0.entry.name)\n" }.joined().utf8) }
}

/// Places new case folders while the run is still staging, so that the renames — which the kernel
/// serialises on its rename lock — spread over staging instead of queuing after it (issue 18). A job is
/// placed here only once its staged files are on the disk: an `EarlyFlush` syncfs that began after it was
/// staged has returned (or the run does not flush). Only a new folder is placed here, by one `renameat2`
/// with `RENAME_NOREPLACE`; a merge into an existing folder, a refusal, and every job not flushed in time
/// are left to the placement at the end, which does them as before.
///
/// Each job claims its folder name as it is staged. When a second job claims a name, neither is placed
/// here, and a folder already placed under it is taken back to its staged place: both are then refused
/// with `case.folder-collision` at the end, and `-o` ends as if nothing had been placed early.
final class EarlyPlacement: @unchecked Sendable {
    private struct Claim { var index: Int; var worker: Int; var placed = false }

    private let output: String
    private let staging: Staging
    /// Place a job only after a flush covered it; false: at once (the run does not flush).
    private let waitsForFlush: Bool
    private let lock = NSLock()
    /// Folder name → the one job that claimed it.
    private var claims: [String: Claim] = [:]
    /// Folder names claimed by two jobs or more: never placed here.
    private var collided: Set<String> = []
    /// Names claimed since the last flush began.
    private var unflushed: [String] = []

    init(output: String, staging: Staging, waitsForFlush: Bool) {
        self.output = output
        self.staging = staging
        self.waitsForFlush = waitsForFlush
    }

    /// Job `index`, staged by `worker` for the new folder `name`, claims it (and is placed at once when
    /// the run does not flush); a second claim takes back a folder placed under the name.
    func claim(_ name: String, index: Int, worker: Int) {
        lock.withLock {
            guard !collided.contains(name) else { return }
            if let first = claims.removeValue(forKey: name) {
                collided.insert(name)
                if first.placed { takeBack(name, from: first) }
                return
            }
            claims[name] = Claim(index: index, worker: worker)
            if waitsForFlush { unflushed.append(name) } else { placeNow(name) }
        }
    }

    /// A flush is about to begin: the names it will cover (their jobs' files were all written before).
    func flushBegins() -> [String] {
        lock.withLock { defer { unflushed = [] }; return unflushed }
    }

    /// Places the jobs of `names` that a flush, now returned, covered (each under the lock, so that a
    /// claim can come between two of them).
    func placeFlushed(_ names: [String]) {
        for name in names { lock.withLock { placeNow(name) } }
    }

    /// The jobs placed here (and not taken back).
    var placed: [Int] { lock.withLock { claims.values.filter(\.placed).map(\.index) } }

    /// With the lock held: one rename, or nothing (the end's placement will try again and say why).
    private func placeNow(_ name: String) {
        guard var claim = claims[name], !claim.placed, !Interruption.shared.requested else { return }
        Interruption.shared.placing {
            let staged = staging.jobFolder(worker: claim.worker, index: claim.index)
            claim.placed = (try? Placement.renameIfAbsent(staged, to: output + "/" + name)) ?? false
        }
        claims[name] = claim
    }

    /// With the lock held: moves a folder placed early back to where it was staged (or, should that fail,
    /// removes it: it was new, and this run made it).
    private func takeBack(_ name: String, from claim: Claim) {
        Interruption.shared.placing {
            let target = output + "/" + name
            if rename(target, staging.jobFolder(worker: claim.worker, index: claim.index)) != 0 {
                try? FileManager.default.removeItem(atPath: target)
            }
        }
    }
}
