"""Read a case file (XML, YAML or JSON) into the object the peer templates see: attribute access
(`o.agreement.total_amount`), lists for the case format's list elements, None for a field the case leaves
out. Standard library, plus PyYAML for YAML (BaseLoader, in C when PyYAML has libyaml: every scalar stays the
string it was written as)."""

import json
import xml.etree.ElementTree as ElementTree

# Every list key of docs/case-format.md; an element of one of these names is a list even with one item.
LIST_KEYS = frozenset(("claims", "parties", "agents", "mediators", "investigations", "exchanges", "sessions",
                       "terms", "instalments", "payments", "visits", "routings", "escalations", "attachments"))


class Node(dict):
    """A case element: fields by attribute; a missing field is None, a missing list is empty."""

    __slots__ = ()

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            return [] if name in LIST_KEYS else None


def _from_element(element):
    if element.tag in LIST_KEYS:
        return [_from_element(child) for child in element]
    if len(element) == 0:
        return element.text or ""
    return Node((child.tag, _from_element(child)) for child in element)


def from_mapping(value):
    """The Node tree of a case given as plain dicts, lists and strings (as wbench.casegen makes it)."""
    if isinstance(value, dict):
        return Node((key, from_mapping(item)) for key, item in value.items())
    if isinstance(value, list):
        return [from_mapping(item) for item in value]
    return value


def load(path):
    if path.endswith(".xml"):
        return _from_element(ElementTree.parse(path).getroot())
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    if path.endswith(".json"):
        return from_mapping(json.loads(text))
    import yaml  # only the YAML runs need it
    return from_mapping(yaml.load(text, Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader)))  # libyaml when built in
