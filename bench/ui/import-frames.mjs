// How the page keeps drawing while a big batch imports: 20,000 small articles through the test
// hook, with requestAnimationFrame gaps recorded during the import. Prints the import time and the
// frame-gap distribution, and the app's own time per frame (frameTimes(): events, the import's
// slices, the panels; WebGL apart). Headless Chromium renders WebGL in software (SwiftShader), so frame
// times here are far above a real GPU's; compare runs on one machine, not with the 50 ms goal.
//   node bench/ui/import-frames.mjs [--dist DIR] [--files N]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp } from './app-page.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (n, d) => { const i = process.argv.indexOf(n); return i > 0 ? process.argv[i + 1] : d; };
const files = Number(arg('--files', '20000'));
const { page, close } = await openApp(arg('--dist', path.join(here, '../../dist')));
const r = await page.evaluate(async (n) => {
  const items = [];
  for (let i = 0; i < n; i++)
    items.push({ name: `f${i}.txt`, text: `Headline number ${i}\n\nBody paragraph ${i} with some words in it. Another sentence follows.\n\nSecond paragraph.` });
  const gaps = [];
  let last = performance.now(), run = true;
  (function tick() { const t = performance.now(); gaps.push(t - last); last = t; if (run) requestAnimationFrame(tick); })();
  window.broadsheet.frameTimes(); // counts afresh from here
  const t0 = performance.now();
  await window.broadsheet.importFiles(items);
  const app = window.broadsheet.frameTimes().app; // the app's own time a frame, WebGL apart
  const ms = performance.now() - t0;
  run = false;
  gaps.sort((a, b) => a - b);
  const q = (p) => gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * p))];
  return { files: n, importMs: Math.round(ms), frames: gaps.length, p50: q(0.5), p95: q(0.95), max: gaps.at(-1), app,
           articles: window.broadsheet.state().articles.length };
}, files);
console.log(JSON.stringify(r));
await close();
