// A saved article (the browser's storage, exports) read back: damaged or foreign input is refused
// with a message; what is accepted is a sound Article that writes and reads back unchanged.
#include "fuzz_check.hpp"

#include "broadsheet/article_json.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

bool same(const broadsheet::Article& a, const broadsheet::Article& b) {
    return a.file == b.file && a.id == b.id && a.title == b.title && a.standfirst == b.standfirst &&
           a.byline == b.byline && a.date == b.date && a.source == b.source && a.url == b.url &&
           a.language == b.language && a.text == b.text && a.paragraphs == b.paragraphs &&
           a.encoding == b.encoding && a.truncated == b.truncated && a.removed.size() == b.removed.size() &&
           a.metadata.size() == b.metadata.size();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    broadsheet::Article a;
    std::string error;
    bool ok = broadsheet::article_from_json(bytes, a, error);
    fuzz::touch(error);
    if (!ok) {
        FUZZ_CHECK(!error.empty());
        return 0;
    }
    // What storage hands back must be safe to read: strings are UTF-8, paragraphs inside the text.
    fuzz::check_utf8("title", a.title);
    fuzz::check_utf8("text", a.text);
    for (size_t i = 0; i < a.paragraphs.size(); ++i) {
        const auto& p = a.paragraphs[i];
        FUZZ_CHECK(p.begin <= p.end && p.end <= a.text.size());
        fuzz::touch(a.paragraph(i));
    }
    for (const auto& r : a.removed) fuzz::touch(r.text);
    for (const auto& m : a.metadata) fuzz::touch(m.value);

    std::string json = broadsheet::article_to_json(a);
    broadsheet::Article b;
    FUZZ_CHECK_MSG(broadsheet::article_from_json(json, b, error), "own output refused: " + error);
    FUZZ_CHECK_MSG(same(a, b), "an article changed on its way through JSON");
    FUZZ_CHECK(broadsheet::article_to_json(b) == json);
    return 0;
}
