#!/usr/bin/env bash
# The CLI on the seed beside bad files: the seed as one JSON line on stdout, a Windows-1252 file
# imported with a warning, one error per bad file on stderr, exit status 1 because some failed.
set -u
cli=$1 shared=$2 work=$3
rm -rf "$work" && mkdir -p "$work/bad"
: >"$work/bad/empty.txt"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' >"$work/bad/image.png"
cp "$cli" "$work/bad/program"
printf 'Caf\xe9 news\n\nThe caf\xe9 reopened.\n' >"$work/latin1.txt"
"$cli" extract "$shared/samples/register-china-im-real-names.txt" "$work/bad" "$work/latin1.txt" \
    >"$work/out.jsonl" 2>"$work/err.txt"
rc=$?
fail() { echo "FAIL: $*"; echo "--- stdout"; cat "$work/out.jsonl"; echo "--- stderr"; cat "$work/err.txt"; exit 1; }
[ $rc -eq 1 ] || fail "exit status $rc, expected 1"
[ "$(wc -l <"$work/out.jsonl")" -eq 2 ] || fail "expected 2 JSON lines"
python3 - "$work/out.jsonl" <<'PY' || fail "JSON content"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
seed, latin = rows
assert seed["title"] == "China cracks down on instant messengers: Users must hand over real names", seed["title"]
assert seed["standfirst"] == "'Such behaviours have raised bitter feelings among netizens'"
assert seed["text"].startswith("China has tightened rules")
assert seed["text"].endswith("three years in prison for the offence."), seed["text"][-60:]
assert len(seed["paragraphs"]) == 9
for b, e in seed["paragraphs"]:
    t = seed["text"].encode()[b:e].decode()
    assert t and t == t.strip()
for k in ("file", "title", "standfirst", "byline", "date", "text", "paragraphs"):
    assert k in seed, k
assert latin["title"] == "Caf\u00e9 news" and latin["encoding"] == "Windows-1252", latin
PY
grep -q "empty.txt: error: the file is empty" "$work/err.txt" || fail "no error for empty.txt"
grep -q "image.png: error: not a text file (PNG image)" "$work/err.txt" || fail "no error for image.png"
grep -q "program: error: not a text file (executable" "$work/err.txt" ||
    grep -q "program: error: not a text file" "$work/err.txt" || fail "no error for the binary"
grep -q "latin1.txt: warning: not valid UTF-8" "$work/err.txt" || fail "no warning for latin1.txt"
echo "CLI extract: seed and Latin-1 file imported; bad files reported:"
cat "$work/err.txt"
