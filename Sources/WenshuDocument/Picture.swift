/// A picture printed as a block of its own, centred and scaled to fit the text block with its proportions
/// kept: a scanned page bound into a dossier. Writers that cannot show pictures (plain text) print its
/// description instead.
public struct Picture: Sendable, Equatable {
    /// Where the encoded image is.
    public var image: Image
    /// `image/png` or `image/jpeg`.
    public var mediaType: String
    /// Its size in pixels, for its proportions.
    public var pixelWidth: Int
    public var pixelHeight: Int
    /// What it shows, e.g. `王建国居民身份证复印件（扫描件）`.
    public var description: String

    /// The encoded image: in memory, in a file a writer reads when it embeds the picture, or stored beside
    /// the document (a part of the same archive package), which writers refer to instead of embedding it.
    public enum Image: Sendable, Equatable {
        case bytes([UInt8])
        case file(path: String)
        /// A path relative to the folder the document is in, e.g. `scans/03-id-wang.png`.
        case beside(path: String)
    }

    public init(image: Image, mediaType: String, pixelWidth: Int, pixelHeight: Int, description: String) {
        self.image = image
        self.mediaType = mediaType
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
        self.description = description
    }

    public init(bytes: [UInt8], mediaType: String, pixelWidth: Int, pixelHeight: Int, description: String) {
        self.init(image: .bytes(bytes), mediaType: mediaType, pixelWidth: pixelWidth, pixelHeight: pixelHeight,
                  description: description)
    }
}
