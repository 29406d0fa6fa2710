#!/usr/bin/env bash
# The CLI's index, search and concordance commands: text and JSONL input, ids, plain and JSON
# output, a TREC batch run, KWIC lines, and a damaged index refused with a message.
set -u
cli=$1 work=$2
rm -rf "$work" && mkdir -p "$work/in"
fail() { echo "FAIL: $*"; for f in "$work"/*.txt "$work"/*.jsonl; do [ -f "$f" ] && { echo "--- $f"; cat "$f"; }; done; exit 1; }
printf 'Storm hits the coast\n\nA storm surge flooded the harbour.\n\nThe storm weakened by night.\n' >"$work/in/storm.txt"
printf 'Markets rally\n\nShares rose on Monday.\n' >"$work/in/markets.txt"
printf '%s\n' '{"_id": "r1", "title": "Heavy rain expected", "text": "Forecasters expect heavy rain and a storm."}' \
              '{"id": "r2", "title": "Harbour reopens", "text": "Boats returned to the harbour."}' >"$work/in/feed.jsonl"

"$cli" index "$work/news.bsi" "$work/in" 2>"$work/index-err.txt" || fail "index exit status $?"
grep -q "indexed 4 articles" "$work/index-err.txt" || fail "index summary"

"$cli" search "$work/news.bsi" "storm" >"$work/plain.txt" 2>&1 || fail "search exit status"
head -1 "$work/plain.txt" | grep -q "^1\. Storm hits the coast  \[storm.txt\]" || fail "plain: first hit"
grep -q "\[storm\]" "$work/plain.txt" || fail "plain: highlight"

"$cli" search "$work/news.bsi" "harbour" --json -n 5 >"$work/hits.jsonl" || fail "json exit status"
python3 - "$work/hits.jsonl" <<'PY' || fail "JSON content"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert [r["id"] for r in rows] == ["r2", "storm.txt"], rows
for r in rows:
    s = r["snippet"]
    for b, e in s["highlights"]:
        assert s["text"].encode()[b:e].decode().lower() == "harbour", s
assert rows[0]["score"] > rows[1]["score"]
PY

printf '1\tstorm harbour\n2\tshares\n' >"$work/queries.tsv"
"$cli" search "$work/news.bsi" --batch "$work/queries.tsv" --trec test >"$work/run.txt" || fail "batch exit status"
python3 - "$work/run.txt" <<'PY' || fail "TREC run"
import sys
lines = [l.split() for l in open(sys.argv[1])]
assert all(len(l) == 6 and l[1] == "Q0" and l[5] == "test" for l in lines), lines
q1 = [l for l in lines if l[0] == "1"]
assert q1[0][2] == "storm.txt" and q1[0][3] == "1", q1          # both words: first
assert {l[2] for l in q1} == {"storm.txt", "r1", "r2"}, q1       # any word matches in a run
assert [l[2] for l in lines if l[0] == "2"] == ["markets.txt"]
scores = [float(l[4]) for l in q1]
assert scores == sorted(scores, reverse=True)
PY

"$cli" search "$work/news.bsi" "(storm" >"$work/malformed.txt" 2>&1 || fail "malformed query exit status"
grep -q "missing ')'" "$work/malformed.txt" || fail "malformed query message"
grep -q "Storm hits the coast" "$work/malformed.txt" || fail "malformed query best-effort result"

# The concordance: every "storm" with its context (titles too), in the order the articles were
# added (the files sorted by name), then sorted by the word after it.
"$cli" concordance "$work/news.bsi" "storm" --json >"$work/kwic.jsonl" || fail "concordance exit status"
"$cli" concordance "$work/news.bsi" "storm" --json --sort after >"$work/kwic-after.jsonl" || fail "concordance --sort exit status"
"$cli" concordance "$work/news.bsi" "storm" --context 12 >"$work/kwic.txt" || fail "concordance text exit status"
python3 - "$work/kwic.jsonl" "$work/kwic-after.jsonl" "$work/kwic.txt" <<'PY' || fail "concordance content"
import json, re, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
# feed.jsonl's r1: one in the body; storm.txt: its title, two in the body.
assert [(r["id"], r["field"]) for r in rows] == [("r1", "body"), ("storm.txt", "title"), ("storm.txt", "body"), ("storm.txt", "body")], rows
assert [r["match"].lower() for r in rows] == ["storm"] * 4, rows
assert rows[0]["left"] == "Forecasters expect heavy rain and a " and rows[0]["right"] == ".", rows[0]
surge = rows[2]
assert surge["left"] == "A " and surge["right"].startswith(" surge flooded the harbour. \u00b6 The"), surge
after = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
words = [(re.findall(r"\w+", r["right"]) or [""])[0].lower() for r in after]
assert words == sorted(words) and sorted(map(json.dumps, after)) == sorted(map(json.dumps, rows)), words
text = open(sys.argv[3], encoding="utf-8").read().splitlines()
assert len(text) == 4 and all("[storm]" in l.lower() for l in text), text
starts = {l.lower().index("[storm]") for l in text}
assert len(starts) == 1, text  # the matches line up in one column
PY
"$cli" concordance "$work/news.bsi" "storm" --sort sideways >/dev/null 2>&1; [ $? -eq 2 ] || fail "a bad --sort is a usage error"
"$cli" concordance "$work/news.bsi" "storm" -n 2x >/dev/null 2>&1; [ $? -eq 2 ] || fail "-n 2x is a usage error"
"$cli" concordance "$work/news.bsi" --jsn >/dev/null 2>&1; [ $? -eq 2 ] || fail "an unknown option is a usage error, not a query"
"$cli" bundle "$work/bundle" "$work/in" >/dev/null 2>&1 || fail "bundle exit status"
"$cli" concordance "$work/bundle/index.bsi" "storm" >"$work/no-text.txt" 2>&1; [ $? -eq 1 ] || fail "an index without article text: exit 1"
grep -q "holds no article text" "$work/no-text.txt" || fail "an index without article text says so"

# By date: newest or oldest first, the undated last either way, then how many match.
mkdir -p "$work/dated"
printf '%s\n' '{"id": "d1", "title": "Storm in March", "date": "2014-03-02", "text": "A storm."}' \
              '{"id": "d2", "title": "Storm, undated", "text": "Storm after storm after storm."}' \
              '{"id": "d3", "title": "Storm in June", "date": "2015-06-30T08:00:00Z", "text": "The storm passed."}' \
              '{"id": "d4", "title": "Calm in May", "date": "2016-05-01", "text": "No wind at all."}' >"$work/dated/feed.jsonl"
"$cli" index "$work/dated.bsi" "$work/dated" 2>/dev/null || fail "dated index exit status"
"$cli" search "$work/dated.bsi" "storm" --sort newest --json >"$work/newest.jsonl" || fail "--sort newest exit status"
"$cli" search "$work/dated.bsi" "storm" --sort oldest -n 2 >"$work/oldest.txt" || fail "--sort oldest exit status"
python3 - "$work/newest.jsonl" "$work/oldest.txt" <<'PY' || fail "results by date"
import json, re, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert [r["id"] for r in rows] == ["d3", "d1", "d2"], rows
text = open(sys.argv[2], encoding="utf-8").read()
assert re.findall(r"\[(d\d)\]", text) == ["d1", "d3"], text
assert "2 of 3 matching articles" in text, text
PY
"$cli" search "$work/dated.bsi" "storm" --sort sideways >/dev/null 2>&1; [ $? -eq 2 ] || fail "a bad search --sort is a usage error"

# Facets: every match counted by source, year and month; a source named with spaces around it is
# the same source, and one differing in case is another.
mkdir -p "$work/sourced"
printf '%s\n' '{"id": "s1", "title": "Storm in March", "source": "Wire", "date": "2014-03-02", "text": "A storm."}' \
              '{"id": "s2", "title": "Storm again", "source": " Wire ", "date": "2014-03-20", "text": "Storm after storm."}' \
              '{"id": "s3", "title": "Storm in June", "source": "Gazette", "date": "2015-06-30T08:00:00Z", "text": "The storm passed."}' \
              '{"id": "s4", "title": "Storm, undated", "source": "wire", "text": "A storm."}' \
              '{"id": "s5", "title": "Storm of a year", "date": "2016", "text": "The storm of the year."}' \
              '{"id": "s6", "title": "Calm", "source": "Gazette", "date": "2016-05-01", "text": "No wind at all."}' >"$work/sourced/feed.jsonl"
"$cli" index "$work/sourced.bsi" "$work/sourced" 2>/dev/null || fail "sourced index exit status"
"$cli" search "$work/sourced.bsi" "storm" -n 1 --facets >"$work/facets.txt" || fail "--facets exit status"
"$cli" search "$work/sourced.bsi" "storm" -n 1 --facets --json >"$work/facets.jsonl" || fail "--facets --json exit status"
python3 - "$work/facets.txt" "$work/facets.jsonl" <<'PY' || fail "facets"
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
assert "1 of 5 matching articles" in text, text
assert "sources: Wire 2, Gazette 1, wire 1; 1 without a source" in text, text
assert "years: 2014 2, 2015 1, 2016 1; 1 undated" in text, text
assert "months: 2014-03 2, 2015-06 1" in text, text
rows = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
assert len(rows) == 2 and rows[0]["id"], rows
f = rows[1]["facets"]
assert f["sources"] == [{"value": "Wire", "count": 2}, {"value": "Gazette", "count": 1}, {"value": "wire", "count": 1}], f
assert f["without_source"] == 1 and f["undated"] == 1, f
assert [(y["value"], y["count"]) for y in f["years"]] == [("2014", 2), ("2015", 1), ("2016", 1)], f
PY
"$cli" search "$work/sourced.bsi" 'storm source:"Gazette"' --facets >"$work/narrowed.txt" || fail "narrowed exit status"
grep -q "^sources: Gazette 1$" "$work/narrowed.txt" || fail "narrowed to one source"
# source:= is the source named so, case as written ("wire" is not "Wire"); "" is none; date:none
# the undated.
"$cli" search "$work/sourced.bsi" 'storm source:="wire"' --facets >"$work/exact.txt" || fail "source:= exit status"
grep -q "^sources: wire 1$" "$work/exact.txt" || fail "source:= takes only the source named so"
"$cli" search "$work/sourced.bsi" 'storm source:=""' --facets >"$work/nosource.txt" || fail "source:=\"\" exit status"
grep -q "^1 of 1 matching article$" "$work/nosource.txt" && grep -q "^sources: 1 without a source$" "$work/nosource.txt" ||
    fail "source:=\"\" takes the articles without a source"
"$cli" search "$work/sourced.bsi" 'storm date:none' --facets >"$work/undated.txt" || fail "date:none exit status"
grep -q "^years: 1 undated$" "$work/undated.txt" || fail "date:none takes the undated"

# A phrase's stopwords are checked in the saved articles: "the storm" is not "a storm".
"$cli" search "$work/sourced.bsi" '"the storm"' >"$work/the-storm.txt" || fail "phrase with a stopword exit status"
grep -q "^2 of 2 matching articles$" "$work/the-storm.txt" && grep -q "\[The storm\] passed" "$work/the-storm.txt" &&
    grep -q "\[The storm\] of the year" "$work/the-storm.txt" || fail "\"the storm\": s3 and s5, highlighted with its stopword"
"$cli" search "$work/sourced.bsi" '"storm of the year"' >"$work/of-the.txt" || fail "stopwords inside exit status"
grep -q "^1 of 1 matching article$" "$work/of-the.txt" || fail "\"storm of the year\": s5 alone"
"$cli" search "$work/sourced.bsi" '"storm of a year"' >"$work/of-a.txt" || fail "other stopwords exit status"
grep -q "^1 of 1 matching article$" "$work/of-a.txt" && grep -q "Storm of a year" "$work/of-a.txt" ||
    fail "\"storm of a year\": the title of s5 alone, not its text"

# Words near each other, in any order: "the harbour. ¶ The storm" has one word and a paragraph
# break between (a break counts as a word), "storm surge flooded the harbour" three words.
"$cli" search "$work/news.bsi" '"storm harbour"~2' >"$work/near1.txt" || fail "near exit status"
grep -q "^1 of 1 matching article$" "$work/near1.txt" && grep -q "A storm surge flooded the \[harbour.  The storm\] weakened" "$work/near1.txt" ||
    fail "\"storm harbour\"~2: storm.txt, marked where they are near, not the first storm"
"$cli" search "$work/news.bsi" '"storm harbour"~1' >"$work/near1b.txt" || fail "near ~1 exit status"
grep -qi "^no matches$" "$work/near1b.txt" || fail "\"storm harbour\"~1: none, the paragraph break between counting as a word"
"$cli" search "$work/news.bsi" 'storm NEAR/0 harbour' >"$work/near0.txt" || fail "NEAR/0 exit status"
grep -qi "^no matches$" "$work/near0.txt" || fail "storm NEAR/0 harbour: none"

# Wildcards within a word, matched on the words as written: h?rb*r is harbour, not the rest.
"$cli" search "$work/news.bsi" 'h?rb*r' >"$work/wild.txt" || fail "wildcard exit status"
grep -q "^2 of 2 matching articles$" "$work/wild.txt" && grep -q "flooded the \[harbour\]" "$work/wild.txt" &&
    grep -q "returned to the \[harbour\]" "$work/wild.txt" || fail "h?rb*r: the two harbour articles, marked"
"$cli" search "$work/news.bsi" '*ain' >"$work/wild2.txt" || fail "leading wildcard exit status"
grep -q "^1 of 1 matching article$" "$work/wild2.txt" && grep -q "heavy \[rain\]" "$work/wild2.txt" ||
    fail "*ain: the rain article"

head -c 100 "$work/news.bsi" >"$work/cut.bsi"
"$cli" search "$work/cut.bsi" "storm" >"$work/cut.txt" 2>&1 && fail "a cut index was accepted"
grep -q "cut short" "$work/cut.txt" || fail "cut index message"
# Nothing readable: no index is written (an earlier good one is not overwritten with an empty one).
cp "$work/news.bsi" "$work/kept.bsi"
"$cli" index "$work/kept.bsi" "$work/no-such-file.txt" 2>"$work/none.txt" && fail "index of nothing: exit status 0"
grep -q "not written" "$work/none.txt" || fail "index of nothing: no message"
cmp -s "$work/news.bsi" "$work/kept.bsi" || fail "index of nothing overwrote the index"
# A batch line that is no "ID<tab>QUERY" is named on stderr; the others run.
printf 'q1\tstorm\nno tab here\nq3\t\n' >"$work/odd.tsv"
"$cli" search "$work/news.bsi" --batch "$work/odd.tsv" --trec t >"$work/odd.run" 2>"$work/odd.err" || fail "odd batch exit status"
grep -q "odd.tsv:2: warning" "$work/odd.err" && grep -q "odd.tsv:3: warning" "$work/odd.err" || fail "odd batch lines not reported"
grep -q "^q1 Q0 " "$work/odd.run" || fail "odd batch: q1 did not run"

echo "CLI index/search/concordance: 4 articles indexed, plain, JSON, TREC batch, by date, facets, KWIC lines and a damaged index checked"
