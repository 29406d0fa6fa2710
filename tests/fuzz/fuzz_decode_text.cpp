// The encoding layer: decode_text (BOMs, UTF-16 without BOM, declared charsets, repair, uchardet
// + iconv), and the UTF-8 helpers checked against the harness's own validator.
#include "fuzz_check.hpp"

#include "broadsheet/encoding.hpp"

#include <utf8proc.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

std::string nfc(const std::string& s) {
    utf8proc_uint8_t* mapped = nullptr;
    auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), utf8proc_ssize_t(s.size()), &mapped,
                          utf8proc_option_t(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    FUZZ_CHECK_MSG(n >= 0, "utf8proc refused decode_text's output");
    std::string out(reinterpret_cast<char*>(mapped), size_t(n));
    std::free(mapped);
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);

    // The validator agrees with ours, and repair gives valid UTF-8 that keeps valid input as it is.
    bool valid = fuzz::valid_utf8(bytes);
    FUZZ_CHECK_MSG(broadsheet::is_valid_utf8(bytes) == valid,
                   valid ? "is_valid_utf8 refused valid UTF-8" : fuzz::describe_bad_utf8("is_valid_utf8 accepted", bytes));
    size_t replaced = 0;
    std::string repaired = broadsheet::repair_utf8(bytes, &replaced);
    fuzz::check_utf8("repair_utf8", repaired);
    FUZZ_CHECK(valid == (replaced == 0));
    if (valid) FUZZ_CHECK(repaired == bytes);
    FUZZ_CHECK(replaced <= bytes.size());

    fuzz::touch(broadsheet::sniff_binary(bytes));

    broadsheet::DecodedText d = broadsheet::decode_text(bytes);
    fuzz::check_utf8("warning", d.warning);
    fuzz::check_utf8("error", d.error);
    if (!d.ok()) return 0;
    fuzz::check_utf8("decoded text", d.utf8);
    FUZZ_CHECK(!d.encoding.empty());
    fuzz::check_utf8("encoding", d.encoding);
    FUZZ_CHECK_MSG(d.utf8.find('\0') == std::string::npos, "NUL byte left in decoded text");
    FUZZ_CHECK_MSG(d.utf8.find('\r') == std::string::npos, "CR left in decoded text");
    FUZZ_CHECK_MSG(nfc(d.utf8) == d.utf8, "decoded text is not NFC");
    if (valid && bytes.find_first_of(std::string_view("\0\r", 2)) == std::string_view::npos && d.encoding == "UTF-8" &&
        d.warning.empty())
        FUZZ_CHECK_MSG(d.utf8 == nfc(std::string(bytes.starts_with("\xEF\xBB\xBF") ? bytes.substr(3) : bytes)),
                       "clean UTF-8 input changed by more than NFC");
    return 0;
}
