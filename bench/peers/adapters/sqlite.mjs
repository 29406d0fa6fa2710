// SQLite FTS5 in wasm (@sqlite.org/sqlite-wasm): an in-memory database with one FTS5 table
// (title, body) tokenized by unicode61 + porter, the same stemming family as Broadsheet. Queries
// are FTS5 MATCH expressions ranked by its built-in bm25(), top k by ORDER BY rank LIMIT k.
// There is no typo tolerance (spellfix1 is not in this build): that row is n/a. The index lives in
// the wasm heap, so its memory is the heap's growth during the build.
import sqlite3InitModule from '@sqlite.org/sqlite-wasm';

export const name = 'sqlite-fts5';

const sqlite3 = await sqlite3InitModule({ print: () => {}, printErr: () => {} });
const capi = sqlite3.capi;

function match(q) {
    if (q.type === 'phrase') return '"' + q.terms.join(' ') + '"';
    if (q.type === 'prefix') return q.terms.map((t) => t + '*').join(' ');
    return q.terms.join(' ');
}

export function create() {
    const db = new sqlite3.oo1.DB(':memory:');
    db.exec("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = 'porter unicode61')");
    let top = null;
    return {
        build(docs) {
            db.exec('BEGIN');
            const insert = db.prepare('INSERT INTO docs(rowid, title, body) VALUES (?, ?, ?)');
            for (let i = 0; i < docs.length; ++i) insert.bind([i + 1, docs[i].title, docs[i].body]).stepReset();
            insert.finalize();
            db.exec('COMMIT');
        },
        wasm_heap_bytes() { return sqlite3.wasm.heap8u().byteLength; },
        serialize() { return capi.sqlite3_js_db_export(db); },
        load(bytes) {
            const loaded = new sqlite3.oo1.DB(':memory:');
            const p = sqlite3.wasm.allocFromTypedArray(bytes);
            const rc = capi.sqlite3_deserialize(loaded.pointer, 'main', p, bytes.length, bytes.length,
                capi.SQLITE_DESERIALIZE_FREEONCLOSE | capi.SQLITE_DESERIALIZE_RESIZEABLE);
            if (rc) throw new Error('sqlite3_deserialize: ' + rc);
            // FTS5 reads its structure record lazily: one query makes the loaded index usable.
            loaded.selectValue("SELECT count(*) FROM docs WHERE docs MATCH 'zzzz'");
            return loaded;
        },
        dispose_loaded(loaded) { loaded.close(); },
        supports(q) { return q.type !== 'typo'; },
        query(q, limit) {
            top ??= db.prepare('SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ?');
            top.bind([match(q), limit]);
            let n = 0;
            while (top.step()) ++n;
            top.reset();
            return n;
        },
        count(q) { return db.selectValue('SELECT count(*) FROM docs WHERE docs MATCH ?', [match(q)]); },
    };
}
