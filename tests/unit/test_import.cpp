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
