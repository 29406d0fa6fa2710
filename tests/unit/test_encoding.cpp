#include "broadsheet/encoding.hpp"

#include <doctest/doctest.h>

using broadsheet::decode_text;
using broadsheet::is_valid_utf8;

TEST_CASE("UTF-8 validity follows RFC 3629, including the nasty rows") {
    struct Row {
        std::string bytes;
        bool valid;
    };
    const Row rows[] = {
        {"plain ascii", true},
        {"caf\xC3\xA9", true},
        {"\xE2\x80\x8B zero-width space", true},
        {"\xF0\x9F\x98\x80 emoji", true},
        {"\xC3", false},                 // truncated
        {"\xC0\xAF", false},             // overlong '/'
        {"\xE0\x80\xAF", false},         // overlong, three bytes
        {"\xED\xA0\x80", false},         // surrogate U+D800
        {"\xF4\x90\x80\x80", false},     // above U+10FFFF
        {"\x80 lone continuation", false},
        {"\xFF", false},
    };
    for (const auto& row : rows) {
        CAPTURE(row.bytes);
        CHECK(is_valid_utf8(row.bytes) == row.valid);
    }
}

TEST_CASE("byte-order marks choose the encoding and are dropped") {
    auto d8 = decode_text("\xEF\xBB\xBFhello");
    CHECK(d8.encoding == "UTF-8");
    CHECK(d8.utf8 == "hello");

    auto le = decode_text(std::string("\xFF\xFEh\0i\0\xAC\x20", 8));
    CHECK(le.encoding == "UTF-16LE");
    CHECK(le.utf8 == "hi\xE2\x82\xAC");

    auto be = decode_text(std::string("\xFE\xFF\0h\xD8\x3D\xDE\x00", 8));
    CHECK(be.encoding == "UTF-16BE");
    CHECK(be.utf8 == "h\xF0\x9F\x98\x80");
}

TEST_CASE("UTF-16 without a BOM is recognised, with a warning") {
    std::string s;
    for (char c : std::string("A headline\n\nSome text here.")) s += c, s += '\0';
    auto d = decode_text(s);
    CHECK(d.ok());
    CHECK(d.encoding == "UTF-16LE");
    CHECK_FALSE(d.warning.empty());
    CHECK(d.utf8 == "A headline\n\nSome text here.");
}

TEST_CASE("an unpaired surrogate in UTF-16 becomes U+FFFD and is reported") {
    auto d = decode_text(std::string("\xFF\xFE" "a\0\x00\xD8" "b\0", 8));
    CHECK(d.utf8 == "a\xEF\xBF\xBD" "b");
    CHECK(d.warning.find("U+FFFD") != std::string::npos);
}

TEST_CASE("text is normalised to NFC and line ends to LF") {
    // "e" + COMBINING ACUTE ACCENT composes to U+00E9.
    auto d = decode_text("Cafe\xCC\x81\r\nnext\rlast");
    CHECK(d.utf8 == "Caf\xC3\xA9\nnext\nlast");
}

TEST_CASE("binary formats are named") {
    CHECK(broadsheet::sniff_binary("\x89PNG\r\n\x1a\n....") == "PNG image");
    CHECK(broadsheet::sniff_binary("PK\x03\x04....") == "ZIP archive (or a DOCX/ODT/EPUB document)");
    CHECK(broadsheet::sniff_binary(std::string("\0asm\1\0\0\0", 8)) == "WebAssembly module");
    CHECK(broadsheet::sniff_binary("Just text.\n\tIndented.\f") == "");
    auto d = decode_text("%PDF-1.4\n");
    CHECK_FALSE(d.ok());
    CHECK(d.error == "not a text file (PDF document)");
}
