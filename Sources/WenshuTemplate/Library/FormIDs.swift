import Foundation
import WenshuCase
import WenshuXML

/// Which form id each template file's root names, for a command that compiles only some forms. Read with
/// libxml2's streaming reader, stopped at the root's start tag (`XMLDocument.rootAttribute`: 0.3 M
/// instructions a file, 8 M over the 27 forms), and kept in the start-up cache as one entry for the folder,
/// keyed by every form file's name and bytes: an edited, added, removed or renamed file asks a new question,
/// so an entry never answers for other files. Without a cache (or with a file that cannot be read) the
/// reader is asked for every file.
enum FormIDs {
    /// The id named by each of `sources.formPaths`, in their order; `nil` for a file that names none, or
    /// whose root the reader cannot reach (a full load reports why).
    static func read(_ sources: TemplateSources, cache: StartupCache?) -> [String?] {
        let files = sources.formPaths.map { sources.read($0) }
        func ask() -> [String?] { files.map { $0.flatMap { XMLDocument.rootAttribute("id", in: $0) } } }
        guard let cache else { return ask() }
        let read = files.compactMap { $0 }
        guard read.count == files.count else { return ask() }
        let name = key(in: cache, sources.formPaths, read)
        if let payload = cache.read(name), let ids = decode(payload, count: files.count) { return ids }
        let ids = ask()
        cache.write(name, payload: encode(ids))
        return ids
    }

    /// The cache's name for "the form files with these names and these bytes name these ids": the names
    /// as one part, joined by zero bytes (which no file name holds), then each file's bytes.
    static func key(in cache: StartupCache, _ paths: [String], _ files: [Data]) -> String {
        cache.key([Data("template-form-ids".utf8), Data(paths.joined(separator: "\0").utf8)] + files)
    }

    /// The entry's payload: each id as "+" and its bytes, or nothing for none, each ended by a zero byte
    /// (which no id holds: libxml2 hands attribute values over as C strings).
    static func encode(_ ids: [String?]) -> Data {
        var payload = Data()
        for id in ids {
            if let id { payload.append(0x2B); payload.append(contentsOf: id.utf8) }
            payload.append(0)
        }
        return payload
    }

    /// The ids of a payload `encode` wrote for `count` files; `nil` for anything else.
    static func decode(_ payload: Data, count: Int) -> [String?]? {
        let bytes = [UInt8](payload)
        var ids: [String?] = []
        var start = 0
        while let end = bytes[start...].firstIndex(of: 0) {
            if end == start {
                ids.append(nil)
            } else {
                guard bytes[start] == 0x2B else { return nil }
                ids.append(String(decoding: bytes[(start + 1)..<end], as: UTF8.self))
            }
            start = end + 1
        }
        return start == bytes.count && ids.count == count ? ids : nil
    }
}
