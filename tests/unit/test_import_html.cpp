// The HTML importer on pages written for these tests: main content among page furniture,
// structure kept, metadata from every source a page may use, hostile input.
#include "broadsheet/import.hpp"

#include "import_internal.hpp"
#include "paragraph_styles.hpp"

#include <doctest/doctest.h>

#include <algorithm>

#include <chrono>
#include <string>
#include <vector>

using broadsheet::Article;
using broadsheet::ImportResult;
using broadsheet::ParagraphKind;

namespace {

// Paragraphs long enough to read as prose (the extractor scores text length and commas).
const char* const kP1 =
    "The river authority opened the new flood barrier on Monday, after four years of work, "
    "and said it would protect some twelve thousand homes in the lower town from spring floods.";
const char* const kP2 =
    "Engineers tested the gates twice during the winter storms, when the water rose faster "
    "than forecast, and both times the barrier closed within the eleven minutes it was designed "
    "for.";
const char* const kP3 =
    "Residents who had been flooded three times in a decade welcomed the barrier, though some "
    "said the new embankment path cut them off from the riverside gardens they had used for years.";
const char* const kP4 =
    "The authority will publish water levels from the barrier's sensors on its website every "
    "fifteen minutes, and it plans a second barrier upstream, pending money from the regional "
    "budget.";

std::string page(const std::string& head, const std::string& body) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">" + head +
           "</head><body>" + body + "</body></html>";
}

std::string furniture_page() {
    return page(
        "<title>Flood barrier opens | Riverside Gazette</title>"
        "<meta property=\"og:site_name\" content=\"Riverside Gazette\">",
        "<header><a href=\"/\">Riverside Gazette</a><nav><ul><li><a href=\"/news\">News</a></li>"
        "<li><a href=\"/sport\">Sport</a></li><li><a "
        "href=\"/weather\">Weather</a></li></ul></nav></header>"
        "<div class=\"share-buttons\"><a href=\"#\">Share on Facebook</a> <a "
        "href=\"#\">Tweet</a></div>"
        "<main><article><h1>Flood barrier opens</h1><p class=\"byline\">By Mara Quill</p>"
        "<p>" +
            std::string(kP1) + "</p><p>" + kP2 +
            "</p><p>Read more: <a href=\"/x\">Town council "
            "approves the budget for the coming year</a></p><p>" +
            kP3 + "</p><p>" + kP4 +
            "</p></article></main>"
            "<aside class=\"sidebar\"><h3>Most read</h3><ul><li><a href=\"/a\">Bakery wins "
            "national prize for its rye loaf</a></li>"
            "<li><a href=\"/b\">Ferry timetable changes from May with fewer evening "
            "crossings</a></li></ul></aside>"
            "<div id=\"comments\"><h3>Comments</h3><p>I walked past the barrier today and it looks "
            "enormous, well "
            "done to everybody who worked on it through the winter, really impressive "
            "work.</p></div>"
            "<footer><p>Copyright Riverside Gazette. All rights reserved.</p><a "
            "href=\"/privacy\">Privacy</a></footer>");
}

Article import_one(const std::string& html, const char* name = "page.html") {
    ImportResult r = broadsheet::import_file(name, html);
    REQUIRE_MESSAGE(r.ok(), r.error);
    REQUIRE(r.articles.size() == 1);
    return r.articles[0];
}

// The byline's names joined with "; ", as `broadsheet extract` prints them.
std::string byline_of(const Article& a) {
    std::string byline;
    for (const auto& n : a.byline) byline += (byline.empty() ? "" : "; ") + n;
    return byline;
}

bool removed_has(const Article& a, std::string_view part) {
    for (const auto& r : a.removed)
        if (r.text.find(part) != std::string::npos) return true;
    return false;
}

} // namespace

TEST_CASE(
    "the article body is found among navigation, share buttons, sidebar, comments and footer") {
    Article a = import_one(furniture_page());
    REQUIRE(a.paragraphs.size() >= 4);
    CHECK(a.text.find(kP1) != std::string::npos);
    CHECK(a.text.find(kP4) != std::string::npos);
    CHECK(a.text.find(kP1) < a.text.find(kP2));
    CHECK(a.text.find(kP3) < a.text.find(kP4));
    for (std::string_view junk : {"Sport", "Share on Facebook", "Bakery wins", "I walked past",
                                  "Copyright", "Read more", "Most read"}) {
        CAPTURE(junk);
        CHECK(a.text.find(junk) == std::string::npos);
    }
    CHECK(removed_has(a, "I walked past the barrier"));
    CHECK(removed_has(a, "Town council approves"));
    CHECK(a.title == "Flood barrier opens");
    CHECK(a.source == "Riverside Gazette");
    CHECK(a.language == "en");
}

TEST_CASE("headings, lists, block quotes and preformatted text keep their structure") {
    Article a = import_one(page(
        "<title>Barrier</title>",
        "<article><h1>Barrier</h1><p>" + std::string(kP1) + "</p><h2>How the gates work</h2><p>" +
            kP2 +
            "</p><ul><li>Two steel gates, each forty metres wide</li><li>Sensors every hundred "
            "metres<ul>"
            "<li>Read every fifteen minutes</li></ul></li></ul><blockquote><p>We have waited a "
            "long time "
            "for this, and it works.</p></blockquote><pre>level  1.2 m\nflow   340 m3/s</pre><p>" +
            kP3 + "</p></article>"));
    const StyledParagraph rows[] = {
        {"How the gates work", ParagraphKind::Heading, 2},
        {"Two steel gates, each forty metres wide", ParagraphKind::ListItem, 1},
        {"Read every fifteen minutes", ParagraphKind::ListItem, 2},
        {"We have waited a long time for this, and it works.", ParagraphKind::Quote, 0},
        {"level  1.2 m\nflow   340 m3/s", ParagraphKind::Code, 0},
        {kP1, ParagraphKind::Body, 0},
    };
    check_styles(a, rows);
    CHECK(a.paragraphs.size() == a.styles.size());
}

TEST_CASE("text joined by inline tags keeps its spacing, and two <br> split a paragraph") {
    Article a = import_one(
        page("<title>T</title>",
             "<article><p>" + std::string(kP1) +
                 "</p><p>The <b>gates</b> close in <em>eleven</em>&nbsp;minutes, "
                 "the engineers said, and open again within the hour.<br><br>A second line of text "
                 "follows the break, "
                 "and it is long enough to count as a paragraph of its own here.</p><p>" +
                 kP2 + "</p></article>"));
    CHECK(a.text.find("The gates close in eleven minutes, the engineers said") !=
          std::string::npos); // NBSP too
    bool split = false;
    for (size_t i = 0; i < a.paragraphs.size(); ++i)
        split = split || a.paragraph(i).starts_with("A second line of text follows the break");
    CHECK(split);
}

TEST_CASE("a lead paragraph set apart from the article's container is joined to it") {
    Article a =
        import_one(page("<title>Barrier</title>",
                        "<div class=\"intro\"><h1>Barrier</h1><p class=\"lead\">The new flood "
                        "barrier, four years in the "
                        "making, was opened on Monday by the river authority.</p></div><div "
                        "class=\"date\">12 May 2023</div>"
                        "<div class=\"story\"><p>" +
                            std::string(kP1) + "</p><p>" + kP2 + "</p><p>" + kP3 + "</p></div>"));
    REQUIRE(!a.paragraphs.empty());
    CHECK(a.paragraph(0).starts_with("The new flood barrier, four years"));
    CHECK(a.date == "2023-05-12");
}

TEST_CASE("metadata comes from JSON-LD, OpenGraph, meta tags, microdata, time and bylines") {
    const std::string body = "<article><h1>Flood barrier opens</h1><p>" + std::string(kP1) +
                             "</p><p>" + kP2 + "</p><p>" + kP3 + "</p></article>";
    struct Row {
        const char* source;
        std::string head;
        std::string body_prefix;
        const char* byline; // "; "-joined
        const char* date;
    };
    const Row rows[] = {
        {"JSON-LD NewsArticle",
         R"(<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Flood barrier opens","author":[{"@type":"Person","name":"Mara Quill"},{"@type":"Person","name":"Tom Reed"}],"datePublished":"2023-05-12T08:30:00+02:00","publisher":{"@type":"Organization","name":"Riverside Gazette"}}</script>)",
         "", "Mara Quill; Tom Reed", "2023-05-12T08:30+02:00"},
        {"JSON-LD @graph with an author by @id",
         R"(<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"Person","@id":"#p1","name":"Ina Voss"},{"@type":"BlogPosting","headline":"Flood barrier opens","author":{"@id":"#p1"},"datePublished":"2022-01-03"}]}</script>)",
         "", "Ina Voss", "2022-01-03"},
        {"OpenGraph and article:*",
         R"(<meta property="og:title" content="Flood barrier opens"><meta property="article:published_time" content="2021-11-30T10:00:00Z"><meta name="author" content="Ola Berg">)",
         "", "Ola Berg", "2021-11-30T10:00Z"},
        {"Dublin Core",
         R"(<meta name="DC.creator" content="Pia Lund"><meta name="DC.date.issued" content="2020-02-29">)",
         "", "Pia Lund", "2020-02-29"},
        {"microdata", "",
         R"(<div itemscope itemtype="https://schema.org/Article"><span itemprop="author" itemscope><span itemprop="name">Uma Stein</span></span><meta itemprop="datePublished" content="2019-07-04"></div>)",
         "Uma Stein", "2019-07-04"},
        {"time element and a visible byline", "",
         R"(<p class="byline">Von Jonas Keller</p><time datetime="2018-03-09T07:15">9. März 2018</time>)",
         "Jonas Keller", "2018-03-09T07:15"},
        {"rel=author link", "", R"(<a rel="author" href="/staff/li">Li Wen</a>)", "Li Wen", ""},
        {"a site name as author is the last resort",
         R"(<meta property="og:site_name" content="Riverside Gazette"><meta name="author" content="Riverside Gazette">)",
         R"(<span class="author-name">Kim Ode</span>)", "Kim Ode", ""},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.source));
        Article a = import_one(
            page("<title>Flood barrier opens</title>" + row.head, row.body_prefix + body));
        CHECK(byline_of(a) == row.byline);
        CHECK(a.date == row.date);
        CHECK(a.title == "Flood barrier opens");
    }
}

TEST_CASE(
    "the headline is the page's h1 when it agrees with the title tag, without the site name") {
    struct Row {
        const char* what;
        std::string head;
        std::string headings;
        const char* title;
    };
    const Row rows[] = {
        {"site after a bar", "<title>Gates tested in storm | Riverside Gazette</title>", "",
         "Gates tested in storm"},
        {"site before a dash, named by og:site_name",
         R"(<title>Riverside Gazette - Gates tested in storm</title><meta property="og:site_name" content="Riverside Gazette">)",
         "", "Gates tested in storm"},
        {"the h1 keeps its own typography",
         R"(<meta property="og:title" content="&quot;It works&quot;, engineers say">)",
         "<h1>\xE2\x80\x9EIt works\xE2\x80\x9C, engineers say</h1>",
         "\xE2\x80\x9EIt works\xE2\x80\x9C, engineers say"},
        {"a kicker inside the h1 is dropped", "<title>Gates tested in storm - Gazette</title>",
         "<h1><span class=\"kicker\">Flood defence</span> <span>Gates tested in storm</span></h1>",
         "Gates tested in storm"},
        {"a logo h1 and a hidden h1 are passed over",
         "<title>Gates tested in storm | Gazette</title>",
         "<h1><a href=\"/\">Gazette</a></h1><h1 class=\"visually-hidden\">Navigation</h1><h2>Gates "
         "tested in storm</h2>",
         "Gates tested in storm"},
        {"a lone h1 that disagrees with the title tag still wins",
         "<title>Riverside Gazette</title>", "<h1>Welcome!</h1>", "Welcome!"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.what));
        Article a = import_one(
            page(row.head, "<div>" + row.headings + "<p>" + kP1 + "</p><p>" + kP2 + "</p></div>"));
        CHECK(a.title == row.title);
    }
}

TEST_CASE(
    "a call to action after the last paragraph and a colon line before a link list are dropped") {
    Article a = import_one(page(
        "<title>T</title>",
        "<article><p>" + std::string(kP1) + "</p><p>" + kP2 + "</p><p>" + kP3 +
            "</p><p>More on this:</p>"
            "<ul><li><a href=\"/1\">Barrier plans shown to residents at a public meeting</a></li>"
            "<li><a href=\"/2\">Authority asks for money for a second barrier "
            "upstream</a></li></ul>"
            "<p>Get our newsletter <a href=\"/n\">here</a>.</p></article>"));
    CHECK(a.text.ends_with(kP3));
    CHECK(removed_has(a, "More on this:"));
    CHECK(removed_has(a, "Get our newsletter"));
}

TEST_CASE("hostile and broken HTML gives a best-effort article or a clear error, quickly") {
    auto deep = [](size_t n, const char* tag) {
        std::string s = "<html><body><p>" + std::string(kP1) + "</p>";
        for (size_t i = 0; i < n; ++i) s += std::string("<") + tag + ">";
        s += "deep text";
        for (size_t i = 0; i < n; ++i) s += std::string("</") + tag + ">";
        return s + "</body></html>";
    };
    struct Row {
        const char* what;
        std::string html;
        bool ok;
    };
    const Row rows[] = {
        {"divs nested 100,000 deep", deep(100000, "div"), true},
        {"unclosed spans 100,000 deep",
         [] {
             std::string s = "<html><body><p>" + std::string(kP1) + "</p>";
             for (int i = 0; i < 100000; ++i) s += "<span>";
             return s;
         }(),
         true},
        {"unclosed p and stray table",
         "<html><body><p>" + std::string(kP1) + "<p>" + kP2 + "</td></table><p>" + kP3, true},
        {"script holding markup",
         "<html><body><script>var s = '<p>not text</p>';</script><p>" + std::string(kP1) +
             "</p></body></html>",
         true},
        {"no body text at all",
         "<html><head><title></title></head><body><script>x()</script></body></html>", false},
        {"a paragraph with 50,000 attributes",
         [] {
             std::string s = "<html><body><p";
             for (int i = 0; i < 50000; ++i)
                 s += " a" + std::to_string(i) + "=\"" + std::to_string(i) + "\"";
             return s + ">" + kP1 + "</p></body></html>";
         }(),
         true},
        {"a 5 MB single line",
         "<html><body><p>" +
             [] {
                 std::string s;
                 while (s.size() < (5u << 20)) s += "word, ";
                 return s;
             }() +
             "</p></body></html>",
         true},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.what));
        auto start = std::chrono::steady_clock::now();
        ImportResult r = broadsheet::import_file("hostile.html", row.html);
        auto seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        CHECK_MESSAGE(r.ok() == row.ok, r.error);
        if (!r.ok()) CHECK(!r.error.empty());
        CHECK(seconds < 20.0);
    }
    ImportResult script = broadsheet::import_file("s.html", rows[3].html);
    REQUIRE(script.ok());
    CHECK(script.articles[0].text.find("not text") == std::string::npos);
}

TEST_CASE("a tag with thousands of attributes keeps its first ones and the page around it") {
    // Past a limit the extra attributes are dropped before parsing (libxml2 is quadratic in
    // them); the page, including what follows the tag, parses as it would have.
    std::string many;
    for (int i = 0; i < 3000; ++i) many += " data-x" + std::to_string(i) + "='a > b'";
    std::string html = "<html><head><title>Barrier opens</title></head><body><article>"
                       "<p class=\"byline\"" +
                       many +
                       ">By Ann Weir</p>"
                       "<p>" +
                       std::string(kP1) + "</p><p" + many + ">" + kP2 +
                       "</p>"
                       "<!-- <p " +
                       many + "> --><p>" + kP3 + "</p></article></body></html>";
    ImportResult r = broadsheet::import_file("many.html", html);
    REQUIRE(r.ok());
    const Article& a = r.articles[0];
    CHECK(a.byline == std::vector<std::string>{"Ann Weir"});
    CHECK(a.text.find(kP1) != std::string::npos);
    CHECK(a.text.find(kP2) != std::string::npos);
    CHECK(a.text.find(kP3) != std::string::npos);
    CHECK(a.text.find("a > b") == std::string::npos); // quoted '>' did not end a tag early
}

TEST_CASE("pages are recognised by content first and by extension second") {
    struct Row {
        const char* name;
        std::string text;
        bool html;
    };
    const Row rows[] = {
        {"saved.txt", "<!DOCTYPE html><html><body><p>x</p></body></html>", true},
        {"fragment.txt", "<div class=\"story\"><p>Text.</p></div>", true},
        {"page.htm", "Just text, no tags", true},
        {"note.txt", "A < B and C > D are comparisons, not tags.", false},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.name));
        bool by_content = broadsheet::detail::looks_like_html(row.text);
        bool by_name = std::string_view(row.name).ends_with(".htm");
        CHECK((by_content || by_name) == row.html);
    }
}

TEST_CASE("a page in a legacy charset is decoded by its declaration before it is parsed") {
    std::string html = "<html><head><meta charset=\"windows-1252\"><title>Caf\xE9 "
                       "reopens</title></head><body><article>"
                       "<h1>Caf\xE9 reopens</h1><p>" +
                       std::string(kP1) + " \x93Good news\x94, said the owner.</p><p>" + kP2 +
                       "</p></article></body></html>";
    ImportResult r = broadsheet::import_file("cafe.html", html);
    REQUIRE(r.ok());
    CHECK(r.articles[0].encoding == "Windows-1252");
    CHECK(r.articles[0].title == "Caf\xC3\xA9 reopens");
    CHECK(r.articles[0].text.find("\xE2\x80\x9CGood news\xE2\x80\x9D") != std::string::npos);
}

TEST_CASE("visible bylines are found near the headline, in label lines and at the article's end") {
    const std::string prose = "<p>" + std::string(kP1) + "</p><p>" + kP2 + "</p><p>" + kP3 + "</p>";
    struct Row {
        const char* what;
        std::string head;
        std::string body;
        const char* byline;
    };
    const Row rows[] = {
        {"a label line, then the name", "",
         "<article><h1>Flood barrier opens</h1><div>Author</div><div><a href=\"/a\">Ola "
         "Berg</a></div>" +
             prose + "</article>",
         "Ola Berg"},
        {"a credit at the article's end", "",
         "<article><h1>Flood barrier opens</h1>" + prose + "<p>Text: Pia Lund</p></article>",
         "Pia Lund"},
        {"a segment of a header line", "",
         "<article><h1>Flood barrier opens</h1><p>News | By Uma Stein | May 3, 2021</p>" + prose +
             "</article>",
         "Uma Stein"},
        {"a login name in the metadata gives way to the name on the page",
         R"(<meta name="author" content="umastein">)",
         "<article><h1>Flood barrier opens</h1><p>Von Uma Stein</p>" + prose + "</article>",
         "Uma Stein"},
        {"the site as author only when the page shows no byline",
         R"(<meta property="og:site_name" content="Riverside Gazette"><meta name="author" content="Riverside Gazette">)",
         "<article><h1>Flood barrier opens</h1><p>Por Agencia Rio</p>" + prose + "</article>",
         "Agencia Rio"},
        {"the publisher after a comma is not part of the name",
         R"(<meta property="og:site_name" content="Gazette"><meta name="author" content="Ina Voss, Gazette">)",
         "<article><h1>Flood barrier opens</h1>" + prose + "</article>", "Ina Voss"},
        {"a list of authors that the page also writes as one line is the line as written",
         R"(<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ina Voss"},{"@type":"Person","name":"Ola Berg"}]}</script><meta name="author" content="Ina Voss, Ola Berg">)",
         "<article><h1>Flood barrier opens</h1>" + prose + "</article>", "Ina Voss, Ola Berg"},
        {"or as the visible byline writes it",
         R"(<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ina Voss"},{"@type":"Person","name":"Ola Berg"}]}</script>)",
         "<article><h1>Flood barrier opens</h1><p class=\"byline\">Von Ola Berg und Ina "
         "Voss</p>" +
             prose + "</article>",
         "Ola Berg und Ina Voss"},
        {"a list that names other people than the line stays a list",
         R"(<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ina Voss"},{"@type":"Person","name":"Ola Berg"}]}</script><meta name="author" content="Ina Voss, Uma Stein">)",
         "<article><h1>Flood barrier opens</h1>" + prose + "</article>", "Ina Voss; Ola Berg"},
        {"a meta author given with the page's own host names the site",
         R"x(<meta property="og:url" content="https://www.riverside-gazette.com/news/1"><meta name="author" content="Riverside Gazette (www.riverside-gazette.com)">)x",
         "<article><h1>Flood barrier opens</h1>" + prose + "<p>Auteur : Uma Stein</p></article>",
         "Uma Stein"},
        {"a byline too long for one name lists each", "",
         "<article><h1>Flood barrier opens</h1><p class=\"byline-author\">Posted by Ina Voss, Ola "
         "Berg, Uma Stein and Pia Lund - Flood team</p>" +
             prose + "</article>",
         "Ina Voss; Ola Berg; Uma Stein; Pia Lund"},
        {"but not a list of things", "",
         "<article><h1>Flood barrier opens</h1><p class=\"byline-author\">Posted by the flood "
         "team, the river authority and volunteers from the town</p>" +
             prose + "</article>",
         ""},
        {"names shown with academic degrees keep them",
         R"(<meta name="citation_author" content="Ina Voss"><meta name="citation_author" content="Ola Berg">)",
         "<article><h1>Flood barrier opens</h1><p><span class=\"author-name\">Ina Voss, MD, "
         "PhD</span>, <span class=\"author-name\">Ola Berg, Hamburg</span></p>" +
             prose + "</article>",
         "Ina Voss, MD, PhD; Ola Berg"},
        {"microdata authors of cited works are not the article's",
         R"(<meta name="citation_author" content="Ina Voss">)",
         "<article><h1>Flood barrier opens</h1>" + prose +
             "<ol><li itemprop=\"citation\" itemscope><meta itemprop=\"author\" content=\"O. "
             "Berg, \">Berg O. Weirs. 1999.</li></ol></article>",
         "Ina Voss"},
        {"a blog's login name with digits in it is its author", "",
         "<article><h1>Flood barrier opens</h1><p>von <span class=\"author vcard\"><a "
         "href=\"/author/freeman1984/\" rel=\"author\">freeman1984</a></span></p>" +
             prose + "</article>",
         "freeman1984"},
        {"but a date in an author element is not", "",
         "<article><h1>Flood barrier opens</h1><p class=\"author\">12.03.2020</p>" + prose +
             "</article>",
         ""},
        {"nor a generated token with digits inside it", "",
         "<article><h1>Flood barrier opens</h1><p class=\"author\">maja_zlfca4v6</p>" + prose +
             "</article>",
         ""},
        {"nor is a time", "",
         "<article><h1>Flood barrier opens</h1><p class=\"author\">14h30</p>" + prose +
             "</article>",
         ""},
        {"a writer credited by a first name is named in full when their description opens so",
         R"(<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","author":{"@id":"#ola"}},{"@type":"Person","@id":"#ola","name":"Ola","description":"Ola Berg - engineer, climber and flood warden."}]}</script>)",
         "<article><h1>Flood barrier opens</h1>" + prose + "</article>", "Ola Berg"},
        {"not when the description goes on as a sentence",
         R"(<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","author":{"@id":"#ola"}},{"@type":"Person","@id":"#ola","name":"Ola","description":"Ola Has Watched The River since 2002, and writes about it."}]}</script>)",
         "<article><h1>Flood barrier opens</h1>" + prose + "</article>", "Ola"},
        {"nor when it opens with someone else",
         R"(<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","author":{"@id":"#ola"}},{"@type":"Person","@id":"#ola","name":"Ola","description":"Uma Stein - editor of Ola's column."}]}</script>)",
         "<article><h1>Flood barrier opens</h1>" + prose + "</article>", "Ola"},
        {"a credit line beside the headline in the article's header", "",
         "<article><header><h1>Flood barrier opens</h1><p class=\"credit\">JIJI</p></header>" +
             prose + "</article>",
         "JIJI"},
        {"but not a picture's credit in that header", "",
         "<article><header><h1>Flood barrier opens</h1><figure><img src=\"a.jpg\"><p "
         "class=\"credit\">Ola Berg</p></figure></header>" +
             prose + "</article>",
         ""},
        {"nor the footer's credits in a header that wraps the whole page", "",
         "<header><article><h1>Flood barrier opens</h1>" + prose + prose +
             "</article><div class=\"footer-credits\">Member of Riverside Network</div></header>",
         ""},
        {"nor a credit outside the header", "",
         "<article><header><h1>Flood barrier opens</h1></header>" + prose +
             "<p class=\"credit\">Ola Berg</p></article>",
         ""},
        {"a headline that reads like a byline is not one", "",
         "<article><h1>A walk by Rafael Nadal</h1>" + prose + "</article>", ""},
        {"nor is a subheading that reads as a title", "",
         "<article><h1>Flood barrier opens</h1><h3>Auf den Spuren von Rafael Nadal</h3>" + prose +
             "</article>",
         ""},
        {"while a subheading that starts like a byline is one", "",
         "<article><h1>Flood barrier opens</h1><h3>Von Uma Stein</h3>" + prose + "</article>",
         "Uma Stein"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.what));
        Article a = import_one(page("<title>Flood barrier opens</title>" + row.head, row.body));
        CHECK(byline_of(a) == row.byline);
    }
}

TEST_CASE("an author that the title names as the site gives way to the byline the page shows") {
    const std::string prose = "<p>" + std::string(kP1) + "</p><p>" + kP2 + "</p><p>" + kP3 + "</p>";
    const std::string head = R"(<meta name="author" content="Club Riverside">)";
    Article a = import_one(
        page("<title>Club Riverside Weirs - Flood barrier opens - News</title>" + head,
             "<article><h1>Flood barrier opens</h1><p>Geschrieben von Uma Stein am 25.08.2015</p>" +
                 prose + "</article>"));
    CHECK(a.title == "Flood barrier opens");
    REQUIRE(a.byline.size() == 1);
    CHECK(a.byline[0] == "Uma Stein");
    // With no byline shown, the site's name is still the last resort.
    Article b =
        import_one(page("<title>Club Riverside Weirs - Flood barrier opens - News</title>" + head,
                        "<article><h1>Flood barrier opens</h1>" + prose + "</article>"));
    REQUIRE(b.byline.size() == 1);
    CHECK(b.byline[0] == "Club Riverside");
}

TEST_CASE("an article signed with a name alone on its last line names its author") {
    const std::string prose = "<p>" + std::string(kP1) + "</p><p>" + kP2 + "</p><p>" + kP3 + "</p>";
    struct Row {
        const char* what;
        std::string body;
        const char* byline;
    };
    const Row rows[] = {
        {"a name and a role after the last sentence",
         "<article><h1>Flood barrier opens</h1>" + prose +
             "<p>Uma Stein<br>Chair of the Weir Society</p></article>",
         "Uma Stein"},
        {"not a name-like line after a heading",
         "<article><h1>Flood barrier opens</h1>" + prose +
             "<h2>Further reading</h2><p>Weir "
             "Gates</p></article>",
         "Weir Society e.V."},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.what));
        // The metadata names only the association that publishes the page.
        Article a = import_one(page(
            R"(<title>Flood barrier opens</title><meta name="author" content="Weir Society e.V.">)",
            row.body));
        CHECK(byline_of(a) == row.byline);
    }
}

TEST_CASE("dates come from the permalink, a dateline or the article's end when metadata fails") {
    const std::string prose = "<p>" + std::string(kP1) + "</p><p>" + kP2 + "</p><p>" + kP3 + "</p>";
    std::string links; // a menu between the headline and the article
    for (int i = 0; i < 12; ++i)
        links += "<div><a href=\"/s" + std::to_string(i) + "\">Section</a></div>";
    struct Row {
        const char* what;
        std::string head;
        std::string body;
        const char* date;
    };
    const Row rows[] = {
        {"a metadata date before the permalink's is a default",
         R"(<link rel="canonical" href="https://example.org/2019/10/22/flood-barrier/"><meta property="article:published_time" content="2012-01-01T21:31:00">)",
         "<article><h1>Flood barrier opens</h1>" + prose + "</article>", "2019-10-22"},
        {"a metadata date after the permalink's is kept",
         R"(<link rel="canonical" href="https://example.org/2022/05/02/flood-barrier/"><meta property="article:published_time" content="2022-05-08T06:00:00">)",
         "<article><h1>Flood barrier opens</h1>" + prose + "</article>", "2022-05-08T06:00"},
        {"a dateline at the start of the first paragraph", "",
         "<article><h1>Flood barrier opens</h1><p>Press release of 25 January 2022 | Lowtown - " +
             std::string(kP1) + "</p><p>" + kP2 + "</p></article>",
         "2022-01-25"},
        {"an update note at the end", "",
         "<article><h1>Flood barrier opens</h1>" + prose + "<p>Updated: 30.12.2016</p></article>",
         "2016-12-30"},
        {"a file named by its date in a year and month folder is no day of the permalink",
         R"(<link rel="canonical" href="https://example.org/speeches/2003/03/20030331_speech.html">)",
         "<article><h1>Flood barrier opens</h1><p>L\xC3\xBC"
         "beck, 31. M\xC3\xA4rz 2003</p>" +
             prose + "</article>",
         "2003-03-31"},
        {"a date set just above the headline, far from the article's text", "",
         "<div class=\"hero\"><p>6 May 2022</p><h1>Flood barrier opens</h1></div>" + links +
             "<article>" + prose + "</article>",
         "2022-05-06"},
        {"the date under the headline, not today's date in the page header", "",
         "<header><p>Tuesday, 4 May 2021</p></header><article><h1>Flood barrier opens</h1><p>3 May "
         "2021</p>" +
             prose + "</article>",
         "2021-05-03"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.what));
        Article a = import_one(page("<title>Flood barrier opens</title>" + row.head, row.body));
        CHECK(a.date == row.date);
    }
}

TEST_CASE("the date the page shows wins over a weak or contradicted metadata date") {
    const std::string prose = "<p>" + std::string(kP1) + "</p><p>" + kP2 + "</p><p>" + kP3 + "</p>";
    struct Row {
        const char* what;
        std::string head;
        std::string shown;
        const char* date;
    };
    const Row rows[] = {
        {"a Dublin Core date is any date in the page's life",
         R"(<meta name="date" content="2022-02-12">)", "<p>05.02.2022</p>", "2022-02-05"},
        {"so is dcterms.date", R"(<meta name="dcterms.date" content="2022-01-21T09:43+01:00">)",
         R"(<p><time datetime="2022-01-25T08:00:00+01:00">25.01.2022</time></p>)", "2022-01-25"},
        {"a publication date stands against a shown date alone",
         R"(<meta property="article:published_time" content="2022-02-12T10:00:00+01:00">)",
         "<p>05.02.2022</p>", "2022-02-12T10:00+01:00"},
        {"but not against a shown date that another source of the markup gives",
         R"(<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-11-03T10:25:56+00:00"}</script>)"
         R"(<meta property="article:published_time" content="2023-11-06T14:25:00+00:00">)",
         R"(<p><time datetime="2023-11-06T15:25:00+01:00">6. November 2023</time></p>)",
         "2023-11-06"},
        {"nor against the update date that the page shows",
         R"(<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2021-03-16T16:16:10Z", "dateModified": "2021-03-20T14:00:17Z"}</script>)",
         "<p>20. M\xC3\xA4rz 2021 - 15:00</p>", "2021-03-20T15:00"},
        {"a UTC time stamp a day off the local date shown",
         R"(<meta property="article:published_time" content="2022-05-03T23:30:00Z">)",
         "<p>4 May 2022</p>", "2022-05-04"},
        {"a time stamp with the publisher's own offset keeps its calendar date",
         R"(<meta property="article:published_time" content="2022-05-03T22:46:08-03:00">)", "",
         "2022-05-03T22:46-03:00"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.what));
        Article a = import_one(
            page("<title>Flood barrier opens</title>" + row.head,
                 "<article><h1>Flood barrier opens</h1>" + row.shown + prose + "</article>"));
        CHECK(a.date == row.date);
    }
}

TEST_CASE("a site's logo, a host name and a leading date are not the headline") {
    const std::string prose = "<p>" + std::string(kP1) + "</p><p>" + kP2 + "</p>";
    struct Row {
        const char* what;
        std::string head;
        std::string body;
        const char* title;
    };
    const Row rows[] = {
        {"an h1 whose class says it is the logo", "<title>Basic muffins : Muffin Recipes</title>",
         "<h1 class=\"logo\"><a href=\"/\">Muffin Recipes</a></h1><article>" + prose + "</article>",
         "Basic muffins"},
        {"an h1 that is a bare host name", "<title>XUM1541: copying files to a C64</title>",
         "<h1><a href=\"../index.html\">jane-doe.de</a></h1><article>" + prose + "</article>",
         "XUM1541: copying files to a C64"},
        {"a host name as a part of the title", "<title>jane-doe.de // \xC2\xBB Jane Doe</title>",
         "<article>" + prose + "</article>", "Jane Doe"},
        {"the date a headline opens with",
         "<title>23.01.2022 - Wierer wins the last race at home - Biathlon Valley</title>",
         "<article><h1>23.01.2022 - Wierer wins the last race at home</h1>" + prose + "</article>",
         "Wierer wins the last race at home"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.what));
        Article a = import_one(page(row.head, row.body));
        CHECK(a.title == row.title);
    }
}

TEST_CASE("an h1 in a breadcrumb trail is the headline only when the metadata agrees or the title "
          "names it") {
    // The article's own heading words the story unlike the metadata title, so that no heading
    // agrees with it and an <h1> would win for being the page's only one.
    const std::string article = "<article><h2>River authority opens the new flood barrier</h2><p>" +
                                std::string(kP1) + "</p><p>" + kP2 + "</p></article>";
    const std::string head = "<title>Flood barrier opens after four years | Riverside "
                             "Gazette</title><meta property=\"og:site_name\" content=\"Riverside "
                             "Gazette\">";
    const std::string teaser = "<h1>Weather warning for the weekend</h1>";
    struct Row {
        const char* what;
        std::string html;
        const char* title;
    };
    const Row rows[] = {
        {"a teaser beside a trail marked by its class",
         page(head, "<div class=\"breadcrumbs\"><a href=\"/\">Home</a> <a href=\"/news\">News</a>" +
                        teaser + "</div>" + article),
         "River authority opens the new flood barrier"},
        {"by schema.org's BreadcrumbList",
         page(head, "<div itemscope itemtype=\"https://schema.org/BreadcrumbList\"><a "
                    "href=\"/\">Home</a>" +
                        teaser + "</div>" + article),
         "River authority opens the new flood barrier"},
        {"by its ARIA label",
         page(head, "<div aria-label=\"Breadcrumb\"><a href=\"/\">Home</a>" + teaser + "</div>" +
                        article),
         "River authority opens the new flood barrier"},
        {"in a navigation landmark",
         page(head,
              "<div role=\"navigation\"><a href=\"/\">Home</a>" + teaser + "</div>" + article),
         "River authority opens the new flood barrier"},
        {"but the last step that the metadata title agrees with is the headline",
         page(head, "<nav class=\"breadcrumb\"><a href=\"/\">Home</a> \xC2\xBB <h1>Flood barrier "
                    "opens after four years</h1></nav>" +
                        article),
         "Flood barrier opens after four years"},
        {"and the last step that is a part of the title names the page",
         page("<title>Submissions | Journal of River Engineering</title>",
              "<nav class=\"breadcrumb\"><a href=\"/\">Home</a> \xC2\xBB <h1>Submissions</h1></nav>"
              "<article><h2>Checklist for authors</h2><p>" +
                  std::string(kP1) + "</p></article>"),
         "Submissions"},
        {"while an h1 outside the trail is the headline though the metadata disagrees",
         page(head, "<div class=\"breadcrumbs\"><a href=\"/\">Home</a> <a href=\"/news\">News</a>"
                    "</div>" +
                        teaser + article),
         "Weather warning for the weekend"},
        {"also when the body's class says the page has breadcrumbs",
         "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">" + head +
             "</head><body class=\"single has-breadcrumbs\">" + teaser + article + "</body></html>",
         "Weather warning for the weekend"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.what));
        Article a = import_one(row.html);
        CHECK(a.title == row.title);
    }
}

TEST_CASE("a kicker in the h1 that is a step of the breadcrumb trail is not part of the "
          "headline") {
    const std::string prose = "<p>" + std::string(kP1) + "</p><p>" + kP2 + "</p>";
    struct Row {
        const char* what;
        std::string head;
        std::string trail;
        const char* title;
    };
    const Row rows[] = {
        {"the trail ends with the kicker",
         "<title>Saving energy - free power checks | Riverside Gazette</title>",
         "<a href=\"/\">Home</a> \xC2\xBB <a href=\"/home\">House and garden</a> \xC2\xBB "
         "<span class=\"current\">Saving energy</span>",
         "Free power checks for homes"},
        {"not a kicker the trail does not hold",
         "<title>Saving energy - free power checks | Riverside Gazette</title>",
         "<a href=\"/\">Home</a> \xC2\xBB <span class=\"current\">House and garden</span>",
         "Saving energy Free power checks for homes"},
        {"not the metadata title the trail ends with, a subline after it",
         "<title>Saving energy | Riverside Gazette</title><meta property=\"og:title\" "
         "content=\"Saving energy\">",
         "<a href=\"/\">Home</a> \xC2\xBB <span class=\"current\">Saving energy</span>",
         "Saving energy Free power checks for homes"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.what));
        Article a = import_one(page(row.head, "<nav class=\"breadcrumb\">" + row.trail +
                                                  "</nav><article><h1><span>Saving "
                                                  "energy</span> Free power checks for "
                                                  "homes</h1>" +
                                                  prose + "</article>"));
        CHECK(a.title == row.title);
    }
}

TEST_CASE("a heading that agrees with the page's title for sharing is the headline when the "
          "JSON-LD headline words the story otherwise") {
    const std::string head =
        "<title>Partners become strangers at the border | Riverside Gazette</title>"
        R"(<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Partners become strangers at the border"}</script>)"
        R"(<meta property="og:title" content="Border closures: France, Germany and the return of resentment">)"
        R"(<meta name="twitter:title" content="France, Germany and the return of resentment">)";
    const std::string prose = "<p>" + std::string(kP1) + "</p><p>" + kP2 + "</p>";
    struct Row {
        const char* what;
        std::string body;
        const char* title;
    };
    const Row rows[] = {
        {"a kicker before it in its own element",
         "<article><h2><span>Border closures</span> <span>France, Germany and the return of "
         "resentment</span></h2>" +
             prose + "</article>",
         "France, Germany and the return of resentment"},
        {"not a heading that agrees with none of them",
         "<article><h2><span>Weather</span> <span>Storm warning for the whole of the coming "
         "weekend</span></h2>" +
             prose + "</article>",
         "Weather Storm warning for the whole of the coming weekend"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.what));
        Article a = import_one(page(head, row.body));
        CHECK(a.title == row.title);
    }
}

TEST_CASE("the headline drops a kicker set in its own element, and blog and site names lose") {
    const std::string prose = "<p>" + std::string(kP1) + "</p><p>" + kP2 + "</p>";
    struct Row {
        const char* what;
        std::string head;
        std::string body;
        const char* title;
    };
    const Row rows[] = {
        {"a kicker the metadata title does not have",
         R"(<meta property="og:title" content="Barrier: River authority opens the new flood barrier">)",
         "<article><h1><span>After four years</span> <span>River authority opens the new flood "
         "barrier</span></h1>" +
             prose + "</article>",
         "River authority opens the new flood barrier"},
        {"a date and categories set under the headline",
         R"(<meta property="og:title" content="River authority opens the new flood barrier">)",
         "<article><h1>River authority opens the new flood barrier<br><small>02.02.2022 - News, "
         "Town</small></h1>" +
             prose + "</article>",
         "River authority opens the new flood barrier"},
        {"a long headline keeps its first words",
         R"(<meta property="og:title" content="Flood barrier: the river authority opens it">)",
         "<article><h1><span>Flood barrier</span> <span>the river authority opens it after four "
         "long years</span></h1>" +
             prose + "</article>",
         "Flood barrier the river authority opens it after four long years"},
        {"a short line set after the headline in its own element",
         R"(<meta property="og:title" content="River authority opens the new flood barrier">)",
         "<article><h1><span>River authority opens the new flood barrier</span> "
         "<span>\xE2\x80\x9E"
         "Finally safe\xE2\x80\x9C</span></h1>" +
             prose + "</article>",
         "River authority opens the new flood barrier"},
        {"the same in an <h2>",
         R"(<meta property="og:title" content="River authority opens the new flood barrier">)",
         "<article><h2><span>River authority opens the new flood barrier</span> <span>\"Finally "
         "safe\"</span></h2>" +
             prose + "</article>",
         "River authority opens the new flood barrier"},
        {"but a long second line is part of the headline",
         R"(<meta property="og:title" content="River authority opens the new flood barrier">)",
         "<article><h1><span>River authority opens the new flood barrier</span> <span>after four "
         "years of building and testing</span></h1>" +
             prose + "</article>",
         "River authority opens the new flood barrier after four years of building and testing"},
        {"an h1 that is the site's name",
         R"(<meta property="og:site_name" content="The Riverside Blog">)",
         "<h1>Riverside</h1><h2>Riverside Blog</h2><article><h2>River authority opens the new "
         "flood barrier</h2>" +
             prose + "</article>",
         "River authority opens the new flood barrier"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.what));
        Article a = import_one(page(
            "<title>Riverside Blog: River authority opens the new flood barrier</title>" + row.head,
            row.body));
        CHECK(a.title == row.title);
    }
}

TEST_CASE("a headline cut short in the h1 is the heading right under it that goes on after a "
          "dash or a colon") {
    const std::string prose = "<p>" + std::string(kP1) + "</p><p>" + kP2 + "</p>";
    struct Row {
        const char* what;
        std::string body;
        const char* title;
    };
    const Row rows[] = {
        {"the heading right under it goes on",
         "<article><h1>Weir gates, part 4</h1><h2>Weir gates, part 4 \xE2\x80\x93 the keepers "
         "and their cottages</h2>" +
             prose + "</article>",
         "Weir gates, part 4 \xE2\x80\x93 the keepers and their cottages"},
        {"after a short line between them",
         "<article><h1>Weir gates, part 4</h1><p>12 May 2023</p><h2>Weir gates, part 4: the "
         "keepers and their cottages</h2>" +
             prose + "</article>",
         "Weir gates, part 4: the keepers and their cottages"},
        {"not a section heading after the first paragraph",
         "<article><h1>Weir gates, part 4</h1><p>" + std::string(kP3) +
             "</p><h2>Weir gates, part 4: what changed</h2>" + prose + "</article>",
         "Weir gates, part 4"},
        {"not when it goes on with the site's name",
         "<article><h1>Weir gates, part 4</h1><h2>Weir gates, part 4 - Riverside "
         "Gazette</h2>" +
             prose + "</article>",
         "Weir gates, part 4"},
        {"not when it goes on with a date",
         "<article><h1>Weir gates, part 4</h1><h2>Weir gates, part 4 - 12 May 2023</h2>" + prose +
             "</article>",
         "Weir gates, part 4"},
        {"not when it goes on without a separator",
         "<article><h1>Weir gates, part 4</h1><h2>Weir gates, part 4 and 5 together</h2>" + prose +
             "</article>",
         "Weir gates, part 4"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.what));
        Article a = import_one(page("<title>Weir gates, part 4 | Riverside Gazette</title><meta "
                                    "property=\"og:site_name\" content=\"Riverside Gazette\">",
                                    row.body));
        CHECK(a.title == row.title);
    }
}

TEST_CASE("a heading that is the metadata title but for its typography is the headline; arrows "
          "before it are not") {
    const std::string prose = "<p>" + std::string(kP1) + "</p><p>" + kP2 + "</p>";
    struct Row {
        const char* what;
        std::string head;
        std::string body;
        const char* title;
    };
    const Row rows[] = {
        {"curly quotes in an <h2> against an <h1> worded like the title tag",
         R"(<title>River authority shuts the old weir: "Closed"</title><meta property="og:title" content="&quot;Closed&quot;: River authority shuts the old weir">)",
         "<article><h1>River authority shuts the old weir: \"Closed\"</h1><h2>\xE2\x80\x9E"
         "Closed\xE2\x80\x9C: River authority shuts the old weir</h2>" +
             prose + "</article>",
         "\xE2\x80\x9E"
         "Closed\xE2\x80\x9C: River authority shuts the old weir"},
        {"a blog's name in the <h1>, the post's title in an <h3>",
         R"(<title>weir notes: River weir notes</title><meta property="og:title" content="River weir notes">)",
         "<h1>weir notes</h1><article><h3>River weir notes</h3>" + prose + "</article>",
         "River weir notes"},
        {"an en dash where the metadata has a hyphen",
         R"(<title>Weirs - Gates, keepers, history</title><meta property="og:title" content="Weirs - Gates, keepers, history"><meta property="og:site_name" content="Riverside">)",
         "<article><h2>Weirs \xE2\x80\x93 Gates, keepers, history</h2>" + prose + "</article>",
         "Weirs \xE2\x80\x93 Gates, keepers, history"},
        {"not a heading hidden for screen readers that repeats the title with the site's name",
         R"(<title>River authority shuts the old weir | Riverside</title><meta property="og:title" content="River authority shuts the old weir | Riverside">)",
         "<h2 class=\"screen-reader-text\">River authority shuts the old weir | Riverside</h2>"
         "<article><h1>River authority shuts the old weir</h1>" +
             prose + "</article>",
         "River authority shuts the old weir"},
        {"a kicker before a headline that is the metadata title but for a dash",
         R"(<title>Weir shut - gates stay closed</title><meta property="og:title" content="Weir shut - gates stay closed">)",
         "<article><h1><span class=\"roofline\">Floods </span>Weir shut \xE2\x80\x93 gates stay "
         "closed</h1>" +
             prose + "</article>",
         "Weir shut \xE2\x80\x93 gates stay closed"},
        {"arrows and brackets before the headline decorate it",
         "<title>riverside.org // \xC2\xBB River weir notes</title>",
         "<article><h2>[> River weir notes</h2>" + prose + "</article>", "River weir notes"},
        {"while quotation marks belong to it",
         R"(<meta property="og:title" content="&quot;Closed&quot; says the keeper">)",
         "<article><h1>\xE2\x80\x9E"
         "Closed\xE2\x80\x9C says the keeper</h1>" +
             prose + "</article>",
         "\xE2\x80\x9E"
         "Closed\xE2\x80\x9C says the keeper"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.what));
        Article a = import_one(page(row.head, row.body));
        CHECK(a.title == row.title);
    }
}

TEST_CASE("when no heading holds the metadata title, the heading that opens the article is it") {
    const std::string prose = "<p>" + std::string(kP1) + "</p><p>" + kP2 + "</p><p>" + kP3 + "</p>";
    struct Row {
        const char* what;
        std::string body;
        const char* title;
    };
    const Row rows[] = {
        {"a wiki's page path as the title",
         "<div id=\"content\"><h2>Opening the weir gates</h2>" + prose + "</div>",
         "Opening the weir gates"},
        {"a dateline before the heading",
         "<div id=\"content\"><p>2021-10-16 | Notices</p><h4>Opening the weir gates</h4>" + prose +
             "</div>",
         "Opening the weir gates"},
        {"not a one-word label", "<div id=\"content\"><h2>Gallery</h2>" + prose + "</div>",
         "Guides/Weirs - River Wiki"},
        {"not a heading after the first paragraph",
         "<div id=\"content\"><p>" + std::string(kP4) + "</p><h2>Opening the weir gates</h2>" +
             prose + "</div>",
         "Guides/Weirs - River Wiki"},
        {"not when a heading holds the title with more around it",
         "<h2>[> Guides/Weirs - River Wiki</h2><div id=\"content\"><h2>Opening the weir "
         "gates</h2>" +
             prose + "</div>",
         "Guides/Weirs - River Wiki"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.what));
        Article a = import_one(page("<title>Guides/Weirs - River Wiki</title>", row.body));
        CHECK(a.title == row.title);
    }
}

TEST_CASE("related stories and author boxes go even when their names also say article or post") {
    Article a = import_one(page(
        "<title>Barrier</title>",
        "<article class=\"post\"><h1>Barrier</h1><p>" + std::string(kP1) + "</p><p>" + kP2 +
            "</p><p>" + kP3 +
            "</p><div class=\"post-author-box\"><p>Mara Quill has covered the river towns for "
            "the paper since 2009, and writes about flooding, farming and local politics.</p></div>"
            "<div class=\"article-related\"><h3>More from the river</h3><p>The ferry will run "
            "later in the evening from May, after a vote of the council, the operator "
            "said.</p></div></article>"));
    CHECK(a.text.ends_with(kP3));
    CHECK(removed_has(a, "Mara Quill has covered"));
    CHECK(removed_has(a, "The ferry will run later"));
}

TEST_CASE("teasers under headings that link elsewhere are dropped; a linked headline is not one") {
    Article a = import_one(
        page("<title>Barrier</title>",
             "<article><h1>Barrier</h1><p>" + std::string(kP1) + "</p><p>" + kP2 +
                 "</p><h2>Also in the news</h2>"
                 "<h3><a href=\"/ferry\">Ferry to run later in the evening from May</a></h3>"
                 "<p>12 April 2023</p><p>The operator will add two crossings after a vote.</p>"
                 "<h3><a href=\"/bakery\">Bakery wins a national prize for its rye loaf</a></h3>"
                 "<p>11 April 2023</p><p>The judges praised its crust and its long rise.</p>"
                 "</article>"));
    CHECK(a.text.ends_with(kP2));
    CHECK(removed_has(a, "The operator will add two crossings"));
    CHECK(removed_has(a, "The judges praised"));
    CHECK(a.text.find("Also in the news") == std::string::npos);

    // A blog's headline links to the post's own address; the post under it stays.
    Article blog = import_one(
        page("<title>A walk along the new flood barrier</title>",
             "<div class=\"post\"><h2><a href=\"/walk\">A walk along the new flood barrier</a></h2>"
             "<p>Posted on 3 May 2023</p><p>" +
                 std::string(kP1) + "</p><p>" + kP2 + "</p></div>"));
    CHECK(blog.text.find(kP1) != std::string::npos);
    CHECK(blog.date == "2023-05-03");
}

TEST_CASE("with no author anywhere else, a personal site's copyright line names it") {
    Article a = import_one(page("<title>A walk along the barrier</title>",
                                "<article><h1>A walk along the barrier</h1><p>" + std::string(kP1) +
                                    "</p><p>" + kP2 +
                                    "</p></article><footer><p>Copyright (c) 2012- Cara Stiles. "
                                    "All rights reserved.</p></footer>"));
    REQUIRE(a.byline.size() == 1);
    CHECK(a.byline[0] == "Cara Stiles");

    // A byline wins over the footer.
    Article b = import_one(page("<title>A walk along the barrier</title>",
                                "<article><h1>A walk along the barrier</h1><p>By Ina Voss</p><p>" +
                                    std::string(kP1) + "</p><p>" + kP2 +
                                    "</p></article><footer><p>Copyright (c) 2012- Cara Stiles."
                                    "</p></footer>"));
    REQUIRE(b.byline.size() == 1);
    CHECK(b.byline[0] == "Ina Voss");
}

TEST_CASE("a long heading under the headline is the article's deck, even in the page header") {
    const std::string deck =
        "After four years of work the river authority opened the barrier that is to keep spring "
        "floods out of twelve thousand homes.";
    Article a = import_one(page("<title>Flood barrier opens</title>",
                                "<header><h1>Flood barrier opens</h1><h2>" + deck +
                                    "</h2></header><article><p>" + std::string(kP1) + "</p><p>" +
                                    kP2 + "</p><p>" + kP3 + "</p></article>"));
    REQUIRE(!a.paragraphs.empty());
    CHECK(a.paragraph(0) == deck);
    CHECK(a.style(0).kind == ParagraphKind::Body);

    // A short subheading there is not one.
    Article b = import_one(page("<title>Flood barrier opens</title>",
                                "<header><h1>Flood barrier opens</h1><h2>Riverside news in "
                                "brief</h2></header><article><p>" +
                                    std::string(kP1) + "</p><p>" + kP2 + "</p></article>"));
    CHECK(b.text.starts_with(kP1));
}

TEST_CASE("a table of contents, image legends and credits, and author boxes are not the article") {
    Article a = import_one(page(
        "<title>Barrier</title>",
        "<div class=\"entry-content\"><div class=\"toc-container\"><p class=\"toc-title\">"
        "Contents</p><ul><li>The gates</li><li>The path</li></ul></div><p>" +
            std::string(kP1) +
            "</p><div class=\"image-legend-content\"><p>The barrier seen from the old mill, "
            "with the two steel gates open and the river running high after the rain.</p></div>"
            "<div class=\"post-image-credits\"><p>Mara Quill</p></div><p>" +
            kP2 + "</p><p>" + kP3 +
            "</p><div class=\"entry-author-info\"><p>Ina Voss writes about rivers and towns; "
            "before that she taught geography for twenty years, in the lower town.</p></div>"
            "<div itemprop=\"author\"><p>Ina Voss has lived by the river all her life, and she "
            "swims in it every summer.</p></div></div>"));
    CHECK(a.text.starts_with(kP1));
    CHECK(a.text.ends_with(kP3));
    for (std::string_view junk : {"Contents", "The barrier seen from", "Mara Quill",
                                  "Ina Voss writes", "Ina Voss has lived"}) {
        CAPTURE(junk);
        CHECK(a.text.find(junk) == std::string::npos);
    }
}

TEST_CASE(
    "a short line before a list of links in the article introduces it, with or without colon") {
    Article a = import_one(page(
        "<title>Barrier</title>",
        "<article><p>" + std::string(kP1) +
            "</p><h4>More on this</h4><ul>"
            "<li><a href=\"/1\">Barrier plans shown to residents at a public meeting</a></li>"
            "<li><a href=\"/2\">Authority asks for money for a second barrier "
            "upstream</a></li></ul>"
            "<p>" +
            kP2 +
            "</p><p>Further reading</p><p><a href=\"/3\">How the lower town flooded "
            "three times in ten years</a></p><p>" +
            kP3 +
            "</p>"
            "<p>Ingredients</p><ul><li>300 g butter</li><li><a href=\"/flour\">Flour</a></li></ul>"
            "<p>" +
            kP4 + "</p></article>"));
    CHECK(a.text.find("More on this") == std::string::npos);
    CHECK(a.text.find("Further reading") == std::string::npos);
    CHECK(removed_has(a, "More on this"));
    // A line before a list that is not all links stays, and so does a list item.
    CHECK(a.text.find("Ingredients") != std::string::npos);
    CHECK(a.text.find("300 g butter") != std::string::npos);
}

TEST_CASE("a news agency credited in the dateline is the author when nothing else names one") {
    struct Row {
        const char* lead;
        const char* byline;
    };
    const Row rows[] = {
        {"Riverside (dpa/lno) \xE2\x80\x93 The new flood barrier was opened on Monday.", "dpa/lno"},
        {"LOWER TOWN (AFP) \xE2\x80\x94 The new flood barrier was opened on Monday.", "AFP"},
        {"Residents (some 300 of them) - came to see the barrier open on Monday.", ""},
        {"The barrier (a pair of steel gates) - opened on Monday.", ""},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.lead));
        Article a = import_one(
            page("<title>Barrier</title>", "<article><p>" + std::string(row.lead) + " " + kP1 +
                                               "</p><p>" + kP2 + "</p></article>"));
        CHECK((a.byline.empty() ? std::string() : a.byline[0]) == row.byline);
    }
}

TEST_CASE("labelled credits and bare dates at the article's end are not its text") {
    Article a = import_one(page(
        "<title>Barrier</title>",
        "<article><p>" + std::string(kP1) + "</p><p>" + kP2 + "</p><p>" + kP3 +
            "</p><p>Quelle: Riverside Authority, 3. Mai 2023</p><p>Photo credits : Jane Doe</p>"
            "<p>03.05.2023</p></article>"));
    CHECK(a.text.ends_with(kP3));
    CHECK(removed_has(a, "Quelle: Riverside Authority"));
    CHECK(removed_has(a, "Photo credits : Jane Doe"));

    // A closing sentence with a colon in it is text.
    Article b = import_one(
        page("<title>Barrier</title>", "<article><p>" + std::string(kP1) + "</p><p>" + kP2 +
                                           "</p><p>Next: the second barrier, upstream, in 2025.</p>"
                                           "</article>"));
    CHECK(b.text.ends_with("Next: the second barrier, upstream, in 2025."));
}

TEST_CASE("fact boxes and info boxes set inside the article are asides, not its text") {
    Article a = import_one(page(
        "<title>Barrier</title>",
        "<div class=\"article-body\"><p>" + std::string(kP1) +
            "</p><div class=\"article-factbox float-right\"><h3>The barrier in numbers</h3><p>Two "
            "gates, forty metres each, closed in eleven minutes, built in four "
            "years.</p></div><p>" +
            kP2 +
            "</p><div class=\"article-inline-box\"><p>Our weekly river newsletter: the levels, "
            "the works and the walks, every Friday in your inbox.</p></div><p>" +
            kP3 + "</p></div>"));
    CHECK(a.text.find("The barrier in numbers") == std::string::npos);
    CHECK(a.text.find("Two gates, forty metres") == std::string::npos);
    CHECK(a.text.find("Our weekly river newsletter") == std::string::npos);
    CHECK(a.text.ends_with(kP3));
}

TEST_CASE("the article's lead stays though its name says teaser, and so does its description") {
    Article a = import_one(
        page("<title>Barrier</title>",
             "<article><h1>Barrier</h1><p class=\"lead teasertext\">The new flood barrier, four "
             "years in the making, was opened on Monday by the river authority.</p><div><p>" +
                 std::string(kP1) + "</p><p>" + kP2 + "</p><p>" + kP3 + "</p></div></article>"));
    REQUIRE(!a.paragraphs.empty());
    CHECK(a.paragraph(0).starts_with("The new flood barrier, four years"));

    Article b = import_one(
        page("<title>Barrier</title>",
             "<article><h1>Barrier</h1><div class=\"news-teaser\" itemprop=\"description\">The new "
             "flood barrier, four years in the making, was opened on Monday by the river "
             "authority.</div><div><p>" +
                 std::string(kP1) + "</p><p>" + kP2 + "</p><p>" + kP3 + "</p></div></article>"));
    REQUIRE(!b.paragraphs.empty());
    CHECK(b.paragraph(0).starts_with("The new flood barrier, four years"));
}

TEST_CASE("a lead in its own branch joins the article past a short linked line, not a link list") {
    const std::string lead =
        "Four years and forty million later, the lower town has its flood barrier.";
    const std::string body = "<div><p>" + std::string(kP1) + "</p><p>" + kP2 + "</p><p>" + kP3 +
                             "</p><p>" + kP4 + "</p></div>";
    struct Row {
        const char* what;
        std::string html;
        bool lead_kept;
    };
    const Row rows[] = {
        {"between two kept blocks",
         "<div><p>Updated on Monday.</p><div><div><p>" + lead + "</p></div></div>" + body +
             "</div>",
         true},
        {"before a print link",
         "<div><h1>Barrier</h1><div><p>" + lead +
             "</p></div><div><a href=\"/print\">Print</a></div></div>" + body,
         true},
        {"before a link to another story",
         "<div><h1>Barrier</h1><div><p>" + lead +
             "</p></div><div><a href=\"/a\">Town council approves the budget for the coming "
             "year</a></div></div>" +
             body,
         false},
    };
    for (const Row& row : rows) {
        CAPTURE(row.what);
        Article a = import_one(page("<title>Barrier</title>", row.html));
        CHECK(a.text.find(kP4) != std::string::npos);
        CHECK((a.text.find(lead) != std::string::npos) == row.lead_kept);
    }
}

TEST_CASE("a reprint notice at the article's end is not its text, however long") {
    Article a = import_one(page(
        "<title>Barrier</title>",
        "<article><p>" + std::string(kP1) + "</p><p>" + kP2 + "</p><p>" + kP3 +
            "</p><p>\xC2\xA9 2022, Riverside Gazette. This article is the copyrighted property of "
            "the Riverside Gazette. Written permission must be obtained before reprint in online "
            "or print media.</p></article>"));
    CHECK(a.text.ends_with(kP3));
    CHECK(removed_has(a, "copyrighted property"));

    // The third item of a list is no copyright line.
    Article b = import_one(page("<title>Barrier</title>",
                                "<article><p>" + std::string(kP1) + "</p><p>" + kP2 +
                                    "</p><p>(c) the residents of the lower town, who pay for the "
                                    "upkeep.</p></article>"));
    CHECK(b.text.ends_with("who pay for the upkeep."));
}

TEST_CASE("a line the page also shows in its furniture is furniture, unless that copy links") {
    const std::string box = "<h3>The river newsletter</h3><p>Levels, works and walks, every "
                            "Friday in your inbox.</p>";
    Article a = import_one(page("<title>Barrier</title>",
                                "<article><p>" + std::string(kP1) + "</p><p>" + kP2 + "</p><p>" +
                                    kP3 + "</p><div class=\"box-small\">" + box +
                                    "</div></article><aside class=\"sidebar\">" + box + "</aside>"));
    CHECK(a.text.ends_with(kP3));
    CHECK(a.text.find("every Friday") == std::string::npos);

    // The article's deck, linked from a teaser in the sidebar, stays.
    const std::string deck = "Four years and forty million later, the lower town is dry.";
    Article b = import_one(page(
        "<title>Barrier</title>",
        "<article><p>" + deck + "</p><p>" + kP1 + "</p><p>" + kP2 + "</p><p>" + kP3 +
            "</p></article><aside class=\"sidebar\"><p><a href=\"/barrier\">" + deck +
            "</a></p></aside>"));
    CHECK(b.text.starts_with(deck));
}

TEST_CASE("a short line that ends with a photo credit is a caption") {
    struct Row {
        const char* line;
        bool kept;
    };
    const Row rows[] = {
        {"The barrier at dawn. (Foto: Jane Doe)", false},
        {"Mara Quill, photo: Riverside Authority", false},
        {"Photo : Archives", false},
        {"Bild: dpa", false},
        {"Her photo: a grey river under a grey sky, taken on the first morning, won.", true},
        {"A photograph: taken at dawn.", true},
    };
    for (const Row& row : rows) {
        CAPTURE(std::string(row.line));
        Article a = import_one(page("<title>Barrier</title>",
                                    "<article><p>" + std::string(kP1) + "</p><div>" + row.line +
                                        "</div><p>" + kP2 + "</p><p>" + kP3 + "</p></article>"));
        CHECK((a.text.find(row.line) != std::string::npos) == row.kept);
    }
}

TEST_CASE("the headline does not open the body, even under a section's name set as a heading") {
    Article a = import_one(page("<title>Flood barrier opens on the river</title>",
                                "<article><h4>Environment</h4><h1>Flood barrier opens on the "
                                "river</h1><p>" +
                                    std::string(kP1) + "</p><p>" + kP2 + "</p></article>"));
    CHECK(a.title == "Flood barrier opens on the river");
    CHECK(a.text.starts_with(kP1));
}

TEST_CASE("a post rendered from a script template is read from its <noscript> copy") {
    const std::string post = "<p>" + std::string(kP1) + "</p><p>" + kP2 + "</p><p>" + kP3 + "</p>";
    Article a = import_one(page(
        "<title>Barrier</title>",
        "<div class=\"post\"><h2>Barrier</h2><div class=\"post-body\" "
        "itemprop=\"articleBody\"><script type=\"text/template\">" +
            post + "</script><noscript>" + post +
            "</noscript></div></div><div class=\"sidebar\"><p>The latest news from the river "
            "authority, every week.</p></div><noscript><p>Please enable JavaScript to see the "
            "comments.</p><img src=\"/pixel.gif\"></noscript>"));
    CHECK(a.text.starts_with(kP1));
    CHECK(a.text.ends_with(kP3));
    CHECK(a.text.find("enable JavaScript") == std::string::npos);
}

TEST_CASE("a labelled date at the article's head is metadata; further in, it is the text") {
    Article a = import_one(page("<title>Barrier</title>",
                                "<article><p>Updated: 11.04.2020, 10:27</p><p>" + std::string(kP1) +
                                    "</p><p>" + kP2 + "</p><p>" + kP3 + "</p></article>"));
    CHECK(a.text.starts_with(kP1));
    CHECK(removed_has(a, "Updated: 11.04.2020"));

    Article b = import_one(page("<title>Barrier</title>",
                                "<article><p>" + std::string(kP1) + "</p><p>" + kP2 + "</p><p>" +
                                    kP3 + "</p><p>" + kP4 + "</p><p>" + kP1 +
                                    "</p><p>Open day: 29.02.2020</p><p>" + kP2 + "</p></article>"));
    CHECK(b.text.find("Open day: 29.02.2020") != std::string::npos);
}

TEST_CASE("a sentence under the headline in the page's header is the deck; a widget's is not") {
    const std::string deck =
        "Four years and forty million pounds later, the lower town of Riverside is dry at last.";
    const std::string article = "<article><p>" + std::string(kP1) + "</p><p>" + kP2 + "</p><p>" +
                                kP3 + "</p></article>";
    Article a = import_one(page("<title>Flood barrier opens</title>",
                                "<header><h1>Flood barrier opens</h1><p>" + deck +
                                    "</p><div>March 3, 2024</div></header>" + article));
    CHECK(a.text.starts_with(deck));

    Article b = import_one(page(
        "<title>Flood barrier opens</title>",
        "<aside><h1>Our latest book</h1><p>To get new posts by e-mail, just enter your e-mail "
        "address in the box here.</p></aside><h1>Flood barrier opens</h1>" +
            article));
    CHECK(b.text.starts_with(kP1));
}

TEST_CASE("one or two short lines without links between parts of the article are part of it") {
    struct Row {
        const char* between;
        const char* line;
        bool kept;
    };
    const Row rows[] = {
        {"<div><div><p>And the second reason?</p></div></div>", "And the second reason?", true},
        {"<div><div><p><a href=\"/a\">And the second reason?</a></p></div></div>",
         "And the second reason?", false},
        {"<div><div><p>One.</p></div><div><p>Two.</p></div><div><p>Three.</p></div></div>", "Two.",
         false},
    };
    for (const Row& row : rows) {
        CAPTURE(std::string(row.between));
        Article a = import_one(page("<title>Barrier</title>",
                                    "<div class=\"qa\"><p>" + std::string(kP1) + "</p><p>" + kP2 +
                                        "</p></div>" + row.between + "<div class=\"qa\"><p>" +
                                        kP3 + "</p><p>" + kP4 + "</p></div>"));
        CHECK(a.text.find(kP4) != std::string::npos);
        CHECK((a.text.find(row.line) != std::string::npos) == row.kept);
    }
}

TEST_CASE("a tooltip's text is furniture, even beside the article's name") {
    Article a = import_one(page(
        "<title>Barrier</title>",
        "<article><p>" + std::string(kP1) +
            "</p><div class=\"article-tooltip hidden-tooltip-saved\">This article was saved: "
            "find it again in your reading list, at any time and on any device.</div><p>" +
            kP2 + "</p><p>" + kP3 + "</p></article>"));
    CHECK(a.text.find("This article was saved") == std::string::npos);
    CHECK(a.text.ends_with(kP3));
}

TEST_CASE("a counter and a labelled date with its time at the article's head are metadata") {
    Article a = import_one(page("<title>Barrier</title>",
                                "<article><p>Views: 184</p><p>Posted: Thursday, April 21, 2022. 10:11 pm CST.</p><p>" +
                                    std::string(kP1) + "</p><p>" + kP2 + "</p><p>" + kP3 + "</p></article>"));
    CHECK(a.text.starts_with(kP1));
    CHECK(removed_has(a, "Views: 184"));
    CHECK(removed_has(a, "Posted: Thursday"));
    // A number with a sentence after the label is text.
    Article b = import_one(page("<title>Barrier</title>",
                                "<article><p>Cost: 12 million euros, paid by the region and the town.</p><p>" +
                                    std::string(kP1) + "</p><p>" + kP2 + "</p></article>"));
    CHECK(b.text.starts_with("Cost: 12 million euros"));
    // A sentence with a date in it after a label is text.
    Article c = import_one(page("<title>Barrier</title>",
                                "<article><p>Update: The vote was moved to March 3, 2022.</p><p>" + std::string(kP1) +
                                    "</p><p>" + kP2 + "</p></article>"));
    CHECK(c.text.starts_with("Update: The vote was moved to March 3, 2022."));
}

TEST_CASE("a comment section's heading and what follows it end the article, unless they are most of it") {
    const std::string advert =
        "Advertise with the most visited news site in the valley: we offer fully customizable and flexible "
        "digital marketing packages, and your content is delivered instantly to thousands of readers.";
    Article a = import_one(page("<title>Barrier</title>",
                                "<article><p>" + std::string(kP1) + "</p><p>" + kP2 + "</p><p>" + kP3 +
                                    "</p><h3>3 Comments</h3><p>" + advert + "</p></article>"));
    CHECK(a.text.ends_with(kP3));
    CHECK(removed_has(a, "3 Comments"));
    CHECK(removed_has(a, "Advertise with the most visited"));
    // A section called "Comments" in a long text about a consultation, most of the text after it.
    Article b = import_one(page("<title>Barrier</title>",
                                "<article><p>" + std::string(kP1) + "</p><h3>Comments</h3><p>" + kP2 + "</p><p>" + kP3 +
                                    "</p><p>" + kP4 + "</p></article>"));
    CHECK(b.text.ends_with(kP4));
}

TEST_CASE("a call to use the site's app or newsletter at the article's end is no part of it") {
    Article a = import_one(page("<title>Barrier</title>",
                                "<article><p>" + std::string(kP1) + "</p><p>" + kP2 +
                                    "</p><p>Get the latest news straight to your phone with the Gazette app.</p></article>"));
    CHECK(a.text.ends_with(kP2));
    CHECK(removed_has(a, "Get the latest news"));
    // An ending that mentions an app is not a call to action.
    Article b = import_one(page("<title>Barrier</title>",
                                "<article><p>" + std::string(kP1) + "</p><p>" + kP2 +
                                    "</p><p>The levels will also appear in the council's app.</p></article>"));
    CHECK(b.text.ends_with("The levels will also appear in the council's app."));
    Article c = import_one(page("<title>Barrier</title>",
                                "<article><p>" + std::string(kP1) + "</p><p>" + kP2 +
                                    "</p><p>Like other apps, TikTok collects data on its users.</p></article>"));
    CHECK(c.text.ends_with("Like other apps, TikTok collects data on its users."));
}

TEST_CASE("a description that only repeats the title is no standfirst") {
    Article a = import_one(page("<title>Flood barrier opens on the lower river</title>"
                                "<meta name=\"description\" content=\"Flood barrier opens on the lower river\">",
                                "<article><h1>Flood barrier opens on the lower river</h1><p>" + std::string(kP1) + "</p><p>" +
                                    kP2 + "</p></article>"));
    CHECK(a.title == "Flood barrier opens on the lower river");
    CHECK(a.standfirst.empty());
    Article b = import_one(page("<title>Flood barrier opens on the lower river</title>"
                                "<meta name=\"description\" content=\"Twelve thousand homes are safer from spring floods.\">",
                                "<article><h1>Flood barrier opens on the lower river</h1><p>" + std::string(kP1) + "</p><p>" +
                                    kP2 + "</p></article>"));
    CHECK(b.standfirst == "Twelve thousand homes are safer from spring floods.");
    // A description that only starts like the title (its first characters) is its own.
    Article c = import_one(page("<title>2024\xE5\xB9\xB4\xE3\x81\xAE\xE6\xB4\xAA\xE6\xB0\xB4</title>"
                                "<meta name=\"description\" content=\"2024\xE5\xB9\xB4\xE3\x80\x81\xE5\xB7\x9D"
                                "\xE3\x81\xAE\xE5\xA0\xA4\xE9\x98\xB2\xE3\x81\x8C\xE9\x96\x8B\xE9\x80\x9A\xE2\x80\xA6\">",
                                "<article><p>" + std::string(kP1) + "</p><p>" + kP2 + "</p></article>"));
    CHECK_FALSE(c.standfirst.empty());
}

TEST_CASE("a meta line inside the story (author and credit icons) is not its text") {
    Article a = import_one(page("<title>Barrier</title>",
                                "<div class=\"story-detail-content\"><h1>Barrier</h1><div class=\"story-excerpt\">The "
                                "new barrier, four years in the making, was opened on Monday.</div><div class=\"box\"><img "
                                "src=\"a.jpg\"><span class=\"img-author\">Courtesy</span></div><div class=\"story-meta\"><span "
                                "class=\"m-right\"><img src=\"user.svg\">Agency</span> <span><img src=\"c.svg\">Agency</span>"
                                "</div><div class=\"story-body\"><p>" +
                                    std::string(kP1) + "</p><p>" + kP2 + "</p><p>" + kP3 + "</p></div></div>"));
    CHECK(a.text.starts_with("The new barrier, four years in the making"));
    CHECK(a.text.find("Agency") == std::string::npos);
    CHECK(a.text.find(kP1) != std::string::npos);
}

TEST_CASE("a site name left as an unexpanded template placeholder is no source") {
    struct Row { const char* site; const char* source; };
    const Row rows[] = {
        {"{$plugin.tx_news.opengraph.site_name}", ""}, // TYPO3's news extension, seen on a real page
        {"{{ site.name }}", ""},
        {"<%= site_name %>", ""},
        {"[% site.name %]", ""},
        {"Riverside Gazette", "Riverside Gazette"},
        {"Gazette {Weekend}", "Gazette {Weekend}"}, // braces inside a name are the name's
    };
    for (const Row& row : rows) {
        CAPTURE(row.site);
        std::string site = row.site;
        for (size_t at = 0; (at = site.find('"', at)) != std::string::npos; at += 6) site.replace(at, 1, "&quot;");
        const Article a = import_one(page("<title>Flood barrier opens</title><meta property=\"og:site_name\" content=\"" + site + "\">",
                                          "<article><h1>Flood barrier opens</h1><p>" + std::string(kP1) + "</p><p>" + kP2 + "</p></article>"));
        CHECK(a.source == row.source);
    }
}

TEST_CASE("a paragraph above the body that is only the article's date is its date line, not body text") {
    Article a = import_one(page("<title>Why the Bridge Collapsed</title>"
                                "<meta property=\"article:published_time\" content=\"2024-03-27T09:00:00-04:00\">",
                                "<h1>Why the Bridge Collapsed</h1><p>March 27, 2024</p><p>" + std::string(kP1) + "</p><p>" +
                                    kP2 + "</p><p>" + kP3 + "</p>"));
    REQUIRE(!a.paragraphs.empty());
    CHECK(a.date.starts_with("2024-03-27"));
    CHECK(a.paragraph(0) == kP1);
    CHECK(std::any_of(a.removed.begin(), a.removed.end(), [](const auto& r) { return r.text == "March 27, 2024" && r.reason == "date"; }));
}
