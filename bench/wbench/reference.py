"""The agreement's paragraphs as the layout says they should read for one case, computed directly in Python
(no engine): the harness compares every peer's output with it, so "equivalent template" is checked, not
assumed."""

from .formatting import HELPERS
from .layout import AGREEMENT, E, For, P


def paragraphs(context):
    out = []
    _walk(AGREEMENT, dict(HELPERS, o=context), out)
    return out


def _walk(blocks, scope, out):
    for block in blocks:
        if isinstance(block, P):
            out.append("".join(_value(part, scope) for part in block.parts))
        elif isinstance(block, For):
            names = [n.strip() for n in block.names.split(",")]
            for item in eval(block.iterable, {}, scope):  # noqa: S307 - our own layout's expressions
                values = item if len(names) > 1 else (item,)
                _walk(block.body, dict(scope, **dict(zip(names, values))), out)
        elif eval(block.test, {}, scope):  # noqa: S307
            _walk(block.body, scope, out)


def _value(part, scope):
    if isinstance(part, E):
        value = eval(part.code, {}, scope)  # noqa: S307
        return "" if value is None else str(value)
    return part
