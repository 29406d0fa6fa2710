// Broadsheet core: BM25F, as small pure functions with the source of every default.
//
//   score(d, q) = sum over query terms t of  idf(t) * tf~ / (k1 + tf~)
//   tf~         = sum over fields f of  w_f * tf_f / (1 - b_f + b_f * len_f / avglen_f)
//
// This is BM25F as written by Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25
// and Beyond", Foundations and Trends in IR 3(4), 2009 (the BM25F section): field frequencies are
// normalised and weighted first and saturated once, so a word in the title and the body is not
// counted as two independent pieces of evidence. Two departures, both as in Lucene 8+:
//  - the constant (k1 + 1) factor is dropped (it scales every score alike; LUCENE-8563), so a
//    term's score is below idf(t), which is then its exact upper bound (used for pruning);
//  - idf is log(1 + (N - df + 0.5) / (df + 0.5)), never negative for terms in most documents.
#pragma once

#include "broadsheet/index.hpp"

#include <array>
#include <cmath>

namespace broadsheet::search {

struct FieldWeight {
    double weight = 1.0; // w_f
    double b = 0.75;     // b_f: length normalisation
};

struct Bm25fParams {
    // k1 = 1.2, b = 0.75: without tuning, Robertson & Zaragoza (2009) report k1 in [1.2, 2.0] and
    // b around 0.75 as reasonable; k1 1.2 and b 0.75 are also Lucene's and Elasticsearch's defaults.
    double k1 = 1.2;
    // Field weights in Field order. The headline counts twice (the only a-priori choice: a title
    // is the author's own summary, and the BM25F papers give titles weights above 1; not fitted to
    // any collection here). The standfirst and byline count like body text, the source like body
    // text when a query names it (it is not searched otherwise).
    std::array<FieldWeight, kFieldCount> fields{{{2.0, 0.75}, {1.0, 0.75}, {1.0, 0.75}, {1.0, 0.75}, {1.0, 0.75}}};
};

// Inverse document frequency of a term in `df` of `n` documents.
inline double bm25_idf(double n, double df) { return std::log(1.0 + (n - df + 0.5) / (df + 0.5)); }

// One field's contribution to tf~: its frequency, weighted and normalised by its length.
inline double bm25f_field_tf(double tf, double len, double avg_len, const FieldWeight& w) {
    if (tf <= 0.0) return 0.0;
    double norm = avg_len > 0.0 ? 1.0 - w.b + w.b * len / avg_len : 1.0;
    return w.weight * tf / norm;
}

// Saturation of the combined frequency; in [0, 1).
inline double bm25_saturate(double tf, double k1) { return tf / (k1 + tf); }

} // namespace broadsheet::search
