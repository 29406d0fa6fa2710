// Internal: small string helpers shared by the importers. Not part of the public API.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet::text {

// Trims ASCII whitespace and the Unicode spaces that scraped text is full of (NBSP, thin space,
// zero-width space, BOM) from both ends.
std::string_view trim(std::string_view s);

// ASCII case-insensitive equality.
bool iequals(std::string_view a, std::string_view b);

// Whole-string match of `s` against a line pattern, ASCII case-insensitively:
// '*' matches any run of characters (also none), '#' a run of one or more digits, ' ' one or
// more spaces; anything else matches itself.
bool matches(std::string_view pattern, std::string_view s);

// Splits on '\n' (the text is already normalised to "\n" line ends); keeps empty lines.
std::vector<std::string_view> split_lines(std::string_view s);

// Collapses runs of whitespace (including NBSP) to one space and trims.
std::string collapse_spaces(std::string_view s);

// Appends the UTF-8 form of code point `cp` (surrogates, zero and values above U+10FFFF become
// U+FFFD).
void append_utf8(std::string& out, uint32_t cp);

// ASCII lower case of `s` (other bytes unchanged).
std::string ascii_lower(std::string_view s);
// ASCII lower case of one byte (others unchanged), as std::tolower in the "C" locale, inline.
inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

// Decodes HTML character references: numeric ones (&#8211; &#x201C;) and the named ones that
// text from CMSs and Markdown holds (&quot; &amp; &nbsp; &ndash; &bdquo; ...). Others stay as
// they are. Used where a value was escaped twice, and for Markdown's entities.
std::string decode_entities(std::string_view s);

// Words in UTF-8 text: runs of letters, digits and joining apostrophes/hyphens; each CJK
// ideograph or kana counts as one word (those scripts do not space words).
size_t count_words(std::string_view s);

// Characters, not bytes: the code points of UTF-8 text (its bytes other than continuation bytes).
inline size_t code_points(std::string_view s) {
    size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// UAX #15's Stream-Safe Text Format: at most 30 non-starters (combining marks) in a row.
// Normalising a longer run costs time quadratic in its length (canonical reordering sorts it),
// and no writing system needs more than a handful ("zalgo" text stacks thousands). When `s` has a
// longer run, writes the capped text to `out` and returns true: with `keep_marks`, a U+034F
// COMBINING GRAPHEME JOINER goes after every 30th non-starter, as the standard says, so no
// character is lost; without, the marks past the 30th are dropped (for search terms, where the
// joiner would be ignored and the runs would join again). Returns false, `out` untouched, when
// `s` is already stream-safe or is not valid UTF-8.
bool cap_combining_runs(std::string_view s, bool keep_marks, std::string& out);

// Removes `suffix` (after optional spaces) from the end of `s`; returns whether it did.
bool strip_suffix(std::string_view& s, std::string_view suffix);

} // namespace broadsheet::text
