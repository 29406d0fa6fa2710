// The peer benchmark driver (bench/peers/run.sh runs it): prepares one corpus, runs Broadsheet's
// wasm harness and each npm library in child node processes (one process tree, one machine, one
// run, so ratios are comparable even when absolute times are noisy), and prints them side by side
// with Broadsheet's ratio to each peer and the goals of issue 4 (item 8).
//
//   node run.mjs --bench PEER_BENCH.js [--corpus reuters|20news|both] [--docs N]
//                [--peers flexsearch,minisearch,lunr,orama,sqlite,pagefind] [--out DIR]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const here = path.dirname(new URL(import.meta.url).pathname);
const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
    if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
    return acc;
}, []));
const shared = process.env.BROADSHEET_SHARED_DIR ?? path.resolve(here, '../../../shared');
const corpus_name = args.corpus ?? 'reuters';
const want_docs = Number(args.docs ?? 0);
const peers = (args.peers ?? 'flexsearch,minisearch,lunr,orama,sqlite,pagefind').split(',').filter(Boolean);
const out = args.out ?? fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-peers-'));
fs.mkdirSync(out, { recursive: true });

// ---- the corpus: {id, title, body} per article ---------------------------------------------------
function reuters() {
    const text = zlib.gunzipSync(fs.readFileSync(`${shared}/corpora/reuters21578.jsonl.gz`)).toString('utf8');
    return text.split('\n').filter(Boolean).map((l) => JSON.parse(l))
        .filter((r) => r.body).map((r) => ({ id: String(r.id), title: r.title ?? '', body: r.body }));
}
function newsgroups() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-20news-'));
    execFileSync('tar', ['-xzf', `${shared}/corpora/20news-bydate.tar.gz`, '-C', dir]);
    const docs = [];
    const walk = (d) => {
        for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
            const p = path.join(d, e.name);
            if (e.isDirectory()) { walk(p); continue; }
            const raw = fs.readFileSync(p, 'latin1');
            const split = raw.indexOf('\n\n');
            const head = split < 0 ? raw : raw.slice(0, split), body = split < 0 ? '' : raw.slice(split + 2);
            const subject = /^Subject:[ \t]*(.*)$/m.exec(head);
            docs.push({ id: path.relative(dir, p), title: subject ? subject[1] : '', body });
        }
    };
    walk(dir);
    fs.rmSync(dir, { recursive: true, force: true });
    return docs;
}
let docs = corpus_name === 'reuters' ? reuters() : corpus_name === '20news' ? newsgroups() : [...reuters(), ...newsgroups()];
const base = docs.length;
// Replicated to N articles: copies are told apart by a suffix on the id and the title.
for (let copy = 1; docs.length < want_docs; ++copy)
    for (let i = 0; i < base && docs.length < want_docs; ++i)
        docs.push({ id: `${docs[i].id}#${copy}`, title: `${docs[i].title} (copy ${copy})`, body: docs[i].body });
fs.writeFileSync(`${out}/corpus.jsonl`, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');

// ---- the queries: five of each type, written once and translated by each adapter -------------
const query_words = {
    common: [['oil'], ['market'], ['company'], ['bank'], ['prices']],
    rare: [['cocoa'], ['zinc'], ['sorghum'], ['tin'], ['rubber']],
    and: [['oil', 'prices'], ['interest', 'rates'], ['trade', 'deficit'], ['stock', 'exchange'], ['crude', 'output']],
    phrase: [['interest', 'rates'], ['trade', 'deficit'], ['stock', 'exchange'], ['federal', 'reserve'], ['crude', 'oil']],
    prefix: [['petro'], ['compan'], ['expor'], ['inflat'], ['sovie']],
    typo: [['finacial'], ['goverment'], ['petrolium'], ['minstry'], ['intrest']],
};
const types = Object.keys(query_words);
const queries = types.flatMap((type) => query_words[type].map((terms) => ({ type, terms })));
fs.writeFileSync(`${out}/queries.json`, JSON.stringify(queries));
const broadsheet_syntax = (q) => q.type === 'phrase' ? `"${q.terms.join(' ')}"` : q.type === 'prefix' ? q.terms.map((t) => t + '*').join(' ')
    : q.type === 'typo' ? q.terms.map((t) => t + '~1').join(' ') : q.terms.join(' ');
fs.writeFileSync(`${out}/queries.tsv`, queries.map((q) => `${q.type}\t${broadsheet_syntax(q)}`).join('\n') + '\n');

// ---- running each engine --------------------------------------------------------------------------
function run(name, command, argv) {
    process.stderr.write(`[peers] ${name}...\n`);
    const r = spawnSync(command, argv, { encoding: 'utf8', maxBuffer: 1 << 28, cwd: here });
    if (r.status !== 0) { process.stderr.write(`[peers] ${name} failed:\n${r.stderr}\n`); return null; }
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    const of = (kind) => lines.find((l) => l.kind === kind);
    const saved = of('saved');
    return {
        name, build: of('build'), rebuild_ms: of('rebuild')?.ms, memory: of('memory').bytes, load_ms: of('load').ms,
        saved: saved.bytes, gzipped: saved.gzipped ?? zlib.gzipSync(fs.readFileSync(saved.path)).length,
        queries: lines.filter((l) => l.kind === 'query'),
    };
}
const engines = [];
if (!args.bench) throw new Error('--bench PEER_BENCH.js is required');
engines.push(run('broadsheet', process.execPath, ['--no-experimental-fetch', args.bench, `${out}/corpus.jsonl`, `${out}/queries.tsv`, out]));
// The JavaScript libraries get a heap of up to half the machine's memory: at 100,000 articles Lunr
// holds 27x the text (3.5 GB), past node's default limit of about 4 GB once its input is counted.
const heap_mb = Math.max(4096, Math.floor(os.totalmem() / 2 / 2 ** 20));
for (const p of peers)
    engines.push(run(p, process.execPath, ['--expose-gc', `--max-old-space-size=${heap_mb}`, `${here}/peer.mjs`, p, `${out}/corpus.jsonl`, `${out}/queries.json`, out]));
const ok = engines.filter(Boolean);
fs.writeFileSync(`${out}/results.json`, JSON.stringify(ok, null, 1));

// ---- the table ------------------------------------------------------------------------------------
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
function stats(e) {
    const text = e.build.text_bytes;
    const s = { mbps: text / 1e6 / (e.build.ms / 1000), again_mbps: e.rebuild_ms ? text / 1e6 / (e.rebuild_ms / 1000) : null, memory: e.memory == null ? null : e.memory / text, saved: e.saved / text, gzipped: e.gzipped / text, load: e.load_ms };
    for (const t of types) {
        const qs = e.queries.filter((q) => q.type === t);
        if (!qs.length || qs.some((q) => q.unsupported)) { s[t] = null; continue; }
        const all = qs.flatMap((q) => q.ms);
        s[t] = { p50: pct(all, 0.5), p95: pct(all, 0.95), counts: qs.map((q) => q.count) };
    }
    return s;
}
const st = Object.fromEntries(ok.map((e) => [e.name, stats(e)]));
const names = ok.map((e) => e.name);
const f = (x, d = 2) => x == null ? 'n/a' : x >= 100 ? x.toFixed(0) : x.toFixed(d);
const ms = (x) => x == null ? 'n/a' : x < 0.1 ? x.toFixed(4) : x < 10 ? x.toFixed(3) : x.toFixed(1);
const first = ok[0].build;
const lines = [];
lines.push(`Corpus: ${corpus_name}, ${first.docs} articles, ${(first.text_bytes / 1e6).toFixed(1)} MB of text (title + body)` +
    (want_docs ? `, replicated from ${base}` : '') + `; node ${process.version}; ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}.`);
lines.push('');
lines.push(`| | ${names.join(' | ')} |`);
lines.push(`|---|${names.map(() => '---').join('|')}|`);
const row = (label, fn) => lines.push(`| ${label} | ${names.map((n) => fn(st[n], ok.find((e) => e.name === n))).join(' | ')} |`);
row('build MB/s', (s) => f(s.mbps, 1));
row('build MB/s, second build', (s) => f(s.again_mbps, 1));
row('index memory / text', (s) => f(s.memory));
row('saved / text', (s) => f(s.saved));
row('saved gzipped / text', (s) => f(s.gzipped, 3));
row('saved size MB (gzipped)', (s, e) => `${(e.saved / 1e6).toFixed(1)} (${(e.gzipped / 1e6).toFixed(1)})`);
row('load saved index, ms', (s) => ms(s.load));
for (const t of types) row(`${t} p50 / p95 ms`, (s) => s[t] ? `${ms(s[t].p50)} / ${ms(s[t].p95)}` : 'n/a');
for (const t of types) row(`${t}: matches`, (s) => s[t] ? s[t].counts.join(', ') : 'n/a');
lines.push('');
// Ratios: how many times better Broadsheet is (> 1: Broadsheet wins), same run.
const b = st.broadsheet;
if (b) {
    const others = names.filter((n) => n !== 'broadsheet');
    lines.push(`Broadsheet's advantage, same run (> 1: Broadsheet better; n/a: the peer cannot do it):`);
    lines.push('');
    lines.push(`| | ${others.map((n) => 'vs ' + n).join(' | ')} |`);
    lines.push(`|---|${others.map(() => '---').join('|')}|`);
    const ratio = (label, fn) => lines.push(`| ${label} | ${others.map((n) => { const v = fn(st[n]); return v == null || !isFinite(v) ? 'n/a' : v.toFixed(2) + 'x'; }).join(' | ')} |`);
    ratio('build speed', (p) => b.mbps / p.mbps);
    ratio('build speed, second build', (p) => p.again_mbps == null || b.again_mbps == null ? null : b.again_mbps / p.again_mbps);
    ratio('index memory', (p) => p.memory == null ? null : p.memory / b.memory);
    ratio('saved size', (p) => p.saved / b.saved);
    ratio('saved gzipped', (p) => p.gzipped / b.gzipped);
    ratio('load time', (p) => p.load / b.load);
    for (const t of types) ratio(`${t} p50`, (p) => p[t] && b[t] ? p[t].p50 / b[t].p50 : null);
    for (const t of types) ratio(`${t} p95`, (p) => p[t] && b[t] ? p[t].p95 / b[t].p95 : null);
}
const report = lines.join('\n');
fs.writeFileSync(`${out}/results.md`, report + '\n');
console.log(report);
process.stderr.write(`[peers] results in ${out}\n`);
