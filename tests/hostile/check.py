#!/usr/bin/env python3
"""Checks what `broadsheet extract` made of the hostile files (run_cli.sh runs it).

    check.py WORK EXIT_STATUS RSS_LIMIT_MB SEED_PATH [FILE_CPU_SECONDS]

WORK holds manifest.json and files/ (generate.py), and what the CLI wrote: out.jsonl (stdout),
err.txt (stderr), time.txt (/usr/bin/time -v). Prints a table per category and the resources
used, writes each file's outcome to WORK/outcomes.tsv, and exits 1 when anything below failed:
  - the CLI ended with 0 or 1 (never a signal, a sanitizer report, or the timeout's 124);
  - peak RSS stayed under RSS_LIMIT_MB;
  - the seed imported with its headline;
  - each file got what its manifest entry expects ("error": a per-file message and no article;
    "article": an article; "either": one or the other), and its other checks held
    (not_in_output, max_output);
  - every article printed is sound: paragraphs are byte ranges inside its text;
  - with FILE_CPU_SECONDS, each small file imported alone (WORK/perfile.tsv: file, CPU seconds,
    peak RSS kB, exit status) took at most that much CPU and ended with 0 or 1.
"""
import json
import os
import re
import sys
from collections import Counter, defaultdict

SEED_TITLE = "China cracks down on instant messengers: Users must hand over real names"
CRASH_MARKS = [b"AddressSanitizer", b"LeakSanitizer", b"runtime error:", b"terminate called", b"Segmentation fault",
               b"Aborted", b"std::bad_alloc", b"core dumped"]


def main():
    work, status, rss_limit_mb, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    file_cpu = float(sys.argv[5]) if len(sys.argv) > 5 else None
    with open(os.path.join(work, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    files_dir = os.path.join(work, "files")
    with open(os.path.join(work, "err.txt"), "rb") as f:
        err = f.read()
    time_txt = open(os.path.join(work, "time.txt"), encoding="utf-8", errors="replace").read() \
        if os.path.exists(os.path.join(work, "time.txt")) else ""
    problems = []

    # ---- stdout: one article per line ----------------------------------------------------------
    articles = defaultdict(list)  # file as printed -> [(title, bytes of the line)]
    bad_articles = 0
    with open(os.path.join(work, "out.jsonl"), "rb") as f:
        for n, line in enumerate(f, 1):
            try:
                a = json.loads(line)
            except ValueError as e:
                problems.append(f"stdout line {n} is not JSON: {e}")
                continue
            text = a.get("text", "").encode("utf-8", "surrogatepass")
            for b, e in a.get("paragraphs", []):
                if not (0 <= b <= e <= len(text)):
                    bad_articles += 1
                    problems.append(f"{a.get('file')}: paragraph [{b}, {e}) outside a text of {len(text)} bytes")
                    break
            articles[a.get("file", "")].append((a.get("title", ""), len(line)))

    # ---- stderr: "PATH: error: ..." / "PATH: warning: ..." -------------------------------------
    def messages(path, kind):
        key = path.encode("utf-8", "surrogateescape") + b": " + kind + b": "
        found, at = [], err.find(key)
        while at >= 0:
            end = err.find(b"\n", at)
            found.append(err[at + len(key):end if end >= 0 else len(err)].decode("utf-8", "replace"))
            at = err.find(key, at + 1)
        return found

    # ---- the run itself ------------------------------------------------------------------------
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", time_txt)
    rss_mb = int(m.group(1)) / 1024 if m else None
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", time_txt)
    wall = m.group(1) if m else "?"
    cpu = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", time_txt))
    signal = re.search(r"Command terminated by signal (\d+)", time_txt)
    if signal:
        problems.append(f"the CLI was killed by signal {signal.group(1)}")
    elif status == 124:
        problems.append("the CLI did not finish in time (hang?)")
    elif status not in (0, 1):
        problems.append(f"the CLI exited with status {status} (expected 1: some files are bad)")
    elif status == 0:
        problems.append("the CLI exited with 0 although bad files were given (expected 1)")
    for mark in CRASH_MARKS:
        if mark in err:
            line = err[err.find(mark) - 80:err.find(mark) + 120].decode("utf-8", "replace").replace("\n", " | ")
            problems.append(f"stderr shows a crash ({mark.decode()}): ...{line}...")
    if rss_mb is None:
        problems.append("no peak RSS measured (is /usr/bin/time installed?)")
    elif rss_mb > rss_limit_mb:
        problems.append(f"peak RSS {rss_mb:.0f} MB is over the bound of {rss_limit_mb} MB")

    seed_titles = [t for t, _ in articles.get(seed, [])]
    if seed_titles != [SEED_TITLE]:
        problems.append(f"the seed did not import as one article with its headline (got {seed_titles!r})")

    # ---- each hostile file ---------------------------------------------------------------------
    per_cat = defaultdict(Counter)
    outcomes = open(os.path.join(work, "outcomes.tsv"), "w", encoding="utf-8")
    outcomes.write("file\tcategory\texpect\toutcome\tarticles\tmessage or first title\n")
    for e in manifest["files"]:
        path = os.path.join(files_dir, e["file"])
        printed = path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")  # the CLI's JSON replaces bad bytes
        arts = articles.get(printed, [])
        errors, warnings = messages(path, b"error"), messages(path, b"warning")
        c = per_cat[e["category"]]
        c["files"] += 1
        if errors and arts:
            outcome = "both"
        elif errors:
            outcome = "refused"
        elif arts:
            outcome = "imported+warning" if warnings else "imported"
        else:
            outcome = "nothing"
        c[outcome] += 1
        c["articles"] += len(arts)
        name = e["file"].encode("utf-8", "surrogateescape").decode("utf-8", "replace").replace("\n", "\\n")
        ok = True
        if outcome in ("nothing", "both"):
            ok = False
            problems.append(f"{name}: {'no article and no message' if outcome == 'nothing' else 'an error and articles'}")
        elif e["expect"] == "error" and outcome != "refused":
            ok = False
            problems.append(f"{name}: expected a per-file error, got {len(arts)} article(s): {[t[:60] for t, _ in arts[:3]]}")
        elif e["expect"] == "article" and outcome == "refused":
            ok = False
            problems.append(f"{name}: expected an article, got the error '{errors[0]}'")
        said = errors[0] if errors else (arts[0][0][:80] if arts else "")
        if warnings:
            said += f" [warning: {warnings[0][:100]}{f' (+{len(warnings) - 1} more)' if len(warnings) > 1 else ''}]"
        outcomes.write(f"{name}\t{e['category']}\t{e['expect']}\t{outcome}\t{len(arts)}\t{said}\n")
        out_bytes = sum(n for _, n in arts)
        if "max_output" in e and out_bytes > e["max_output"]:
            ok = False
            problems.append(f"{name}: {out_bytes} bytes of output (bound {e['max_output']}): expansion?")
        c["failed"] += not ok
    with open(os.path.join(work, "out.jsonl"), "rb") as f:
        out_all = f.read()
    for e in manifest["files"]:
        for s in e.get("not_in_output", []):
            if s.encode() in out_all or s.encode() in err:
                per_cat[e["category"]]["failed"] += 1
                problems.append(f"{e['file']}: the output contains '{s}' (a local file was read through the input)")

    # ---- each small file alone ----------------------------------------------------------------
    slowest = []
    perfile = os.path.join(work, "perfile.tsv")
    if file_cpu is not None and os.path.exists(perfile):
        category = {e["file"].replace("\n", "\\n"): e["category"] for e in manifest["files"]}
        with open(perfile, encoding="utf-8", errors="surrogateescape") as f:
            for line in f:
                name, cpu_s, rss_kb, rc = line.rstrip("\n").rsplit("\t", 3)
                cpu_s, rc = float(cpu_s or 0), int(rc)
                slowest.append((cpu_s, int(rss_kb or 0), name))
                shown = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
                if rc not in (0, 1) or cpu_s > file_cpu:
                    per_cat[category.get(name, "?")]["failed"] += 1
                    why = f"killed after {file_cpu * 2:.0f} s" if rc in (124, 137) else f"exit status {rc}" if rc not in (0, 1) else ""
                    problems.append(f"{shown}: alone it took {cpu_s:.1f} s of CPU (budget {file_cpu:g} s)"
                                    f"{'; ' + why if why else ''}: super-linear time?")
        slowest.sort(reverse=True)

    # ---- the table -----------------------------------------------------------------------------
    cols = ["files", "refused", "imported", "imported+warning", "articles", "failed"]
    print(f"{'category':<11}" + "".join(f"{c:>18}" for c in cols))
    total = Counter()
    for cat in sorted(per_cat):
        total.update(per_cat[cat])
        print(f"{cat:<11}" + "".join(f"{per_cat[cat][c]:>18}" for c in cols))
    print(f"{'all':<11}" + "".join(f"{total[c]:>18}" for c in cols))
    rss = f"{rss_mb:.0f} MB" if rss_mb is not None else "?"
    err_lines = err.count(b"\n")
    print(f"seed: {'imported' if seed_titles == [SEED_TITLE] else 'NOT imported'}; exit status {status}; "
          f"wall {wall}, cpu {cpu:.1f} s; peak RSS {rss} (bound {rss_limit_mb} MB); "
          f"stdout {len(out_all) / 2**20:.1f} MB, stderr {len(err) / 2**20:.1f} MB ({err_lines} lines)")
    if slowest:
        print(f"each file under 4 MB alone ({len(slowest)} files): slowest "
              + ", ".join(f"{n.replace(chr(10), '?')} {c:.2f} s" for c, _, n in slowest[:4])
              + f"; largest peak RSS {max(r for _, r, _ in slowest) / 1024:.0f} MB")
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems[:60]:
            print("  - " + p)
        if len(problems) > 60:
            print(f"  ... and {len(problems) - 60} more")
        return 1
    print("hostile files: all handled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
