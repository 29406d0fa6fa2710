// Screenshots of the main views for docs/screenshots/, from a built dist/ (./build-wasm.sh):
//   node docs/screenshots/make.mjs [--dist DIR] [--shared DIR]
// Uses the demo's sample set (public domain) and the seed article from ../shared/samples.
import { chromium } from '../../tests/browser/node_modules/playwright-core/index.mjs';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name, def) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : def; };
const dist = path.resolve(arg('--dist', path.join(here, '../../dist')));
const shared = path.resolve(arg('--shared', path.join(here, '../../../shared')));
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
const server = http.createServer((req, res) => {
  const f = path.join(dist, new URL(req.url, 'http://x').pathname.replace(/^\/$/, '/index.html'));
  if (!f.startsWith(dist) || !fs.existsSync(f) || fs.statSync(f).isDirectory()) { res.writeHead(404).end(); return; }
  res.writeHead(200, { 'content-type': types[path.extname(f)] || 'application/octet-stream' });
  fs.createReadStream(f).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/`);
await page.evaluate(() => window.broadsheet.ready);
const shot = async (name) => { await page.waitForTimeout(400); await page.screenshot({ path: path.join(here, name) }); };
const click = async (x, y) => { await page.mouse.move(x, y); await page.waitForTimeout(60); await page.mouse.down(); await page.waitForTimeout(60); await page.mouse.up(); };

await shot('1-empty-library.png');
await page.evaluate(() => window.broadsheet.openBundle());
await page.evaluate(() => window.broadsheet.search('"landlocked country"'));
await page.evaluate(() => window.broadsheet.openResult(0));
await shot('2-search-and-reader.png');
await page.evaluate(() => window.broadsheet.search(''));
const seed = fs.readFileSync(path.join(shared, 'samples', 'register-china-im-real-names.txt'), 'utf8');
await page.evaluate((text) => window.broadsheet.importFiles([{ name: 'register-china-im-real-names.txt', text }]), seed);
await page.evaluate(() => { const s = window.broadsheet.state(); window.broadsheet.open(s.articles[s.articles.length - 1].id); });
await page.evaluate(() => window.broadsheet.showTab('analysis'));
await shot('3-analysis-of-an-article.png');
await page.evaluate(() => window.broadsheet.showTab('corpus'));
await page.waitForFunction(() => { const c = window.broadsheet.state().corpus; return c.pending === 0 && !c.stale; }, null, { timeout: 120000 });
await shot('4-corpus-words.png');
await click(691, 95); // the "Names" view
await shot('5-corpus-names.png');
await click(768, 95); // the "Near-copies" view
await click(560, 163); // its first cluster, opened
await shot('6-corpus-near-copies.png');
await page.evaluate(() => window.broadsheet.search('flood'));
await click(98, 90); // "Every line" beside the count of results: the Concordance view
await page.mouse.move(900, 780); // off the button (its tooltip)
await page.waitForFunction(() => window.broadsheet.state().corpus.view === 'concordance', null, { timeout: 10000 });
await shot('9-corpus-concordance.png');
await click(994, 126); // "Plot": where in each article the matches fall
await page.waitForFunction(() => window.broadsheet.state().corpus.concordance.plotting, null, { timeout: 10000 });
await page.mouse.move(1100, 265); // over a mark of the second row: its line
await page.waitForTimeout(200);
await page.mouse.move(1101, 265);
await shot('10-corpus-plot.png');

// A phone (390x844 CSS px at devicePixelRatio 2, touch): one pane, the library a tab.
const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
const p = await phone.newPage();
await p.goto(`http://127.0.0.1:${server.address().port}/`);
await p.evaluate(() => window.broadsheet.ready);
await p.evaluate(() => window.broadsheet.openBundle());
await p.evaluate((text) => window.broadsheet.importFiles([{ name: 'register-china-im-real-names.txt', text }]), seed);
await p.evaluate(() => window.broadsheet.search('messengers'));
await p.waitForTimeout(400);
await p.screenshot({ path: path.join(here, '7-phone-search.png') });
await p.evaluate(() => window.broadsheet.openResult(0));
await p.evaluate(() => window.broadsheet.showTab('reader'));
await p.waitForTimeout(400);
await p.screenshot({ path: path.join(here, '8-phone-reader.png') });
await browser.close();
server.close();
