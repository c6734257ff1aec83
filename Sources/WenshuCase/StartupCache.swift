import Foundation
import WenshuDiagnostics

/// What start-up works out from files alone, kept on disk between runs (issue 18: a one-form render compiled
/// the template schema and validated its form against it, 11 M instructions, every time).
///
/// Safe by construction: an entry's name is the SHA-256 of everything its answer depends on — the bytes it
/// was worked out from, in order, and the build ids of this program and of every library loaded into it
/// (libxml2 among them) — so an entry can only answer the question it was written for, and a changed file,
/// program or library asks a new one. An entry is written whole (a temporary file renamed into place) and
/// holds its own name, so a truncated or foreign file is a miss, as is anything unreadable; the cache is
/// never needed for a right answer, only for a fast one. In `$XDG_CACHE_HOME/wenshu` (else
/// `~/.cache/wenshu`); `WENSHU_CACHE=0` turns it off. Entries written more than 30 days ago are removed
/// when a new one is written (`prune`); any entry may be deleted at any time.
package struct StartupCache: Sendable {
    /// The folder of the entries.
    package let folder: String
    /// What tells this program and its libraries apart (the SHA-256 of their build ids).
    private let identity: [UInt8]

    /// The cache of this process, `nil` when turned off, when there is no place for it, or when the program
    /// carries no build id to tell its versions apart.
    package static let shared: StartupCache? = {
        if ProcessEnvironment.value("WENSHU_CACHE") == "0" { return nil }
        let base: String
        if let xdg = ProcessEnvironment.value("XDG_CACHE_HOME"), xdg.hasPrefix("/") {
            base = xdg
        } else if let home = ProcessEnvironment.value("HOME"), home.hasPrefix("/") {
            base = home + "/.cache"
        } else {
            return nil
        }
        guard let identity = loadedBuildIDs() else { return nil }
        return StartupCache(folder: base + "/wenshu", identity: identity)
    }()

    /// A cache in `folder` for a program told apart by `identity` (tests pass their own).
    package init(folder: String, identity: [UInt8]) {
        self.folder = folder
        self.identity = identity
    }

    /// The entry's name for an answer worked out from `parts` (the first naming the question).
    package func key(_ parts: [Data]) -> String {
        Self.digest([Data(identity)] + parts)
    }

    /// The SHA-256, as hex, of `parts`, each framed by its length.
    private static func digest(_ parts: [Data]) -> String {
        let hasher = SHA256Digest.Hasher()
        for part in parts {
            // Each part's length first, so that no two lists of parts hash the same bytes.
            var length = UInt64(part.count).littleEndian
            withUnsafeBytes(of: &length) { hasher.update($0) }
            hasher.update(part)
        }
        return hasher.finalize()
    }

    /// The payload stored under `key`, `nil` when there is none whole. An entry is its key, the payload's
    /// SHA-256 and the payload.
    package func read(_ key: String) -> Data? {
        guard let data = FileManager.default.contents(atPath: folder + "/" + key) else { return nil }
        let headerSize = key.utf8.count + 1 + 64 + 1
        guard data.count >= headerSize else { return nil }
        let payload = Data(data.dropFirst(headerSize))
        guard data.prefix(headerSize) == Self.header(key, payload) else { return nil }
        return payload
    }

    private static func header(_ key: String, _ payload: Data) -> Data {
        Data((key + "\n" + digest([payload]) + "\n").utf8)
    }

    /// Stores `payload` under `key`, atomically; a failure (no room, no rights) only costs the next run time.
    package func write(_ key: String, payload: Data = Data()) {
        let temporary = folder + "/.\(key).\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        func create() -> Int32 { open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600) }
        var descriptor = create()
        if descriptor < 0 && errno == ENOENT {  // the first entry: the folder (and $XDG_CACHE_HOME) made first
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            descriptor = create()
        }
        guard descriptor >= 0 else { return }
        let bytes = Self.header(key, payload) + payload
        let complete = bytes.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 { if errno == EINTR { continue }; return false }
                offset += written
            }
            return true
        }
        close(descriptor)
        if !complete || rename(temporary, folder + "/" + key) != 0 { unlink(temporary); return }
        pruneOncePerProcess()
    }

    /// `prune`, the first time this process writes an entry to `folder`: a new build of the program misses
    /// and writes half a dozen entries in its first run, and each `prune` reads the status of every entry
    /// (thousands after a month of builds: 7% of a first 1,000-case run).
    private func pruneOncePerProcess() {
        let first = Self.prunedLock.withLock { Self.prunedFolders.insert(folder).inserted }
        if first { prune() }
    }

    private static let prunedLock = NSLock()
    private nonisolated(unsafe) static var prunedFolders: Set<String> = []

    /// How long an entry is kept after it was written: each build of the program and each changed template
    /// asks new questions, so old answers would pile up. A removed entry that is still wanted is a miss,
    /// written again.
    package static let keptFor: TimeInterval = 30 * 24 * 3600

    /// Removes the entries (and a crashed writer's temporary files) written more than `keptFor` ago; run
    /// after the first entry a process writes, which happens only on a miss.
    package func prune(now: Date = Date()) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let oldest = Int(now.timeIntervalSince1970 - Self.keptFor)
        for name in names {
            let path = folder + "/" + name
            var status = stat()
            // lstat, not FileManager's attributes (which look up the owner's name for every file).
            guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_mtim.tv_sec < oldest else { continue }
            unlink(path)
        }
    }

    /// The SHA-256 (hex) of the GNU build ids of every object loaded into the process, the program first
    /// (the linker's hash of each file's contents); `nil` when the program has none (or not on 64-bit Linux).
    package static func loadedBuildIDs() -> [UInt8]? {
        final class Collected { var ids: [Data] = []; var programHasID = false; var first = true }
        guard MemoryLayout<Int>.size == 8, let iterate = iteratePhdrFunction else { return nil }
        let collected = Collected()
        // `struct dl_phdr_info` and `Elf64_Phdr` read by their fixed 64-bit layouts: dlpi_addr at 0,
        // dlpi_phdr at 16, dlpi_phnum at 24; p_type at 0, p_vaddr at 16, p_memsz at 40, p_align at 48.
        _ = iterate({ info, _, context in
            guard let info, let context else { return 0 }
            let collected = Unmanaged<Collected>.fromOpaque(context).takeUnretainedValue()
            defer { collected.first = false }
            let base = info.load(as: UInt.self)
            guard let headers = info.load(fromByteOffset: 16, as: UnsafeRawPointer?.self) else { return 0 }
            for index in 0..<Int(info.load(fromByteOffset: 24, as: UInt16.self)) {
                let header = headers + index * 56
                guard header.load(as: UInt32.self) == 4 /* PT_NOTE */ else { continue }
                let align = header.load(fromByteOffset: 48, as: UInt64.self) == 8 ? 8 : 4
                func padded(_ size: Int) -> Int { (size + align - 1) / align * align }
                guard let start = UnsafeRawPointer(bitPattern: base &+ UInt(header.load(fromByteOffset: 16, as: UInt64.self))) else { continue }
                let end = Int(header.load(fromByteOffset: 40, as: UInt64.self))
                var offset = 0
                while offset + 12 <= end {
                    let nameSize = Int(start.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
                    let descriptionSize = Int(start.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
                    let type = start.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
                    let name = offset + 12
                    let description = name + padded(nameSize)
                    guard description + descriptionSize <= end else { break }
                    if type == 3 /* NT_GNU_BUILD_ID */, nameSize == 4,
                       UnsafeRawBufferPointer(start: start + name, count: 4).elementsEqual("GNU\0".utf8) {
                        collected.ids.append(Data(UnsafeRawBufferPointer(start: start + description, count: descriptionSize)))
                        if collected.first { collected.programHasID = true }
                    }
                    offset = description + padded(descriptionSize)
                }
            }
            return 0
        }, Unmanaged.passUnretained(collected).toOpaque())
        return withExtendedLifetime(collected) {
            collected.programHasID ? Array(digest(collected.ids).utf8) : nil
        }
    }

    /// glibc's `dl_iterate_phdr`, which the Glibc module does not import (it is a GNU extension).
    private typealias PhdrCallback = @convention(c) (UnsafeRawPointer?, Int, UnsafeMutableRawPointer?) -> Int32
    private static let iteratePhdrFunction: (@convention(c) (PhdrCallback, UnsafeMutableRawPointer?) -> Int32)? = {
        guard let symbol = dlsym(nil, "dl_iterate_phdr") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (PhdrCallback, UnsafeMutableRawPointer?) -> Int32).self)
    }()
}
