// Times one npm search library (adapters/NAME.mjs) on the corpus and queries run.mjs prepared, in
// a node process of its own (so one library's heap does not weigh on the next), and prints JSON
// lines in the same shape as the Broadsheet harness (broadsheet_bench.cpp).
//
//   node --expose-gc peer.mjs NAME CORPUS.jsonl QUERIES.json OUT_DIR
//
// An adapter exports name and create(); the object create() returns has build(docs),
// serialize(), load(saved), supports(q), query(q, limit) (how many hits it returned) and count(q);
// build, serialize and load may return promises. Optional: `async_queries` (exported: query and
// count return promises, awaited in the timing), `memory_na` (exported: the index is built outside
// this process), saved_gzipped_bytes() (the saved form is several files, gzipped one by one),
// wasm_heap_bytes(), dispose_loaded(loaded), dispose().
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';

const [name, corpus_path, queries_path, out_dir] = process.argv.slice(2);
const adapter = await import(`./adapters/${name}.mjs`);
const emit = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const heap = () => { global.gc(); global.gc(); const m = process.memoryUsage(); return m.heapUsed + m.external + m.arrayBuffers; };

const docs = fs.readFileSync(corpus_path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const text_bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.title) + Buffer.byteLength(d.body), 0);

const index = adapter.create();
const before = heap();
const wasm_before = index.wasm_heap_bytes?.() ?? 0;
let t = performance.now();
await index.build(docs);
emit({ kind: 'build', docs: docs.length, text_bytes, ms: performance.now() - t });
const wasm_growth = (index.wasm_heap_bytes?.() ?? 0) - wasm_before;
emit({ kind: 'memory', bytes: adapter.memory_na ? null : heap() - before + wasm_growth });

const saved = await index.serialize();
const saved_bytes = typeof saved === 'string' ? Buffer.from(saved) : Buffer.from(saved.buffer, saved.byteOffset, saved.byteLength);
const out_path = `${out_dir}/${name}.idx`;
fs.writeFileSync(out_path, saved_bytes);
emit({ kind: 'saved', bytes: saved_bytes.length, path: out_path, gzipped: index.saved_gzipped_bytes?.() });

const loads = [];
for (let i = 0; i < 7; ++i) {
    t = performance.now();
    const loaded = await index.load(saved);
    loads.push(performance.now() - t);
    index.dispose_loaded?.(loaded);
}
loads.sort((a, b) => a - b);
emit({ kind: 'load', ms: loads[loads.length >> 1] });

// Warm-up, untimed, the same in broadsheet_bench.cpp: every query over and over (at least 3 passes
// and 300 ms), so that what is timed is the engines' steady state, not their JIT's first tiers
// (V8 runs wasm from a baseline compiler first and optimizes hot functions in the background;
// JavaScript goes through the same). Without it the query types timed first paid for it.
const all_queries = JSON.parse(fs.readFileSync(queries_path, 'utf8'));
const supported = all_queries.filter((q) => index.supports(q));
// The timed call, as a library's user makes it: awaited where the library is asynchronous (the
// synchronous ones are called without an await, which would add a turn of the microtask queue).
const query = adapter.async_queries ? async (q) => await index.query(q, 10) : null;
for (let pass = 0, start = performance.now(); pass < 3 || performance.now() - start < 300; ++pass)
    for (const q of supported) { if (query) await query(q); else index.query(q, 10); }

for (const q of all_queries) {
    if (!index.supports(q)) { emit({ kind: 'query', type: q.type, query: q.terms.join(' '), unsupported: true }); continue; }
    const count = await index.count(q);
    t = performance.now();
    let hits = query ? await query(q) : index.query(q, 10); // warm-up, and the repetition count
    const first = performance.now() - t;
    const reps = first <= 0 ? 500 : Math.min(500, Math.max(20, Math.floor(200 / first)));
    const samples = [];
    if (query) {
        for (let i = 0; i < reps; ++i) {
            t = performance.now();
            hits = await query(q);
            samples.push(performance.now() - t);
        }
    } else {
        for (let i = 0; i < reps; ++i) {
            t = performance.now();
            hits = index.query(q, 10);
            samples.push(performance.now() - t);
        }
    }
    emit({ kind: 'query', type: q.type, query: q.terms.join(' '), count, hits, ms: samples });
}
index.dispose?.();

// A second build, of a new index, last in the process: the first build ran while V8 compiled the
// engine's code (wasm starts in a baseline compiler, JavaScript in an interpreter, and hot code is
// optimized in the background), this one runs the optimized code, as a second import in an open
// page does. The same in broadsheet_bench.cpp.
{
    const again = adapter.create();
    t = performance.now();
    await again.build(docs);
    emit({ kind: 'rebuild', ms: performance.now() - t });
    again.dispose?.();
}
