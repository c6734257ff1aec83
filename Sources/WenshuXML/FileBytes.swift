import Foundation

/// A regular file's bytes with one `open`, `fstat` and `read`: Foundation's `resourceValues` (asked for the
/// size first) and `Data(contentsOf:)` cost more than parsing a case file (0.7 M instructions for the first
/// `resourceValues` of a process).
package enum FileBytes {
    package enum Read {
        case read(Data)
        /// The file is larger than the limit; nothing was read.
        case tooLarge(size: Int)
    }

    /// The bytes of the regular file at `url`, or its size when larger than `limit`; `nil` when anything
    /// fails or the file is not a plain file, so that the caller's slower path words the error as always.
    package static func read(_ url: URL, limit: Int) -> Read? {
        guard url.isFileURL else { return nil }
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(status.st_size)
        if size > limit { return .tooLarge(size: size) }
        var data = Data(count: size)
        let count = data.withUnsafeMutableBytes { buffer -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            var done = 0
            while done < size {
                let got = Foundation.read(descriptor, base + done, size - done)
                if got < 0 && errno == EINTR { continue }
                if got < 0 { return -1 }
                if got == 0 { break }  // the file shrank since fstat
                done += got
            }
            return done
        }
        guard count >= 0 else { return nil }
        if count < size { data.count = count }
        return .read(data)
    }
}
