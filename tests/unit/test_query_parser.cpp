// The query parser: what each piece of syntax becomes, and what a malformed query is read as.
#include "broadsheet/query.hpp"

#include <doctest/doctest.h>

using namespace broadsheet::search;

namespace {

std::string parsed(std::string_view q, ParseOptions o = {}) {
    Analyzer a;
    return to_string(parse_query(q, a, o));
}

std::vector<QueryMessage> messages(std::string_view q) {
    Analyzer a;
    return parse_query(q, a).messages;
}

} // namespace

TEST_CASE("each piece of syntax parses to the node it names") {
    struct Row { const char* query; const char* expected; };
    const Row rows[] = {
        {"storm", "storm"},
        {"Storms", "storm"},
        {"storm surge", "AND(storm, surg)"},
        {"storm AND surge", "AND(storm, surg)"},
        {"storm OR surge", "OR(storm, surg)"},
        {"a storm OR the surge", "OR(storm, surg)"},           // stopwords vanish
        {"storm surge OR flood", "OR(AND(storm, surg), flood)"}, // AND binds tighter
        {"storm (surge OR flood)", "AND(storm, OR(surg, flood))"},
        // Lists inside lists inside lists, each level's operands kept apart from the others'.
        {"storm (surge OR (tide wind) OR flood) rain OR hail", "OR(AND(storm, OR(surg, AND(tide, wind), flood), rain), hail)"},
        {"(a OR (b (c OR (d e)))) -f g", "AND(b, OR(c, AND(d, e)), NOT(f), g)"},
        {"NOT (x OR -y) z", "AND(NOT(OR(x, AND(ALL, NOT(y)))), z)"},
        {"((storm)) OR ((surge flood) OR tide)", "OR(storm, AND(surg, flood), tide)"},
        {"storm -wind", "AND(storm, NOT(wind))"},
        {"storm NOT wind", "AND(storm, NOT(wind))"},
        {"-wind", "AND(ALL, NOT(wind))"},
        // The dashes and minus sign a word processor makes of '-' exclude as it does; between
        // words, or alone, they are not an operator.
        {"storm \u2013wind", "AND(storm, NOT(wind))"},  // en dash
        {"storm \u2014wind", "AND(storm, NOT(wind))"},  // em dash
        {"storm \u2212wind", "AND(storm, NOT(wind))"},  // minus sign
        {"\u2013wind", "AND(ALL, NOT(wind))"},
        {"storm \u2013 wind", "AND(storm, wind)"},
        {"storm \u2013\u2013wind", "AND(storm, wind)"},
        {"1990\u20131995", "\"1990 1995\""},
        {"\"storm surge\"", "\"storm surg\""},
        // Typographic quotation marks make phrases too, any of them closing any.
        {"\u201cstorm surge\u201d", "\"storm surg\""},
        {"\u201estorm surge\u201c", "\"storm surg\""},
        {"\u00abstorm surge\u00bb", "\"storm surg\""},
        {"\u00ab storm surge \u00bb wind", "AND(\"storm surg\", wind)"},
        {"title:\u201cThe Storm\u201d", "title:\"[the] storm\""},
        {"\u201cstorm surge\u201d~3", "NEAR/3(storm, surg)"},
        {"tide\u201cstorm surge\"", "AND(tide, \"storm surg\")"},
        {"\"state of the art\"", "\"state [of] [the] art\""},   // stopwords, checked in the text
        {"\"The Guardian\"", "\"[the] guardian\""},              // one word and its stopword: a phrase
        {"\"guardian of the\"", "\"guardian [of] [the]\""},
        {"\"Bill's of it's\"", "\"bill [of] [it]\""},             // possessives go, as in the text
        {"title:\"The Storm\"", "title:\"[the] storm\""},
        {"state-of-the-art", "OR(\"state [of] [the] art\", stateoftheart)"},
        {"the-storm", "OR(storm, thestorm)"},                      // nothing around a word unquoted
        {"\"The Who\"", "\"[the] [who]\""},                        // stopwords only: read in the text
        {"storm \"to be or not to be\"", "AND(storm, \"[to] [be] [or] [not] [to] [be]\")"},
        {"\"storm\"", "storm"},
        {"surg*", "surg*"},
        {"Surging*", "surging*"},                                // prefixes are not stemmed
        // Wildcards within a word: a pattern, folded, not stemmed; a '?' ending a word is a
        // question mark.
        {"colo*r", "colo*r"},
        {"Organi?ations", "organi?ations"},
        {"*ization", "*ization"},
        {"CAFÉ*s", "cafe*s"},
        {"wom?n*", "wom?n*"},
        {"a**b", "a*b"},
        {"19?7", "19?7"},
        {"who won?", "won"},
        {"wom?n?", "wom?n"},
        {"petro*?", "petro*"},
        {"won?!", "won"},                                        // punctuation after a '?': a question
        {"won?\u201D", "won"},
        {"dd?*", "dd?*"},
        {"storm~?", "storm"},
        {"storm?~1", "storm~1"},                                 // a '~' piece: no pattern
        {"storm~1?", "storm~1"},
        {"e?-mail", "\"e mail\""},                                // pieces that are no words alone: as before
        {"example.com/page?id=3", "\"exampl com page id 3\""},
        {"\"?storm\"", "storm"},                                   // no wildcard in quotes
        {"storm NEAR/2 colo*r", "NEAR/2(storm, colo*r)"},
        {"title:colo*r -wom?n", "AND(title:colo*r, NOT(wom?n))"},
        {"hurricane~1", "hurricane~1"},
        {"hurricane~", "hurricane~1"},
        {"hurricane~2", "hurricane~2"},
        {"title:storm", "title:storm"},
        {"TITLE:storm", "title:storm"},
        {"by:doe", "byline:doe"},
        {"source:reuters", "source:reuter"},
        {"title:\"storm surge\"", "title:\"storm surg\""},
        {"title:(storm OR flood)", "OR(title:storm, title:flood)"},
        {"date:2014-01..2014-06", "date:20140100..20140699"},
        {"date:2014", "date:20140000..20141299"},
        {"date:2014-06-30", "date:20140630..20140630"},
        {"date:2016-02-29", "date:20160229..20160229"}, // a leap day
        {"date:2014..", "date:20140000..99999999"},
        {"date:..2014-06", "date:1..20140699"},
        {"date:none", "date:none"},
        {"storm DATE:None", "AND(storm, date:none)"},
        // A source by its whole name: written as is, not analysed into words.
        {"source:=\"Jane Wayne News\"", "source:=\"Jane Wayne News\""},
        {"source:=Reuters storm", "AND(source:=\"Reuters\", storm)"},
        {"source:=\"  selbst.de \"", "source:=\"selbst.de\""},
        {"source:=\"\"", "source:=\"\""},                         // no source
        {"-source:=\"\" storm", "AND(NOT(source:=\"\"), storm)"},
        {"(source:=\"A (B)\" OR source:=C)", "OR(source:=\"A (B)\", source:=\"C\")"},
        {"e-mail", "OR(\"e mail\", email)"},
        {"東京都", "\"東京 京都\""},
        {"jane.doe@example.com", "\"jane doe example com\""}, // link parts: unstemmed
        // Words near each other: in any order, at most N words between (NEAR alone: 10).
        {"\"storm surge\"~5", "NEAR/5(storm, surg)"},
        {"\"storm surge\"~", "NEAR/10(storm, surg)"},
        {"\"the storm of the surge\"~3", "NEAR/3(storm, surg)"},   // stopwords left out
        {"\"storm\"~3", "storm"},
        {"storm NEAR surge", "NEAR/10(storm, surg)"},
        {"storm NEAR/0 surge tide", "AND(NEAR/0(storm, surg), tide)"}, // tighter than AND
        {"storm NEAR/3 \"sea wall\" OR flood", "OR(NEAR/3(storm, \"sea wall\"), flood)"},
        {"(storm OR gale) NEAR/2 surg* NEAR/2 tide~1", "NEAR/2(OR(storm, gale), surg*, tide~1)"},
        {"title:(storm NEAR surge)", "title:NEAR/10(title:storm, title:surg)"},
        {"the NEAR storm", "storm"},                                  // a stopword is no part
        {"storm near surge", "AND(storm, near, surg)"},               // lower case: a word
        {"NEAR/x storm", "storm"}, // a mistyped NEAR/N, with nothing before it
        {"or and not", ""},                                      // lower case: stopwords
    };
    for (const auto& row : rows) {
        CAPTURE(row.query);
        CHECK(parsed(row.query) == row.expected);
    }
}

TEST_CASE("options change how words combine and what the last word means") {
    ParseOptions any;
    any.match_all = false;
    CHECK(parsed("storm surge", any) == "OR(storm, surg)");
    CHECK(parsed("storm surge -wind", any) == "AND(OR(storm, surg), NOT(wind))");
    ParseOptions typing;
    typing.as_you_type = true;
    // The word being typed begins longer words and is also itself (from two letters).
    CHECK(parsed("rain sur", typing) == "AND(rain, OR(sur*, sur))");
    CHECK(parsed("rain sur ", typing) == "AND(rain, sur)");
    CHECK(parsed("storm sur", typing) == "AND(storm~1, OR(sur*, sur))");
    CHECK(parsed("hurricane sur", typing) == "AND(hurricane~2, OR(sur*, sur))");
    CHECK(parsed("meteorologists sur", typing) == "AND(meteorologists~2, OR(sur*, sur))");
    CHECK(parsed("rain s", typing) == "AND(rain, s*)");
    // A pattern being typed begins words too; finished, it is whole.
    CHECK(parsed("rain organi?at", typing) == "AND(rain, organi?at*)");
    CHECK(parsed("rain colo*r ", typing) == "AND(rain, colo*r)");
    CHECK(parsed("rain col*", typing) == "AND(rain, col*)");
    CHECK(parsed("rain \"?storm", typing) == "AND(rain, OR(storm*, storm))"); // in quotes: no wildcard
    CHECK(parsed("rain zebra?!", typing) == "AND(rain, OR(zebra*, zebra))");
    // A source's name at the end, unquoted or with its quote not yet closed, begins names.
    CHECK(parsed("rain source:=Reu", typing) == "AND(rain, source:=\"Reu\"*)");
    CHECK(parsed("rain source:=\"Daily Ti", typing) == "AND(rain, source:=\"Daily Ti\"*)");
    CHECK(parsed("rain source:=\"Daily Tide\"", typing) == "AND(rain, source:=\"Daily Tide\")");
    CHECK(parsed("source:=Reu rain", typing) == "AND(source:=\"Reu\", OR(rain*, rain))");
    CHECK(parsed("rain source:=Reu ", typing) == "AND(rain, source:=\"Reu\")");
    CHECK(parsed("rain source:=", typing) == "rain"); // nothing typed yet: nothing asked
    CHECK(parsed("rain source:=Reu") == "AND(rain, source:=\"Reu\")");
    // Closing parentheses after the last word leave it being typed (a narrowed query's OR).
    CHECK(parsed("date:2022 (rain OR sur)", typing) == "AND(date:20220000..20221299, OR(rain, sur*, sur))");
    CHECK(parsed("date:2022 (rain OR sur))", typing) == "AND(date:20220000..20221299, OR(rain, sur*, sur))");
    CHECK(parsed("date:2022 (rain OR sur) ", typing) == "AND(date:20220000..20221299, OR(rain, sur))");
    CHECK(parsed("(rain OR sur) x", typing) == "AND(OR(rain, sur), x*)");
    CHECK(parsed("(source:=Reu)", typing) == "source:=\"Reu\"*");
    // A date not yet whole at the end is left out quietly while typed; finished, it is an error.
    Analyzer a;
    CHECK(parse_query("storm date:20", a, typing).messages.empty());
    CHECK(to_string(parse_query("storm date:20", a, typing)) == "storm~1");
    CHECK(parse_query("storm date:20 ", a, typing).messages.size() == 1);
    CHECK(parse_query("storm date:20", a).messages.size() == 1);
    CHECK(parse_query("storm date:no", a, typing).messages.empty()); // "none" being typed
    // One that cannot become a date says so at once.
    const auto month = parse_query("storm date:March", a, typing).messages;
    REQUIRE(month.size() == 1);
    CHECK(month[0].text.find("cannot read the date 'March'") != std::string::npos);
    // So does a whole date no calendar has, or a range whose first date is one; a date on its
    // way to a valid one ("1987-0", "1987-02-3", "1987-02..1987-0") stays quiet.
    for (const char* impossible : {"1987-13", "1987-2", "1987-00", "1987-02-30", "1987-02-4", "1987-02-301",
                                   "2019-11-31..2019-12-01", "2019-11-31.."}) {
        CAPTURE(impossible);
        CHECK(parse_query(std::string("storm date:") + impossible, a, typing).messages.size() == 1);
    }
    for (const char* partial : {"1", "1987-", "1987-0", "1987-1", "1987-02-", "1987-02-3", "1987-02-29", "1988-02-29",
                                "1987-02..", "1987-02..1987-0", "..1987-0", "1987-02-28..198"}) {
        CAPTURE(partial);
        CHECK(parse_query(std::string("storm date:") + partial, a, typing).messages.size() == (std::string(partial) == "1987-02-29" ? 1u : 0u));
    }
    // A NEAR/ without its number says so, and is NEAR (but while the number is being typed).
    for (const char* q : {"oil NEAR/x gas", "oil NEAR/ gas", "oil NEAR/5x gas"}) {
        CAPTURE(q);
        const Query near = parse_query(q, a);
        REQUIRE(near.messages.size() == 1);
        CHECK(near.messages[0].position == 4);
        CHECK(near.messages[0].text.find("'NEAR/' needs a number") != std::string::npos);
        CHECK(to_string(near) == "NEAR/10(oil, gas)");
    }
    CHECK(parse_query("oil NEAR/", a, typing).messages.size() == 1); // "NEAR with nothing after it" only
    CHECK(parse_query("oil NEAR/5 gas", a).messages.empty());
    // A word being excluded is itself as it is typed, not the start of words: "cocoa -b" on the
    // way to "cocoa -bahia" takes out the articles with "b", not every word in b.
    CHECK(parsed("cocoa -b", typing) == "AND(cocoa~1, NOT(b))");
    CHECK(parsed("cocoa NOT bah", typing) == "AND(cocoa~1, NOT(bah))");
    CHECK(parsed("cocoa -\"bahia co", typing) == "AND(cocoa~1, NOT(\"bahia co\"))");
    CHECK(parsed("cocoa -bah*", typing) == "AND(cocoa~1, NOT(bah*))"); // asked for
    CHECK(parsed("-(oil OR ga", typing) == "AND(ALL, NOT(OR(oil, ga)))");
    CHECK(parsed("cocoa ba", typing) == "AND(cocoa~1, OR(ba*, ba))"); // not excluded: begins words
    // A phrase of stopwords only is read in every article's text: not while its quote is open.
    CHECK(parsed("storm \"the who", typing) == "storm~1");
    const auto open = parse_query("storm \"the who", a, typing).messages;
    REQUIRE(open.size() == 2);
    CHECK(open[1].position == 6);
    CHECK(open[1].text.find("\"the who\" is only stopwords: searched for once its closing quote is typed") != std::string::npos);
    CHECK(parsed("storm \"the who\"", typing) == "AND(storm~1, \"[the] [who]\")");
    // The last word of an open phrase begins words; a stopword there is itself.
    CHECK(parsed("\"heavy rai", typing) == "\"heavi rai*\"");
    CHECK(parsed("\"the heavy Rai", typing) == "\"[the] heavi rai*\"");
    CHECK(parsed("\"heavy rain of", typing) == "\"heavi rain [of]\"");
    CHECK(parsed("\"heavy rai ", typing) == "\"heavi rai\"");
    CHECK(parsed("\"heavy rai\"", typing) == "\"heavi rai\"");
    CHECK(parsed("\"rai", typing) == "OR(rai*, rai)");
    CHECK(parsed("\"rai*", typing) == "OR(rai*, rai)"); // '*' ending a phrase: its last word is being typed
    CHECK(parsed("\"heavy rai*\"", typing) == "\"heavi rai*\"");
    CHECK(parsed("\"heavy rai*\"") == "\"heavi rai*\"");       // not only as you type
    CHECK(parsed("\"rai*\"") == "OR(rai*, rai)");
    CHECK(parsed("\"heavy rai *\"") == "\"heavi rai\"");       // a '*' alone is no word
    ParseOptions plain;
    plain.syntax = false;
    plain.match_all = false;
    CHECK(parsed("what -dash (methods) OR \"x", plain) == "OR(dash, method, x)");
}

TEST_CASE("malformed queries give a message with a position and a best-effort reading") {
    struct Row { const char* query; const char* reading; uint32_t position; const char* says; };
    const Row rows[] = {
        {"(storm surge", "AND(storm, surg)", 0, "missing ')'"},
        {"storm) surge", "AND(storm, surg)", 5, "unmatched ')'"},
        {"\"storm surge", "\"storm surg\"", 0, "missing closing '\"'"},
        {"storm NEAR", "storm", 6, "nothing after it"},
        {"NEAR storm", "storm", 0, "both sides"},
        {"storm NEAR NEAR surge", "NEAR/10(storm, surg)", 6, "nothing after it"},
        {"storm NEAR/50 NEAR/2 surge", "NEAR/2(storm, surg)", 6, "nothing after it"}, // the ignored one sets nothing
        {"storm OR NEAR surge", "AND(storm, surg)", 6, "nothing after it"},
        {"storm OR NEAR", "storm", 6, "nothing after it"},
        {"storm NEAR/2 surge NEAR/4 tide", "NEAR/4(storm, surg, tide)", 0, "one group"},
        {"storm NEAR -surge", "AND(storm, NOT(surg))", 0, "read as AND"},
        {"storm NEAR (surge tide)", "AND(storm, surg, tide)", 0, "read as AND"},
        {"storm NEAR date:2014", "AND(storm, date:20140000..20141299)", 0, "read as AND"},
        {"title:storm NEAR by:doe", "AND(title:storm, byline:doe)", 0, "different fields"},
        {"flood (storm OR gale) NEAR/2 surge NEAR/3 tide", "AND(flood, NEAR/3(OR(storm, gale), surg, tide))", 6, "one group"},
        {"storm NEAR/5000 surge", "NEAR/1000(storm, surg)", 6, "at most 1000"},
        {"\"storm surge\"~99999999999999999999", "NEAR/1000(storm, surg)", 13, "at most 1000"},
        {"storm OR", "storm", 6, "nothing after it"},
        {"OR storm", "storm", 0, "nothing before it"},
        {"storm AND", "storm", 6, "both sides"},
        {"storm NOT", "storm", 6, "nothing after it"},
        {"storm title:", "storm", 6, "needs a word"},
        {"foo:bar", "\"foo bar\"", 0, "unknown field"},
        {"date:2014-13", "", 0, "cannot read the date"},
        {"storm date:June", "storm", 6, "cannot read the date"},
        {"storm date: surge", "AND(storm, surg)", 6, "'date:' needs a date right after it"},
        {"storm date:1987-02-30", "storm", 6, "cannot read the date"},
        {"storm date:1987-02-29..1987-03", "storm", 6, "cannot read the date"},
        {"date:2015..2014", "date:20140000..20151299", 0, "ends before it begins"},
        {"storm source:=", "storm", 6, "needs a name"},
        {"storm source:= flood", "AND(storm, flood)", 6, "needs a name"},
        {"storm source:=\"Daily Tide", "AND(storm, source:=\"Daily Tide\")", 14, "missing closing '\"'"},
        {"storm~7", "storm~2", 5, "at most 2"},
        {"new-york~1", "OR(\"new york\", newyork)", 0, "single words"},
        {"storm *?*", "storm", 6, "needs letters or digits"},
        {"new-yo*k", "OR(\"new yo k\", newyo)", 0, "within one word"},
        {"東*京", "\"東 京\"", 0, "within one word"},
        {"storm foo*~1", "AND(storm, foo~1)", 6, "within one word"},
        {"wom?n~", "wom?n", 5, "does not go with wildcards"},
        {"()", "", 0, "empty"},
        {"\"\"", "", 0, "empty phrase"},
        {"the", "", 0, "common words"},
        {"\U0001F680", "", 0, "no words or numbers"}, // not "common words": there are none
        {"* ?", "", 0, "no words or numbers"},
        {"storm OR OR surge", "OR(storm, surg)", 6, "'OR' twice"},
        {"storm OR OR", "storm", 6, "'OR' twice"},
        {"storm ~1", "storm", 6, "'~1' goes right after a word"}, // not the number 1
        {"~2", "", 0, "'~2' goes right after a word"},
        // The same message many times: once, with the count, where it first applies.
        {"storm)))", "storm", 5, "unmatched ')' ignored (3 times)"},
        {"\"\" storm \"\" \"\"", "storm", 0, "empty phrase ignored (3 times)"},
        {"\u201cstorm surge", "\"storm surg\"", 0, "missing closing '\"'"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.query));
        CHECK(parsed(row.query) == row.reading);
        auto m = messages(row.query);
        REQUIRE_FALSE(m.empty());
        CHECK(m[0].position == row.position);
        CHECK(m[0].text.find(row.says) != std::string::npos);
    }
}

TEST_CASE("messages are not repeated; a '(' dropped for nesting too deeply leaves its ')' unremarked") {
    std::string deep = std::string(5000, '(') + "storm" + std::string(5000, ')');
    auto m = messages(deep);
    REQUIRE(m.size() == 1);
    CHECK(m[0].text.find("nested too deeply") != std::string::npos);
    CHECK(parsed(deep) == "storm");
    std::string strays = "storm";
    for (int i = 0; i < 200; ++i) strays += ") \"\" ";
    m = messages(strays);
    REQUIRE(m.size() == 2);
    CHECK(m[0].text == "unmatched ')' ignored (200 times)");
    CHECK(m[0].position == 5);
    CHECK(m[1].text == "empty phrase ignored (200 times)");
}

TEST_CASE("an OR written at the top of the query is told from one in parentheses or of readings") {
    Analyzer a;
    struct Row { const char* query; bool or_at_top; };
    const Row rows[] = {
        {"coffee OR cocoa", true},   {"coffee cocoa OR tea", true}, {"(coffee OR cocoa) tea", false},
        {"coffee cocoa", false},     {"e-mail", false},             {"title:(a OR b)", false},
        {"x OR", false}, // nothing after it: no OR
    };
    for (const auto& row : rows) {
        CAPTURE(row.query);
        CHECK(parse_query(row.query, a).or_at_top == row.or_at_top);
    }
    ParseOptions any;
    any.match_all = false; // words side by side ORed: not written
    CHECK_FALSE(parse_query("coffee cocoa", a, any).or_at_top);
}

TEST_CASE("well-formed queries get no messages") {
    for (const char* q : {"storm", "storm OR (flood -wind)", "title:\"storm surge\" date:2014", "surg* hurricane~2", "colo*r *ization wom?n",
                          "who won?", "\"what now?\"", "http://example.com/storm", "date:\"2014-06\" storm",
                          "\u201cstorm surge\u201d \u2013wind",
                          "source:=\"Daily Tide\" -source:=\"\" date:none"}) {
        CAPTURE(q);
        CHECK(messages(q).empty());
    }
}

TEST_CASE("deep nesting and long operator chains parse without recursion trouble") {
    std::string deep(10000, '(');
    deep += "storm";
    Analyzer a;
    Query q = parse_query(deep, a);
    CHECK(to_string(q) == "storm");
    CHECK_FALSE(q.messages.empty());
    std::string chain;
    for (int i = 0; i < 3001; ++i) chain += "NOT ";
    CHECK(to_string(parse_query(chain + "storm", a)) == "AND(ALL, NOT(storm))");
    std::string ors = "storm";
    for (int i = 0; i < 5000; ++i) ors += " OR storm";
    CHECK_NOTHROW(parse_query(ors, a));
}

TEST_CASE("a query over the length limit is read up to the last space before it, with a message there") {
    Analyzer a;
    std::string q;
    while (q.size() < kMaxQueryBytes - 20) q += "storm ";
    const size_t words = q.size();
    q += "flood surge and more words past the limit wind";
    REQUIRE(q.size() > kMaxQueryBytes);
    Query parsed = parse_query(q, a, {.as_you_type = true});
    // "flood" ends before the limit and is read whole (not as a prefix); "wind" is past it.
    CHECK(to_string(parsed).find("flood") != std::string::npos);
    CHECK(to_string(parsed).find("flood*") == std::string::npos);
    CHECK(to_string(parsed).find("wind") == std::string::npos);
    REQUIRE(parsed.messages.size() == 1);
    const QueryMessage& m = parsed.messages[0];
    CHECK(m.position > words);
    CHECK(m.position <= kMaxQueryBytes);
    CHECK(q[m.position - 1] == ' ');
    CHECK(m.text.find("longer than 16384 bytes") != std::string::npos);

    // One word longer than the limit, of two-byte letters: cut at a whole character.
    std::string word;
    while (word.size() <= kMaxQueryBytes) word += "\xC3\xA9";
    Query long_word = parse_query(word, a);
    REQUIRE(long_word.messages.size() == 1);
    CHECK(long_word.messages[0].position == kMaxQueryBytes);
    CHECK(long_word.messages[0].position % 2 == 0);

    // At the limit exactly, nothing is cut.
    std::string at_limit(kMaxQueryBytes, 'x');
    CHECK(parse_query(at_limit, a).messages.empty());
}
