"""A minimal zip writer for ODF packages: mimetype stored, other parts deflated (raw deflate, zlib level
6 like ZIPFoundation's default), fixed timestamps, and — what Python's zipfile cannot do — entries whose
compressed bytes were made earlier (the floor reuses static parts compressed once per batch)."""

import struct
import zlib

DOS_TIME, DOS_DATE = 0, (0 << 9) | (1 << 5) | 1  # 1980-01-01 00:00, so packages are byte-reproducible
LOCAL = struct.Struct("<IHHHHHIIIHH")
CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
END = struct.Struct("<IHHHHIIH")


class Entry:
    """One part, ready to be written: name, method (0 stored, 8 deflated), CRC-32, sizes, stored bytes."""

    __slots__ = ("name", "method", "crc", "size", "payload")

    def __init__(self, name, method, crc, size, payload):
        self.name, self.method, self.crc, self.size, self.payload = name.encode(), method, crc, size, payload


def stored(name, data):
    return Entry(name, 0, zlib.crc32(data), len(data), data)


def deflated(name, data, level=6):
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    return Entry(name, 8, zlib.crc32(data), len(data), compressor.compress(data) + compressor.flush())


def archive(entries):
    """The zip file's bytes for these entries, in order."""
    out = []
    central = []
    offset = 0
    for e in entries:
        header = LOCAL.pack(0x04034B50, 20, 0, e.method, DOS_TIME, DOS_DATE, e.crc, len(e.payload), e.size,
                            len(e.name), 0)
        central.append(CENTRAL.pack(0x02014B50, 20, 20, 0, e.method, DOS_TIME, DOS_DATE, e.crc, len(e.payload),
                                    e.size, len(e.name), 0, 0, 0, 0, 0, offset) + e.name)
        out += (header, e.name, e.payload)
        offset += len(header) + len(e.name) + len(e.payload)
    directory = b"".join(central)
    out += (directory, END.pack(0x06054B50, 0, 0, len(entries), len(entries), len(directory), offset, 0))
    return b"".join(out)


def package(parts, level=6):
    """An ODF package from (name, bytes) pairs: 'mimetype' stored and first, the rest deflated."""
    return archive([stored(n, d) if n == "mimetype" else deflated(n, d, level) for n, d in parts])
