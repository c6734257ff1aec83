"""Write a case dict as XML, YAML or JSON by the one rule of docs/case-format.md: a key is an element, a
list under key K holds one element per item named K without its plural ending (-ies → -y, else -s dropped),
no attributes. Scalars are strings, written so their source text is exactly the value ('34020.00')."""

import json
import re

XML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
# Plain YAML scalars need no quotes unless they hold YAML's indicator characters or look like other types
# to a YAML reader; amounts, dates and true/false are left plain on purpose (Wenshu reads the source text).
YAML_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#\n]*(?<!\s)$")


def singular(key):
    return key[:-3] + "y" if key.endswith("ies") else key[:-1]


def to_xml(case, comment=None):
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n']
    if comment:
        out.append("<!-- %s -->\n" % comment)
    _xml_element(out, "case", case, 0)
    return "".join(out)


def _xml_element(out, name, value, depth):
    pad = "  " * depth
    if isinstance(value, dict):
        out.append("%s<%s>\n" % (pad, name))
        for key, item in value.items():
            _xml_element(out, key, item, depth + 1)
        out.append("%s</%s>\n" % (pad, name))
    elif isinstance(value, list):
        out.append("%s<%s>\n" % (pad, name))
        for item in value:
            _xml_element(out, singular(name), item, depth + 1)
        out.append("%s</%s>\n" % (pad, name))
    else:
        out.append("%s<%s>%s</%s>\n" % (pad, name, str(value).translate(XML_ESCAPES), name))


def to_yaml(case, comment=None):
    out = ["# %s\n" % comment] if comment else []
    _yaml_mapping(out, case, 0)
    return "".join(out)


def _yaml_scalar(value):
    text = str(value)
    return text if YAML_PLAIN.match(text) else json.dumps(text, ensure_ascii=False)


def _yaml_mapping(out, mapping, depth, first_prefix=None):
    pad = "  " * depth
    for i, (key, value) in enumerate(mapping.items()):
        lead = first_prefix if (i == 0 and first_prefix is not None) else pad
        if isinstance(value, dict):
            out.append("%s%s:\n" % (lead, key))
            _yaml_mapping(out, value, depth + 1)
        elif isinstance(value, list):
            out.append("%s%s:\n" % (lead, key))
            _yaml_sequence(out, value, depth + 1)
        else:
            out.append("%s%s: %s\n" % (lead, key, _yaml_scalar(value)))


def _yaml_sequence(out, items, depth):
    pad = "  " * depth
    for item in items:
        if isinstance(item, dict):
            _yaml_mapping(out, item, depth + 1, first_prefix=pad + "- ")
        else:
            out.append("%s- %s\n" % (pad, _yaml_scalar(item)))


def to_json(case, comment=None):
    return json.dumps(case, ensure_ascii=False, indent=2) + "\n"


WRITERS = {"xml": to_xml, "yaml": to_yaml, "json": to_json}
