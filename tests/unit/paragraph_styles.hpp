// Test helper: checks that an article has paragraphs with the given texts and styles.
#pragma once

#include "broadsheet/article.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

struct StyledParagraph {
    std::string_view text;
    broadsheet::ParagraphKind kind;
    int level;
};

template <size_t N>
void check_styles(const broadsheet::Article& a, const StyledParagraph (&rows)[N]) {
    for (const auto& row : rows) {
        CAPTURE(std::string(row.text));
        bool found = false;
        for (size_t i = 0; i < a.paragraphs.size(); ++i) {
            if (a.paragraph(i) != row.text) continue;
            found = true;
            CHECK(a.style(i).kind == row.kind);
            CHECK(int(a.style(i).level) == row.level);
        }
        CHECK(found);
    }
}
