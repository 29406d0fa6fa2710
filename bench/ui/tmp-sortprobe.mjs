import fs from 'node:fs'; import path from 'node:path'; import zlib from 'node:zlib';
import { openApp } from './app-page.mjs';
const target = Number(process.argv[2] || 100000);
const reuters = zlib.gunzipSync(fs.readFileSync('/work/shared/corpora/reuters21578.jsonl.gz')).toString('utf8').split('\n').filter(l=>l.trim()).map(l=>JSON.parse(l)).filter(r=>r.body&&r.body.trim());
const files=[]; let lines=[];
for (let n=0;n<target;n++){const r=reuters[n%reuters.length], c=Math.floor(n/reuters.length); lines.push(JSON.stringify({id: c?`${r.id}-copy${c}`:r.id, title: c?`${r.title||'Untitled'} (copy ${c})`:r.title, date:r.date, text:r.body})); if(lines.length===5000||n===target-1){files.push({name:`r-${files.length}.jsonl`, text:lines.join('\n')}); lines=[];}}
const { page, close } = await openApp('/work/main/dist');
page.on('console', m => { const t = m.text(); if (t.includes('TIMING')) console.log(`[${label}] ${t}`); });
let label = 'import';
for (const f of files) await page.evaluate((f)=>window.broadsheet.importFiles([f]), f);
await page.waitForTimeout(3000);
const click = async (x,y)=>{await page.mouse.move(x,y); await page.mouse.down(); await page.mouse.up();};
await click(1240,700); await page.waitForTimeout(1000);
for (const [l,x] of [['date',285],['length',485],['author',390],['title',130],['title2',130]]) { label=l; await click(x,145); await page.waitForTimeout(2500); }
label='filter'; await click(270,115); for (const ch of 'opec') { await page.keyboard.type(ch); await page.waitForTimeout(800); }
label='clear'; await page.keyboard.press('Control+A'); await page.keyboard.press('Backspace'); await page.waitForTimeout(1500);
await close();
