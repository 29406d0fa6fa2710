// Internal: LEB128 varints (7 bits a byte, low group first, high bit = more), as in the postings
// and the index file. Every read is bounds-checked: a truncated or overlong number is an error,
// never a read past `end`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace broadsheet::search::varint {

template <class Bytes> inline void put(Bytes& out, uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<typename Bytes::value_type>(uint8_t(v) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<typename Bytes::value_type>(uint8_t(v)));
}

// The same into memory with room for it (at most 10 bytes); returns the end of what was written.
inline uint8_t* write(uint8_t* p, uint64_t v) {
    while (v >= 0x80) {
        *p++ = uint8_t(v) | 0x80;
        v >>= 7;
    }
    *p++ = uint8_t(v);
    return p;
}

// How many bytes put() and write() take for v.
inline size_t size(uint64_t v) {
    size_t n = 1;
    for (; v >= 0x80; v >>= 7) ++n;
    return n;
}

// Reads one varint of at most 64 bits from [p, end); advances p. False if it runs off the end or
// is longer than 10 bytes.
[[gnu::noinline]] inline bool get_long(const uint8_t*& p, const uint8_t* end, uint64_t& v) {
    v = 0;
    for (unsigned shift = 0; shift < 70; shift += 7) {
        if (p >= end) return false;
        uint8_t b = *p++;
        v |= uint64_t(b & 0x7F) << shift;
        if (!(b & 0x80)) return shift < 63 || (b & 0x7F) <= 1;
    }
    return false;
}
inline bool get(const uint8_t*& p, const uint8_t* end, uint64_t& v) {
    // Most numbers in a postings list (gaps, codes, frequencies, positions' sizes) are one byte:
    // that case inline, the rest in a call (clang left the whole loop out of line in wasm).
    if (p < end && *p < 0x80) [[likely]] {
        v = *p++;
        return true;
    }
    return get_long(p, end, v);
}

// The same for a value that must fit in 32 bits.
inline bool get32(const uint8_t*& p, const uint8_t* end, uint32_t& v) {
    uint64_t w = 0;
    if (!get(p, end, w) || w > UINT32_MAX) return false;
    v = uint32_t(w);
    return true;
}

// Steps p past one varint without decoding it (it ends at a byte whose high bit is clear). False
// if [p, end) ends first. Does not check its length: a reader that decodes it later does.
inline bool skip(const uint8_t*& p, const uint8_t* end) {
    while (p < end)
        if (!(*p++ & 0x80)) return true;
    return false;
}

} // namespace broadsheet::search::varint
