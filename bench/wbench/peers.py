"""The peer engines, each used the way its documentation shows, with the same helpers passed in.

`prepare(engine, template)` returns `render(context, output_path)`. relatorio and Jinja2 compile the
template once and reuse it; py3o.template and secretary have no such API (py3o's Template rewrites its
own tree while rendering, secretary's Renderer.render takes the template file) and so read and compile the
template for every document, as their users' code does."""

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


ENGINES = {"relatorio": _relatorio, "py3o": _py3o, "secretary": _secretary, "jinja2": _jinja2}
EXTENSIONS = {"relatorio": "odt", "py3o": "odt", "secretary": "odt", "jinja2": "txt"}
# The Python package each engine is installed as, and the venv it lives in (secretary needs Jinja2 < 3.1).
DISTRIBUTIONS = {"relatorio": "relatorio", "py3o": "py3o.template", "secretary": "secretary", "jinja2": "Jinja2"}
VENVS = {"relatorio": "peers", "py3o": "peers", "secretary": "secretary", "jinja2": "peers"}


def prepare(engine, template):
    return ENGINES[engine](template)
