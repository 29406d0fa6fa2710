// Internal: the index file's checksum, 64 bits over every byte, read at about memory speed.
//
// Version 1 of the file used CRC-32, which reads a byte at a time: about 10 ms for a 3 MB index
// under wasm, five times the whole budget for loading one (bench/RESULTS.md). Version 2 used
// xxHash64's round over 8-byte words in four lanes: 1.4-1.9 ms for 3 MB under node, most of the
// budget. This (version 3) runs xxHash32's round,
//     lane = rotl(lane + word * P2, 13) * P1
// over 4-byte little-endian words in sixteen lanes, four 128-bit vectors of four (GCC/clang vector
// types: SIMD128 in the wasm build, which compiles index_file.cpp with -msimd128, SSE natively,
// plain scalar code without either; the result is the same everywhere). The lanes are then folded,
// in order, into one 64-bit sum by xxHash64's round, which also takes the tail and the length.
//
// For a fixed lane a step is a bijection of the word (P1 and P2 are odd), and for a fixed word a
// bijection of the lane; each fold step is a bijection of the lane folded in and of the sum so far,
// and the final mix is a bijection. So a change confined to one aligned 4-byte word (any one
// damaged byte, in particular) always changes the result, as CRC-32 guaranteed for one byte.
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

using Lanes = uint32_t __attribute__((vector_size(16))); // four lanes of 32 bits

[[gnu::always_inline]] inline Lanes lanes_le(const unsigned char* p) {
    Lanes v;
    std::memcpy(&v, p, 16);
    if constexpr (std::endian::native != std::endian::little)
        for (int i = 0; i < 4; ++i) v[i] = __builtin_bswap32(v[i]);
    return v;
}

inline constexpr uint32_t P1 = 2654435761u, P2 = 2246822519u; // xxHash32's primes
inline constexpr uint64_t K1 = 0x9E3779B185EBCA87ull, K2 = 0xC2B2AE3D27D4EB4Full, K3 = 0x165667B19E3779F9ull;

// Forced inline: at -Os (the web build) a call per word made the sum 8x slower under wasm.
[[gnu::always_inline]] inline Lanes round(Lanes lane, Lanes word) {
    lane += word * P2;
    lane = (lane << 13) | (lane >> 19);
    return lane * P1;
}
[[gnu::always_inline]] inline uint64_t round(uint64_t sum, uint64_t word) { return std::rotl(sum + word * K2, 31) * K1; }

// The sixteen lanes over the whole 64-byte blocks of p[0, n); returns the bytes read.
[[gnu::always_inline]] inline size_t blocks(const unsigned char* p, size_t n, Lanes (&l)[4]) {
    const Lanes seed = {P1 + P2, P2, 0, 0 - P1};
    Lanes a = seed, b = seed + 1, c = seed + 2, d = seed + 3;
    size_t i = 0;
    for (; i + 64 <= n; i += 64) {
        a = round(a, lanes_le(p + i));
        b = round(b, lanes_le(p + i + 16));
        c = round(c, lanes_le(p + i + 32));
        d = round(d, lanes_le(p + i + 48));
    }
    l[0] = a, l[1] = b, l[2] = c, l[3] = d;
    return i;
}

// x86-64's baseline (SSE2) has no 32-bit vector multiply: GCC builds it from two 64-bit ones and
// shuffles, and the sum ran at half the speed of version 2's natively. Every x86-64 CPU of the
// last fifteen years has SSE4.1's, so the same code is compiled a second time for it and chosen
// when the CPU has it (a build for x86-64-v2 or later, or wasm, has one copy).
#if defined(__x86_64__) && !defined(__SSE4_1__)
[[gnu::target("sse4.1")]] inline size_t blocks_sse41(const unsigned char* p, size_t n, Lanes (&l)[4]) {
    return blocks(p, n, l);
}
#endif

inline uint64_t of(std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const size_t n = bytes.size();
    Lanes lanes[4];
#if defined(__x86_64__) && !defined(__SSE4_1__)
    size_t i = __builtin_cpu_supports("sse4.1") ? blocks_sse41(p, n, lanes) : blocks(p, n, lanes);
#else
    size_t i = blocks(p, n, lanes);
#endif
    uint64_t h = K3 + uint64_t(n);
    for (const Lanes& v : lanes)
        for (int k = 0; k < 4; ++k) h = round(h, v[k]);
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
