/// The stable ids of the dossier's diagnostics (docs/dossier.md explains each). Tests match these, never
/// the prose.
public enum DossierIssue {
    /// A required (必须) row of the dossier model has nothing in it: an error, a warning when forced.
    public static let missingRequired = "dossier.missing-required"
    /// The cover or contents template is not installed.
    public static let missingTemplate = "dossier.missing-template"
    /// An attachment whose kind no row of the model takes (warning: it is not bound).
    public static let attachmentWithoutRow = "dossier.attachment-without-row"
    /// A scan path that is absolute or leaves the case file's folder.
    public static let scanPath = "dossier.scan-path"
    public static let scanUnreadable = "dossier.scan-unreadable"
    /// A scan that is not a PNG or JPEG image.
    public static let scanFormat = "dossier.scan-format"
    public static let writeFailed = "dossier.write-failed"
}
