#!/usr/bin/env python3
"""Build the peers' agreement templates from wbench/layout.py (one layout, five dialects):

    agreement-relatorio.odt   agreement-py3o.odt   agreement-secretary.odt   agreement.txt.j2
    handbuilt/   content.xml.j2   agreement.fodt.j2   (Jinja2, autoescaped)
                 agreement_content.py   agreement_fodt.py   (the layout as a Python function `render(o)`)
                 mimetype   styles.xml   meta.xml   META-INF/manifest.xml   (the static parts)

    python3 bench/make_templates.py -o DIR

The ODF is written by hand (wbench/odfparts.py) and zipped with fixed timestamps, so the templates are
byte-identical on every run and no binary is committed. With --libreoffice the ODT templates are then opened
and saved again by LibreOffice (headless, a profile of its own), so they carry what a template a user made in
Writer carries (its full styles.xml, settings.xml, a thumbnail); the bytes then depend on the LibreOffice
version."""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from wbench.layout import AGREEMENT, DIALECTS, JinjaXML, python_function  # noqa: E402
from wbench.odfparts import content_xml, fodt_xml, odt_parts  # noqa: E402
from wbench.ziplite import package  # noqa: E402

ODT_ENGINES = ("relatorio", "py3o", "secretary")


# The hand-built peers' templates (issue 18), in one folder with the static parts they zip.
HANDBUILT = {"jinja2-odt": "content.xml.j2", "jinja2-odt-static": "content.xml.j2",
             "python-odt-static": "agreement_content.py", "jinja2-fodt": "agreement.fodt.j2",
             "python-fodt": "agreement_fodt.py"}


def template_path(directory, engine):
    if engine in HANDBUILT:
        return os.path.join(directory, "handbuilt", HANDBUILT[engine])
    return os.path.join(directory, "agreement.txt.j2" if engine == "jinja2" else "agreement-%s.odt" % engine)


def build(directory):
    os.makedirs(directory, exist_ok=True)
    for engine, dialect in DIALECTS.items():
        body = dialect.render(AGREEMENT)
        data = body.encode() if engine == "jinja2" else package(odt_parts(body))
        with open(template_path(directory, engine), "wb") as handle:
            handle.write(data)
    build_handbuilt(os.path.join(directory, "handbuilt"))
    return {engine: template_path(directory, engine) for engine in list(DIALECTS) + list(HANDBUILT)}


def build_handbuilt(folder):
    """The files a developer hand-building the agreement keeps: the content.xml and .fodt as Jinja2
    templates, the same as Python functions, and the static parts of the package."""
    body = JinjaXML().render(AGREEMENT)
    marker = "\0BODY\0"
    files = {"content.xml.j2": content_xml(body), "agreement.fodt.j2": fodt_xml(body)}
    for name, shell in (("agreement_content.py", content_xml(marker)), ("agreement_fodt.py", fodt_xml(marker))):
        head, tail = shell.split(marker)
        files[name] = python_function(AGREEMENT, head, tail)
    for name, data in odt_parts(""):
        if name != "content.xml":
            files[name] = data
    for name, data in files.items():
        path = os.path.join(folder, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(data if isinstance(data, bytes) else data.encode())


def resave_with_libreoffice(paths):
    """Open and save each ODT with LibreOffice in place; raises RuntimeError if that fails."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise RuntimeError("soffice not found")
    odts = [p for p in paths if p.endswith(".odt")]
    with tempfile.TemporaryDirectory(prefix="wenshu-bench-lo-") as scratch:
        out = os.path.join(scratch, "out")
        run = subprocess.run([soffice, "-env:UserInstallation=file://" + os.path.join(scratch, "profile"),
                              "--headless", "--convert-to", "odt", "--outdir", out] + odts,
                             capture_output=True, text=True, timeout=600)
        for path in odts:
            saved = os.path.join(out, os.path.basename(path))
            if not os.path.isfile(saved):
                raise RuntimeError("LibreOffice did not save %s: %s" % (os.path.basename(path), run.stderr.strip()[-200:]))
            shutil.move(saved, path)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-o", "--output", required=True, help="folder for the templates")
    parser.add_argument("--libreoffice", action="store_true", help="re-save the ODT templates with LibreOffice")
    args = parser.parse_args()
    paths = build(args.output)
    if args.libreoffice:
        resave_with_libreoffice(paths.values())
    for engine, path in paths.items():
        print("%-10s %s" % (engine, path))


if __name__ == "__main__":
    main()
