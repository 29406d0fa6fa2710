// Lunr 2: one index over title and body (lunr's default pipeline: trimmer, English stop words,
// Porter stemmer), BM25 ranking. A query's words are all required ("+word"), as the other engines
// AND them; prefixes are "word*", typos "word~1" (edit distance 1). It has no phrase search: that
// row is n/a. search() scores and sorts every match (no top-k), so the timed call returns them all.
import lunr from 'lunr';

export const name = 'lunr';

function query_text(q) {
    const suffix = q.type === 'prefix' ? '*' : q.type === 'typo' ? '~1' : '';
    return q.terms.map((t) => `+${t}${suffix}`).join(' ');
}

export function create() {
    let index = null;
    return {
        build(docs) {
            index = lunr(function () {
                this.ref('id');
                this.field('title');
                this.field('body');
                for (let i = 0; i < docs.length; ++i) this.add({ id: String(i), title: docs[i].title, body: docs[i].body });
            });
        },
        serialize() { return JSON.stringify(index); },
        load(text) { return lunr.Index.load(JSON.parse(text)); },
        supports(q) { return q.type !== 'phrase'; },
        query(q, limit) { return index.search(query_text(q)).slice(0, limit).length; },
        count(q) { return index.search(query_text(q)).length; },
    };
}
