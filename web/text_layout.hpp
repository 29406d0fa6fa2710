// Laying out an article's body for the reader: paragraphs pre-wrapped into lines for one width,
// cached until the article, the width or the font changes (imgui #3466, #2469: long wrapped text
// must not be re-wrapped and drawn whole every frame). Lines are byte ranges into the article's
// text, so highlights (search hits, quotes, entities) map onto them exactly.
#pragma once

#include "broadsheet/article.hpp"

#include <cstdint>
#include <vector>

struct ImFont;

// Where the line that starts at `s` ends, within `width` pixels: ImGui's word wrap, which breaks at
// spaces and after punctuation ("1." / "50 dlrs", "U." / "S."), moved back to the last space when
// it would split a word so, and never inside a UTF-8 sequence. A word longer than the line still
// breaks where ImGui breaks it.
const char* wrap_break(ImFont* font, float scale, const char* s, const char* end, float width);

struct LaidLine {
    uint32_t begin = 0, end = 0; // byte range of the line in Article::text; empty for a gap row
    uint32_t paragraph = 0;      // index of the paragraph the line belongs to
    float indent = 0;            // from the measure's left edge, in pixels (list items, quotes)
    broadsheet::ParagraphKind kind = broadsheet::ParagraphKind::Body;
    bool first = false;          // the paragraph's first line (where a list item's bullet goes)
};

struct TextLayout {
    const broadsheet::Article* article = nullptr; // what was laid out (identity only)
    uint64_t article_key = 0;
    float width = 0, font_px = 0;
    std::vector<LaidLine> rows; // text lines, with one empty row between paragraphs

    // Re-wraps when the article, the width or the font size changed; returns true if it did.
    // Headings are set in `bold` (same size); list items and quotes are indented.
    bool update(const broadsheet::Article& a, uint64_t key, ImFont* font, ImFont* bold, float font_px, float width);
    // The row holding byte `offset`, or -1.
    int row_of(uint32_t offset) const;
};
