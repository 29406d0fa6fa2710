// The Markdown importer: front matter, headings as title, structure, furniture, sniffing.
#include "broadsheet/import.hpp"

#include "import_internal.hpp"
#include "paragraph_styles.hpp"

#include <doctest/doctest.h>

#include <string>

using broadsheet::Article;
using broadsheet::ParagraphKind;
using broadsheet::detail::import_markdown;

namespace {
std::string meta(const Article& a, std::string_view key) {
    for (const auto& m : a.metadata)
        if (m.key == key) return m.value;
    return "<absent>";
}
} // namespace

TEST_CASE(
    "YAML front matter gives title, authors, date, standfirst and keeps the rest as metadata") {
    Article a = import_markdown("note.md", "---\n"
                                           "title: \"Harbour wall repaired\"\n"
                                           "author: [Jane Doe, \"Roe, Max\"]\n"
                                           "date: 2024-03-05\n"
                                           "description: The wall stood for two centuries\n"
                                           "tags:\n"
                                           "  - harbour\n"
                                           "  - repairs\n"
                                           "draft: false\n"
                                           "---\n"
                                           "The wall was repaired over the winter.\n");
    CHECK(a.title == "Harbour wall repaired");
    CHECK(a.byline == std::vector<std::string>{"Jane Doe", "Roe, Max"});
    CHECK(a.date == "2024-03-05");
    CHECK(a.standfirst == "The wall stood for two centuries");
    CHECK(meta(a, "tags") == "harbour; repairs");
    CHECK(meta(a, "draft") == "false");
    CHECK(a.text == "The wall was repaired over the winter.");
}

TEST_CASE("Hugo's TOML front matter between +++ lines is read as YAML's is") {
    Article a = import_markdown("note.md", "+++\n"
                                           "title = \"Harbour wall repaired\"\n"
                                           "author = [\"Jane Doe\", \"Max Roe\"]\n"
                                           "date = 2024-03-05T10:00:00Z\n"
                                           "draft = false\n"
                                           "[params]\n"
                                           "description = \"The wall stood for two centuries\"\n"
                                           "+++\n"
                                           "The wall was repaired over the winter.\n");
    CHECK(a.title == "Harbour wall repaired");
    CHECK(a.byline == std::vector<std::string>{"Jane Doe", "Max Roe"});
    CHECK(a.date == "2024-03-05T10:00Z");
    CHECK(a.standfirst == "The wall stood for two centuries");
    CHECK(meta(a, "draft") == "false");
    CHECK(a.text == "The wall was repaired over the winter.");
    CHECK(broadsheet::detail::looks_like_markdown("+++\ntitle = \"x\"\n+++\nText.\n"));
}

TEST_CASE("the front matter's title repeated as the opening heading is said once; another heading stays") {
    Article a = import_markdown("n.md", "---\ntitle: Harbour wall repaired\n---\n\n# Harbour  Wall Repaired\n\n"
                                        "The wall was repaired over the winter.\n");
    CHECK(a.title == "Harbour wall repaired");
    CHECK(a.text == "The wall was repaired over the winter.");
    Article b = import_markdown("n.md", "---\ntitle: Harbour wall repaired\n---\n\n# The winter's work\n\n"
                                        "The wall was repaired over the winter.\n");
    CHECK(b.paragraphs.size() == 2);
    CHECK(b.paragraph(0) == "The winter's work");
}

TEST_CASE("without front matter a leading level-1 heading is the title, later headings stay") {
    Article a = import_markdown(
        "n.md",
        "# Harbour wall repaired\n\nFirst paragraph,\nwrapped.\n\n## Costs\n\nIt cost less.\n");
    CHECK(a.title == "Harbour wall repaired");
    REQUIRE(a.paragraphs.size() == 3);
    CHECK(a.paragraph(0) == "First paragraph, wrapped.");
    CHECK(a.paragraph(1) == "Costs");
    CHECK(a.style(1) == broadsheet::ParagraphStyle{ParagraphKind::Heading, 2});
}

TEST_CASE("Markdown structure becomes paragraph styles; links keep their text, images go") {
    Article a = import_markdown(
        "n.md",
        "Intro with a [link](https://example.org) and ![a photo](p.jpg) here &amp; there.\n\n"
        "- one\n- two\n  - nested\n\n"
        "> quoted words\n\n"
        "```\ncode  line\n```\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        "<div>raw html</div>\n");
    const StyledParagraph rows[] = {
        {"Intro with a link and here & there.", ParagraphKind::Body, 0},
        {"one", ParagraphKind::ListItem, 1},
        {"nested", ParagraphKind::ListItem, 2},
        {"quoted words", ParagraphKind::Quote, 0},
        {"code  line", ParagraphKind::Code, 0},
        {"a | b", ParagraphKind::Body, 0},
        {"1 | 2", ParagraphKind::Body, 0},
    };
    check_styles(a, rows);
    CHECK(a.text.find("raw html") == std::string::npos);
}

TEST_CASE("scraped Markdown loses the same furniture lines as plain text") {
    Article a = import_markdown(
        "s.md",
        "# Headline\n\nShare\n\nBody text here.\n\nImage source, Example Agency\n\nMore body.\n");
    CHECK(a.text == "Body text here.\n\nMore body.");
    REQUIRE(a.removed.size() == 2);
    CHECK(a.removed[0].reason == "share prompt");
}

TEST_CASE("Markdown is recognised by front matter or a heading with more Markdown") {
    struct Row {
        const char* text;
        bool markdown;
    };
    const Row rows[] = {
        {"---\ntitle: x\n---\nbody", true},
        {"# Title\n\nSome **bold** text", true},
        {"# Title\n\n- a list", true},
        {"# not a heading without more markdown", false},
        {"---\nJust a rule, then prose that is not YAML at all.\n---\n", false},
        {"Plain text\n\nparagraphs", false},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.text));
        CHECK(broadsheet::detail::looks_like_markdown(row.text) == row.markdown);
    }
}

TEST_CASE("deeply nested and huge Markdown imports without trouble") {
    std::string quotes(100000, '>');
    quotes += " deep\n";
    auto r = broadsheet::import_file("deep.md", quotes);
    CHECK(r.ok());
    std::string line = "# Big\n\n";
    while (line.size() < (8u << 20)) line += "word *em* ";
    auto big = broadsheet::import_file("big.md", line);
    REQUIRE(big.ok());
    CHECK(big.articles[0].title == "Big");
}
