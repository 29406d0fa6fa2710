// Internal: interface to the postings code in index.cpp that index_file.cpp shares.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace broadsheet::search::postings {

struct Copied {
    uint64_t last_plus1 = 0; // the last copied document + 1, or 0 if none
    uint32_t entries = 0;    // entries copied
    uint32_t dropped = 0;    // entries of removed documents left out
};

// Appends to `out` the entries of `in` whose document is live, re-coding the document gaps; the
// rest of each entry is copied byte for byte. Stops at the first malformed entry.
Copied copy_live_entries(std::span<const uint8_t> in, const std::vector<uint8_t>& live, std::vector<uint8_t>& out);

// Checks one list from a file; returns "" or what is wrong: exactly `df` entries, documents
// ascending and live, valid masks, positions filling their block and ascending within a field.
std::string check(std::span<const uint8_t> bytes, uint64_t df, const std::vector<uint8_t>& live);

} // namespace broadsheet::search::postings
