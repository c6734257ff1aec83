"""Read a case file (XML, YAML or JSON) into the object the peer templates see: attribute access
(`o.agreement.total_amount`), lists for the case format's list elements, None for a field the case leaves
out. Standard library, plus PyYAML (BaseLoader: every scalar stays the string it was written as) for YAML."""

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


def _from_plain(value):
    if isinstance(value, dict):
        return Node((key, _from_plain(item)) for key, item in value.items())
    if isinstance(value, list):
        return [_from_plain(item) for item in value]
    return value


def load(path):
    if path.endswith(".xml"):
        return _from_element(ElementTree.parse(path).getroot())
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    if path.endswith(".json"):
        return _from_plain(json.loads(text))
    import yaml  # only the YAML runs need it
    return _from_plain(yaml.load(text, Loader=yaml.BaseLoader))
