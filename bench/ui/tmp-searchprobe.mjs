import fs from 'node:fs'; import zlib from 'node:zlib';
import { openApp } from './app-page.mjs';
const target = Number(process.argv[2] || 100000);
const reuters = zlib.gunzipSync(fs.readFileSync('/work/shared/corpora/reuters21578.jsonl.gz')).toString('utf8').split('\n').filter(l=>l.trim()).map(l=>JSON.parse(l)).filter(r=>r.body&&r.body.trim());
const files=[]; let lines=[];
for (let n=0;n<target;n++){const r=reuters[n%reuters.length], c=Math.floor(n/reuters.length); lines.push(JSON.stringify({id: c?`${r.id}-copy${c}`:r.id, title: c?`${r.title||'Untitled'} (copy ${c})`:r.title, date:r.date, text:r.body})); if(lines.length===5000||n===target-1){files.push({name:`r-${files.length}.jsonl`, text:lines.join('\n')}); lines=[];}}
const { page, close } = await openApp('/work/main/dist');
let label = 'import';
page.on('console', m => { const t = m.text(); if (t.includes('TIMING') && label !== 'import') console.log(`[${label}] ${t}`); });
for (const f of files) await page.evaluate((f)=>window.broadsheet.importFiles([f]), f);
await page.waitForTimeout(3000);
const typeText = async (text) => { for (const ch of text) await page.keyboard.type(ch, { delay: 60 }); };
label='type'; await page.keyboard.press('/'); await typeText('oil prices'); await page.waitForTimeout(1500);
label='typo'; await page.keyboard.press('Control+A'); await typeText('petroleun~1 exprts~1'); await page.waitForTimeout(1500);
label='clear'; await page.keyboard.press('Control+A'); await page.keyboard.press('Backspace'); await page.waitForTimeout(2500);
await close();
