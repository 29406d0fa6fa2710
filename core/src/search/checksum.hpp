// Internal: the index file's checksum, 64 bits over every byte, read at about memory speed.
//
// Version 1 of the file used CRC-32, which reads a byte at a time: about 10 ms for a 3 MB index
// under wasm, five times the whole budget for loading one (bench/RESULTS.md). This reads 8-byte
// little-endian words in four independent lanes, each step being
//     lane = rotl(lane + word * K2, 31) * K1
// (the round of xxHash64, with its primes). For a fixed lane a step is a bijection of the word, and
// for a fixed word a bijection of the lane; the merge of the lanes, the rounds over the tail and the
// final mix are bijections too. So a change confined to one 8-byte word (any one damaged byte, or
// several within 8 aligned bytes) always changes the result, as CRC-32 guaranteed for one byte.
// It is no defence against a file made to pass it: that is what the loader's structural checks are for.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace broadsheet::search::checksum {

[[gnu::always_inline]] inline uint64_t word_le(const unsigned char* p) {
    uint64_t v = 0;
    if constexpr (std::endian::native == std::endian::little) {
        std::memcpy(&v, p, 8);
    } else {
        for (int i = 0; i < 8; ++i) v |= uint64_t(p[i]) << (8 * i);
    }
    return v;
}

inline constexpr uint64_t K1 = 0x9E3779B185EBCA87ull, K2 = 0xC2B2AE3D27D4EB4Full, K3 = 0x165667B19E3779F9ull;

// Forced inline: at -Os (the web build) a call per word made the sum 8x slower under wasm.
[[gnu::always_inline]] inline uint64_t round(uint64_t lane, uint64_t word) { return std::rotl(lane + word * K2, 31) * K1; }

inline uint64_t of(std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const size_t n = bytes.size();
    uint64_t a = K1 + K2, b = K2, c = 0, d = 0 - K1;
    size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        a = round(a, word_le(p + i));
        b = round(b, word_le(p + i + 8));
        c = round(c, word_le(p + i + 16));
        d = round(d, word_le(p + i + 24));
    }
    uint64_t h = std::rotl(a, 1) + std::rotl(b, 7) + std::rotl(c, 12) + std::rotl(d, 18) + uint64_t(n);
    for (; i + 8 <= n; i += 8) h = round(h, word_le(p + i));
    uint64_t last = 0;
    for (size_t k = 0; i + k < n; ++k) last |= uint64_t(p[i + k]) << (8 * k);
    h = round(h, last);
    h ^= h >> 33;
    h *= K2;
    h ^= h >> 29;
    h *= K3;
    h ^= h >> 32;
    return h;
}

} // namespace broadsheet::search::checksum
