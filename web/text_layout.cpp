#include "text_layout.hpp"

#include <imgui.h>

#include <algorithm>

bool TextLayout::update(const broadsheet::Article& a, uint64_t key, ImFont* font, float px, float w) {
    if (article_key == key && article == &a && width == w && font_px == px) return false;
    article = &a;
    article_key = key;
    width = w;
    font_px = px;
    rows.clear();
    const char* base = a.text.data();
    float scale = px / font->FontSize;
    for (uint32_t p = 0; p < a.paragraphs.size(); ++p) {
        if (p > 0) rows.push_back({a.paragraphs[p].begin, a.paragraphs[p].begin, p}); // gap row
        const char* s = base + a.paragraphs[p].begin;
        const char* end = base + a.paragraphs[p].end;
        while (s < end) {
            const char* brk = font->CalcWordWrapPositionA(scale, s, end, w);
            if (brk <= s) brk = s + 1; // a glyph wider than the line: take it anyway
            // Never split a UTF-8 sequence.
            while (brk < end && (static_cast<unsigned char>(*brk) & 0xC0) == 0x80) ++brk;
            rows.push_back({uint32_t(s - base), uint32_t(brk - base), p});
            s = brk;
            while (s < end && *s == ' ') ++s; // the space at the break belongs to neither line
        }
    }
    return true;
}

int TextLayout::row_of(uint32_t offset) const {
    auto it = std::upper_bound(rows.begin(), rows.end(), offset,
                               [](uint32_t o, const LaidLine& l) { return o < l.begin; });
    if (it == rows.begin()) return rows.empty() ? -1 : 0;
    return int(it - rows.begin()) - 1;
}
