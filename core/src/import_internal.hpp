// Internal: the interfaces between the importers. Not part of the public API.
#pragma once

#include "broadsheet/article.hpp"
#include "broadsheet/import.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet::detail {

// ---- interface to code in import_text.cpp ----

// If `line` is page furniture that is junk wherever it stands (share prompts, image credits,
// "Advertisement"...), returns the reason ("share prompt"); otherwise nullptr.
const char* junk_line_reason(std::string_view line);

// ---- interface to code in import_json.cpp ----

// True when the text looks like JSON (an object or array) or JSON Lines (one object per line).
bool looks_like_json(std::string_view utf8);

// Imports a JSON document (one article object, or an array of them, or an object holding such an
// array under "articles", "items", "data", "results" or "hits", or deeper in its objects as news
// APIs answer: {"response": {"results": [...]}}) or JSON Lines (one object per line). A record's
// fields may sit in a wrapper object ("_source", "fields", "attributes", "data", "node"). Records
// that cannot be read become warnings naming the record; `r.error` is set only when nothing could
// be read.
void import_json(std::string_view name, std::string_view utf8, ImportResult& r);

// The bracket nesting depth of a JSON text (outside strings), to refuse hostile input before
// handing it to a recursive parser.
size_t json_nesting_depth(std::string_view json);

// ---- interface to code in import_html.cpp ----

// True when the text starts like an HTML document or fragment.
bool looks_like_html(std::string_view utf8);

// Imports a saved web page: its metadata and the main content, without navigation, sidebars,
// comments, share prompts and link lists (kept in Article::removed).
void import_html(std::string_view name, std::string_view utf8, ImportResult& r);

// A fragment of HTML (a JSON record's "content_html", or markup in its "body"), every block of it
// a paragraph of `a` with its style: no page furniture to find in it. Entities decoded, scripts and
// styles dropped (libxml2's parser, as for pages).
void add_html_fragment(std::string_view fragment, Article& a);
// Whether a text field holds markup rather than text: typical tags in its first 4 kB.
bool looks_like_html_fragment(std::string_view s);

// ---- interface to code in import_markdown.cpp ----

// True when the text opens with YAML front matter, or with a "# " heading and more Markdown.
bool looks_like_markdown(std::string_view utf8);

// Imports Markdown (md4c) with optional YAML front matter (title, author(s), date, description,
// url...; other keys kept as metadata). Without a front-matter title, a leading "# " heading is
// the title.
Article import_markdown(std::string_view name, std::string_view utf8);

// ---- interface to code in import_mail.cpp ----

// True when the text opens with mail/Usenet headers (From:, Subject:, Newsgroups:, Date: ...).
bool looks_like_mail(std::string_view utf8);

// Imports one mail or Usenet post: Subject -> title, From -> byline, Date, Newsgroups or
// Organization -> source, Message-ID -> id; quoted replies, attribution lines and the signature
// are kept aside in Article::removed.
Article import_mail(std::string_view name, std::string_view utf8);

// ---- interface to code in paragraphs.cpp ----

// Splits a body text into paragraphs: at blank lines, at every line break when its lines are
// paragraphs (lines_are_paragraphs), and at indented lines when the text is hard-wrapped with
// indented paragraph starts (as newswire dumps are). Lines within a paragraph are joined with
// single spaces. Empty paragraphs are dropped.
std::vector<std::string> split_paragraphs(std::string_view text);

// Whether a text's lines are its paragraphs (one line each, as scrapers and NewsAPI write them)
// rather than a hard wrap of them (Reuters-21578, mail, Project Gutenberg): most of its line
// breaks come where the next word would still have fitted on the line.
bool lines_are_paragraphs(const std::vector<std::string_view>& lines);

// A newswire sign-off at the very end of a body ("...utility costs.\n REUTER"), set apart by a
// line break or a wide gap: removed from `text` and returned (empty when there is none).
std::string_view strip_sign_off(std::string_view& text);

// ---- interface to code in legacy_decoder_iconv.cpp (native) / legacy_decoder_none.cpp (wasm) ----

// The legacy decoder installed at start-up (a LegacyDecoder, see encoding.hpp): iconv natively;
// in wasm one that knows no encoding (the web app installs the browser's TextDecoder).
std::optional<std::string> platform_legacy_decode(std::string_view bytes, std::string_view label);

} // namespace broadsheet::detail
