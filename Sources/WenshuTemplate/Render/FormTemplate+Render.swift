import WenshuDocument
import WenshuXML

/// What binding a template to a case gives: the documents (one, or one per record of a `for-each` form)
/// and what was found on the way. When `diagnostics` holds an error, `documents` is empty: a form with a
/// required field missing is not printed half-filled.
public struct Rendering: Sendable {
    public var documents: [Document]
    /// Every problem found in the one pass (missing fields, values a function cannot print, …), in order.
    public var diagnostics: [Diagnostic]

    public var succeeded: Bool { !diagnostics.hasErrors }
}

extension FormTemplate {
    /// Fills the form from `case` (the case's canonical XML tree, whatever format it was written in);
    /// `office` is the office profile's tree, read by templates as `$office`; `parameters` gives the trees
    /// of the form's declared parameters by name (`["dossier": …]` is read as `$dossier`). A declared
    /// parameter not given reads as an empty node set, like `$office` without a profile; a name the form
    /// does not declare is ignored, so one set of parameters can be passed to every form.
    /// Safe to call from many threads at once on one template, each with its own case document.
    ///
    /// `partial`: a field the form needs and the case lacks prints as its blank, as on a blank form, with
    /// the note `template.partial-blank` naming it, instead of the error `template.missing-field` that
    /// stops the form (a mediator prints the agreement with the parties and facts and writes the terms).
    public func render(_ case: XMLDocument, office: XMLDocument? = nil,
                       parameters: [String: XMLDocument] = [:], partial: Bool = false) -> Rendering {
        guard let root = `case`.root else {
            let location = SourceLocation(file: `case`.fileName ?? "<case>")
            return Rendering(documents: [], diagnostics: [Diagnostic(TemplateID.evaluation, at: location, wording: TemplateWording.emptyCase)])
        }
        let renderer = Renderer(template: self, case: `case`, office: office, parameters: parameters, partial: partial)
        var warnings: [Diagnostic] = []
        if !renderer.applies(at: root), let condition = appliesWhen {
            warnings.append(Diagnostic(TemplateID.notApplicable, at: condition.origin, subject: condition.source))
        }
        for name in self.parameters where parameters[name] == nil {
            warnings.append(Diagnostic(TemplateID.missingParameter, at: origin, subject: "$" + name, ["name": "\(name)"]))
        }
        let records = renderer.records(at: root)
        if let forEach, records.isEmpty, !renderer.diagnostics.hasErrors {
            warnings.append(Diagnostic(TemplateID.noRecords, at: forEach.origin, subject: forEach.source,
                                       ["source": "\(forEach.source)"]))
        }
        let documents = records.map { renderer.document(record: $0) }
        let diagnostics = warnings + renderer.diagnostics
        return Rendering(documents: diagnostics.hasErrors ? [] : documents, diagnostics: diagnostics)
    }

    /// Whether the form applies to `case`: every declared parameter is given, its `applies-when` holds and,
    /// for a `for-each` form, there is at least one record. A condition that cannot be evaluated counts as
    /// applying, so rendering reports why. (So `--form all` leaves out the dossier's own forms, which need
    /// the assembled dossier.)
    public func applies(to case: XMLDocument, office: XMLDocument? = nil, parameters: [String: XMLDocument] = [:]) -> Bool {
        guard let root = `case`.root, self.parameters.allSatisfy({ parameters[$0] != nil }) else { return false }
        let renderer = Renderer(template: self, case: `case`, office: office, parameters: parameters)
        return renderer.applies(at: root) && (forEach == nil || !renderer.records(at: root).isEmpty || renderer.diagnostics.hasErrors)
    }

    /// The form with nothing filled in, for handwriting: every field prints as its blank, loops repeat
    /// their `blank-repeat` count, conditions show the branches marked for blank forms, checkboxes are empty.
    public func renderBlank() -> Document {
        Renderer(template: self, case: nil).document(record: nil)
    }
}
