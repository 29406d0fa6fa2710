// Orama 3: one database with title and body as string fields, its English stemmer on (off by
// default) and its stop words, BM25 ranking. A query's words are all required (threshold 0; the
// default, 1, returns documents with any of them). Orama matches every word as a prefix unless
// told `exact`, so whole-word queries ask for exact words, prefix queries do not, and typo
// queries allow an edit distance of 1 (`tolerance`). It has no phrase search: that row is n/a.
// The saved form is its own `save()` as JSON, which holds the documents as well as the index.
import { create as create_db, insertMultiple, search, save, load } from '@orama/orama';

export const name = 'orama';

const schema = { title: 'string', body: 'string' };
const components = { tokenizer: { language: 'english', stemming: true } };

function params(q, limit) {
    return { term: q.terms.join(' '), limit, threshold: 0, exact: q.type !== 'prefix' && q.type !== 'typo',
             tolerance: q.type === 'typo' ? 1 : 0 };
}

export function create() {
    let db = create_db({ schema, components });
    return {
        build(docs) {
            // insertMultiple() batches 1,000 at a time and may return a promise; all of it is synchronous here.
            const r = insertMultiple(db, docs.map((d, i) => ({ id: String(i), title: d.title, body: d.body })));
            if (r instanceof Promise) throw new Error('orama: insertMultiple was asynchronous');
        },
        serialize() { return JSON.stringify(save(db)); },
        load(text) {
            const loaded = create_db({ schema, components });
            load(loaded, JSON.parse(text));
            return loaded;
        },
        supports(q) { return q.type !== 'phrase'; },
        query(q, limit) { return search(db, params(q, limit)).hits.length; },
        count(q) { return search(db, params(q, 1)).count; }, // the count of all matches
    };
}
