// import_file: decode, choose an importer, extract; errors as values.
#include "broadsheet/import.hpp"

#include "broadsheet/encoding.hpp"

#include "import_internal.hpp"
#include "text_util.hpp"

#include <exception>
#include <new>

namespace broadsheet {

size_t count_words(std::string_view utf8) {
    return text::count_words(utf8);
}

void Article::add_paragraph(std::string_view p, ParagraphStyle style) {
    if (!paragraphs.empty()) text += "\n\n";
    auto begin = uint32_t(text.size());
    text += p;
    if (style != ParagraphStyle{} || !styles.empty()) {
        styles.resize(paragraphs.size());
        styles.push_back(style);
    }
    paragraphs.push_back({begin, uint32_t(text.size())});
}

namespace {

std::string file_stem(std::string_view name) {
    size_t slash = name.find_last_of("/\\");
    if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
    size_t dot = name.rfind('.');
    if (dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
    return std::string(name);
}

enum class Format { PlainText, Json, Html, Markdown, Mail };

bool has_extension(std::string_view name, std::string_view ext) {
    return name.size() > ext.size() && text::iequals(name.substr(name.size() - ext.size()), ext);
}

// Content first, extension second: a ".txt" holding JSON is JSON; a ".json" that is not JSON is
// still read as JSON (and gets JSON's error message, which says what is wrong).
Format sniff_format(std::string_view name, std::string_view utf8) {
    if (detail::looks_like_json(utf8)) return Format::Json;
    if (detail::looks_like_html(utf8)) return Format::Html;
    if (detail::looks_like_mail(utf8)) return Format::Mail;
    if (detail::looks_like_markdown(utf8)) return Format::Markdown;
    for (auto ext : {".json", ".jsonl", ".ndjson"})
        if (has_extension(name, ext)) return Format::Json;
    for (auto ext : {".html", ".htm", ".xhtml", ".shtml"})
        if (has_extension(name, ext)) return Format::Html;
    for (auto ext : {".md", ".markdown", ".mdown", ".mkd"})
        if (has_extension(name, ext)) return Format::Markdown;
    for (auto ext : {".eml", ".mbox"})
        if (has_extension(name, ext)) return Format::Mail;
    return Format::PlainText;
}

std::string human_size(size_t n) {
    return std::to_string(n >> 20) + " MB";
}

} // namespace

ImportResult import_file(std::string_view name, std::string_view bytes) {
    ImportResult r;
    r.file = std::string(name);
    if (bytes.size() > kMaxImportBytes) {
        r.error = "the file is too large (" + human_size(bytes.size()) + "; the limit is " +
                  human_size(kMaxImportBytes) + ")";
        return r;
    }
    try {
        DecodedText d = decode_text(bytes);
        if (!d.ok()) {
            r.error = d.error;
            return r;
        }
        if (!d.warning.empty()) r.warnings.push_back(d.warning);
        switch (sniff_format(name, d.utf8)) {
        case Format::Json:
            detail::import_json(name, d.utf8, r);
            break;
        case Format::Html:
            detail::import_html(name, d.utf8, r);
            break;
        case Format::Markdown:
            r.articles.push_back(detail::import_markdown(name, d.utf8));
            break;
        case Format::Mail:
            r.articles.push_back(detail::import_mail(name, d.utf8));
            break;
        case Format::PlainText:
            r.articles.push_back(import_plain_text(name, d.utf8));
            break;
        }
        for (auto& a : r.articles) {
            if (!r.workspace) a.encoding = d.encoding; // a workspace's articles keep theirs
            if (a.title.empty()) a.title = file_stem(name);
            a.word_count = text::count_words(a.text);
            // What the text is in beats what the page claims (templates say lang="en" anywhere).
            if (std::string lang = detect_language(a.title + "\n" + a.text); !lang.empty())
                a.language = lang;
        }
        if (r.ok() && r.articles.size() == 1 && r.articles[0].paragraphs.empty() &&
            r.articles[0].standfirst.empty() && r.articles[0].title == file_stem(name))
            r.error = "no text found in the file";
        if (!r.ok()) r.articles.clear();
    } catch (const std::bad_alloc&) {
        r.articles.clear();
        r.error = "out of memory while importing this file";
    } catch (const std::exception& e) {
        r.articles.clear();
        r.error = std::string("internal error while importing: ") + e.what();
    }
    return r;
}

} // namespace broadsheet
