#include "broadsheet/analysis.hpp"
#include "broadsheet/import.hpp"

#include "test_helpers.hpp"

#include <doctest/doctest.h>

using broadsheet::Comparison;
using broadsheet::NumberKind;
using broadsheet::text_of;

namespace {

// The seed article's body, as the importer gives it.
std::string seed_text() {
    auto r = broadsheet::import_file(
        "seed", read_file(shared_path("samples/register-china-im-real-names.txt")));
    return r.ok() && !r.articles.empty() ? r.articles[0].text : std::string();
}

struct Row {
    std::string_view span; // the whole phrase found
    double value;
    double upper;
    std::string_view unit;
    Comparison comparison;
    NumberKind kind;
};

void check_row(std::string_view text, const broadsheet::Quantity& q, const Row& row) {
    CHECK(text_of(text, q.span) == row.span);
    CHECK(q.value == doctest::Approx(row.value));
    CHECK(q.upper == doctest::Approx(row.upper));
    CHECK(text_of(text, q.unit) == row.unit);
    CHECK(q.comparison == row.comparison);
    CHECK(q.kind == row.kind);
}

} // namespace

TEST_CASE("the seed's figures come out with values, units and comparatives") {
    std::string text = seed_text();
    REQUIRE_MESSAGE(!text.empty(), "cannot read the seed sample under ", BROADSHEET_SHARED_DIR);
    auto numbers = broadsheet::find_numbers(text);
    // Hand-checked, in text order. "one" in "one of these" and "in one go" is not a figure.
    const Row rows[] = {
        {"two years", 2, 2, "years", Comparison::Exact, NumberKind::Quantity},
        {"5.8 million public accounts", 5800000, 5800000, "public accounts", Comparison::Exact,
         NumberKind::Quantity},
        {"since 2012", 2012, 2012, "", Comparison::Since, NumberKind::Year},
        {"more than 5,000 users", 5000, 5000, "users", Comparison::MoreThan, NumberKind::Quantity},
        {"more than 500 times", 500, 500, "times", Comparison::MoreThan, NumberKind::Quantity},
        {"up to three years", 3, 3, "years", Comparison::AtMost, NumberKind::Quantity},
    };
    REQUIRE(numbers.size() == std::size(rows));
    for (size_t i = 0; i < std::size(rows); ++i) {
        CAPTURE(rows[i].span);
        check_row(text, numbers[i], rows[i]);
    }
    CHECK(text_of(text, numbers[1].number) == "5.8 million");
    CHECK(numbers[1].value == 5800000.0); // exact, not 5.8 * 1e6 rounded
    CHECK(text_of(text, numbers[3].comparative) == "more than");
}

TEST_CASE("figures in digits and words, with scales, currencies, percentages and ranges") {
    struct Case {
        std::string_view text;
        Row row;
    };
    const Case cases[] = {
        {"about twenty-five thousand people came",
         {"about twenty-five thousand people", 25000, 25000, "people", Comparison::About,
          NumberKind::Quantity}},
        {"she bought a dozen eggs",
         {"a dozen eggs", 12, 12, "eggs", Comparison::Exact, NumberKind::Quantity}},
        {"two hundred and fifty thousand votes",
         {"two hundred and fifty thousand votes", 250000, 250000, "votes", Comparison::Exact,
          NumberKind::Quantity}},
        {"backed by 12% of voters", {"12%", 12, 12, "%", Comparison::Exact, NumberKind::Percent}},
        {"a rise of 7.5 pct in March",
         {"7.5 pct", 7.5, 7.5, "pct", Comparison::Exact, NumberKind::Percent}},
        {"it raised $5m from investors",
         {"$5m", 5000000, 5000000, "$", Comparison::Exact, NumberKind::Money}},
        {"a \xE2\x82\xAC"
         "3.2bn deal",
         {"\xE2\x82\xAC"
          "3.2bn",
          3.2e9, 3.2e9, "\xE2\x82\xAC", Comparison::Exact, NumberKind::Money}},
        {"profits of 21.6 mln dlrs",
         {"21.6 mln dlrs", 21600000, 21600000, "dlrs", Comparison::Exact, NumberKind::Money}},
        {"prices rose to 340 to 350 cruzados",
         {"340 to 350 cruzados", 340, 350, "cruzados", Comparison::Exact, NumberKind::Quantity}},
        {"cut by 65 to 70 pct",
         {"65 to 70 pct", 65, 70, "pct", Comparison::Exact, NumberKind::Percent}},
        {"between 5 and 10 days",
         {"5 and 10 days", 5, 10, "days", Comparison::Exact, NumberKind::Quantity}},
        {"between 5 and 6 million tonnes",
         {"5 and 6 million tonnes", 5e6, 6e6, "tonnes", Comparison::Exact, NumberKind::Quantity}},
        {"at least 40 people died",
         {"at least 40 people", 40, 40, "people", Comparison::AtLeast, NumberKind::Quantity}},
        {"nearly 1,000 homes",
         {"nearly 1,000 homes", 1000, 1000, "homes", Comparison::About, NumberKind::Quantity}},
        {"no more than 3 pets",
         {"no more than 3 pets", 3, 3, "pets", Comparison::AtMost, NumberKind::Quantity}},
        {"fewer than 20 seats",
         {"fewer than 20 seats", 20, 20, "seats", Comparison::LessThan, NumberKind::Quantity}},
        // A date whole, its value yyyymmdd, or mmdd without a year.
        {"it ended on February 22 after talks",
         {"February 22", 222, 222, "", Comparison::Exact, NumberKind::Date}},
        {"on 22 February they met", {"22 February", 222, 222, "", Comparison::Exact, NumberKind::Date}},
        {"on June 10, 1997 they met", {"June 10, 1997", 19970610, 19970610, "", Comparison::Exact, NumberKind::Date}},
        {"due by 1 Sept 2024", {"1 Sept 2024", 20240901, 20240901, "", Comparison::Exact, NumberKind::Date}},
        {"from April 1-15 only", {"April 1-15", 401, 415, "", Comparison::Exact, NumberKind::Date}},
        {"on the 22nd floor", {"22nd", 22, 22, "", Comparison::Exact, NumberKind::Ordinal}},
        {"music of the 1980s returned",
         {"1980s", 1980, 1980, "", Comparison::Exact, NumberKind::Year}},
        {"in fiscal 1986 fourth quarter",
         {"1986", 1986, 1986, "", Comparison::Exact, NumberKind::Year}},
        {"until 2030 at the latest",
         {"until 2030", 2030, 2030, "", Comparison::Until, NumberKind::Year}},
        {"1900 users signed",
         {"1900 users", 1900, 1900, "users", Comparison::Exact, NumberKind::Quantity}},
        {"among the 1988 presidential contenders",
         {"1988", 1988, 1988, "", Comparison::Exact, NumberKind::Year}},
        {"its 1986 net profits rose",
         {"1986", 1986, 1986, "", Comparison::Exact, NumberKind::Year}},
        {"nine month profits declined",
         {"nine month profits", 9, 9, "month profits", Comparison::Exact, NumberKind::Quantity}},
        {"a fall of -4.5 degrees",
         {"-4.5 degrees", -4.5, -4.5, "degrees", Comparison::Exact, NumberKind::Quantity}},
        // a share price with a fraction of halves, quarters, eighths...
        {"shares closed at 11-1/2 dlrs", {"11-1/2 dlrs", 11.5, 11.5, "dlrs", Comparison::Exact, NumberKind::Money}},
        {"the stock closed at 30-1/8.", {"30-1/8", 30.125, 30.125, "", Comparison::Exact, NumberKind::Quantity}},
        // continental separators degrade gracefully
        {"1.234.567 Einwohner",
         {"1.234.567", 1234567, 1234567, "", Comparison::Exact, NumberKind::Quantity}},
        {"rund 5,8 Prozent", {"5,8", 5.8, 5.8, "", Comparison::Exact, NumberKind::Quantity}},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        auto numbers = broadsheet::find_numbers(c.text);
        REQUIRE(numbers.size() == 1);
        check_row(c.text, numbers[0], c.row);
    }
}

TEST_CASE("words that only look like figures are not figures") {
    for (std::string_view text :
         {"one of these will be required", "reach people in one go", "at 10:30 on Monday",
          "a ratio of 2/3 was seen", "version 1.2.3 shipped", "the G20 met", "COVID-19 cases",
          "millions of people", "no one came"}) {
        CAPTURE(text);
        CHECK(broadsheet::find_numbers(text).empty());
    }
}

TEST_CASE("ugly input gives fewer figures, never a crash") {
    CHECK(broadsheet::find_numbers("").empty());
    CHECK(broadsheet::find_numbers("\n\n  \n").empty());
    // Too many digits to be one figure (a phone or account number).
    CHECK(broadsheet::find_numbers("call 1234567890123456789012345 now").empty());
    // Invalid UTF-8 around a figure.
    auto n = broadsheet::find_numbers("\xFF 42 \xC0\xC0 apples");
    REQUIRE(n.size() == 1);
    CHECK(n[0].value == 42);
    // A figure at the very end, and one at the start.
    n = broadsheet::find_numbers("7 sold 5");
    REQUIRE(n.size() == 2);
    CHECK(n[1].value == 5);
    // ALL CAPS: number words are found whatever their case.
    n = broadsheet::find_numbers("UP TO THREE YEARS IN PRISON");
    REQUIRE(n.size() == 1);
    CHECK(n[0].value == 3);
    CHECK(n[0].comparison == Comparison::AtMost);
    // A very long paragraph.
    std::string text;
    for (int i = 0; i < 20000; ++i) text += "more than 5,000 users ";
    n = broadsheet::find_numbers(text);
    REQUIRE(n.size() == 20000);
    CHECK(n.back().value == 5000);
    CHECK(n.back().span.end <= text.size());
}

TEST_CASE("digits are grouped by the text's language; a percent sign may follow a space") {
    struct Row { const char* text; const char* language; double value; broadsheet::NumberKind kind; };
    const Row rows[] = {
        // Spanish, German, French: a dot groups thousands, a comma is the decimal sign.
        {"La deuda llegó a 14.013 millones de dólares.", "es", 14013e6,
         broadsheet::NumberKind::Money},
        {"Die Stadt hat 1.234.567 Einwohner.", "de", 1234567, broadsheet::NumberKind::Quantity},
        {"Die Quote lag bei 1,234 Punkten.", "de", 1.234, broadsheet::NumberKind::Quantity},
        {"Le taux atteint 6,6 % cette année.", "fr", 6.6, broadsheet::NumberKind::Percent},
        {"Le taux atteint 6,6\u00A0% cette année.", "fr", 6.6, broadsheet::NumberKind::Percent},
        {"El paro bajó al 12,5\u202F% en marzo.", "es-ES", 12.5, broadsheet::NumberKind::Percent},
        // English, and a text of unknown language: a dot is decimal, a comma before three digits
        // groups.
        {"Shares rose 14.013 points.", "en", 14.013, broadsheet::NumberKind::Quantity},
        {"Shares rose 5,000 points.", "", 5000, broadsheet::NumberKind::Quantity},
        {"Inflation was 6 % in May.", "en", 6, broadsheet::NumberKind::Percent},
    };
    for (const Row& row : rows) {
        CAPTURE(std::string(row.text));
        const auto numbers = broadsheet::find_numbers(row.text, row.language);
        REQUIRE(numbers.size() >= 1);
        CHECK(numbers[0].value == doctest::Approx(row.value));
        CHECK(numbers[0].kind == row.kind);
    }
    CHECK(broadsheet::writes_decimal_comma("de-AT"));
    CHECK_FALSE(broadsheet::writes_decimal_comma("en-GB"));
    CHECK_FALSE(broadsheet::writes_decimal_comma(""));
}

TEST_CASE("scale, currency and percent words follow the text's language") {
    struct Case {
        std::string_view text;
        std::string_view language;
        Row row;
    };
    constexpr auto Exact = Comparison::Exact;
    constexpr auto Money = NumberKind::Money;
    constexpr auto Quantity = NumberKind::Quantity;
    constexpr auto Percent = NumberKind::Percent;
    const Case cases[] = {
        // Spanish: "de" joins the scale to what it counts; "mil millones" is 1e9, "billón" 1e12.
        {"La deuda llegó a 14.013 millones de dólares.",
         "es",
         {"14.013 millones de dólares", 14013e6, 14013e6, "dólares", Exact, Money}},
        {"El Gobierno destinará 5,8 millones de euros a la obra.",
         "es",
         {"5,8 millones de euros", 5.8e6, 5.8e6, "euros", Exact, Money}},
        {"El banco ganó 3 mil millones de dólares.",
         "es-MX",
         {"3 mil millones de dólares", 3e9, 3e9, "dólares", Exact, Money}},
        {"La deuda alcanza 1,5 billones de euros.",
         "es",
         {"1,5 billones de euros", 1.5e12, 1.5e12, "euros", Exact, Money}},
        {"Unos 4,2 millones de personas votaron.",
         "es",
         {"4,2 millones de personas", 4.2e6, 4.2e6, "personas", Exact, Quantity}},
        {"Llegaron 30 mil personas a la plaza.",
         "es",
         {"30 mil personas", 30e3, 30e3, "personas", Exact, Quantity}},
        {"Recibió un millón de euros.",
         "es",
         {"un millón de euros", 1e6, 1e6, "euros", Exact, Money}},
        {"EL FISCO RECAUDÓ 7 MILLONES DE EUROS",
         "es",
         {"7 MILLONES DE EUROS", 7e6, 7e6, "EUROS", Exact, Money}},
        {"El paro bajó un 2,3 por ciento.",
         "es",
         {"2,3 por ciento", 2.3, 2.3, "por ciento", Exact, Percent}},
        {"Llegó el 5 de mayo.", "es", {"5", 5, 5, "", Exact, Quantity}},
        // The language's stopwords are no unit.
        {"ganó 849,1 millones y perdió",
         "es",
         {"849,1 millones", 849.1e6, 849.1e6, "", Exact, Quantity}},
        {"Davon 280 Millionen sind neu.",
         "de",
         {"280 Millionen", 280e6, 280e6, "", Exact, Quantity}},
        {"Ein Liter kostet 59,3 Cents mehr.",
         "de",
         {"59,3 Cents", 59.3, 59.3, "Cents", Exact, Money}},
        // German: no connector; "Mio." and "Mrd." keep their dot; "Billion" is 1e12.
        {"Crocs machte 3,9 Milliarden US-Dollar Umsatz.",
         "de",
         {"3,9 Milliarden US-Dollar", 3.9e9, 3.9e9, "US-Dollar", Exact, Money}},
        {"Die Firma meldet einen Verlust von 190 Millionen Euro.",
         "de-AT",
         {"190 Millionen Euro", 190e6, 190e6, "Euro", Exact, Money}},
        {"Das kostet 3,9 Mrd. EUR im Jahr.",
         "de",
         {"3,9 Mrd. EUR", 3.9e9, 3.9e9, "EUR", Exact, Money}},
        {"Der Absatz lag bei 15,12 Mio. t im Jahr.",
         "de",
         {"15,12 Mio. t", 15.12e6, 15.12e6, "t", Exact, Quantity}},
        {"Die Schulden stiegen auf 2,5 Billionen Euro.",
         "de",
         {"2,5 Billionen Euro", 2.5e12, 2.5e12, "Euro", Exact, Money}},
        {"Der Bund zahlt eine Milliarde Euro.",
         "de",
         {"eine Milliarde Euro", 1e9, 1e9, "Euro", Exact, Money}},
        {"Der Umsatz wuchs um 67 Prozent.",
         "de",
         {"67 Prozent", 67, 67, "Prozent", Exact, Percent}},
        {"Der Ball flog 10m.", "de", {"10m", 10, 10, "m", Exact, Quantity}}, // metres, not 1e7
        // French: "de" and the elided "d'" (straight or typographic); "billion" is 1e12.
        {"Bayer a accepté de payer 2 milliards de dollars.",
         "fr",
         {"2 milliards de dollars", 2e9, 2e9, "dollars", Exact, Money}},
        {"une dette de 2,5 milliards d'euros",
         "fr",
         {"2,5 milliards d'euros", 2.5e9, 2.5e9, "euros", Exact, Money}},
        {"une dette de 2,5 milliards d\u2019euros",
         "fr",
         {"2,5 milliards d\u2019euros", 2.5e9, 2.5e9, "euros", Exact, Money}},
        {"La dette mondiale atteint 3 billions d'euros.",
         "fr",
         {"3 billions d'euros", 3e12, 3e12, "euros", Exact, Money}},
        {"Il reste 24 milliards de tonnes.",
         "fr",
         {"24 milliards de tonnes", 24e9, 24e9, "tonnes", Exact, Quantity}},
        {"Un million de personnes ont manifesté.",
         "fr",
         {"Un million de personnes", 1e6, 1e6, "personnes", Exact, Quantity}},
        {"Le chômage a baissé de 1,2 pour cent.",
         "fr",
         {"1,2 pour cent", 1.2, 1.2, "pour cent", Exact, Percent}},
        {"une amende de 40 millions de livres sterling",
         "fr",
         {"40 millions de livres sterling", 40e6, 40e6, "livres sterling", Exact, Money}},
        // Italian: "di"; "mila" after digits, spaced or not; "mille miliardi" is 1e12.
        {"Lo Stato spende 1,2 miliardi di dollari.",
         "it",
         {"1,2 miliardi di dollari", 1.2e9, 1.2e9, "dollari", Exact, Money}},
        {"un aumento di 50mila euro", "it", {"50mila euro", 50e3, 50e3, "euro", Exact, Money}},
        {"un debito di 3 mille miliardi di euro",
         "it",
         {"3 mille miliardi di euro", 3e12, 3e12, "euro", Exact, Money}},
        {"un utile di 3 mln di euro", "it", {"3 mln di euro", 3e6, 3e6, "euro", Exact, Money}},
        {"la disoccupazione è scesa al 7,8 per cento",
         "it",
         {"7,8 per cento", 7.8, 7.8, "per cento", Exact, Percent}},
        // Portuguese: Brazil's "bilhão" is 1e9, Portugal's "mil milhões" 1e9 and "bilião" 1e12.
        {"O governo vai investir 1,2 bilhão de reais.",
         "pt-BR",
         {"1,2 bilhão de reais", 1.2e9, 1.2e9, "reais", Exact, Money}},
        {"A dívida chega a 3 mil milhões de euros.",
         "pt-PT",
         {"3 mil milhões de euros", 3e9, 3e9, "euros", Exact, Money}},
        {"Um bilião de euros.", "pt-PT", {"Um bilião de euros", 1e12, 1e12, "euros", Exact, Money}},
        {"A EMPRESA PERDEU 5 MILHÕES DE REAIS",
         "pt",
         {"5 MILHÕES DE REAIS", 5e6, 5e6, "REAIS", Exact, Money}},
        // Dutch: no connector; "miljard" is 1e9, "biljoen" 1e12.
        {"Het kabinet trekt 3 miljard euro uit.",
         "nl",
         {"3 miljard euro", 3e9, 3e9, "euro", Exact, Money}},
        {"De schuld is 1,2 biljoen euro.",
         "nl",
         {"1,2 biljoen euro", 1.2e12, 1.2e12, "euro", Exact, Money}},
        {"De werkloosheid daalde met 0,3 procent.",
         "nl",
         {"0,3 procent", 0.3, 0.3, "procent", Exact, Percent}},
        // A currency symbol after the figure, where the language sets it there (CLDR).
        {"Das Abo kostet 49,90 € im Monat.", "de", {"49,90 €", 49.9, 49.9, "€", Exact, Money}},
        {"Das Abo kostet 49,90\u00A0€ im Monat.",
         "de",
         {"49,90\u00A0€", 49.9, 49.9, "€", Exact, Money}},
        {"Der Umsatz lag bei 3,5 Mio. € im Jahr.",
         "de",
         {"3,5 Mio. €", 3.5e6, 3.5e6, "€", Exact, Money}},
        {"Tickets kosten 10-20 € pro Person.", "de", {"10-20 €", 10, 20, "€", Exact, Money}},
        {"un budget de 2,5 Md€ par an", "fr", {"2,5 Md€", 2.5e9, 2.5e9, "€", Exact, Money}},
        {"cuesta 1.000€ al mes", "es", {"1.000€", 1000, 1000, "€", Exact, Money}},
        {"It costs 5 \u20AC a month", "en", {"5", 5, 5, "", Exact, Quantity}},
        // English keeps the short scale; an unknown language reads as English.
        {"The deal is worth 3 billion dollars.",
         "en",
         {"3 billion dollars", 3e9, 3e9, "dollars", Exact, Money}},
        {"a 2 billion budget", "en-GB", {"2 billion budget", 2e9, 2e9, "budget", Exact, Quantity}},
        {"about 5 millones de euros",
         "",
         {"about 5 millones", 5, 5, "millones", Comparison::About, Quantity}},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CAPTURE(c.language);
        auto numbers = broadsheet::find_numbers(c.text, c.language);
        REQUIRE(numbers.size() == 1);
        check_row(c.text, numbers[0], c.row);
    }
    // A scale word alone is not a figure, in any language.
    // (Not a structured binding: clang 14, em++'s, cannot capture one in CAPTURE's lambda.)
    for (const auto& sample : {std::pair{"Millionen Menschen protestierten.", "de"},
                               {"Hay millones de personas.", "es"},
                               {"des milliards d'euros", "fr"}}) {
        const char* text = sample.first;
        CAPTURE(text);
        CHECK(broadsheet::find_numbers(text, sample.second).empty());
    }
}

TEST_CASE("newswire money: cents, sterling, pence and other currencies; a change is no range") {
    struct Row {
        const char* text;
        std::vector<std::pair<std::string, NumberKind>> figures; // as written (with the unit), kind
    };
    const Row rows[] = {
        {"Shares rose 12 cts to 410p.", {{"12 cts", NumberKind::Money}, {"410p", NumberKind::Money}}},
        {"Profit was 22.9 mln stg.", {{"22.9 mln stg", NumberKind::Money}}},
        {"It paid 5 mln guilders and 300 billion lire.", {{"5 mln guilders", NumberKind::Money}, {"300 billion lire", NumberKind::Money}}},
        {"It raised 12 mln U.S. dlrs and 5 mln Canadian dlrs.", {{"12 mln U.S. dlrs", NumberKind::Money}, {"5 mln Canadian dlrs", NumberKind::Money}}},
        {"Output fell 40 tonnes to 900 tonnes.", {{"40 tonnes", NumberKind::Quantity}, {"900 tonnes", NumberKind::Quantity}}},
        {"Output of 340 to 350 tonnes.", {{"340 to 350 tonnes", NumberKind::Quantity}}}, // a range
        {"It was cut by 65 to 70 pct.", {{"65 to 70 pct", NumberKind::Percent}}},
        // a results table: "vs" compares two figures, it is no unit of the first
        {"Net 807,000 vs 512,000", {{"807,000", NumberKind::Quantity}, {"512,000", NumberKind::Quantity}}},
        {"Shr 12 cts vs 15 cts", {{"12 cts", NumberKind::Money}, {"15 cts", NumberKind::Money}}},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        const std::string text = row.text;
        const auto numbers = broadsheet::find_numbers(text);
        REQUIRE(numbers.size() == row.figures.size());
        for (size_t i = 0; i < numbers.size(); ++i) {
            CHECK(text.substr(numbers[i].span.begin, numbers[i].span.size()) == row.figures[i].first);
            CHECK(numbers[i].kind == row.figures[i].second);
        }
    }
}

TEST_CASE("a figure's value as text: dates in ISO 8601, other figures as numbers") {
    const std::string text = "On June 10, 1997 and on February 22 it sold 5.8 million shares at 30-1/8.";
    const auto numbers = broadsheet::find_numbers(text);
    REQUIRE(numbers.size() == 4);
    CHECK(broadsheet::figure_value_text(numbers[0], numbers[0].value) == "1997-06-10");
    CHECK(broadsheet::figure_value_text(numbers[1], numbers[1].value) == "--02-22");
    CHECK(broadsheet::figure_value_text(numbers[2], numbers[2].value) == "5800000");
    CHECK(broadsheet::figure_value_text(numbers[3], numbers[3].value) == "30.125");
}
