// How long the Corpus tab's pass over a whole library takes in the page: every article's word
// counts, near-copy signature, names, quotes and figures, run in slices of a frame
// (App::step_corpus_analysis). Reuters-21578 (../shared/corpora) is imported through the test hook
// as one JSON Lines file (timed apart: reading, cleaning and indexing it), the Corpus tab shown,
// and the clock runs until `state().corpus.pending` is 0. The state is read once a second (the
// hook's JSON of a big library takes a frame of its own).
// Prints the import's and the pass's seconds, the frames drawn meanwhile and the app's and WebGL's time a frame
// (`frameTimes()`), and a JSON line.
//
// Headless Chromium renders WebGL in software (SwiftShader), on the same cores as the page:
// compare runs on one machine, by turns; the machine's load is printed.
//   node bench/ui/corpus-pass.mjs [--articles N] [--dist DIR] [--shared DIR] [--runs N]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { openApp } from './app-page.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (n, d) => { const i = process.argv.indexOf(n); return i > 0 ? process.argv[i + 1] : d; };
const shared = path.resolve(arg('--shared', path.join(here, '../../../shared')));
const limit = Number(arg('--articles', '0'));
const runs = Number(arg('--runs', '1'));

let records = zlib.gunzipSync(fs.readFileSync(path.join(shared, 'corpora/reuters21578.jsonl.gz')))
  .toString('utf8').split('\n').filter((l) => l.trim());
if (limit) records = records.slice(0, limit);
const file = { name: 'reuters.jsonl', text: records.join('\n') };

for (let run = 0; run < runs; run++) {
  const { page, close } = await openApp(arg('--dist', path.join(here, '../../dist')));
  const i0 = Date.now();
  await page.evaluate((f) => window.broadsheet.importFiles([f]), file);
  const importSeconds = (Date.now() - i0) / 1000;
  const count = await page.evaluate(() => window.broadsheet.state().articles.length);
  await page.evaluate(() => { window.broadsheet.frameTimes(); window.broadsheet.showTab('corpus'); });
  const t0 = Date.now();
  for (;;) {
    await page.waitForTimeout(1000);
    const left = await page.evaluate(() => window.broadsheet.state().corpus.pending);
    if (left === 0) break;
    if (Date.now() - t0 > 600000) throw new Error('the corpus pass took over 10 minutes');
  }
  const seconds = (Date.now() - t0) / 1000;
  const f = await page.evaluate(() => window.broadsheet.frameTimes());
  const load = os.loadavg()[0];
  console.log(`${count} articles imported in ${importSeconds.toFixed(1)} s (one JSON Lines file, through the hook); corpus pass ${seconds.toFixed(1)} s (read to the second); ${f.frames} frames,` +
              ` app p50 ${f.app.p50.toFixed(1)} / p95 ${f.app.p95.toFixed(1)} ms, WebGL p50 ${f.gl.p50.toFixed(1)} /` +
              ` p95 ${f.gl.p95.toFixed(1)} ms; load ${load.toFixed(1)}`);
  console.log(JSON.stringify({ articles: count, importSeconds, seconds, frames: f.frames, app: f.app, gl: f.gl, load }));
  await close();
}
