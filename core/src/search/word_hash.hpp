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

// The n < 8 bytes at p as one little-endian number, zero-padded: two loads that may overlap (the
// bytes they share are the same), so that only n >= 4 is a branch.
inline uint64_t short_block(const char* p, size_t n) {
    if (n >= 4) {
        uint32_t lo, hi;
        std::memcpy(&lo, p, 4);
        std::memcpy(&hi, p + n - 4, 4);
        return lo | uint64_t(hi) << (8 * (n - 4));
    }
    if (n == 0) return 0;
    const auto byte = [&](size_t i) { return uint64_t(static_cast<unsigned char>(p[i])) << (8 * i); };
    return byte(0) | byte(n / 2) | byte(n - 1);
}

// The first 8 bytes of a word (fewer, zero-padded, if it is shorter), as one little-endian number.
inline uint64_t word_head(std::string_view word) {
    if (word.size() < 8) return short_block(word.data(), word.size());
    uint64_t block;
    std::memcpy(&block, word.data(), 8);
    return block;
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
    return mix64(h ^ short_block(p, n)); // the last n < 8 bytes
}

} // namespace broadsheet::search
