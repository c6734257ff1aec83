#!/usr/bin/env python3
"""Build the peers' agreement templates from wbench/layout.py (one layout, four dialects):

    agreement-relatorio.odt   agreement-py3o.odt   agreement-secretary.odt   agreement.txt.j2

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

from wbench.layout import AGREEMENT, DIALECTS  # noqa: E402
from wbench.odfparts import odt_parts  # noqa: E402
from wbench.ziplite import package  # noqa: E402

ODT_ENGINES = ("relatorio", "py3o", "secretary")


def template_path(directory, engine):
    return os.path.join(directory, "agreement.txt.j2" if engine == "jinja2" else "agreement-%s.odt" % engine)


def build(directory):
    os.makedirs(directory, exist_ok=True)
    for engine, dialect in DIALECTS.items():
        body = dialect.render(AGREEMENT)
        data = body.encode() if engine == "jinja2" else package(odt_parts(body))
        with open(template_path(directory, engine), "wb") as handle:
            handle.write(data)
    return {engine: template_path(directory, engine) for engine in DIALECTS}


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
