import Foundation
import WenshuDocument

/// The bytes of a picture a writer embeds: in memory, or read from its file when the document is written.
enum PictureBytes {
    static func read(_ picture: Picture) throws -> Data {
        switch picture.image {
        case .bytes(let bytes): return Data(bytes)
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else { throw WriterError.unreadableImage(path: path) }
            return data
        case .beside(let path):
            throw WriterError.unreadableImage(path: path)  // a writer refers to it instead of embedding it
        }
    }
}
