"""The peer engines, each used the way its documentation shows, with the same helpers passed in.

`prepare(engine, template)` returns `render(context, output_path)`. relatorio and Jinja2 compile the
template once and reuse it; py3o.template and secretary have no such API (py3o's Template rewrites its
own tree while rendering, secretary's Renderer.render takes the template file) and so read and compile the
template for every document, as their users' code does.

The hand-built peers (issue 18) are what a Python developer writes without a document templater, from the
files make_templates.py puts in templates/handbuilt/: content.xml from Jinja2 (autoescaped) or from the layout
as a Python function, zipped with zipfile (every part deflated for every document) or with the static parts
(styles, meta, manifest) deflated once per batch and their compressed bytes reused (wbench.ziplite); and the
flat .fodt from the same two, written as one file."""

import os

from .formatting import HELPERS


def _relatorio(template):
    from relatorio.templates.opendocument import Template
    compiled = Template(source="", filepath=template)

    def render(context, output):
        data = compiled.generate(o=context, **HELPERS).render().getvalue()
        with open(output, "wb") as handle:
            handle.write(data)
    return render


def _py3o(template):
    from py3o.template import Template

    def render(context, output):
        Template(template, output).render(dict(HELPERS, o=context))
    return render


def _secretary(template):
    from secretary import Renderer
    engine = Renderer()
    engine.environment.globals.update(HELPERS)

    def render(context, output):
        data = engine.render(template, o=context)
        with open(output, "wb") as handle:
            handle.write(data)
    return render


def _jinja2(template):
    import os
    from jinja2 import Environment, FileSystemLoader
    environment = Environment(loader=FileSystemLoader(os.path.dirname(template)), autoescape=False,
                              trim_blocks=True, keep_trailing_newline=True)
    environment.globals.update(HELPERS)
    compiled = environment.get_template(os.path.basename(template))

    def render(context, output):
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(compiled.render(o=context))
    return render


def _jinja2_xml(template):
    """content.xml or the .fodt as text from the autoescaped Jinja2 template, compiled once."""
    from jinja2 import Environment, FileSystemLoader
    environment = Environment(loader=FileSystemLoader(os.path.dirname(template)), autoescape=True)
    environment.globals.update(HELPERS)
    render = environment.get_template(os.path.basename(template)).render
    return lambda context: render(o=context)


def _python_function(template):
    """`render(o)` of the module make_templates.py wrote from the layout."""
    import importlib.util
    spec = importlib.util.spec_from_file_location(os.path.splitext(os.path.basename(template))[0], template)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.render


def _static_parts(folder):
    """The package's parts that are the same in every document, as (name, bytes), in package order."""
    parts = []
    for name in ("styles.xml", "meta.xml", "META-INF/manifest.xml"):
        with open(os.path.join(folder, name), "rb") as handle:
            parts.append((name, handle.read()))
    return parts


def _zipfile_odt(content):
    """An ODT per document with Python's zipfile: mimetype stored first, every other part deflated (level 6,
    zlib's default) for every document; fixed timestamps, as a reproducible build needs."""
    def prepare(template):
        import zipfile
        from .odfparts import MIMETYPE
        render_content = content(template)
        static = _static_parts(os.path.dirname(template))

        def entry(name, method):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = method
            return info

        def render(context, output):
            with zipfile.ZipFile(output, "w") as archive:
                archive.writestr(entry("mimetype", zipfile.ZIP_STORED), MIMETYPE)
                archive.writestr(entry("content.xml", zipfile.ZIP_DEFLATED), render_content(context).encode(),
                                 compresslevel=6)
                for name, data in static:
                    archive.writestr(entry(name, zipfile.ZIP_DEFLATED), data, compresslevel=6)
        return render
    return prepare


def _static_odt(content):
    """An ODT per document whose static parts were deflated once for the batch: only content.xml is
    deflated per document (level 6, memLevel 8, raw deflate), and the zip is written by wbench.ziplite."""
    def prepare(template):
        from . import ziplite
        from .odfparts import MIMETYPE
        render_content = content(template)
        head = ziplite.stored("mimetype", MIMETYPE)
        static = [ziplite.deflated(name, data) for name, data in _static_parts(os.path.dirname(template))]

        def render(context, output):
            data = ziplite.archive([head, ziplite.deflated("content.xml", render_content(context).encode())] + static)
            with open(output, "wb") as handle:
                handle.write(data)
        return render
    return prepare


def _flat(content):
    """A .fodt per document: the whole document from the template, written as UTF-8."""
    def prepare(template):
        render_document = content(template)

        def render(context, output):
            with open(output, "wb") as handle:
                handle.write(render_document(context).encode())
        return render
    return prepare


ENGINES = {"relatorio": _relatorio, "py3o": _py3o, "secretary": _secretary, "jinja2": _jinja2,
           "jinja2-odt": _zipfile_odt(_jinja2_xml), "jinja2-odt-static": _static_odt(_jinja2_xml),
           "python-odt-static": _static_odt(_python_function), "jinja2-fodt": _flat(_jinja2_xml),
           "python-fodt": _flat(_python_function)}
SLOW = ("relatorio", "py3o", "secretary")  # rendered on fewer cases (--slow-peer-cases)
HANDBUILT = ("jinja2-odt", "jinja2-odt-static", "python-odt-static", "jinja2-fodt", "python-fodt")
EXTENSIONS = {"relatorio": "odt", "py3o": "odt", "secretary": "odt", "jinja2": "txt", "jinja2-odt": "odt",
              "jinja2-odt-static": "odt", "python-odt-static": "odt", "jinja2-fodt": "fodt", "python-fodt": "fodt"}
# The Python package each engine is installed as (None: the standard library only), the module the worker
# imports before timing, and the venv it lives in (secretary needs Jinja2 < 3.1).
DISTRIBUTIONS = {"relatorio": "relatorio", "py3o": "py3o.template", "secretary": "secretary", "jinja2": "Jinja2",
                 "jinja2-odt": "Jinja2", "jinja2-odt-static": "Jinja2", "python-odt-static": None,
                 "jinja2-fodt": "Jinja2", "python-fodt": None}
IMPORTS = {"relatorio": "relatorio.templates.opendocument", "py3o": "py3o.template", "secretary": "secretary",
           "jinja2": "jinja2", "jinja2-odt": "jinja2", "jinja2-odt-static": "jinja2", "python-odt-static": "zlib",
           "jinja2-fodt": "jinja2", "python-fodt": "zlib"}
VENVS = {engine: "secretary" if engine == "secretary" else "peers" for engine in ENGINES}
# What the table says a hand-built peer is (beside its version).
KINDS = {"jinja2-odt": "zipfile, all deflated", "jinja2-odt-static": "static once", "python-odt-static": "static once",
         "jinja2-fodt": "flat", "python-fodt": "flat"}


def prepare(engine, template):
    return ENGINES[engine](template)
