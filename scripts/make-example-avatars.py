#!/usr/bin/env python3
"""Writes the example packets' avatars: 640x640 PNGs drawn with the standard library only (zlib), so
anyone can regenerate them without an image library. The many-mistakes packet gets a 512x512 one."""
import struct, zlib, pathlib

def png(path, size, fg, bg):
    rows = []
    r = size * 0.42
    c = size / 2
    for y in range(size):
        row = bytearray([0])  # filter: none
        for x in range(size):
            inside = (x - c) ** 2 + (y - c) ** 2 <= r * r
            row += bytes(fg if inside else bg)
        rows.append(bytes(row))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
    data += chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
    pathlib.Path(path).write_bytes(data)

root = pathlib.Path(__file__).resolve().parent.parent / "examples"
for name in ("engage-digital", "8x8", "generic"):
    png(root / name / "avatar.png", 640, (0x07, 0x5E, 0x54), (0xFF, 0xFF, 0xFF))
png(root / "many-mistakes" / "avatar.png", 512, (0x25, 0xD3, 0x66), (0, 0, 0))
