// The plain-text importer alone (headline, standfirst, byline, date, body, furniture), on UTF-8.
#include "fuzz_check.hpp"

#include "broadsheet/import.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string utf8 = fuzz::as_utf8({reinterpret_cast<const char*>(data), size});
    broadsheet::Article a = broadsheet::import_plain_text("fuzz.txt", utf8);
    fuzz::check_article(a);
    return 0;
}
