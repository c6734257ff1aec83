import Foundation

/// Every id Wenshu reports, declared once each in `Catalogue/`, with its messages in English and Chinese.
/// docs/diagnostics.md is generated from it (`DiagnosticCatalogue.markdown`); a test keeps the file current.
///
/// Adding an id: declare it as a static member of its stage's id type (`InputID` for stage 1), with its
/// severity, English and Chinese message (same `{parameters}` in both), meaning and fix; list it here;
/// report it with `Diagnostic(.theID, …, ["parameter": "value"])`; regenerate the docs with
/// `WENSHU_REGENERATE_GOLDEN=diagnostics swift test --filter DiagnosticCatalogueTests`.
public enum DiagnosticCatalogue {
    /// Stage 1: case, office profile, registers, work log — in the order the docs list them.
    public static let inputs: [InputID] = [
        .unreadable,
        .unknownFormat,
        .tooLarge,
        .encoding,
        .syntax,
        .duplicateKey,
        .doctype,
        .empty,
        .notAMapping,
        .wrongRoot,
        .tooManyNodes,
        .tooDeep,
        .badKey,
        .listKey,
        .nestedList,
        .badAlias,
        .missingField,
        .unknownField,
        .duplicateField,
        .emptyList,
        .expectedList,
        .expectedFields,
        .expectedValue,
        .attribute,
        .emptyValue,
        .notInList,
        .badDate,
        .badTime,
        .badYear,
        .badMoney,
        .badCount,
        .badTally,
        .badBoolean,
        .badText,
        .controlCharacter,
        .lineBreak,
        .invisibleCharacter,
        .badValue,
        .schema,
        .phone,
        .idMalformed,
        .idCheckDigit,
        .idBirthDate,
        .idGender,
        .idFirstGeneration,
        .creditCodeMalformed,
        .creditCodeCheck,
        .dateOrder,
        .noticeContradictsCase,
        .supervisionWithoutReferral,
        .folderNameTooLong,
        .folderCollision,
        .instalmentSum,
        .totalMissing,
        .termAmountFigure,
        .copiesHoldersSum,
        .copiesCount,
        .paymentsExceed,
        .performanceStatus,
        .recusal,
        .recusalName,
        .confirmationLate,
        .holidaysUnknown,
        .confirmationWithoutAgreement,
        .confirmationOralAgreement,
        .fieldForOtherKind,
        .duplicatePartyID,
        .unknownParty,
        .missingPhone,
        .missingIDNumber,
        .missingCreditCode,
        .missingAgreement, .agreementFormMissing,
        .agreementWithoutSuccess,
        .numberSeries,
        .duplicateYear,
        .holidayRange,
        .holidayYear,
        .makeUpDay,
        .duplicateRate,
        .duplicateCommittee,
        .numberPattern,
        .entryYear,
    ]
    /// Stage 2: form templates.
    public static let templates: [TemplateID] = [
        .xmlSyntax,
        .doctype,
        .unreadable,
        .namespace,
        .unknownElement,
        .misplacedElement,
        .missingElement,
        .badAttribute,
        .missingAttribute,
        .unexpectedText,
        .badContent,
        .schema,
        .xpathSyntax,
        .unknownFunction,
        .functionArguments,
        .unknownVariable,
        .includeMissing,
        .includeCycle,
        .unknownParameter,
        .duplicateSection,
        .sectionInLoop,
        .tableColumns,
        .emptyBrackets,
        .duplicateForm,
        .libraryNotFound,
        .missingField,
        .partialBlank,
        .functionFailed,
        .evaluation,
        .notApplicable,
        .noRecords,
        .missingParameter,
    ]
    public static let rendering: [RenderID] = [
        .writeFailed,
        .unknownForm,
    ]
    public static let packets: [PacketID] = [
        .window,
        .windowOpen,
        .holidaysUnknown,
        .excludedStatus,
        .excludedOwnership,
        .exclusionUnknown,
        .missingIdentity,
        .agentAuthority,
        .noAgreement,
        .oralAgreement,
        .oneParty,
        .noCourt,
        .court,
        .missingMaterial,
        .propertyProof,
        .missingTemplate,
        .writeFailed,
    ]
    public static let outputs: [OutputID] = [
        .writeFailed,
        .notAFolder,
        .symlink,
        .staleEdited,
        .noCaseNumber,
    ]
    public static let desk: [DeskID] = [
        .passwordRequired,
        .badPasswordHash,
        .cannotStart,
        .programMissing,
        .noSuchCase,
        .newCase,
        .writeFailed,
        .noSuchPaper,
        .badPeriod,
    ]
    public static let printing: [PrintID] = [
        .noLibreOffice,
        .conversionFailed,
    ]
    public static let dossiers: [DossierID] = [
        .missingRequired,
        .missingTemplate,
        .attachmentWithoutRow,
        .scanPath,
        .scanUnreadable,
        .scanFormat,
        .writeFailed,
    ]
    public static let ledgers: [LedgerID] = [
        .unknownCommittee,
        .unknownMediator,
        .otherCommittee,
        .notACase,
        .duplicateNumber,
        .subsidyNoDossier,
        .subsidyNotSuccessful,
        .subsidyNotPerformed,
        .subsidyNoGrade,
        .subsidyNoCommitteeLevel,
        .subsidyNoRate,
        .subsidyMissingMaterials,
        .subsidyNoMediator,
    ]

    /// The single-id stages, each with its heading in docs/diagnostics.md.
    static var stages: [(title: String, entries: [DiagnosticEntry])] {
        [("Templates (`wenshu forms`, every command that loads templates)", templates.map(\.entry)),
         ("Rendering (`wenshu render`)", rendering.map(\.entry)),
         ("Writing output files (every command)", outputs.map(\.entry)),
         ("Printing to PDF (`--to pdf`)", printing.map(\.entry)),
         ("The judicial-confirmation packet (`wenshu packet`)", packets.map(\.entry)),
         ("The dossier (`wenshu dossier`)", dossiers.map(\.entry)),
         ("Ledgers, statistics and the subsidy report (`wenshu ledger`, `wenshu stats`)", ledgers.map(\.entry)),
         ("The mediator's desk (`wenshu serve`)", desk.map(\.entry))]
    }

    /// Every entry, one per id.
    public static var entries: [DiagnosticEntry] {
        inputs.flatMap { id in id.ids.map { id.entries[String($0.prefix { $0 != "." })]! } }
            + stages.flatMap(\.entries)
    }

    /// docs/diagnostics.md: every id with its severity, English and Chinese message, meaning and fix.
    public static var markdown: String {
        var text = """
        # Diagnostics

        Every finding Wenshu prints has a stable id (`case.id-check-digit`), a severity, a place
        (`file:line:column`), often a field (`parties[1].id_number`), and a message in English or Chinese.
        Tests and tools match the id and the place, never the wording.

        The language follows `--lang zh|en`, else the environment: the first of `LC_ALL`, `LC_MESSAGES`,
        `LANG` that is set decides; a value starting with `zh` (`zh_CN.UTF-8`) gives Chinese, anything else
        English. `--format json` prints each finding's `id`, `severity`, `file`, `line`, `column`, `subject`,
        `message` and, for findings libxml2 made, `libxml2` (`domain` and `code` of its `xmlError`).

        This page is generated from the catalogue in `Sources/WenshuDiagnostics/Catalogue/`; do not edit it by
        hand. After changing the catalogue:
        `WENSHU_REGENERATE_GOLDEN=diagnostics swift test --filter DiagnosticCatalogueTests`.

        Words in `{braces}` are filled in per finding.

        ## Case, office profile, registers, work log

        One problem can have an id per kind of file: `case.` for a case, `office.` for the office profile,
        `register.` for the committees' and mediators' registers, `worklog.` for the work log.

        """
        for id in inputs {
            text += section(id.entry, ids: id.ids)
        }
        for (title, entries) in stages {
            text += "\n## \(title)\n"
            for entry in entries { text += section(entry, ids: [entry.id]) }
        }
        return text
    }

    /// One id's part of the page: its ids, severity, meaning and fix, then each wording in both languages.
    private static func section(_ entry: DiagnosticEntry, ids: [String]) -> String {
        func escaped(_ s: String) -> String { s.replacingOccurrences(of: "<", with: "&lt;") }
        var text = "\n### " + ids.map { "`\($0)`" }.joined(separator: ", ") + "\n\n"
        text += "\(entry.severity.rawValue) · \(entry.severity.word(in: .zh)). \(escaped(entry.meaning)) "
        text += "Fix: \(escaped(entry.fix))\n\n"
        for wording in entry.variants {
            text += "- en: \(escaped(wording.english))\\\n  zh: \(escaped(wording.chinese))\n"
        }
        return text
    }
}
