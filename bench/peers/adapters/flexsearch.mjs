// FlexSearch 0.8: one Index over title + body (a Document index ANDs only within one field), with
// "forward" tokenization so that prefix queries work, and the default encoder. It has no phrase
// search and no edit-distance typos: those rows are n/a. Results are ids only, best first, with
// FlexSearch's own relevance (term position buckets, not BM25).
import { Index } from 'flexsearch';

export const name = 'flexsearch';

export function create() {
    let index = new Index({ tokenize: 'forward' });
    return {
        build(docs) {
            for (let i = 0; i < docs.length; ++i) index.add(i, docs[i].title + '\n' + docs[i].body);
        },
        serialize() {
            const parts = [];
            index.export((key, data) => { parts.push([key, data]); });
            return JSON.stringify(parts);
        },
        load(text) {
            const loaded = new Index({ tokenize: 'forward' });
            for (const [key, data] of JSON.parse(text)) loaded.import(key, data);
            return loaded;
        },
        supports(q) { return q.type !== 'phrase' && q.type !== 'typo'; },
        query(q, limit) { return index.search(q.terms.join(' '), { limit }).length; },
        count(q) { return index.search(q.terms.join(' '), { limit: 1e7 }).length; },
    };
}
