import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program run in its own process group, so that a time limit can stop it and everything it started
/// (`soffice` is a shell script that starts `oosplash`, which starts `soffice.bin`).
struct ChildProcess {
    /// How a run ended.
    enum Outcome: Equatable {
        case exited(Int32)
        case signalled(Int32)
        /// Killed by the time limit: nothing happened for `idleLimit` seconds.
        case timedOut
    }

    /// Runs `executable` with `arguments` and `environment` (the whole environment of the child), its
    /// standard output and error appended to `log`. `progress` is asked every 50 ms; while its answer keeps
    /// changing the process may run on, and when it stays the same for `idleLimit` seconds the process group
    /// is killed.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String], log: String,
                    idleLimit: Double, progress: () -> Int) throws -> Outcome {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO) }

        var lastProgress = progress()
        var lastChange = Date()
        while true {
            var waitStatus: Int32 = 0
            let done = waitpid(pid, &waitStatus, WNOHANG)
            if done == pid {
                // Whatever the script left running in its group goes too.
                kill(-pid, SIGKILL)
                let signal = waitStatus & 0x7f
                return signal == 0 ? .exited((waitStatus >> 8) & 0xff) : .signalled(signal)
            }
            if done < 0 && errno != EINTR { return .exited(-1) }
            let now = progress()
            if now != lastProgress {
                lastProgress = now
                lastChange = Date()
            } else if Date().timeIntervalSince(lastChange) > idleLimit {
                kill(-pid, SIGKILL)
                while waitpid(pid, &waitStatus, 0) < 0 && errno == EINTR {}
                return .timedOut
            }
            usleep(50_000)
        }
    }
}
