// The mail / Usenet importer alone (headers, encoded words, quoted replies, signatures), on UTF-8.
#include "fuzz_check.hpp"

#include "import_internal.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string utf8 = fuzz::as_utf8({reinterpret_cast<const char*>(data), size});
    fuzz::touch(broadsheet::detail::looks_like_mail(utf8));
    broadsheet::Article a = broadsheet::detail::import_mail("message.eml", utf8);
    fuzz::check_article(a);
    return 0;
}
