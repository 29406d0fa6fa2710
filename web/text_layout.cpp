#include "text_layout.hpp"

#include <imgui.h>

#include <algorithm>

const char* wrap_break(ImFont* font, float scale, const char* s, const char* end, float width) {
    const char* brk = font->CalcWordWrapPositionA(scale, s, end, width);
    if (brk <= s) brk = s + 1; // a glyph wider than the line: take it anyway
    const char before = brk[-1];
    if (brk < end && *brk != ' ' && (before == '.' || before == ',' || before == ';' || before == '!' || before == '?' || before == '"')) {
        const char* space = brk - 1;
        while (space > s && *space != ' ') --space;
        if (space > s) brk = space;
    }
    while (brk < end && (static_cast<unsigned char>(*brk) & 0xC0) == 0x80) ++brk;
    return brk;
}

bool TextLayout::update(const broadsheet::Article& a, uint64_t key, ImFont* body, ImFont* bold, float px, float w) {
    using broadsheet::ParagraphKind;
    if (article_key == key && article == &a && width == w && font_px == px) return false;
    article = &a;
    article_key = key;
    width = w;
    font_px = px;
    rows.clear();
    const char* base = a.text.data();
    const bool styled = a.styles.size() == a.paragraphs.size();
    for (uint32_t p = 0; p < a.paragraphs.size(); ++p) {
        broadsheet::ParagraphStyle style = styled ? a.styles[p] : broadsheet::ParagraphStyle{};
        float indent = style.kind == ParagraphKind::ListItem ? px * 1.5f * float(std::clamp<int>(style.level, 1, 4))
                     : style.kind == ParagraphKind::Quote    ? px * 1.5f
                                                             : 0.0f;
        ImFont* font = style.kind == ParagraphKind::Heading && bold ? bold : body;
        float scale = px / font->FontSize;
        float line_w = std::max(px * 4, w - indent);
        // A gap row before each paragraph; none between items of one list.
        bool same_list = p > 0 && style.kind == ParagraphKind::ListItem && styled &&
                         a.styles[p - 1].kind == ParagraphKind::ListItem;
        if (p > 0 && !same_list) rows.push_back({a.paragraphs[p].begin, a.paragraphs[p].begin, p});
        const char* s = base + a.paragraphs[p].begin;
        const char* end = base + a.paragraphs[p].end;
        bool first = true;
        while (s < end) {
            const char* brk = wrap_break(font, scale, s, end, line_w);
            rows.push_back({uint32_t(s - base), uint32_t(brk - base), p, indent, style.kind, first});
            first = false;
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
