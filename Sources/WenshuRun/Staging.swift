import Foundation

/// The folder a run writes into before placing anything: `DIR/.wenshu-staging-<UUID>/`, a subfolder per
/// worker (files created in one folder by several threads wait for each other on that folder's lock in the
/// kernel), a folder per job in it. Its `owner` file holds the process id, so that a later run can tell a
/// folder left by a killed process (removed) from one in use by a run still going (left alone).
final class Staging: Sendable {
    static let prefix = ".wenshu-staging-"
    static let ownerFile = "owner"

    let path: String

    /// Creates the staging folder in `output` and registers it for removal on SIGINT and SIGTERM.
    init(in output: URL, workers: Int) throws {
        path = output.path + "/" + Self.prefix + UUID().uuidString
        try Placement.makeFolder(path, shownAs: output.path)
        Interruption.shared.register(path)
        do {
            try Placement.writeNew(Data("\(getpid())\n".utf8), toPath: path + "/" + Self.ownerFile, shownAs: output.path)
            for worker in 0..<workers { try Placement.makeFolder(path + "/\(worker)", shownAs: output.path) }
        } catch {
            remove()
            throw error
        }
    }

    /// The folder of job `index`, staged by `worker`.
    func jobFolder(worker: Int, index: Int) -> String { path + "/\(worker)/\(index)" }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
        Interruption.shared.unregister(path)
    }

    /// Removes the staging folders in `output` whose owner process is gone (killed, or a power cut), and
    /// those without an owner file (left by older versions) that nobody has touched for a minute.
    static func removeAbandoned(in output: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: output.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            let folder = output.path + "/" + name
            if let text = try? String(contentsOfFile: folder + "/" + ownerFile, encoding: .utf8) {
                guard let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)), !isAlive(pid) else { continue }
            } else {
                var info = stat()
                guard lstat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR,
                      time(nil) - info.st_mtim.tv_sec > 60 else { continue }
            }
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    /// A process with this id exists (it may belong to someone else: then it is alive too).
    static func isAlive(_ pid: pid_t) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }
}

/// SIGINT and SIGTERM during a run: wait for the job folders being placed, remove every staging folder,
/// then die of the same signal (so the shell sees the right status). The signals are taken by dispatch
/// sources, so the cleanup runs on an ordinary thread, not inside a signal handler.
final class Interruption: @unchecked Sendable {
    static let shared = Interruption()

    private let lock = NSLock()
    private var folders: Set<String> = []
    private var sources: [DispatchSourceSignal] = []
    private var stopping = false
    /// Placements take it shared; the cleanup takes it exclusively, so no job's folder is half placed.
    private var placementLock = pthread_rwlock_t()

    private init() { pthread_rwlock_init(&placementLock, nil) }

    /// A signal arrived: workers take no new job.
    var requested: Bool { lock.withLock { stopping } }

    func register(_ folder: String) {
        lock.withLock {
            folders.insert(folder)
            guard sources.isEmpty else { return }
            let queue = DispatchQueue(label: "wenshu.interruption")
            for number in [SIGINT, SIGTERM] {
                Glibc.signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { [unowned self] in self.stop(number) }
                source.resume()
                sources.append(source)
            }
        }
    }

    func unregister(_ folder: String) { _ = lock.withLock { folders.remove(folder) } }

    /// Runs `body` (one job's placement) so that a signal waits for it to finish.
    func placing(_ body: () -> Void) {
        pthread_rwlock_rdlock(&placementLock)
        defer { pthread_rwlock_unlock(&placementLock) }
        body()
    }

    private func stop(_ number: Int32) {
        let pending = lock.withLock { stopping = true; return folders }
        pthread_rwlock_wrlock(&placementLock)
        // A worker may be finishing a job inside the folder while it goes: try again until it is gone.
        for folder in pending {
            for _ in 0..<20 {
                try? FileManager.default.removeItem(atPath: folder)
                if access(folder, F_OK) != 0 { break }
                usleep(50_000)
            }
        }
        // Die of the signal. libdispatch keeps the signal blocked (it reads it from a signalfd): unblock it
        // in this thread first, or the raised signal would only wait, pending.
        Glibc.signal(number, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, number)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(number)
        _exit(128 + number)
    }
}
