"""The one-page 人民调解协议书 every peer fills, written once and rendered into each engine's template
dialect, so the four templates cannot drift apart.

It prints what the MoJ formats and the county 卷内目录 model, docs/dossier.md lists for the agreement and what Wenshu's agreement form prints: title, number,
each party's particulars (a person's or an organisation's, with agents), facts and disputed matters, each
party's responsibility, the numbered terms (an amount in capitals and figures under a term that has one),
the total and instalments, performance terms, the copies clause, the effective clause, signature lines and
the date in Chinese numerals. Expressions are plain Python that Genshi (relatorio, py3o) and Jinja2
(secretary, the text template) both evaluate; the helpers come from wbench.formatting.HELPERS.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class E:
    """An expression whose value is printed."""
    code: str


@dataclass(frozen=True)
class P:
    """A paragraph in a named style, of static text and expressions."""
    style: str
    parts: tuple

    def __init__(self, style, *parts):
        object.__setattr__(self, "style", style)
        object.__setattr__(self, "parts", parts)


@dataclass(frozen=True)
class For:
    names: str
    iterable: str
    body: tuple


@dataclass(frozen=True)
class If:
    test: str
    body: tuple


BLANK = "\u3000" * 8

AGREEMENT = (
    P("Title", "人民调解协议书"),
    P("Number", "编号：", E("o.agreement.number")),
    For("p", "o.parties", (
        If("p.kind == 'person'", (
            P("Party", E("p.role"), "：", E("p.name"), "，", E("p.gender"), "，", E("p.ethnicity"), "，",
              E("date(p.birth_date)"), "出生，", E("p.occupation"), "，", E("p.id_type"), "号码：",
              E("p.id_number"), "，住址：", E("p.address"), "，联系电话：", E("p.phone"), "。"),
        )),
        If("p.kind == 'organisation'", (
            P("Party", E("p.role"), "：", E("p.name"), "，统一社会信用代码：", E("p.credit_code"), "，住所：",
              E("p.address"), "，联系电话：", E("p.phone"), "。"),
            P("Party", E("p.representative.title"), "：", E("p.representative.name"), "。"),
        )),
        For("a", "p.agents", (
            P("Party", E("a.kind"), "：", E("a.name"), "，", E("a.gender"), "，", E("a.workplace or a.relation"),
              "，联系电话：", E("a.phone"), "，代理权限：", E("a.authority"), "。"),
        )),
    )),
    P("Heading", "纠纷主要事实、争议事项："),
    P("Body", E("o.agreement.facts")),
    P("Heading", "各方当事人的责任："),
    P("Body", E("o.agreement.responsibilities")),
    P("Body", "经调解，自愿达成如下协议："),
    For("i, t", "enumerate(o.agreement.terms, 1)", (
        P("Body", E("cn_number(i)"), "、", E("t.text")),
        If("t.amount", (
            P("Body", "该项金额：", E("capitals(t.amount)"), "（", E("figures(t.amount)"), "）。"),
        )),
    )),
    If("o.agreement.total_amount", (
        P("Body", "协议金额合计：", E("capitals(o.agreement.total_amount)"), "（",
          E("figures(o.agreement.total_amount)"), "），按下列期限支付："),
        For("k, s", "enumerate(o.agreement.instalments, 1)", (
            P("Body", "第", E("cn_number(k)"), "期：", E("date(s.due)"), "前支付", E("capitals(s.amount)"), "（",
              E("figures(s.amount)"), "）。"),
        )),
    )),
    P("Body", "履行方式、时限：", E("o.agreement.performance_terms")),
    P("Body", "本协议一式", E("cn_number(o.agreement.copies)"), "份，当事人、人民调解委员会各持一份。"),
    P("Body", "本协议自各方当事人签名、盖章或按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。"),
    P("Signature", "当事人（签名、盖章或按指印）："),
    For("p", "o.parties", (
        P("Signature", E("p.role"), "：", E("p.name"), BLANK),
    )),
    For("m", "o.mediators", (
        P("Signature", "人民调解员（签名）：", E("m.name"), BLANK),
    )),
    P("Signature", "记录人（签名）：", E("o.recorder.name"), BLANK),
    P("Seal", E("o.committee.name"), "（印）"),
    P("Date", E("cn_date(o.agreement.date)")),
)


def xml_text(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xml_attr(text):
    return xml_text(text).replace('"', "&quot;")


class Dialect:
    """Turns the layout into one engine's template markup. Subclasses say how an expression, and the
    opening and closing paragraph of a block directive, are written."""

    def render(self, blocks):
        return "".join(self.block(b) for b in blocks)

    def block(self, block):
        if isinstance(block, P):
            return self.paragraph(block.style, "".join(
                self.expression(part.code) if isinstance(part, E) else self.text(part) for part in block.parts))
        if isinstance(block, For):
            return self.open_for(block.names, block.iterable) + self.render(block.body) + self.close("for")
        return self.open_if(block.test) + self.render(block.body) + self.close("if")

    def text(self, text):
        return xml_text(text)

    def paragraph(self, style, inner):
        return '<text:p text:style-name="%s">%s</text:p>' % (style, inner)


class Relatorio(Dialect):
    """Placeholders (Ctrl+Shift+F2 in LibreOffice) holding `<expr>`, `<for each="…">`, `</for>`."""

    def placeholder(self, text):
        return '<text:placeholder text:placeholder-type="text">%s</text:placeholder>' % xml_text(text)

    def expression(self, code):
        return self.placeholder("<%s>" % code)

    def open_for(self, names, iterable):
        return self.paragraph("Body", self.placeholder('<for each="%s in %s">' % (names, iterable)))

    def open_if(self, test):
        return self.paragraph("Body", self.placeholder('<if test="%s">' % test))

    def close(self, directive):
        return self.paragraph("Body", self.placeholder("</%s>" % directive))


class Py3o(Dialect):
    """User fields named `py3o.<expr>` for values; hyperlinks `py3o://for="…"` … `py3o:///for`, each in
    its own paragraph, for blocks."""

    def expression(self, code):
        return '<text:user-field-get text:name="py3o.%s">%s</text:user-field-get>' % (xml_attr(code), xml_text(code))

    def link(self, statement):
        from urllib.parse import quote
        return self.paragraph("Body", '<text:a xlink:type="simple" xlink:href="py3o://%s">%s</text:a>' % (
            xml_attr(quote(statement, safe="=/")), xml_text(statement)))

    def open_for(self, names, iterable):
        return self.link('for="%s in %s"' % (names, iterable))

    def open_if(self, test):
        return self.link('if="%s"' % test)

    def close(self, directive):
        return self.link("/" + directive)


class Secretary(Dialect):
    """Jinja2 inside the document: `{{ expr }}` in the text, block tags in input fields whose description
    `text:p` makes secretary replace the whole paragraph by the tag."""

    def expression(self, code):
        return xml_text("{{ %s }}" % code)

    def field(self, tag):
        return self.paragraph("Body", '<text:text-input text:description="text:p">%s</text:text-input>' % xml_text(tag))

    def open_for(self, names, iterable):
        return self.field("{%% for %s in %s %%}" % (names, iterable))

    def open_if(self, test):
        return self.field("{%% if %s %%}" % test)

    def close(self, directive):
        return self.field("{%% end%s %%}" % directive)


class JinjaText(Dialect):
    """The plain-text template for Jinja2: one line per paragraph, no layout (Jinja2 has none)."""

    def text(self, text):
        return text

    def expression(self, code):
        return "{{ %s }}" % code

    def paragraph(self, style, inner):
        return inner + "\n"

    def open_for(self, names, iterable):
        return "{%% for %s in %s %%}\n" % (names, iterable)

    def open_if(self, test):
        return "{%% if %s %%}\n" % test

    def close(self, directive):
        return "{%% end%s %%}\n" % directive


class JinjaXML(Dialect):
    """ODF paragraphs for Jinja2 with autoescaping on (the hand-built peers' content.xml and .fodt): static
    text escaped once here, each value escaped by Jinja2 as it is printed."""

    def expression(self, code):
        return "{{ %s }}" % code

    def open_for(self, names, iterable):
        return "{%% for %s in %s %%}" % (names, iterable)

    def open_if(self, test):
        return "{%% if %s %%}" % test

    def close(self, directive):
        return "{%% end%s %%}" % directive


DIALECTS = {"relatorio": Relatorio(), "py3o": Py3o(), "secretary": Secretary(), "jinja2": JinjaText()}


def python_function(blocks, head, tail):
    """The source of a Python module whose `render(o)` returns head + the layout's ODF paragraphs for case
    `o` + tail: the layout written as a plain Python function, as a developer would write it without a
    template engine (one f-string per paragraph, loops and conditions as Python's own)."""
    lines = ['"""Written by bench/make_templates.py from wbench/layout.py: the agreement as a Python function."""',
             "", "from wbench.formatting import HELPERS", ""]
    lines += ["%s = HELPERS[%r]" % (name, name) for name in sorted(_helper_names(blocks))]
    lines += ["", "", "def esc(value):",
              "    if value is None:", "        return ''",
              "    return str(value).replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')",
              "", "", "def render(o):", "    out = [%s]" % repr(head), "    w = out.append"]
    _python_blocks(blocks, 1, lines)
    lines += ["    w(%s)" % repr(tail), "    return ''.join(out)", ""]
    return "\n".join(lines)


def _helper_names(blocks):
    import builtins
    from .formatting import HELPERS
    codes = []

    def walk(items):
        for b in items:
            if isinstance(b, P):
                codes.extend(part.code for part in b.parts if isinstance(part, E))
            else:
                codes.append(b.iterable if isinstance(b, For) else b.test)
                walk(b.body)
    walk(blocks)
    return {name for name, value in HELPERS.items()
            if any(name + "(" in code for code in codes) and value is not getattr(builtins, name, None)}


def _python_blocks(blocks, depth, lines):
    pad = "    " * depth
    for block in blocks:
        if isinstance(block, P) and not any(isinstance(part, E) for part in block.parts):
            lines.append("%sw(%r)" % (pad, Dialect().block(block)))
        elif isinstance(block, P):
            inner = []
            for part in block.parts:
                if isinstance(part, E):
                    assert not set(part.code) & set("'\"\\{}"), part.code
                    inner.append("{esc(%s)}" % part.code)
                else:
                    inner.append(xml_text(part).replace("\\", "\\\\").replace("'", "\\'")
                                 .replace("{", "{{").replace("}", "}}"))
            lines.append("%sw(f'<text:p text:style-name=\"%s\">%s</text:p>')" % (pad, block.style, "".join(inner)))
        elif isinstance(block, For):
            lines.append("%sfor %s in %s:" % (pad, block.names, block.iterable))
            _python_blocks(block.body, depth + 1, lines)
        else:
            lines.append("%sif %s:" % (pad, block.test))
            _python_blocks(block.body, depth + 1, lines)
