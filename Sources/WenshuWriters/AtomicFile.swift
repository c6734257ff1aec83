import Foundation

/// Writes files so that a reader never sees half of one, and a failed run leaves what was there before.
public enum AtomicFile {
    /// Writes `data` to a temporary file in `url`'s folder, then renames it over `url`.
    /// The folder is created if missing.
    public static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try writeUnsynced(data, to: temporary)
            if rename(temporary.path, url.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Writes `data` to a new file at `url` with plain POSIX calls. Foundation's `Data.write` on Linux
    /// fsyncs every file, which made writing a batch's documents cost more than rendering them; the rename
    /// that follows is what keeps readers from ever seeing half a file.
    public static func writeUnsynced(_ data: Data, to url: URL) throws {
        try writeUnsynced(data, toPath: url.path)
    }

    /// `writeUnsynced(_:to:)` for a path, without building a URL (a batch writes thousands of files).
    public static func writeUnsynced(_ data: Data, toPath path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }  // an empty file
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(descriptor, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw CocoaError(.fileWriteOutOfSpace, userInfo: [NSFilePathErrorKey: path])
                }
                offset += written
            }
        }
    }
}
