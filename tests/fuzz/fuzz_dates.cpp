// Date lines and date fields: whatever they read, they give ISO 8601 or "".
#include "fuzz_check.hpp"

#include "broadsheet/dates.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string utf8 = fuzz::as_utf8({reinterpret_cast<const char*>(data), size});
    std::string line = broadsheet::parse_date_line(utf8);
    FUZZ_CHECK_MSG(line.empty() || fuzz::iso_date(line), "parse_date_line gave '" + line + "'");
    fuzz::touch(line);
    const std::string month = broadsheet::parse_month_year(utf8);
    FUZZ_CHECK_MSG(month.empty() || (month.size() == 7 && fuzz::iso_date(month)), "parse_month_year gave '" + month + "'");

    std::string field = broadsheet::parse_date(utf8);
    FUZZ_CHECK_MSG(field.empty() || fuzz::iso_date(field), "parse_date gave '" + field + "'");
    fuzz::touch(field);
    // parse_date reads everything parse_date_line reads.
    if (!line.empty()) FUZZ_CHECK_MSG(!field.empty(), "parse_date_line read '" + line + "' but parse_date nothing");
    return 0;
}
