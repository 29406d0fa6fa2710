// Internal: a fast hash of a short string that is the same natively and in wasm (std::hash is not:
// libstdc++ and libc++ differ). The word caches of the indexing path and the duplicate finder's
// shingles use it.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace broadsheet::search {

inline uint64_t mix64(uint64_t k) { // splitmix64's finaliser
    k ^= k >> 30;
    k *= 0xBF58476D1CE4E5B9ull;
    k ^= k >> 27;
    k *= 0x94D049BB133111EBull;
    return k ^ (k >> 31);
}

// The word's bytes 8 at a time (little-endian blocks, as both targets are) through mix64, the
// length in the top byte. A word of up to 7 bytes is one block, and mix64 is a bijection, so those
// never collide.
inline uint64_t word_hash(std::string_view word) {
    uint64_t h = uint64_t(word.size()) << 56;
    const char* p = word.data();
    size_t n = word.size();
    for (; n >= 8; p += 8, n -= 8) {
        uint64_t block;
        std::memcpy(&block, p, 8);
        h = mix64(h ^ block);
    }
    uint64_t block = 0; // the last n < 8 bytes, in at most three loads
    unsigned shift = 0;
    if (n & 4) {
        uint32_t v;
        std::memcpy(&v, p, 4);
        block = v, p += 4, shift = 32;
    }
    if (n & 2) {
        uint16_t v;
        std::memcpy(&v, p, 2);
        block |= uint64_t(v) << shift, p += 2, shift += 16;
    }
    if (n & 1) block |= uint64_t(uint8_t(*p)) << shift;
    return mix64(h ^ block);
}

} // namespace broadsheet::search
