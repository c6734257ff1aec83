/// The ids of stage 2, form templates: reading, the template schema, XPath, structure, binding a case.
public struct TemplateID: DiagnosticID {
    public let entry: DiagnosticEntry
    public init(entry: DiagnosticEntry) { self.entry = entry }
}

/// The ids of rendering forms to files (`render`).
public struct RenderID: DiagnosticID {
    public let entry: DiagnosticEntry
    public init(entry: DiagnosticEntry) { self.entry = entry }
}

/// The ids of the judicial-confirmation packet (`packet`).
public struct PacketID: DiagnosticID {
    public let entry: DiagnosticEntry
    public init(entry: DiagnosticEntry) { self.entry = entry }
}

/// The ids of the bound dossier (`dossier`).
public struct DossierID: DiagnosticID {
    public let entry: DiagnosticEntry
    public init(entry: DiagnosticEntry) { self.entry = entry }
}

/// The ids of ledgers and statistics (`ledger`, `stats`), the subsidy report's reasons among them.
public struct LedgerID: DiagnosticID {
    public let entry: DiagnosticEntry
    public init(entry: DiagnosticEntry) { self.entry = entry }
}

/// The ids of printing to PDF through LibreOffice (`--to pdf` on every command).
public struct PrintID: DiagnosticID {
    public let entry: DiagnosticEntry
    public init(entry: DiagnosticEntry) { self.entry = entry }
}

/// The ids of writing output files, for every command (the job runner).
public struct OutputID: DiagnosticID {
    public let entry: DiagnosticEntry
    public init(entry: DiagnosticEntry) { self.entry = entry }
}

/// The ids of the mediator's desk (`serve`).
public struct DeskID: DiagnosticID {
    public let entry: DiagnosticEntry
    public init(entry: DiagnosticEntry) { self.entry = entry }
}
