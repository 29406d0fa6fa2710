// The JSON / JSON Lines importer alone (field mapping, depth limit, records), on UTF-8.
#include "fuzz_check.hpp"

#include "import_internal.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string utf8 = fuzz::as_utf8({reinterpret_cast<const char*>(data), size});
    broadsheet::ImportResult r;
    r.file = "articles.json";
    broadsheet::detail::import_json(r.file, utf8, r);
    fuzz::check_import(r);
    fuzz::touch(broadsheet::detail::looks_like_json(utf8));
    fuzz::touch(broadsheet::detail::json_nesting_depth(utf8));
    return 0;
}
