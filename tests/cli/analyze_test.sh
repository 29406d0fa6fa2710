#!/usr/bin/env bash
# The CLI's analyze on the seed: --json gives one line per article whose entities, quotes and
# numbers are byte ranges into the article text (as `extract` prints it); the text output names the
# same things; a missing file is reported and makes the exit status 1. With --corpus, a last line
# (or section) gives the corpus's terms, n-grams, articles per day, near-duplicate clusters, who is
# quoted and the figures cited in more than one article.
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
assert ents["China"]["kind"] == "place", ents["China"]
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
# --corpus: the seed and five Reuters stories (hand-checked: reuters-4 and reuters-16 are one story
# under two headlines, reuters-3708 and -3720 a housing report before and after a headline typo was
# fixed; reuters-1 is a cocoa review). Dated 26 Feb (1, 4, 16) and 11 Mar 1987 (3708, 3720); the
# seed has no date.
gzip -dc "$shared/corpora/reuters21578.jsonl.gz" 2>/dev/null |
    grep -E '"id": "reuters-(1|4|16|3708|3720)"' >"$work/news.jsonl"
if [ "$(wc -l <"$work/news.jsonl")" -ne 5 ]; then
    echo "SKIP: --corpus part (Reuters-21578 not readable under $shared/corpora)"
else
    "$cli" analyze --json --corpus "$seed" "$work/news.jsonl" >"$work/corpus.jsonl" 2>"$work/err.txt" ||
        fail "exit status $? with --corpus"
    "$cli" extract "$seed" "$work/news.jsonl" >"$work/extract-all.jsonl" 2>/dev/null || fail "extract failed"
    python3 - "$work/corpus.jsonl" "$work/extract-all.jsonl" <<'PY' || fail "--corpus JSON content"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
texts = [json.loads(l)["text"].encode() for l in open(sys.argv[2], encoding="utf-8")]
assert len(lines) == 7 and len(texts) == 6, (len(lines), len(texts))
c = lines[-1]["corpus"]
assert c["articles"] == 6
assert c["terms"][0]["surface"] == "said", c["terms"][:3]  # in all six: "Comissaria Smith said"...
assert all(t["count"] >= t["docs"] >= 1 for t in c["terms"])
assert not {"the", "of", "and"} & {t["surface"] for t in c["terms"]}
assert c["ngrams"], c
for g in c["ngrams"]:
    assert len(g["terms"]) in (2, 3) and g["count"] >= 2
    t = texts[g["example"]]
    assert t[g["range"][0]:g["range"][1]].decode() == g["text"], g
assert any(g["text"] == "real names" and g["count"] == 3 and g["example"] == 0 for g in c["ngrams"])
tr = c["trends"]
assert tr["unit"] == "day" and tr["undated"] == 1, tr
assert [b["label"] for b in tr["buckets"]][0::13] == ["1987-02-26", "1987-03-11"], tr
assert [b["articles"] for b in tr["buckets"]] == [3] + [0] * 12 + [2], tr
dups = sorted(sorted(m["id"] for m in d["articles"]) for d in c["duplicates"])
assert dups == [["reuters-16", "reuters-4"], ["reuters-3708", "reuters-3720"]], dups
for d in c["duplicates"]:
    assert d["similarity"] >= 0.5
    for m in d["articles"]:
        assert lines[m["article"]]["title"] == m["title"]
# Who is quoted: the story run twice (reuters-4, -16) quotes its analysts in both; the seed's
# Jiang Jun four times in one. Each quote's range is its text in its article.
sp = {s["name"]: s for s in c["speakers"]}
assert sp["Arthur Miller"]["articles"] == 2 and sp["Arthur Miller"]["named"], sp.keys()
assert sp["Jiang Jun"]["articles"] == 1 and len(sp["Jiang Jun"]["quotes"]) == 4
assert sp["Jiang Jun"]["kind"] == "person"
assert c["speakers"][0]["articles"] == 2
for s in c["speakers"]:
    for q in s["quotes"]:
        t = texts[q["article"]]
        assert t[q["range"][0]:q["range"][1]].decode() == q["text"], q
# Figures in more than one article: the story's, in both copies; the seed's in one only.
figs = {(f["value"], f["unit"]): f for f in c["figures"]}
assert figs[("200000000", "$")]["articles"] == 2 and figs[("200000000", "$")]["kind"] == "money"
assert figs[("15000000..20000000", "$")]["text"] == "15-20 mln dlrs"
assert ("5000", "user") not in figs  # "more than 5,000 users": the seed only
assert all(f["articles"] >= 2 and f["kind"] != "ordinal" for f in c["figures"])
for f in c["figures"]:
    for m in f["mentions"]:
        t = texts[m["article"]]
        assert t[m["range"][0]:m["range"][1]].decode() == m["text"], m
PY
    "$cli" analyze --corpus "$seed" "$work/news.jsonl" >"$work/corpus.txt" 2>&1 || fail "text --corpus"
    grep -q "^== corpus: 6 articles" "$work/corpus.txt" || fail "no corpus heading"
    grep -q "^  real names  x3 in 1" "$work/corpus.txt" || fail "no n-gram in the text output"
    grep -q "^trends (articles per day):" "$work/corpus.txt" || fail "no trends"
    grep -q "^  undated  1" "$work/corpus.txt" || fail "no undated count"
    grep -q "^near-duplicates (2 clusters):" "$work/corpus.txt" || fail "no duplicate clusters"
    grep -q "news.jsonl#reuters-16: ECONOMIC SPOTLIGHT" "$work/corpus.txt" || fail "cluster member missing"
    grep -q "^  Jiang Jun  4 quotes in 1" "$work/corpus.txt" || fail "no speaker in the text output"
    grep -q "^  200 mln dlrs  = 200000000 \\$  money  in 2" "$work/corpus.txt" || fail "no recurring figure in the text output"
fi

"$cli" analyze >/dev/null 2>&1
[ $? -eq 2 ] || fail "expected exit status 2 without paths"
echo "CLI analyze: seed entities, quotes and numbers as byte ranges; --corpus terms, n-grams, trends, duplicates, speakers, figures; text output and errors as expected"
