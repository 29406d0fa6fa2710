// BM25F's pure functions, and a fixed corpus whose scores are computed here from first
// principles: the same numbers must come out natively and in wasm.
#include "broadsheet/ranking.hpp"
#include "broadsheet/search.hpp"

#include "search_fixtures.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace broadsheet::search;

TEST_CASE("idf falls as a term gets commoner and is never negative") {
    CHECK(bm25_idf(100, 1) > bm25_idf(100, 10));
    CHECK(bm25_idf(100, 10) > bm25_idf(100, 100));
    CHECK(bm25_idf(100, 100) > 0.0);
    CHECK(bm25_idf(100, 1) == doctest::Approx(std::log(1.0 + 99.5 / 1.5)));
}

TEST_CASE("field frequencies are normalised by length and weighted") {
    FieldWeight w{2.0, 0.75};
    CHECK(bm25f_field_tf(1, 10, 10, w) == doctest::Approx(2.0));             // average length: tf * weight
    CHECK(bm25f_field_tf(1, 20, 10, w) == doctest::Approx(2.0 / 1.75));      // longer: less
    CHECK(bm25f_field_tf(1, 5, 10, w) == doctest::Approx(2.0 / 0.625));      // shorter: more
    CHECK(bm25f_field_tf(0, 5, 10, w) == 0.0);
    CHECK(bm25f_field_tf(3, 5, 0, {1.0, 0.75}) == doctest::Approx(3.0));     // no average: unnormalised
    CHECK(bm25f_field_tf(1, 20, 10, {1.0, 0.0}) == doctest::Approx(1.0));    // b = 0: no normalisation
}

TEST_CASE("saturation rises with frequency towards 1 and k1 sets how fast") {
    CHECK(bm25_saturate(0, 1.2) == 0.0);
    CHECK(bm25_saturate(1, 1.2) < bm25_saturate(2, 1.2));
    CHECK(bm25_saturate(1e9, 1.2) < 1.0);
    CHECK(bm25_saturate(1, 0.5) > bm25_saturate(1, 2.0));
}

TEST_CASE("the defaults are the cited ones") {
    Bm25fParams p;
    CHECK(p.k1 == 1.2);
    for (size_t f = 0; f < kFieldCount; ++f) CHECK(p.fields[f].b == 0.75);
    CHECK(p.fields[size_t(Field::Title)].weight == 2.0);
    CHECK(p.fields[size_t(Field::Body)].weight == 1.0);
}

TEST_CASE("a fixed corpus scores exactly as BM25F computed by hand (native and wasm alike)") {
    // Three documents; titles and bodies chosen so every quantity is easy to count.
    Index ix;
    ix.add(search_fixtures::article("Storm", "storm damage in the harbour"), "a"); // title 1, body 3 indexed
    ix.add(search_fixtures::article("Calm sea", "no storm today"), "b");           // title 2, body 2
    ix.add(search_fixtures::article("Markets", "shares rose"), "c");               // title 1, body 2
    const double n = 3, k1 = 1.2, b = 0.75;
    const double avg_title = (1 + 2 + 1) / 3.0, avg_body = (3 + 2 + 2) / 3.0;
    auto norm = [&](double len, double avg) { return 1 - b + b * len / avg; };
    const double idf_storm = std::log(1 + (n - 2 + 0.5) / (2 + 0.5));
    const double tf_a = 2.0 * 1 / norm(1, avg_title) + 1.0 * 1 / norm(3, avg_body);
    const double tf_b = 1.0 * 1 / norm(2, avg_body);
    const double score_a = idf_storm * tf_a / (k1 + tf_a);
    const double score_b = idf_storm * tf_b / (k1 + tf_b);

    auto r = search(ix, "storm");
    REQUIRE(r.hits.size() == 2);
    CHECK(r.hits[0].doc == 0);
    CHECK(r.hits[1].doc == 1);
    CHECK(r.hits[0].score == doctest::Approx(score_a).epsilon(1e-12));
    CHECK(r.hits[1].score == doctest::Approx(score_b).epsilon(1e-12));

    // A phrase scores with the sum of its terms' idf and its own frequency.
    const double idf_harbour = std::log(1 + (n - 1 + 0.5) / (1 + 0.5));
    const double idf_damag = idf_harbour;
    auto p = search(ix, "\"storm damage\"");
    REQUIRE(p.hits.size() == 1);
    const double tf_p = 1.0 / norm(3, avg_body);
    CHECK(p.hits[0].score == doctest::Approx((idf_storm + idf_damag) * tf_p / (k1 + tf_p)).epsilon(1e-12));

    // The printed figures, as the CLI and the browser would show them, are identical strings.
    char printed[64];
    std::snprintf(printed, sizeof printed, "%.6f %.6f", r.hits[0].score, r.hits[1].score);
    char expected[64];
    std::snprintf(expected, sizeof expected, "%.6f %.6f", score_a, score_b);
    CHECK(std::string(printed) == expected);
}
