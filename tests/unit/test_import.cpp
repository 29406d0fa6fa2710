#include "broadsheet/import.hpp"

#include "test_helpers.hpp"

#include <doctest/doctest.h>

using broadsheet::import_file;

TEST_CASE("bad files get a readable error per file and no articles") {
    struct Row {
        const char* name;
        std::string bytes;
        const char* error_part;
    };
    const Row rows[] = {
        {"empty.txt", "", "empty"},
        {"blank.txt", "  \n\n \t\n", "no text"},
        {"image.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "PNG image"},
        {"doc.pdf", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", "PDF document"},
        {"noise.bin", std::string("\x01\x02\x03\x00\x10\x11\x00\x00" "abc\x04\x05\x06\x07", 16), "binary data"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.name);
        auto r = import_file(row.name, row.bytes);
        CHECK_FALSE(r.ok());
        CHECK(r.articles.empty());
        CHECK(r.error.find(row.error_part) != std::string::npos);
        CHECK(r.file == row.name);
    }
}

TEST_CASE("a Windows-1252 file imports with a warning and correct characters") {
    auto r = import_file("latin.txt", "Caf\xE9 owners \x93protest\x94\n\nThe caf\xE9 closed \x96 for now.\n\nEnd.");
    REQUIRE(r.ok());
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].find("Windows-1252") != std::string::npos);
    CHECK(r.articles[0].encoding == "Windows-1252");
    CHECK(r.articles[0].title == "Caf\xC3\xA9 owners \xE2\x80\x9Cprotest\xE2\x80\x9D");
    CHECK(r.articles[0].paragraph(0) == "The caf\xC3\xA9 closed \xE2\x80\x93 for now.");
}

TEST_CASE("a file without a headline line is titled by its file name") {
    auto r = import_file("notes/meeting-notes.txt", "Just one paragraph of notes without a headline.");
    REQUIRE(r.ok());
    CHECK(r.articles[0].title == "meeting-notes");
    CHECK(r.articles[0].text == "Just one paragraph of notes without a headline.");
}

TEST_CASE("an oversized file is refused before it is parsed") {
    std::string big(broadsheet::kMaxImportBytes + 1, 'a');
    auto r = import_file("big.txt", big);
    CHECK_FALSE(r.ok());
    CHECK(r.error.find("too large") != std::string::npos);
}

TEST_CASE("the seed imports beside bad files, unaffected by them") {
    std::string seed = read_file(shared_path("samples/register-china-im-real-names.txt"));
    REQUIRE(!seed.empty());
    CHECK_FALSE(import_file("a.png", "\x89PNG\r\n\x1a\nxxxxxxxx").ok());
    auto r = import_file("seed.txt", seed);
    REQUIRE(r.ok());
    CHECK(r.articles[0].title == "China cracks down on instant messengers: Users must hand over real names");
}

TEST_CASE("hostile input gets a best-effort article or a clear error, never a crash") {
    struct Row {
        const char* what;
        std::string name;
        std::string bytes;
        bool ok;
        const char* error_part; // when not ok
    };
    const Row rows[] = {
        {"a single 50 MB line", "line.txt", std::string(50u << 20, 'a'), true, ""},
        {"NUL bytes between paragraphs", "nul.txt", std::string("Headline\n\nFirst\0 paragraph.\n\nSecond.", 35), true, ""},
        {"a multi-byte sequence cut at the end", "cut.txt", "Headline\n\nCaf\xC3\xA9 prices rose in M\xC3\xBCnchen \xE2\x80", true, ""},
        {"gzip data", "x.gz", std::string("\x1F\x8B\x08\x00\x00\x00\x00\x00\x00\x03\x01\x02", 12), false, "gzip"},
        {"JSON nested 100,000 deep", "deep.json", std::string(100000, '{'), false, "nested too deeply"},
        {"only white space and NULs", "blank.txt", std::string(" \0\n\0\t\n", 6), false, "no text"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.what));
        auto r = import_file(row.name, row.bytes);
        CHECK_MESSAGE(r.ok() == row.ok, r.error);
        if (!row.ok) CHECK(r.error.find(row.error_part) != std::string::npos);
        if (row.ok) CHECK(!r.articles.empty());
    }
    auto cut = import_file("cut.txt", rows[2].bytes);
    REQUIRE(cut.ok());
    CHECK(cut.articles[0].text == "Caf\xC3\xA9 prices rose in M\xC3\xBCnchen \xEF\xBF\xBD");
}

TEST_CASE("every article gets a word count and, where the text says, a language") {
    auto r = import_file("a.txt", "Bridge reopens\n\nThe bridge reopened on Tuesday after the repairs that the council had "
                                  "ordered in the spring, and traffic was back to normal by the evening rush.\n\n"
                                  "It had been closed for six months, which was longer than the builders had said it would be.");
    REQUIRE(r.ok());
    CHECK(r.articles[0].word_count == 44); // the body: 26 + 18 words
    CHECK(r.articles[0].language == "en");
}

TEST_CASE("each format is chosen by content first, extension second") {
    struct Row {
        const char* name;
        const char* text;
        const char* title;
    };
    const Row rows[] = {
        {"page.txt", "<!DOCTYPE html><html><head><title>From HTML</title></head><body><p>Body text here.</p></body></html>", "From HTML"},
        {"post.txt", "From: a@example.org\nSubject: From mail\n\nBody text here.\n", "From mail"},
        {"note.txt", "---\ntitle: From Markdown\n---\nBody text here.\n", "From Markdown"},
        {"data.txt", "{\"title\": \"From JSON\", \"text\": \"Body text here.\"}", "From JSON"},
        {"plain.md", "From Markdown by extension\n\nBody text here.\n", "From Markdown by extension"},
        {"plain.txt", "From plain text\n\nBody text here.\n", "From plain text"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.name));
        auto r = import_file(row.name, row.text);
        REQUIRE_MESSAGE(r.ok(), r.error);
        CHECK(r.articles[0].title == row.title);
        CHECK(r.articles[0].text == "Body text here.");
    }
}
