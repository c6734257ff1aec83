"""Is an output a valid, non-empty document that names the case's parties? For ODT: a zip whose
`mimetype` says ODF text (first and stored, as ODF requires: reported if not), whose content.xml parses;
for FODT: an office:document that parses; for text: UTF-8 (or GB18030) text. Paragraph texts are returned
so peers can also be compared with wbench.reference."""

import xml.etree.ElementTree as ElementTree
import zipfile

TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
PARAGRAPHS = ("{%s}p" % TEXT_NS, "{%s}h" % TEXT_NS)
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


class Invalid(Exception):
    pass


def _paragraphs(root):
    body = root.find("{%s}body" % OFFICE_NS)
    if body is None:
        raise Invalid("no office:body")
    return ["".join(p.itertext()) for p in body.iter() if p.tag in PARAGRAPHS]


def read_odt(path):
    """(paragraphs, notes) of an .odt; raises Invalid."""
    notes = []
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if not infos:
                raise Invalid("empty zip")
            names = [i.filename for i in infos]
            if "mimetype" not in names or archive.read("mimetype") != ODT_MIMETYPE:
                raise Invalid("no ODF text mimetype")
            if infos[0].filename != "mimetype" or infos[0].compress_type != zipfile.ZIP_STORED:
                notes.append("mimetype not first and stored")
            bad = archive.testzip()
            if bad:
                raise Invalid("bad CRC in %s" % bad)
            content = archive.read("content.xml")
    except (zipfile.BadZipFile, KeyError) as error:
        raise Invalid("not an ODF package: %s" % error)
    try:
        return _paragraphs(ElementTree.fromstring(content)), notes
    except ElementTree.ParseError as error:
        raise Invalid("content.xml: %s" % error)


def read_fodt(path):
    try:
        root = ElementTree.parse(path).getroot()
    except ElementTree.ParseError as error:
        raise Invalid("not XML: %s" % error)
    if root.tag != "{%s}document" % OFFICE_NS:
        raise Invalid("root is not office:document")
    return _paragraphs(root), []


def read_txt(path):
    with open(path, "rb") as handle:
        data = handle.read()
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding).splitlines(), []
        except UnicodeDecodeError:
            continue
    raise Invalid("neither UTF-8 nor GB18030")


READERS = {"odt": read_odt, "fodt": read_fodt, "txt": read_txt}


def check(path, fmt, names, expected=None):
    """A list of problems (empty when the document is fine) and a list of notes."""
    try:
        paragraphs, notes = READERS[fmt](path)
    except (Invalid, OSError) as error:
        return [str(error)], []
    text = "".join("".join(p.split()) for p in paragraphs)
    if not text:
        return ["no text"], notes
    problems = ["party name missing: %s" % n[0] + "*" * (len(n) - 1) for n in names if n not in text]
    if expected is not None:
        got = [p for p in paragraphs if p.strip()]
        if got != expected:
            first = next((i for i, (a, b) in enumerate(zip(got, expected)) if a != b), min(len(got), len(expected)))
            problems.append("differs from the reference at paragraph %d: %r" % (
                first + 1, got[first][:40] if first < len(got) else None))
    return problems, notes


def find_odf_schema(start):
    """The folder holding OpenDocument-v1.3-schema.rng: Tests/ODFSchema in the repository that holds
    `start` (a path inside it), or None."""
    import os
    here = os.path.abspath(start)
    for _ in range(4):
        candidate = os.path.join(here, "Tests", "ODFSchema")
        if os.path.isfile(os.path.join(candidate, "OpenDocument-v1.3-schema.rng")):
            return candidate
        here = os.path.dirname(here)
    return None


def schema_problems(path, fmt, schema_dir):
    """Validate one document's XML parts against the ODF 1.3 RelaxNG schema with xmllint; a list of
    '<part>: <first error>' (empty when valid), or None when it cannot be checked here."""
    import os
    import shutil
    import subprocess
    import tempfile
    if schema_dir is None or shutil.which("xmllint") is None or fmt == "txt":
        return None
    main = os.path.join(schema_dir, "OpenDocument-v1.3-schema.rng")
    manifest = os.path.join(schema_dir, "OpenDocument-v1.3-manifest-schema.rng")
    with tempfile.TemporaryDirectory(prefix="wenshu-bench-odf-") as scratch:
        if fmt == "fodt":
            checks = [("document", path, main)]
        else:
            checks = []
            with zipfile.ZipFile(path) as archive:
                for name in archive.namelist():
                    if name in ("content.xml", "styles.xml", "meta.xml", "settings.xml", "META-INF/manifest.xml"):
                        target = os.path.join(scratch, name.replace("/", "_"))
                        with open(target, "wb") as handle:
                            handle.write(archive.read(name))
                        checks.append((name, target, manifest if name.endswith("manifest.xml") else main))
        problems = []
        for name, target, schema in checks:
            run = subprocess.run(["xmllint", "--noout", "--relaxng", schema, target], capture_output=True, text=True)
            if run.returncode != 0:
                lines = [l for l in run.stderr.splitlines() if "error" in l.lower()] or run.stderr.splitlines() or ["invalid"]
                problems.append("%s: %s" % (name, lines[0].split(": ", 1)[-1][:120]))
    return problems
