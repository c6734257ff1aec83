"""The floor: the time to just deflate and zip the bytes of finished documents — what no ODT generator can
beat. Two floors (amendments, issue 7), both on one core, in memory (no file writes), with zlib at the level
the engine used: 6 for every part of the peers' documents; for Wenshu's, 6 for the parts it compresses once
per process and 3 for those it writes for every document (`ZipContainer.Effort` in Sources/WenshuWriters):

- all:      every part of every document deflated (mimetype stored) and zipped;
- changing: only the parts whose bytes differ between documents of the batch are deflated per document;
            the static parts (identical in every document) are deflated once per batch and their
            compressed bytes reused.
"""

import time
import zipfile
import io

from . import ziplite


def read_parts(paths):
    """Each document's parts as (name, bytes), in archive order."""
    documents = []
    for path in paths:
        with zipfile.ZipFile(path) as archive:
            documents.append([(info.filename, archive.read(info)) for info in archive.infolist()])
    return documents


def static_names(documents):
    first = dict(documents[0])
    same = {name for name, data in first.items()}
    for document in documents[1:]:
        parts = dict(document)
        same = {name for name in same if parts.get(name) == first[name]}
    return same - {"mimetype"}


def _entry(name, data, level, changing_level, static):
    if name == "mimetype":
        return ziplite.stored(name, data)
    return ziplite.deflated(name, data, level if name in static else changing_level)


def _zip_all(documents, level, changing_level, static):
    for parts in documents:
        ziplite.archive([_entry(name, data, level, changing_level, static) for name, data in parts])


def _zip_changing(documents, level, changing_level, static):
    cache = {}
    for name, data in documents[0]:
        if name in static:
            cache[name] = ziplite.deflated(name, data, level)
    for parts in documents:
        ziplite.archive([cache.get(name) or _entry(name, data, level, changing_level, static)
                         for name, data in parts])


def _rate(work, documents, min_seconds):
    passes, start = 0, time.perf_counter()
    while True:
        work()
        passes += 1
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return passes * len(documents) / elapsed


# The level Wenshu deflates a document's own parts at (`ZipContainer.Effort.everyDocument`).
WENSHU_CHANGING_LEVEL = 3


def measure(paths, level=6, min_seconds=1.0):
    return measure_documents(read_parts(paths), level, min_seconds)


def measure_documents(documents, level=6, min_seconds=1.0, changing_level=None):
    """Both floors on documents as read_parts returns them: static parts at `level`, the parts that change
    between documents at `changing_level` (`level` unless given)."""
    changing_level = level if changing_level is None else changing_level
    static = static_names(documents)
    # Check once (untimed) that the floor's archives are real zips holding the same bytes.
    rebuilt = zipfile.ZipFile(io.BytesIO(ziplite.package(documents[0], level)))
    assert [(i.filename, rebuilt.read(i)) for i in rebuilt.infolist()] == documents[0]
    sizes = {}
    for parts in documents:
        for name, data in parts:
            sizes[name] = sizes.get(name, 0) + len(data)
    return {
        "documents": len(documents),
        "static_parts": sorted(static),
        "changing_parts": sorted({n for n, _ in documents[0]} - static - {"mimetype"}),
        "mean_part_bytes": {name: total // len(documents) for name, total in sizes.items()},
        "levels": {"static": level, "changing": changing_level},
        "all_docs_per_s": _rate(lambda: _zip_all(documents, level, changing_level, static), documents, min_seconds),
        "changing_docs_per_s": _rate(lambda: _zip_changing(documents, level, changing_level, static), documents,
                                     min_seconds),
    }
