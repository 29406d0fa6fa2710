#!/usr/bin/env python3
"""Writes 200+ hostile input files for the importers, and a manifest saying what each must give.

    generate.py OUT [--small | --full]

Files go to OUT/files/ (the folder to import), the manifest to OUT/manifest.json: one entry per
file with its path relative to OUT/files, its category, and what the import must give:
  "error"    refused with a per-file message (binary formats, empty files, over the size limit)
  "article"  at least one article (text that is merely ugly: odd names, control characters)
  "either"   a per-file message or a best-effort article, but never a crash, hang or blow-up
plus optional checks: "not_in_output" (strings that must not appear anywhere in what the CLI
prints: the contents of /etc/passwd behind an XXE entity) and "max_output" (bytes of stdout this
file may produce: entity expansion must not multiply the input).

Every file is made here from scratch (no corpus text). The big ones are quick to make: text files
are one block written over and over, and the 200 MB and over-the-limit files are sparse.

Profiles (sizes of the few files that dominate the run time):
  (default)  what CI runs, about a minute in a release build: the 200 MB file is sparse (a line of
             text, then NULs), text files up to 50 MB (the 50 MB single line), 200,000 JSON Lines
             records, 60,000 combining marks on one letter
  --small    a tenth of that, for sanitizer builds (ASan is several times slower)
  --full     everything at full size: a real 200 MB text file, 1,000,000 records, 100,000 marks
             (several minutes and about 2 GB of memory)
"""
import bz2
import gzip
import io
import json
import lzma
import os
import struct
import sys
import zipfile
import zlib

MB = 1 << 20


class Writer:
    def __init__(self, out):
        self.root = os.path.join(out, "files")
        self.entries = []

    def add(self, name, data, category, expect="either", **checks):
        path = os.path.join(self.root, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if isinstance(data, str):
            data = data.encode("utf-8")
        with open(path, "wb") as f:
            f.write(data)
        self._record(name, category, expect, len(data), checks)

    def add_big(self, name, block, size, category, expect="either", **checks):
        """`size` bytes made of `block` repeated (the last copy cut), written in 8 MB chunks."""
        path = os.path.join(self.root, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        chunk = block * max(1, (8 * MB) // len(block))
        with open(path, "wb") as f:
            left = size
            while left > 0:
                part = chunk[:left]
                f.write(part)
                left -= len(part)
        self._record(name, category, expect, size, checks)

    def add_sparse(self, name, size, category, expect="either", head=b"", **checks):
        """A sparse file: `head`, then zeros up to `size` bytes (takes no disk and no time)."""
        path = os.path.join(self.root, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(head)
            f.truncate(size)
        self._record(name, category, expect, size, checks)

    def _record(self, name, category, expect, size, checks):
        entry = {"file": name, "category": category, "expect": expect, "bytes": size}
        entry.update(checks)
        self.entries.append(entry)


def article(title="Harbour wall holds as the storm passes", n=3):
    """A small, ordinary article (made up here) to wrap hostile bits around."""
    body = "\n\n".join(
        f"Paragraph {i + 1}: the sea wall held overnight, said the harbour master, and the "
        f"road along the front will reopen once the debris is cleared." for i in range(n))
    return f"{title}\n\nThe new wall did its job\n\nBy Jane Doe\n19 November 2019\n\n{body}\n"


def zip_bytes(files):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            z.writestr(name, data)
    return buf.getvalue()


def png_bytes():
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\0" + bytes([x * 16, 255 - x * 16, 128]) * 16 for x in range(16))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def binaries(w):
    text = article().encode()
    png = png_bytes()
    cat = "binary"
    w.add("bin/image.png", png, cat, "error")
    w.add("bin/image-named.txt", png, cat, "error")
    w.add("bin/truncated.png", png[:20], cat, "error")
    w.add("bin/photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + bytes(range(256)) * 4 + b"\xff\xd9", cat, "error")
    w.add("bin/anim.gif", b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;", cat, "error")
    w.add("bin/image.webp", b"RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x000\x01\x00\x9d\x01\x2a\x01\x00\x01\x00" + b"\0" * 16, cat, "error")
    w.add("bin/sound.wav", b"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00\x44\xac\x00\x00\x88\x58\x01\x00\x02\x00\x10\x00data\x00\x00\x00\x00", cat, "error")
    w.add("bin/doc.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n", cat, "error")
    w.add("bin/doc-named.html", b"%PDF-1.7\n" + text, cat, "error")
    w.add("bin/archive.zip", zip_bytes([("article.txt", text), ("page.html", "<p>hi</p>")]), cat, "error")
    w.add("bin/empty.zip", b"PK\x05\x06" + b"\0" * 18, cat, "error")
    w.add("bin/document.docx", zip_bytes([("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")]), cat, "error")
    w.add("bin/book.epub", zip_bytes([("mimetype", "application/epub+zip"), ("OEBPS/ch1.xhtml", "<html><body><p>Chapter one.</p></body></html>")]), cat, "error")
    w.add("bin/article.txt.gz", gzip.compress(text), cat, "error")
    w.add("bin/page-gzipped.html", gzip.compress(b"<html><body><p>" + text + b"</p></body></html>"), cat, "error")
    w.add("bin/article.txt.bz2", bz2.compress(text), cat, "error")
    w.add("bin/article.txt.xz", lzma.compress(text), cat, "error")
    w.add("bin/archive.7z", b"7z\xbc\xaf\x27\x1c\x00\x04" + bytes(24), cat, "error")
    w.add("bin/archive.rar", b"Rar!\x1a\x07\x01\x00" + bytes(32), cat, "error")
    w.add("bin/program.elf", b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x02\x00\x3e\x00" + bytes(200), cat, "error")
    w.add("bin/program.exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(50) + b"PE\0\0", cat, "error")
    w.add("bin/module.wasm", b"\x00asm\x01\x00\x00\x00", cat, "error")
    w.add("bin/data.sqlite", b"SQLite format 3\x00\x10\x00\x01\x01\x00\x40\x20\x20" + bytes(84), cat, "error")
    w.add("bin/sound.ogg", b"OggS\x00\x02" + bytes(22) + b"\x01vorbis", cat, "error")
    w.add("bin/sound.mp3", b"ID3\x04\x00\x00\x00\x00\x00\x0a" + bytes(10) + b"\xff\xfb\x90\x00", cat, "error")
    w.add("bin/sound.flac", b"fLaC\x00\x00\x00\x22" + bytes(34), cat, "error")
    w.add("bin/video.mp4", b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + bytes(16), cat, "error")
    w.add("bin/font.woff", b"wOFF\x00\x01\x00\x00" + bytes(40), cat, "error")
    w.add("bin/font.woff2", b"wOF2\x00\x01\x00\x00" + bytes(40), cat, "error")
    w.add("bin/legacy.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), cat, "error")
    # Formats without a magic number in the sniffer's table: caught (or not) by their bytes.
    w.add("bin/image.tiff", b"II*\x00\x08\x00\x00\x00" + bytes(range(256)) * 2, cat, "error")
    w.add("bin/image.bmp", b"BM" + struct.pack("<IHHI", 70, 0, 0, 54) + struct.pack("<IiiHHIIiiII", 40, 2, 2, 1, 24, 0, 16, 2835, 2835, 0, 0) + bytes(16), cat, "error")
    w.add("bin/Main.class", b"\xca\xfe\xba\xbe\x00\x00\x00\x34" + bytes(64), cat, "error")
    w.add("bin/program.macho", b"\xcf\xfa\xed\xfe\x07\x00\x00\x01" + bytes(64), cat, "error")
    w.add("bin/data.zst", b"\x28\xb5\x2f\xfd\x24\x05\x29\x00\x00hello" + bytes(8), cat, "either")
    tar = bytearray(1024)
    tar[0:11] = b"article.txt"
    tar[100:107] = b"0000644"
    tar[257:262] = b"ustar"
    w.add("bin/archive.tar", bytes(tar) + text + bytes(512 - len(text) % 512) + bytes(1024), cat, "error")
    w.add("bin/random.bin", bytes((i * 7919 + (i >> 3) * 104729) & 0xFF for i in range(65536)), cat, "error")
    w.add("bin/all-bytes.bin", bytes(range(256)) * 16, cat, "error")
    w.add("bin/nul-only.txt", bytes(4096), cat, "error")
    w.add("bin/utf32le-bom.txt", b"\xff\xfe\x00\x00" + article().encode("utf-32-le"), cat, "either")
    w.add("bin/utf32be-bom.txt", b"\x00\x00\xfe\xff" + article().encode("utf-32-be"), cat, "either")
    w.add("bin/utf32le.txt", article().encode("utf-32-le"), cat, "either")


def encodings(w):
    cat = "encoding"
    base = article()
    u = base.encode()
    w.add("enc/truncated-2byte.txt", u + "caf\u00e9".encode()[:-1], cat, "article")
    w.add("enc/truncated-3byte.txt", u + "\u20ac".encode()[:2], cat, "article")
    w.add("enc/truncated-4byte.txt", u + "\U0001F600".encode()[:3], cat, "article")
    w.add("enc/truncated-mid.txt", u[:40] + "\u6771".encode()[:1] + u[40:], cat, "article")
    w.add("enc/overlong-slash.txt", u + b"\xc0\xaf \xe0\x80\xaf \xf0\x80\x80\xaf", cat, "either")
    w.add("enc/overlong-nul.txt", u + b"\xc0\x80" * 10, cat, "either")
    w.add("enc/surrogates.txt", u + b"\xed\xa0\x80\xed\xbf\xbf", cat, "either")
    w.add("enc/above-10ffff.txt", u + b"\xf4\x90\x80\x80 \xf7\xbf\xbf\xbf", cat, "either")
    w.add("enc/five-six-byte.txt", u + b"\xf8\x88\x80\x80\x80 \xfc\x84\x80\x80\x80\x80", cat, "either")
    w.add("enc/lone-continuations.txt", b"\x80\x81\xbf " + u, cat, "either")
    w.add("enc/fe-ff.txt", u + b"\xfe\xff\xfe\xff", cat, "either")
    w.add("enc/every-bad-byte.txt", u + bytes(range(0x80, 0x100)), cat, "either")
    w.add("enc/mostly-bad.txt", bytes(range(0x80, 0x100)) * 40, cat, "either")
    w.add("enc/utf16le-nobom.txt", base.encode("utf-16-le"), cat, "article")
    w.add("enc/utf16be-nobom.txt", base.encode("utf-16-be"), cat, "article")
    cjk = "東京都は明日、雨が降るでしょう。港の防波堤は持ちこたえた。\n\n" * 20
    w.add("enc/utf16le-nobom-cjk.txt", cjk.encode("utf-16-le"), cat, "either")
    w.add("enc/utf16be-nobom-cjk.txt", cjk.encode("utf-16-be"), cat, "either")
    w.add("enc/utf16le-odd-length.txt", b"\xff\xfe" + base.encode("utf-16-le") + b"\x41", cat, "article")
    w.add("enc/utf16le-lone-surrogates.txt", b"\xff\xfe" + base.encode("utf-16-le") + b"\x00\xd8\x41\x00\x00\xdc", cat, "article")
    w.add("enc/utf16-bom-only.txt", b"\xff\xfe", cat, "error")
    w.add("enc/utf8-bom-only.txt", b"\xef\xbb\xbf", cat, "error")
    w.add("enc/double-bom.txt", b"\xef\xbb\xbf\xef\xbb\xbf" + u, cat, "article")
    w.add("enc/bom-mid-text.txt", u[:50] + b"\xef\xbb\xbf" + u[50:], cat, "article")
    w.add("enc/utf8-bom-then-utf16.txt", b"\xef\xbb\xbf" + base.encode("utf-16-le"), cat, "either")
    w.add("enc/utf16-bom-then-utf8.txt", b"\xff\xfe" + u, cat, "either")
    mixed = (u + "Le café était fermé; la crème brûlée aussi.\n\n".encode("latin-1") +
             "東京の天気は雨です。\n\n".encode("shift_jis") + "Москва: снег.\n\n".encode("koi8-r") +
             "Zürich — “quotes”.\n\n".encode("utf-8"))
    w.add("enc/mixed-encodings.txt", mixed, cat, "either")
    w.add("enc/mixed-utf8-latin1-half.txt", "Ärger über Öl\n\n".encode() * 20 + "Ärger über Öl\n\n".encode("latin-1") * 20, cat, "article")
    w.add("enc/cp1252.txt", ("Café “reopens” – €5 coffee\n\n" + base).encode("cp1252"), cat, "article")
    w.add("enc/cp1252-c1-range.txt", ("Title\n\n" + base).encode() + bytes(range(0x80, 0xA0)), cat, "either")
    w.add("enc/shift-jis.txt", ("東京の天気\n\n" + "明日は雨が降るでしょう。防波堤は持ちこたえました。\n\n" * 10).encode("shift_jis"), cat, "article")
    w.add("enc/euc-jp.txt", ("東京の天気\n\n" + "明日は雨が降るでしょう。\n\n" * 10).encode("euc_jp"), cat, "article")
    w.add("enc/gb18030-4byte.txt", ("新闻标题\n\n" + "今天下雨。表情 \U0001F600 和 \u20ac。\n\n" * 10).encode("gb18030"), cat, "article")
    w.add("enc/big5.txt", ("新聞標題\n\n" + "今天下雨，防波堤守住了。\n\n" * 10).encode("big5"), cat, "article")
    w.add("enc/euc-kr-broken.txt", ("뉴스 제목\n\n" + "오늘은 비가 옵니다.\n\n" * 10).encode("euc_kr") + b"\xa1\x20\xfe\xfe\xc9\xa1", cat, "either")
    w.add("enc/koi8-r.txt", ("Новости\n\n" + "Сегодня идёт дождь, дамба выдержала.\n\n" * 10).encode("koi8_r"), cat, "article")
    w.add("enc/iso-2022-jp.txt", ("東京の天気\n\n" + "明日は雨が降るでしょう。\n\n" * 10).encode("iso2022_jp"), cat, "either")
    w.add("enc/ebcdic-cp500.txt", base.encode("cp500"), cat, "either")
    w.add("enc/utf7.txt", ("Caf\u00e9 news\n\n" + base).encode("utf-7"), cat, "either")
    w.add("enc/mac-roman.txt", ("Café “news”\n\n" + base).encode("mac_roman"), cat, "article")
    w.add("enc/declared-sjis-but-utf8.html", '<html><head><meta charset="shift_jis"><title>Lies</title></head><body><p>Zürich — “quotes” — 東京</p><p>Second paragraph of the page.</p></body></html>', cat, "either")
    w.add("enc/declared-utf16-in-meta.html", '<html><head><meta charset="utf-16"><title>Meta says UTF-16</title></head><body><p>But the bytes are ASCII, and the parser must cope.</p></body></html>', cat, "either")
    w.add("enc/declared-unknown.html", '<html><head><meta charset="x-klingon"><title>Unknown charset</title></head><body><p>Caf\xe9 text here for the reader.</p></body></html>'.encode("latin-1"), cat, "either")
    w.add("enc/declared-empty.html", '<html><head><meta charset=""><meta http-equiv="Content-Type" content="text/html; charset="><title>Empty charset</title></head><body><p>Caf\xe9.</p></body></html>'.encode("latin-1"), cat, "either")
    w.add("enc/xml-decl-latin2.xhtml", '<?xml version="1.0" encoding="ISO-8859-2"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Zażółć</title></head><body><p>Zażółć gęślą jaźń, a paragraph of Polish text.</p></body></html>'.encode("iso-8859-2"), cat, "either")
    w.add("enc/json-latin1.json", '{"title":"Caf\xe9","text":"Cr\xe8me br\xfbl\xe9e for everyone, said the chef."}'.encode("latin-1"), cat, "either")
    w.add("enc/json-utf16le.json", json.dumps({"title": "UTF-16 JSON", "text": "Body text of a JSON record in UTF-16."}).encode("utf-16-le"), cat, "either")
    w.add("enc/nfd.txt", ("Cafe\u0301 cre\u0300me\n\n" + base + "A\u030a\u0301 o\u0308\u0304\n").encode(), cat, "article")


# Sizes per profile: the inputs whose cost grows with them.
PROFILES = {
    #          text file   one line  one word  lines     records    marks   JSON objects/articles
    "full":  dict(text=200 * MB, line=50 * MB, word=10 * MB, lines=1_000_000, records=1_000_000, marks=100_000, objects=1_000_000, articles=200_000),
    "ci":    dict(text=20 * MB, line=50 * MB, word=10 * MB, lines=1_000_000, records=200_000, marks=60_000, objects=200_000, articles=50_000),
    "small": dict(text=2 * MB, line=5 * MB, word=1 * MB, lines=100_000, records=20_000, marks=5_000, objects=20_000, articles=5_000),
}
P = PROFILES["ci"]


def sizes(w, profile):
    cat = "size"
    block = ("Huge file\n\n" + article() * 40).encode()
    if profile == "full":
        w.add_big("size/200mb-text.txt", block, 200 * MB, cat, "either")
    else:
        w.add_sparse("size/200mb-sparse.txt", 200 * MB, cat, "error", head=b"Title\n\nA line of text, then NULs.\n")
        w.add_big(f"size/{P['text'] // MB}mb-text.txt", block, P["text"], cat, "either")
    words = b"storm surge harbour wall held overnight "
    w.add_big(f"size/{P['line'] // MB}mb-one-line.txt", words, P["line"], cat, "either")
    w.add_big(f"size/{P['word'] // MB}mb-one-word.txt", b"x", P["word"], cat, "either")
    w.add_big("size/many-short-lines.txt", b"a line\n", 7 * P["lines"], cat, "either")
    w.add_big("size/many-blank-lines.txt", b"\n", 4 * P["lines"], cat, "either")
    w.add_big("size/100k-paragraphs.txt", b"Short paragraph here.\n\n", 23 * 100000, cat, "either")
    w.add_sparse("size/300mb-over-limit.txt", 300 * MB, cat, "error", head=b"Over the limit\n\nText.\n")
    w.add_sparse("size/300mb-over-limit.json", 300 * MB, cat, "error", head=b'{"title":"x","text":"')
    w.add_sparse("size/256mb-plus-one.txt", 256 * MB + 1, cat, "error", head=b"Just over\n\n")
    w.add_big("size/1mb-whitespace.txt", b" \t \n", MB, cat, "error")
    w.add("size/one-char.txt", "x", cat, "either")
    w.add("size/one-space.txt", " ", cat, "error")
    w.add("size/one-newline.txt", "\n", cat, "error")
    w.add("size/empty.txt", b"", cat, "error")
    w.add("size/empty.json", b"", cat, "error")
    w.add("size/empty.html", b"", cat, "error")
    w.add("size/only-lt.html", "<", cat, "either")
    w.add("size/only-brace.json", "{", cat, "error")
    w.add("size/only-bracket.json", "[", cat, "error")
    w.add("size/empty-array.json", "[]", cat, "error")
    w.add("size/empty-object.json", "{}", cat, "either")
    w.add("size/newlines.txt", "\n\n\n\n\n\n", cat, "error")
    w.add_big("size/many-paragraphs.html", b"<p>p</p>", 8 * P["lines"], cat, "either")
    w.add_big("size/many-records.jsonl", b'{"title":"t","text":"x"}\n', 25 * P["records"], cat, "either")


def nesting(w):
    cat = "nesting"
    n = 100_000
    w.add("deep/div-100k.html", "<html><body>" + "<div>" * n + "<p>deep text</p>" + "</div>" * n + "</body></html>", cat, "either")
    w.add("deep/div-100k-unclosed.html", "<html><body>" + "<div>" * n + "<p>deep text", cat, "either")
    w.add("deep/inline-100k.html", "<p>" + "<b><i>" * (n // 2) + "text" + "</i></b>" * (n // 2) + "</p>", cat, "either")
    w.add("deep/p-100k-unclosed.html", "<body>" + "<p>para " * n, cat, "either")
    w.add("deep/table-100k.html", "<table><tr><td>" * (n // 3) + "cell", cat, "either")
    w.add("deep/list-100k.html", "<ul><li>" * (n // 2) + "item", cat, "either")
    w.add("deep/blockquote-100k.html", "<blockquote>" * n + "quoted", cat, "either")
    w.add("deep/array-100k.json", "[" * n + "]" * n, cat, "error")
    w.add("deep/array-100k-unclosed.json", "[" * n, cat, "error")
    w.add("deep/object-100k.json", '{"a":' * n + "1" + "}" * n, cat, "error")
    w.add("deep/in-field-100k.json", '{"title":"Deep field","text":"Body text stays readable.","extra":' + "[" * n + "]" * n + "}", cat, "either")
    w.add("deep/jsonl-deep.jsonl", '{"title":"ok","text":"fine"}\n' + '{"x":' + "[" * n + "]" * n + "}\n" + '{"title":"ok2","text":"fine too"}\n', cat, "either")
    w.add("deep/jsonld-100k.html", '<html><head><script type="application/ld+json">' + "[" * n + "]" * n + '</script><title>Deep JSON-LD</title></head><body><p>A page whose JSON-LD is deep.</p></body></html>', cat, "either")
    w.add("deep/jsonld-object-100k.html", '<html><head><script type="application/ld+json">' + '{"@graph":' * n + "1" + "}" * n + '</script></head><body><p>A page whose JSON-LD graph nests deep.</p></body></html>', cat, "either")
    w.add("deep/xhtml-100k.xhtml", '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body>' + "<div>" * n + "x" + "</div>" * n + "</body></html>", cat, "either")
    w.add("deep/comments-100k.html", "<!--" * n + "<p>text</p>", cat, "either")
    w.add("deep/brackets-text.txt", "Title\n\n" + "(" * n + "[" * n + "text", cat, "either")


def expansion(w):
    cat = "expansion"
    lol = '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    prev = "lol"
    for i in range(1, 10):
        lol += f' <!ENTITY lol{i} "' + f"&{prev};" * 10 + '">\n'
        prev = f"lol{i}"
    lol += "]>\n"
    w.add("expand/billion-laughs.xml", lol + "<lolz>&lol9;</lolz>\n", cat, "either", max_output=4 * MB)
    w.add("expand/billion-laughs.html", lol + "<html><head><title>&lol9;</title></head><body><p>&lol9;</p></body></html>\n", cat, "either", max_output=4 * MB)
    w.add("expand/billion-laughs.xhtml", lol.replace("lolz", "html") + '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>&lol9;</p></body></html>\n', cat, "either", max_output=4 * MB)
    quad = '<?xml version="1.0"?><!DOCTYPE q [<!ENTITY a "' + "a" * 50000 + '">]><html><body><p>' + "&a;" * 50000 + "</p></body></html>"
    w.add("expand/quadratic-blowup.html", quad, cat, "either", max_output=8 * MB)
    xxe = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd">%p;]>'
           '<html><head><title>XXE &xxe;</title></head><body><p>Secret: &xxe;</p><p>An ordinary paragraph of the page.</p></body></html>')
    w.add("expand/xxe-passwd.html", xxe, cat, "either", not_in_output=["root:x:0:0", "/bin/bash", "/usr/sbin/nologin"])
    w.add("expand/xxe-passwd.xhtml", xxe, cat, "either", not_in_output=["root:x:0:0", "/bin/bash", "/usr/sbin/nologin"])
    w.add("expand/xinclude.xhtml", '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:xi="http://www.w3.org/2001/XInclude"><body><p>Include: <xi:include href="file:///etc/passwd" parse="text"/></p></body></html>', cat, "either", not_in_output=["root:x:0:0"])
    w.add("expand/html-entities-5m.html", "<p>" + "&amp;&lt;&eacute;&#x1F600;" * 200000 + "</p>", cat, "either", max_output=64 * MB)
    w.add("expand/numeric-entities-bad.html", "<p>" + "&#0;&#xD800;&#x110000;&#99999999999;&#x;&#;" * 20000 + "</p>", cat, "either")
    w.add("expand/json-escapes.json", '{"title":"Escapes","text":"' + "\\u00e9\\ud83d\\ude00\\n" * 300000 + '"}', cat, "either", max_output=64 * MB)
    w.add("expand/json-lone-surrogates.json", '{"title":"\\ud800\\udc00\\ud800","text":"' + "\\udfff\\ud800x" * 1000 + '"}', cat, "either")
    w.add("expand/json-nul-escapes.json", '{"title":"Nul\\u0000title","text":"' + "\\u0000" * 100000 + 'text"}', cat, "either")
    w.add("expand/json-many-empty-objects.json", "[" + ",".join(["{}"] * P["objects"]) + "]", cat, "either", max_output=64 * MB)
    w.add("expand/json-1m-keys.json", "{" + ",".join(f'"k{i}":{i}' for i in range(500_000)) + ',"title":"Many keys","text":"Body."}', cat, "either", max_output=64 * MB)
    w.add("expand/json-dup-keys.json", '{"title":"a",' + '"title":"b",' * 100000 + '"text":"Duplicate keys."}', cat, "either")
    w.add("expand/json-huge-numbers.json", '{"title":"Numbers","text":"Body.","n":' + "9" * 100000 + ',"f":1e999999,"g":-1e-999999,"h":NaN}', cat, "either")
    w.add("expand/json-array-of-articles.json", json.dumps([{"title": f"Article {i}", "text": "x"} for i in range(P["articles"])]), cat, "either", max_output=128 * MB)
    w.add("expand/jsonld-expansion.html", '<html><head><script type="application/ld+json">' + json.dumps({"@graph": [{"@type": "NewsArticle", "headline": "h" * 1000, "author": [{"name": "a" * 100}] * 10000}]}) + '</script></head><body><p>Page text.</p></body></html>', cat, "either", max_output=16 * MB)


def controls(w):
    cat = "control"
    base = article()
    w.add("ctl/nul-stray.txt", base.replace(" ", " \0", 2), cat, "article")
    w.add("ctl/nul-scattered.txt", base.replace(" ", " \0", 30), cat, "either")
    w.add("ctl/nul-padded-end.txt", base.encode() + bytes(4096), cat, "either")
    w.add("ctl/nul-every-other.txt", "\0".join(base), cat, "either")
    w.add("ctl/crlf.txt", base.replace("\n", "\r\n"), cat, "article")
    w.add("ctl/lone-cr.txt", base.replace("\n", "\r"), cat, "article")
    w.add("ctl/mixed-line-ends.txt", base.replace("\n\n", "\r\n\r", 2).replace("\n", "\n\r", 1), cat, "article")
    w.add("ctl/cr-only-10k.txt", "Title\r\r" + "\r" * 10000 + "text", cat, "either")
    w.add("ctl/form-feeds.txt", base.replace("\n\n", "\n\f\n"), cat, "article")
    w.add("ctl/vertical-tabs.txt", base.replace(" ", "\v", 10), cat, "either")
    w.add("ctl/escape-sequences.txt", "\x1b[31mRed title\x1b[0m\n\n" + base + "\x1b]0;window title\x07", cat, "either")
    w.add("ctl/c0-controls.txt", "Title \x01\x02\x03\x04\x05\x06\x07\x08\n\n" + base, cat, "either")
    w.add("ctl/del-c1.txt", "Title \x7f \u0080 \u0085 \u009f\n\n" + base, cat, "article")
    w.add("ctl/line-separators.txt", base.replace("\n\n", "\u2029").replace("\n", "\u2028"), cat, "either")
    w.add("ctl/nel.txt", base.replace("\n", "\u0085"), cat, "either")
    zw = "\u200b\u200c\u200d\u2060\ufeff"
    w.add("ctl/title-zero-width.txt", f"Harbour{zw}wall{zw} holds\n\n" + base, cat, "article")
    w.add("ctl/title-only-zero-width.txt", zw * 10 + "\n\n" + base, cat, "article")
    w.add("ctl/title-rtl-override.txt", "Invoice \u202egnp.exe\u202c for the harbour\n\n" + base, cat, "article")
    w.add("ctl/title-bidi-isolates.txt", "\u2067\u05e9\u05dc\u05d5\u05dd\u2069 and \u2066English\u2069 \u200f\u200e\n\n" + base, cat, "article")
    w.add("ctl/title-rtl-html.html", '<html><head><title>\u202eevil\u202c title \u200b</title></head><body><h1>\u202eReversed\u202c headline</h1><p>An ordinary first paragraph of the page, long enough to be content.</p><p>And a second paragraph, also long enough to count as text.</p></body></html>', cat, "either")
    w.add("ctl/title-rtl.json", json.dumps({"title": "\u202eevil\u202c \u200b\u200d title", "text": "Body text of the record, ordinary and long enough."}), cat, "article")
    w.add("ctl/zalgo.txt", "Z" + "\u0301\u0316" * (P["marks"] // 2) + "algo title\n\n" + base, cat, "either")
    w.add("ctl/combining-only.txt", "\u0301" * 20000, cat, "either")
    w.add("ctl/noncharacters.txt", "Title \ufffe\uffff \U0001fffe \U0010ffff\n\n" + base, cat, "article")
    w.add("ctl/private-use.txt", "Title \ue000\U000f0000\n\n" + base, cat, "article")
    w.add("ctl/tag-characters.txt", "Flag \U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f title\n\n" + base, cat, "article")
    w.add("ctl/emoji-zwj.txt", "\U0001f469\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466 family title\n\n" + base, cat, "article")
    w.add("ctl/replacement-chars.txt", "\ufffd" * 1000 + "\n\n" + base, cat, "either")
    w.add("ctl/soft-hyphens.txt", "Har\u00adbour wall\n\n" + base.replace("a", "a\u00ad"), cat, "article")
    w.add("ctl/tabs-only-lines.txt", "Title\n\n" + "\t\t\t\n" * 1000 + base, cat, "article")
    w.add("ctl/whitespace-title.txt", "   \u3000\u00a0\u2003   \n\n" + base, cat, "article")
    w.add("ctl/huge-title-line.txt", "T" * 100000 + "\n\n" + base, cat, "either")
    w.add("ctl/html-nul.html", "<html><head><title>Nul\0title</title></head><body><p>Text\0with\0NULs in a paragraph.</p></body></html>", cat, "either")
    w.add("ctl/json-raw-controls.json", '{"title":"Raw\x01control","text":"Tab\there and\x07bell"}', cat, "either")


def formats(w):
    """Text that looks like one format and is another, or is broken half-way."""
    cat = "format"
    base = article()
    w.add("fmt/txt-but-html.txt", "<!DOCTYPE html><html><body><p>" + base + "</p></body></html>", cat, "article")
    w.add("fmt/html-but-text.html", base, cat, "either")
    w.add("fmt/json-but-text.json", base, cat, "either")
    w.add("fmt/txt-but-json.txt", json.dumps({"title": "JSON in a .txt", "text": base}), cat, "article")
    w.add("fmt/json-truncated.json", json.dumps({"title": "Cut", "text": base})[:60], cat, "either")
    w.add("fmt/jsonl-mixed-garbage.jsonl", json.dumps({"title": "Good", "text": "Good text."}) + "\nnot json at all\n{\"title\": 5}\n[1,2]\n" + json.dumps({"title": "Good 2", "text": "More."}) + "\n", cat, "article")
    w.add("fmt/json-wrong-types.json", '{"title":["a","b"],"text":{"x":1},"date":true,"author":42,"paragraphs":"no"}', cat, "either")
    w.add("fmt/json-string-top.json", '"just a string"', cat, "either")
    w.add("fmt/json-number-top.json", "12345", cat, "either")
    w.add("fmt/html-no-body.html", "<html><head><title>Only a head</title></head></html>", cat, "either")
    w.add("fmt/html-script-only.html", "<html><body><script>" + "var a = '<p>not text</p>';\n" * 1000 + "</script></body></html>", cat, "either")
    w.add("fmt/html-unterminated-script.html", "<html><body><p>Before.</p><script>var x = 1;" + "x++;" * 10000, cat, "either")
    w.add("fmt/html-unterminated-comment.html", "<html><body><p>Before the comment.</p><!-- " + "comment " * 10000, cat, "either")
    w.add("fmt/html-attr-flood.html", "<p " + " ".join(f'a{i}="{i}"' for i in range(50000)) + ">text</p>", cat, "either")
    w.add("fmt/html-long-attr.html", '<p class="' + "x" * (4 * MB) + '">text of the paragraph</p>', cat, "either")
    w.add("fmt/html-many-meta.html", "<html><head>" + '<meta name="description" content="d">' * 20000 + "</head><body><p>Body.</p></body></html>", cat, "either")
    w.add("fmt/html-svg-math.html", "<html><body><svg><foreignObject><p>in svg</p></foreignObject></svg><math><mi>x</mi></math><p>After the SVG and the maths, a paragraph of text.</p></body></html>", cat, "either")
    w.add("fmt/html-javascript-links.html", '<html><body><p>Click <a href="javascript:alert(document.cookie)">here</a> or <a href="data:text/html,<script>alert(1)</script>">there</a>, a paragraph of text.</p></body></html>', cat, "either")
    w.add("fmt/markdown-looks-html.md", "# Title\n\n<div>\n\n*text* <script>alert(1)</script>\n\n" + "> " * 1000 + "deep quote\n", cat, "either")
    w.add("fmt/markdown-deep-lists.md", "# Deep lists\n\n" + "".join("  " * i + "- item\n" for i in range(2000)), cat, "either")
    w.add("fmt/markdown-links.md", "# Links\n\n" + "[a](" * 5000 + ")" * 5000 + "\n\n" + "*" * 10000 + "\n", cat, "either")
    w.add("fmt/mail-headers-only.eml", "From: a@example.com\r\nSubject: Only headers\r\n\r\n", cat, "either")
    w.add("fmt/mail-base64-garbage.eml", "From: a@example.com\r\nSubject: =?UTF-8?B?!!!notbase64?=\r\nContent-Transfer-Encoding: base64\r\n\r\n" + "!!!!" * 1000, cat, "either")
    w.add("fmt/mail-multipart-unterminated.eml", 'From: a@example.com\r\nSubject: Multipart\r\nContent-Type: multipart/alternative; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nThe text part of the message.\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>HTML part', cat, "either")
    w.add("fmt/mail-header-flood.eml", "".join(f"X-H{i}: v\r\n" for i in range(100000)) + "Subject: Flood\r\n\r\nBody of the message.\r\n", cat, "either")
    w.add("fmt/rtf.rtf", r"{\rtf1\ansi\deff0 {\fonttbl {\f0 Times;}}\f0 Harbour wall holds.\par}", cat, "either")
    w.add("fmt/svg-image.svg", '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><text>Not an article</text></svg>', cat, "either")
    w.add("fmt/csv.csv", "title,text\n" + "\n".join(f"Row {i},Some text {i}" for i in range(1000)), cat, "either")


def names(w):
    cat = "name"
    base = article("A file with an odd name")
    for name in ["names/with spaces in it.txt", "names/  leading and trailing spaces  .txt", "names/-leading-dash.txt",
                 "names/--format=html.txt", "names/-", "names/--", "names/café-naïve-Ærø.txt", "names/東京の天気.txt",
                 "names/\U0001F600 emoji \U0001F30A.txt", "names/\u202etxt.exe", "names/zero\u200bwidth.txt",
                 "names/quote'n\"double.txt", "names/$(echo pwned).txt", "names/semi;colon&amp|pipe.txt",
                 "names/back\\slash.txt", "names/.hidden.txt", "names/no-extension", "names/trailing-dot.",
                 "names/UPPER.TXT", "names/double.ext.html.txt", "names/star*question?.txt", "names/tab\there.txt",
                 "names/percent%20encoded%00.txt", "names/" + "long-" * 49 + "name.txt"]:
        w.add(name, base, cat, "article")
    w.add("names/" + "d/" * 60 + "deep-folder.txt", base, cat, "article")
    # A name that is not valid UTF-8 (Linux allows any bytes but '/' and NUL).
    raw = os.path.join(w.root, "names").encode() + b"/latin1-caf\xe9.txt"
    with open(raw, "wb") as f:
        f.write(base.encode())
    w.entries.append({"file": (b"names/latin1-caf\xe9.txt").decode("utf-8", "surrogateescape"), "category": cat,
                      "expect": "article", "bytes": len(base.encode()), "raw_name": True})
    # A name with a newline in it.
    w.add("names/new\nline.txt", base, cat, "article")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 1:
        sys.exit(__doc__)
    out = args[0]
    global P
    profile = "small" if "--small" in sys.argv else "full" if "--full" in sys.argv else "ci"
    P = PROFILES[profile]
    w = Writer(out)
    os.makedirs(w.root, exist_ok=True)
    binaries(w)
    encodings(w)
    sizes(w, profile)
    nesting(w)
    expansion(w)
    controls(w)
    formats(w)
    names(w)
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8", errors="surrogateescape") as f:
        json.dump({"profile": profile, "files": w.entries}, f, ensure_ascii=True, indent=0)
    total = sum(e["bytes"] for e in w.entries)
    print(f"generate.py: {len(w.entries)} files ({profile} profile), {total / MB:.0f} MB (apparent) in {w.root}")


if __name__ == "__main__":
    main()
