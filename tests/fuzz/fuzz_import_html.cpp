// The HTML importer alone (libxml2's parser, content scoring, metadata, JSON-LD), on UTF-8.
#include "fuzz_check.hpp"

#include "import_internal.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string utf8 = fuzz::as_utf8({reinterpret_cast<const char*>(data), size});
    broadsheet::ImportResult r;
    r.file = "page.html";
    broadsheet::detail::import_html(r.file, utf8, r);
    fuzz::check_import(r);
    fuzz::touch(broadsheet::detail::looks_like_html(utf8));
    return 0;
}
