// The native legacy-encoding decoder: the C library's iconv (glibc's is correct for every
// encoding we name, unlike emscripten's; see encoding.hpp). Only compiled natively.
#include "broadsheet/encoding.hpp"

#include "import_internal.hpp"

#include <iconv.h>

#include <cerrno>
#include <string>

namespace broadsheet::detail {
namespace {

// iconv's names for the WHATWG labels where they differ. WHATWG's "shift_jis" and "euc-kr" are
// Microsoft's supersets (CP932, CP949), and its "big5" includes the HKSCS extensions.
const char* iconv_name(std::string_view label) {
    struct Name {
        std::string_view label;
        const char* iconv;
    };
    static constexpr Name kNames[] = {
        {"shift_jis", "CP932"},   {"euc-kr", "CP949"}, {"big5", "BIG5-HKSCS"},
        {"windows-874", "CP874"}, {"ibm866", "CP866"},
    };
    for (const auto& n : kNames)
        if (n.label == label) return n.iconv;
    return nullptr;
}

} // namespace

std::optional<std::string> platform_legacy_decode(std::string_view bytes, std::string_view label) {
    std::string name(label);
    if (const char* n = iconv_name(label)) name = n;
    iconv_t cd = iconv_open("UTF-8", name.c_str());
    if (cd == iconv_t(-1)) return std::nullopt;
    std::string out;
    out.reserve(bytes.size() * 3 / 2 + 16);
    char buf[16384];
    auto* in = const_cast<char*>(bytes.data());
    size_t in_left = bytes.size();
    while (in_left > 0) {
        char* o = buf;
        size_t o_left = sizeof buf;
        size_t rc = iconv(cd, &in, &in_left, &o, &o_left);
        out.append(buf, size_t(o - buf));
        if (rc != size_t(-1)) continue;
        if (errno == E2BIG) continue;
        // EILSEQ (a byte sequence that is not in the encoding) or EINVAL (cut off at the end):
        // one U+FFFD for one byte, then go on.
        out += "\xEF\xBF\xBD";
        ++in;
        --in_left;
        iconv(cd, nullptr, nullptr, nullptr, nullptr);
    }
    iconv_close(cd);
    return out;
}

} // namespace broadsheet::detail
