// MiniSearch 7: fields title and body, BM25+ ranking, AND of the query's words; prefix and fuzzy
// (edit distance 1) per query. It has no phrase search: that row is n/a. search() scores and sorts
// every match (there is no top-k option), so the timed call returns them all.
import MiniSearch from 'minisearch';

export const name = 'minisearch';

const options = { fields: ['title', 'body'], idField: 'id', searchOptions: { combineWith: 'AND' } };

function search_options(q) {
    return { combineWith: 'AND', prefix: q.type === 'prefix', fuzzy: q.type === 'typo' ? 1 : false };
}

export function create() {
    const index = new MiniSearch(options);
    return {
        build(docs) {
            for (let i = 0; i < docs.length; ++i) index.add({ id: i, title: docs[i].title, body: docs[i].body });
        },
        serialize() { return JSON.stringify(index); },
        load(text) { return MiniSearch.loadJSON(text, options); },
        supports(q) { return q.type !== 'phrase'; },
        query(q, limit) { return index.search(q.terms.join(' '), search_options(q)).slice(0, limit).length; },
        count(q) { return index.search(q.terms.join(' '), search_options(q)).length; },
    };
}
