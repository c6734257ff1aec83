#!/usr/bin/env python3
"""Checks of the harness itself, standard library only (no peers, no Wenshu):

    python3 bench/selftest.py

Money in capitals and figures, ID numbers and credit codes, the generator's invariants and its
independence of N, the three case formats reading back to the same tree, the layout's reference text,
the zip writer and floor, and the document checks catching a broken document."""

import io
import os
import sys
import tempfile
import zipfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import generate_cases  # noqa: E402
import make_templates  # noqa: E402
from wbench import caseload, casegen, floor, formatting, identity, reference, sanity, ziplite  # noqa: E402
from wbench.odfparts import odt_parts  # noqa: E402
from wbench.layout import xml_text  # noqa: E402

CHECKS = []


def check(function):
    CHECKS.append(function)
    return function


@check
def money_and_dates():
    formatting._self_check()


@check
def identity_numbers():
    identity._self_check()


@check
def generated_cases_keep_their_invariants():
    for index in range(500):
        assert not casegen.problems(casegen.make_case("selftest", index)), index


@check
def case_i_does_not_depend_on_how_many_are_generated():
    assert casegen.make_case("s", 41) == casegen.make_case("s", 41)
    assert casegen.make_case("s", 41) != casegen.make_case("t", 41)


@check
def the_three_formats_read_back_to_the_same_tree():
    if not _has_yaml():
        return
    with tempfile.TemporaryDirectory() as scratch:
        for fmt in ("xml", "yaml", "json"):
            generate_cases.generate(30, "formats", fmt, os.path.join(scratch, fmt))
        for index in range(30):
            name = generate_cases.case_file_name(index, "%s")
            trees = [caseload.load(os.path.join(scratch, f, name % f)) for f in ("xml", "yaml", "json")]
            assert trees[0] == trees[1] == trees[2], index
            assert trees[0] == caseload.from_mapping(casegen.make_case("formats", index))


@check
def reference_text_prints_capitals_and_every_party():
    case = casegen.make_case("selftest", 0)
    text = "\n".join(reference.paragraphs(caseload.from_mapping(case)))
    for party in case["parties"]:
        assert party["name"] in text
    total = case["agreement"].get("total_amount")
    if total:
        assert formatting.capitals(total) in text and formatting.figures(total) in text


@check
def zip_writer_and_floor():
    parts = odt_parts("<text:p>甲</text:p>")
    archive = zipfile.ZipFile(io.BytesIO(ziplite.package(parts)))
    assert archive.infolist()[0].filename == "mimetype"
    assert archive.infolist()[0].compress_type == zipfile.ZIP_STORED
    assert [(i.filename, archive.read(i)) for i in archive.infolist()] == parts
    with tempfile.TemporaryDirectory() as scratch:
        paths = []
        for index in range(3):
            paths.append(os.path.join(scratch, "%d.odt" % index))
            with open(paths[-1], "wb") as handle:
                handle.write(ziplite.package(odt_parts("<text:p>%d</text:p>" % index)))
        measured = floor.measure(paths, min_seconds=0.05)
        assert measured["changing_parts"] == ["content.xml"], measured
        assert measured["all_docs_per_s"] > 0 and measured["changing_docs_per_s"] > 0
    # Wenshu's floor deflates a changing part at Wenshu's level for it and a static part at level 6.
    text = ("<text:p>调解协议 %d</text:p>" % 7).encode() * 200
    for static, level in ((set(), floor.WENSHU_CHANGING_LEVEL), ({"content.xml"}, 6)):
        entry = floor._entry("content.xml", text, 6, floor.WENSHU_CHANGING_LEVEL, static)
        compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
        assert entry.payload == compressor.compress(text) + compressor.flush(), (static, level)


@check
def document_check_catches_missing_names_and_broken_packages():
    case = casegen.make_case("selftest", 3)
    context = caseload.from_mapping(case)
    names = [p["name"] for p in case["parties"]]
    expected = reference.paragraphs(context)
    body = "".join('<text:p text:style-name="Body">%s</text:p>' % xml_text(p) for p in expected)
    with tempfile.TemporaryDirectory() as scratch:
        good, bad, empty = (os.path.join(scratch, n) for n in ("good.odt", "bad.odt", "empty.odt"))
        with open(good, "wb") as handle:
            handle.write(ziplite.package(odt_parts(body)))
        with open(bad, "wb") as handle:
            handle.write(ziplite.package(odt_parts(body.replace(names[0], "某某"))))
        with open(empty, "wb") as handle:
            handle.write(b"PK")
        assert sanity.check(good, "odt", names, expected) == ([], [])
        problems, _ = sanity.check(bad, "odt", names, expected)
        assert any("party name missing" in p for p in problems) and any("differs" in p for p in problems)
        assert names[0] not in " ".join(problems)  # personal data is not printed in full
        assert sanity.check(empty, "odt", names)[0]


@check
def templates_are_byte_reproducible():
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        first, second = make_templates.build(a), make_templates.build(b)
        for engine in first:
            with open(first[engine], "rb") as x, open(second[engine], "rb") as y:
                assert x.read() == y.read(), engine


@check
def handbuilt_python_peers_print_the_reference():
    """The hand-built peers that need no Jinja2: the layout as a Python function, zipped with the static parts
    deflated once (and as a flat .fodt), print the reference paragraphs; a value with XML's special characters
    stays text."""
    from wbench import peers
    with tempfile.TemporaryDirectory() as scratch:
        templates = make_templates.build(os.path.join(scratch, "templates"))
        for engine, fmt in (("python-odt-static", "odt"), ("python-fodt", "fodt")):
            render = peers.prepare(engine, templates[engine])
            for index in range(5):
                context = caseload.from_mapping(casegen.make_case("selftest", index))
                if index == 4:
                    context.agreement["facts"] = "甲 <乙> & 丙"
                path = os.path.join(scratch, "%d.%s" % (index, fmt))
                render(context, path)
                names = [p.name for p in context.parties]
                assert sanity.check(path, fmt, names, reference.paragraphs(context)) == ([], []), (engine, index)


def _has_yaml():
    try:
        import yaml  # noqa: F401
        return True
    except ImportError:
        print("selftest: PyYAML not installed here; YAML read-back checked only inside the peers' venvs")
        return False


@check
def outputs_file_system():
    """The report names the file system the outputs go to: the longest mount point holding the folder."""
    import bench
    assert bench._file_system("/proc/self").split()[0] == "proc", bench._file_system("/proc/self")
    assert bench._file_system("/").split()[0] not in ("", "unknown", "proc")
    assert bench._file_system("/no/such/folder/anywhere") == bench._file_system("/")


def main():
    passed = failed = 0
    for function in CHECKS:
        try:
            function()
            passed += 1
        except Exception as error:  # report every failing check, then fail
            failed += 1
            print("FAILED %s: %s: %s" % (function.__name__, type(error).__name__, error))
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
