// Pagefind 1.6: a static-site index. Its indexer is a native Rust binary (the npm package runs it
// as a service through its Node API: createIndex, addCustomRecord, getFiles), not code in the
// page, so its build speed is a native program's and its memory while building is outside this
// process: that row is n/a. The page's side is pagefind.js with its wasm, which fetches the
// index in chunks as queries need them; here fetch() is served from the files getFiles() made,
// in memory, so no time goes to a network. One record per article: title and body as its content,
// the title also as its `title` meta.
//
// What the rows mean for it:
// - saved: the search index itself (the metadata file and the word index chunks), decompressed;
//   gzipped: the same files as Pagefind writes them (they are gzipped). Not counted: the
//   fragments (each page's text and meta, which it fetches to show a hit's title or excerpt; we
//   keep article text apart from the index too), the wasm and the JS.
// - load: a fresh instance's init(): fetching and decoding the entry file and the metadata, with
//   the wasm already compiled (as our module is). The word chunks a query needs are fetched on
//   its first run (the untimed warm-up), then cached, as in a page.
// - queries: search() is asynchronous, awaited; it ranks every match and returns them all (the
//   top 10 are the first 10; their data() is not loaded). Every word is stemmed and then
//   matches as a prefix, so whole-word queries count a few more matches than the other engines
//   do. Phrases are quoted. It has no typo tolerance: a misspelt word is stemmed and
//   prefix-matched like any other ("goverment" -> "gover*" finds "government", "finacial" finds
//   one article, which has that typo), so that row is n/a.
import * as pagefind_node from 'pagefind';
import fs from 'node:fs';
import path from 'node:path';
import url from 'node:url';
import zlib from 'node:zlib';

export const name = 'pagefind';
export const async_queries = true;
export const memory_na = true;

function query_text(q) {
    return q.type === 'phrase' ? `"${q.terms.join(' ')}"` : q.terms.join(' ');
}

const index_file = (p) => p.endsWith('.pf_meta') || p.endsWith('.pf_index') || p.endsWith('.pf_filter');

export function create() {
    let files = null;   // path -> bytes, as getFiles() gave them
    let module = null;  // pagefind.js, imported once
    let instance = null;
    const bundle_dir = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'pagefind-bundle-'));
    async function fresh_instance() {
        if (!module) {
            // pagefind.js is an ES module that finds its files by fetch(): written out once with
            // an .mjs name so node imports it as one; the rest is served from memory.
            const entry = path.join(bundle_dir, 'pagefind.mjs');
            fs.writeFileSync(entry, files.get('pagefind.js'));
            globalThis.fetch = async (input) => {
                const p = String(input).replace(/^\/pagefind\//, '').replace(/\?.*$/, '');
                const bytes = files.get(p);
                return bytes ? new Response(bytes) : new Response(null, { status: 404 });
            };
            module = await import(url.pathToFileURL(entry).href);
        }
        const inst = module.createInstance({ basePath: '/pagefind/' });
        await inst.init();
        return inst;
    }
    return {
        async build(docs) {
            const { index, errors } = await pagefind_node.createIndex({ forceLanguage: 'en' });
            if (!index) throw new Error('pagefind: ' + errors.join('; '));
            const added = [];
            for (let i = 0; i < docs.length; ++i)
                added.push(index.addCustomRecord({ url: `/${i}`, content: docs[i].title + '\n' + docs[i].body,
                                                   language: 'en', meta: { title: docs[i].title } }));
            for (const r of await Promise.all(added)) if (r.errors.length) throw new Error('pagefind: ' + r.errors.join('; '));
            const got = await index.getFiles();
            if (got.errors.length) throw new Error('pagefind: ' + got.errors.join('; '));
            files = new Map(got.files.map((f) => [f.path, f.content]));
            await pagefind_node.close();
        },
        serialize() {
            const gunzip = (b) => (b[0] === 0x1f && b[1] === 0x8b ? zlib.gunzipSync(b) : b);
            const parts = [...files].filter(([p]) => index_file(p)).map(([, bytes]) => gunzip(bytes));
            return Buffer.concat(parts);
        },
        saved_gzipped_bytes() {
            let n = 0;
            for (const [p, bytes] of files) if (index_file(p)) n += bytes.length;
            return n;
        },
        async load() { return fresh_instance(); },
        supports(q) { return q.type !== 'typo'; },
        async query(q, limit) {
            instance ??= await fresh_instance();
            return (await instance.search(query_text(q))).results.slice(0, limit).length;
        },
        async count(q) {
            instance ??= await fresh_instance();
            return (await instance.search(query_text(q))).results.length;
        },
        dispose() { fs.rmSync(bundle_dir, { recursive: true, force: true }); },
    };
}
