/// A picture printed as a block of its own, centred and scaled to fit the text block with its proportions
/// kept: a scanned page bound into a dossier. Writers that cannot show pictures (plain text) print its
/// description instead.
public struct Picture: Sendable, Equatable {
    /// The encoded image, exactly as stored.
    public var bytes: [UInt8]
    /// `image/png` or `image/jpeg`.
    public var mediaType: String
    /// Its size in pixels, for its proportions.
    public var pixelWidth: Int
    public var pixelHeight: Int
    /// What it shows, e.g. `王建国居民身份证复印件（扫描件）`.
    public var description: String

    public init(bytes: [UInt8], mediaType: String, pixelWidth: Int, pixelHeight: Int, description: String) {
        self.bytes = bytes
        self.mediaType = mediaType
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
        self.description = description
    }
}
