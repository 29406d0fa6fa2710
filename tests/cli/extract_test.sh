#!/usr/bin/env bash
# The CLI's extract command: the seed beside bad files (one JSON line per article on stdout, one
# error per bad file on stderr naming it, exit 1 because some failed), every output field, stdin,
# usage errors (exit 2), and hostile input (a 200 MB file, HTML nested 100,000 deep) that must
# still end in an article or a clear error.
set -u
cli=$1 shared=$2 work=$3
rm -rf "$work" && mkdir -p "$work/bad"
fail() {
    echo "FAIL: $*"
    for f in out.jsonl err.txt; do [ -f "$work/$f" ] && { echo "--- $f"; head -c 4000 "$work/$f"; echo; }; done
    exit 1
}

# 1. The seed beside bad files and a Windows-1252 file.
: >"$work/bad/empty.txt"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' >"$work/bad/image.png"
cp "$cli" "$work/bad/program"
printf 'Caf\xe9 news\n\nThe caf\xe9 reopened.\n' >"$work/latin1.txt"
"$cli" extract "$shared/samples/register-china-im-real-names.txt" "$work/bad" "$work/latin1.txt" \
    >"$work/out.jsonl" 2>"$work/err.txt"
rc=$?
[ $rc -eq 1 ] || fail "exit status $rc, expected 1 (some files failed)"
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
for k in ("file", "id", "title", "standfirst", "byline", "date", "source", "url", "lang", "text", "paragraphs"):
    assert k in seed, k
assert isinstance(seed["byline"], str)
assert seed["lang"] == "en", seed["lang"]
assert latin["title"] == "Caf\u00e9 news" and latin["encoding"] == "Windows-1252", latin
PY
grep -q "empty.txt: error: the file is empty" "$work/err.txt" || fail "no error for empty.txt"
grep -q "image.png: error: not a text file (PNG image)" "$work/err.txt" || fail "no error for image.png"
grep -q "program: error: not a text file" "$work/err.txt" || fail "no error for the binary"
grep -q "latin1.txt: warning: not valid UTF-8" "$work/err.txt" || fail "no warning for latin1.txt"

# 2. All files good, --format jsonl, several formats: exit 0; bylines joined with "; ".
cat >"$work/post.eml" <<'EOF'
From: Jane Doe <jane@example.org>
Subject: Ferry timetable changes
Date: Tue, 6 Apr 2021 14:05:00 GMT
Newsgroups: local.transport

The evening ferry will leave at six from May.

--
Jane
EOF
cat >"$work/note.md" <<'EOF'
---
title: Library hours
authors: [Ina Voss, Max Roe]
date: 2023-05-12
---
The library will open until nine on weekdays.
EOF
"$cli" extract --format jsonl "$work/post.eml" "$work/note.md" >"$work/out.jsonl" 2>"$work/err.txt"
rc=$?
[ $rc -eq 0 ] || fail "exit status $rc for good files, expected 0"
python3 - "$work/out.jsonl" <<'PY' || fail "mail/markdown content"
import json, sys
mail, md = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert mail["title"] == "Ferry timetable changes" and mail["byline"] == "Jane Doe", mail
assert mail["date"] == "2021-04-06T14:05Z" and mail["source"] == "local.transport", mail
assert mail["text"] == "The evening ferry will leave at six from May.", mail["text"]
assert md["title"] == "Library hours" and md["byline"] == "Ina Voss; Max Roe" and md["date"] == "2023-05-12", md
PY

# 3. "-" reads stdin.
printf 'Harbour wall repaired\n\nThe wall was repaired over the winter.\n' |
    "$cli" extract - >"$work/out.jsonl" 2>"$work/err.txt"
rc=$?
[ $rc -eq 0 ] || fail "exit status $rc for stdin, expected 0"
python3 -c 'import json,sys; a=json.loads(open(sys.argv[1]).read()); assert a["file"]=="-" and a["title"]=="Harbour wall repaired", a' \
    "$work/out.jsonl" || fail "stdin article"

# 4. Usage errors: exit 2 with a message; a missing file is a per-file error (exit 1).
for args in "" "--format xml $work/note.md" "--bogus $work/note.md" "--format"; do
    # shellcheck disable=SC2086
    "$cli" extract $args >/dev/null 2>"$work/err.txt"
    rc=$?
    [ $rc -eq 2 ] || fail "exit status $rc for 'extract $args', expected 2"
    [ -s "$work/err.txt" ] || fail "no message for 'extract $args'"
done
"$cli" extract "$work/no-such-file.txt" >/dev/null 2>"$work/err.txt"
rc=$?
[ $rc -eq 1 ] || fail "exit status $rc for a missing file, expected 1"
grep -q "no-such-file.txt: error:" "$work/err.txt" || fail "no error naming the missing file"

# 5. Hostile input: a 200 MB text file and HTML nested 100,000 deep each give one article.
yes "The river authority opened the new flood barrier on Monday after four years of work." |
    head -c 200000000 >"$work/big.txt"
python3 -c 'import sys; n=100000; open(sys.argv[1],"w").write("<html><body><p>A paragraph of text before the deep part of the page.</p>"+"<div>"*n+"deep"+"</div>"*n+"</body></html>")' \
    "$work/deep.html"
"$cli" extract "$work/big.txt" "$work/deep.html" >"$work/out.jsonl" 2>"$work/err.txt"
rc=$?
rm -f "$work/big.txt"
[ $rc -eq 0 ] || fail "exit status $rc for the hostile files, expected 0"
[ "$(wc -l <"$work/out.jsonl")" -eq 2 ] || fail "expected an article from each hostile file"

echo "CLI extract: formats, fields, stdin, exit statuses and hostile input as expected; bad files reported:"
"$cli" extract "$work/bad" 2>&1 >/dev/null
exit 0
