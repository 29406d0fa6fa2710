// The mail/Usenet importer: one post or message in RFC 5322 form (as mail archives, mbox
// extracts and Usenet spools such as 20 Newsgroups keep them).
//
//   From: Jane Doe <jane@example.org>      -> byline "Jane Doe"  (also "jane@example.org (Jane
//   Subject: Re: Rocket fuel prices        -> title                Doe)", or the address alone)
//   Date: Tue, 6 Apr 1993 12:01:55 GMT     -> date
//   Newsgroups: sci.space                  -> source (else Organization)
//   Message-ID: <abc@example.org>          -> id
//   (continuation lines start with white space; other headers are kept as metadata)
//
//   In article <xyz@host>, joe@host writes:  <- attribution line   } kept aside as
//   > quoted text of the earlier post         <- quoted reply       } "quoted reply"
//   The body proper.
//   --                                        <- signature separator: the rest is "signature"
//   Jane Doe, Example University
#include "broadsheet/dates.hpp"
#include "broadsheet/import.hpp"

#include "import_internal.hpp"
#include "text_util.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace broadsheet::detail {
namespace {

struct Header {
    std::string name, value;
};

// Header names that mark a post; at least two of them (one of From/Subject/Newsgroups) must
// open the text for it to be read as mail.
bool is_known_header(std::string_view n) {
    for (auto k : {"from",
                   "subject",
                   "newsgroups",
                   "date",
                   "message-id",
                   "path",
                   "organization",
                   "lines",
                   "to",
                   "cc",
                   "reply-to",
                   "sender",
                   "references",
                   "keywords",
                   "summary",
                   "nntp-posting-host",
                   "x-newsreader",
                   "mime-version",
                   "content-type",
                   "distribution",
                   "article-i.d.",
                   "expires",
                   "followup-to",
                   "received",
                   "return-path",
                   "in-reply-to",
                   "x-mailer",
                   "user-agent",
                   "content-transfer-encoding"})
        if (text::iequals(n, k)) return true;
    return false;
}

// Parses the header block; `body_at` is set to the offset of the body. Empty when the text does
// not open with headers.
std::vector<Header> read_headers(std::string_view s, size_t& body_at) {
    std::vector<Header> headers;
    size_t pos = 0;
    if (s.starts_with("From ")) pos = std::min(s.size(), s.find('\n') + 1); // mbox "From " line
    while (pos < s.size()) {
        size_t nl = s.find('\n', pos);
        std::string_view line =
            s.substr(pos, nl == std::string_view::npos ? s.size() - pos : nl - pos);
        size_t next = nl == std::string_view::npos ? s.size() : nl + 1;
        if (text::trim(line).empty()) {
            body_at = next;
            return headers;
        }
        if ((line[0] == ' ' || line[0] == '\t') && !headers.empty()) {
            headers.back().value += ' ';
            headers.back().value += text::trim(line);
        } else {
            size_t colon = line.find(':');
            if (colon == std::string_view::npos || colon == 0 || colon > 40 ||
                line.substr(0, colon).find(' ') != std::string_view::npos)
                return {};
            headers.push_back({std::string(line.substr(0, colon)),
                               std::string(text::trim(line.substr(colon + 1)))});
        }
        pos = next;
        if (headers.size() > 500) return {};
    }
    body_at = s.size();
    return headers;
}

const std::string* header(const std::vector<Header>& hs, std::string_view name) {
    for (const auto& h : hs)
        if (text::iequals(h.name, name)) return &h.value;
    return nullptr;
}

// "Jane Doe <jane@example.org>", "jane@example.org (Jane Doe)", "\"Doe, Jane\" <j@x>",
// "jane@example.org" -> the name, else the address.
std::string sender_name(std::string_view from) {
    from = text::trim(from);
    if (size_t lt = from.find('<'); lt != std::string_view::npos && lt > 0) {
        std::string_view name = text::trim(from.substr(0, lt));
        if (name.size() >= 2 && name.front() == '"' && name.back() == '"')
            name = name.substr(1, name.size() - 2);
        if (!name.empty()) return text::collapse_spaces(name);
    }
    if (size_t open = from.find('('); open != std::string_view::npos) {
        size_t close = from.rfind(')');
        if (close != std::string_view::npos && close > open + 1)
            return text::collapse_spaces(from.substr(open + 1, close - open - 1));
    }
    if (size_t lt = from.find('<'); lt != std::string_view::npos) {
        size_t gt = from.find('>', lt);
        return std::string(from.substr(lt + 1, gt == std::string_view::npos ? std::string_view::npos
                                                                            : gt - lt - 1));
    }
    return std::string(from);
}

bool is_quoted(std::string_view line) {
    std::string_view t = text::trim(line);
    return t.starts_with('>') || t.starts_with('|') ||
           (t.starts_with(':') && t.size() > 1 && t[1] == ' ');
}

// "In article <1993Apr6.1@host>, joe@host (Joe) writes:", "Joe Bloggs wrote:",
// "On Tue, 6 Apr 1993, Joe wrote:", "joe@host writes:" (at most two lines long).
bool is_attribution(std::string_view line) {
    std::string_view t = text::trim(line);
    if (t.size() > 200) return false;
    return t.starts_with("In article <") || t.ends_with(" writes:") || t.ends_with(" wrote:") ||
           t.ends_with(" says:") || t.ends_with(" schrieb:") || t.ends_with(" a écrit :") ||
           t.ends_with(" a écrit:");
}

// A header's text without the message ids some posts' Subject and Organization lines carry on
// their continuation lines ("Re: Best radar <1r3ghp$3n9@armory.com <1993Apr22.2049@convex.com>"):
// "<...@...>" with no space in it, closed or not.
std::string without_message_ids(std::string_view v) {
    std::string out;
    for (size_t i = 0; i < v.size();) {
        if (v[i] == '<') {
            size_t end = i + 1;
            while (end < v.size() && v[end] != '>' && v[end] != '<' && v[end] != ' ' && v[end] != '\t') ++end;
            const bool closed = end < v.size() && v[end] == '>';
            const bool ends_word = end == v.size() || v[end] == '<' || v[end] == ' ' || v[end] == '\t' || closed;
            if (ends_word && v.substr(i, end - i).find('@') != std::string_view::npos) {
                i = end + (closed ? 1 : 0);
                continue;
            }
        }
        out += v[i++];
    }
    return text::collapse_spaces(text::trim(out));
}

bool is_signature_separator(std::string_view line) {
    if (line == "-- " || line == "--") return true;
    // A rule of dashes, underscores or equals signs (sig blocks in older posts).
    std::string_view t = text::trim(line);
    if (t.size() < 10) return false;
    for (char c : t)
        if (c != '-' && c != '_' && c != '=') return false;
    return true;
}

} // namespace

bool looks_like_mail(std::string_view s) {
    size_t body_at = 0;
    auto hs = read_headers(s.substr(0, 64 * 1024), body_at);
    size_t known = 0;
    bool key = false;
    for (const auto& h : hs) {
        known += is_known_header(h.name);
        key = key || text::iequals(h.name, "from") || text::iequals(h.name, "subject") ||
              text::iequals(h.name, "newsgroups");
    }
    return key && known >= 2 && known * 2 >= hs.size();
}

Article import_mail(std::string_view name, std::string_view utf8) {
    Article a;
    a.file = std::string(name);
    a.encoding = "UTF-8";
    size_t body_at = 0;
    auto hs = read_headers(utf8, body_at);
    if (auto v = header(hs, "Subject")) a.title = without_message_ids(*v);
    if (auto v = header(hs, "From")) {
        std::string who = sender_name(*v);
        if (!who.empty()) a.byline.push_back(std::move(who));
    }
    if (auto v = header(hs, "Date")) {
        a.date = parse_date(*v);
        if (a.date.empty()) a.metadata.push_back({"date_as_given", *v});
    }
    if (auto v = header(hs, "Newsgroups"))
        a.source = *v;
    else if (auto o = header(hs, "Organization"))
        a.source = without_message_ids(*o);
    if (auto v = header(hs, "Message-ID")) a.id = *v;
    for (const auto& h : hs) {
        bool mapped = false;
        for (auto k : {"Subject", "From", "Date", "Message-ID"})
            mapped = mapped || text::iequals(h.name, k);
        if (!mapped) a.metadata.push_back({h.name, h.value});
    }

    // The body: quoted replies and attributions aside, everything after the signature
    // separator aside, the rest split into paragraphs.
    std::vector<std::string_view> lines = text::split_lines(utf8.substr(body_at));
    std::string kept, quoted;
    auto flush_quote = [&] {
        if (!quoted.empty()) a.removed.push_back({std::move(quoted), "quoted reply"});
        quoted.clear();
    };
    for (size_t i = 0; i < lines.size(); ++i) {
        std::string_view line = lines[i];
        // The separator, or a name on it ("-- Ken Jenks, NASA/JSC"), at the margin: an indented
        // "-- Name" under a quotation is its source, in the body.
        // (Not when a postscript follows it: "-- David", then "ps. Thanks to all of you...".)
        const bool named = line.size() > 3 && line.starts_with("-- ") && line[3] >= 'A' && line[3] <= 'Z' &&
                           std::none_of(lines.begin() + std::ptrdiff_t(i) + 1, lines.end(), [](std::string_view l) {
                               const std::string t = text::ascii_lower(text::trim(l).substr(0, 4));
                               return t.starts_with("ps.") || t.starts_with("ps:") || t.starts_with("p.s.") || t == "ps";
                           });
        if ((named || is_signature_separator(line)) && lines.size() - i <= 15) {
            flush_quote();
            std::string sig = named ? std::string(line.substr(3)) + "\n" : std::string();
            for (size_t k = i + 1; k < lines.size(); ++k) sig += std::string(lines[k]) + "\n";
            if (!text::trim(sig).empty())
                a.removed.push_back({std::string(text::trim(sig)), "signature"});
            break;
        }
        // An attribution line (possibly wrapped over two lines) followed by quoted text.
        bool attribution = is_attribution(line) ||
                           (i + 1 < lines.size() && text::trim(line).starts_with("In article <") &&
                            is_attribution(lines[i + 1]));
        if (attribution) {
            flush_quote();
            std::string att(text::trim(line));
            if (!is_attribution(line) && i + 1 < lines.size()) {
                att += ' ';
                att += text::trim(lines[++i]);
            }
            a.removed.push_back({att, "attribution"});
            continue;
        }
        if (is_quoted(line)) {
            quoted += std::string(line) + "\n";
            kept += "\n"; // a quote ends the paragraph before it
            continue;
        }
        flush_quote();
        kept += std::string(line) + "\n";
    }
    flush_quote();
    for (const std::string& p : split_paragraphs(kept)) a.add_paragraph(p);
    return a;
}

} // namespace broadsheet::detail
