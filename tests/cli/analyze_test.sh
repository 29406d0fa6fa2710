#!/usr/bin/env bash
# The CLI's analyze on the seed: --json gives one line per article whose entities, quotes and
# numbers are byte ranges into the article text (as `extract` prints it); the text output names the
# same things; a missing file is reported and makes the exit status 1.
set -u
cli=$1 shared=$2 work=$3
seed="$shared/samples/register-china-im-real-names.txt"
rm -rf "$work" && mkdir -p "$work"
fail() { echo "FAIL: $*"; for f in "$work"/*; do echo "--- $f"; head -c 4000 "$f"; echo; done; exit 1; }

"$cli" analyze --json "$seed" >"$work/analysis.jsonl" 2>"$work/err.txt" || fail "exit status $? on the seed"
"$cli" extract "$seed" >"$work/extract.jsonl" 2>/dev/null || fail "extract failed"
[ "$(wc -l <"$work/analysis.jsonl")" -eq 1 ] || fail "expected 1 JSON line"
python3 - "$work/analysis.jsonl" "$work/extract.jsonl" <<'PY' || fail "JSON content"
import json, sys
a = json.loads(open(sys.argv[1], encoding="utf-8").readline())
text = json.loads(open(sys.argv[2], encoding="utf-8").readline())["text"].encode()
span = lambda r: text[r[0]:r[1]].decode()
ents = {e["name"]: e for e in a["entities"]}
for name in ("China", "WeChat", "Laiwang", "Weibo", "Twitter", "Xinhua", "Jiang Jun", "Supreme Court",
             "State Internet Information Office"):
    assert name in ents, (name, sorted(ents))
    for m in ents[name]["mentions"]:
        assert span(m) in (name, "SIIO", "Jiang"), (name, span(m))
    assert ents[name]["count"] == len(ents[name]["mentions"])
assert ents["State Internet Information Office"]["acronym"] == "SIIO"
assert ents["Jiang Jun"]["kind"] == "person" and ents["Supreme Court"]["kind"] == "organisation"
quotes = a["quotes"]
assert [q["speaker"] for q in quotes].count("Jiang Jun") == 4, quotes
assert [q["speaker"] for q in quotes].count("State Internet Information Office") == 2, quotes
for q in quotes:
    assert span(q["range"]) == q["text"] and span(q["cue_range"]) == q["cue"]
    assert span(q["attribution_range"]) == q["attribution"]
assert any(q["attribution"] == "said Jiang Jun, spokesman of the SIIO" for q in quotes)
nums = {n["text"]: n for n in a["numbers"]}
for t, v, c in (("5.8 million public accounts", 5800000, "exact"), ("more than 5,000 users", 5000, "more than"),
                ("more than 500 times", 500, "more than"), ("up to three years", 3, "at most"),
                ("since 2012", 2012, "since")):
    assert t in nums, (t, sorted(nums))
    assert nums[t]["value"] == v and nums[t]["comparison"] == c, nums[t]
    assert span(nums[t]["range"]) == t
PY

"$cli" analyze "$seed" "$work/no-such-file.txt" >"$work/text.txt" 2>"$work/err.txt"
[ $? -eq 1 ] || fail "expected exit status 1 with a missing file"
grep -q "no-such-file.txt: error: no such file" "$work/err.txt" || fail "no error for the missing file"
grep -q "Jiang Jun  person  x2" "$work/text.txt" || fail "text output lacks Jiang Jun"
grep -q "State Internet Information Office (SIIO)  organisation" "$work/text.txt" || fail "text output lacks the SIIO"
grep -q "more than 5,000 users  = 5000 users  quantity, more than" "$work/text.txt" || fail "text output lacks a figure"
"$cli" analyze >/dev/null 2>&1
[ $? -eq 2 ] || fail "expected exit status 2 without paths"
echo "CLI analyze: seed entities, quotes and numbers as byte ranges; text output and errors as expected"
