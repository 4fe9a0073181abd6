#include "wardsim/engine/agent/philox_batch.h"

#include "cpu_features.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define WARDSIM_PHILOX_AVX512 1
#endif

namespace wardsim::engine::agent {
namespace {

// Random123's constants (Random123/philox.h).
constexpr std::uint32_t kM0 = 0xD2511F53u;
constexpr std::uint32_t kM1 = 0xCD9E8D57u;
constexpr std::uint32_t kW0 = 0x9E3779B9u;
constexpr std::uint32_t kW1 = 0xBB67AE85u;
constexpr int kRounds = 10;

// The portable loop: the compiler vectorises it for the build's instruction set.
void philox_loop(const std::uint32_t* entity, std::size_t n, std::uint32_t c1, std::uint32_t c2,
                 std::uint32_t c3, std::uint32_t key0, std::uint32_t key1, const WordColumns& out) {
  std::uint32_t* __restrict w0 = out.w0;
  std::uint32_t* __restrict w1 = out.w1;
  std::uint32_t* __restrict w2 = out.w2;
  std::uint32_t* __restrict w3 = out.w3;
  for (std::size_t k = 0; k < n; ++k) {
    std::uint32_t x0 = entity[k];
    std::uint32_t x1 = c1;
    std::uint32_t x2 = c2;
    std::uint32_t x3 = c3;
    std::uint32_t k0 = key0;
    std::uint32_t k1 = key1;
#pragma GCC unroll 10
    for (int round = 0; round < kRounds; ++round) {
      const std::uint64_t p0 = std::uint64_t{kM0} * x0;
      const std::uint64_t p1 = std::uint64_t{kM1} * x2;
      const auto hi0 = static_cast<std::uint32_t>(p0 >> 32);
      const auto hi1 = static_cast<std::uint32_t>(p1 >> 32);
      x0 = hi1 ^ x1 ^ k0;
      x1 = static_cast<std::uint32_t>(p1);
      x2 = hi0 ^ x3 ^ k1;
      x3 = static_cast<std::uint32_t>(p0);
      k0 += kW0;
      k1 += kW1;
    }
    w0[k] = x0;
    w1[k] = x1;
    w2[k] = x2;
    w3[k] = x3;
  }
}

#ifdef WARDSIM_PHILOX_AVX512
// GCC 12's AVX-512 intrinsics initialise their "undefined" pass-through vectors from themselves,
// which -Wmaybe-uninitialized reports inside the system header (GCC bug 105593).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
// Sixteen counters per instruction. A 32 × 32 → 64-bit multiply exists only for the even lanes
// (vpmuludq), so each round multiplies the even lanes and the odd lanes (shifted down) separately;
// one masked dword shuffle per half then brings the high and the low words back into place.
struct Halves {
  __m512i hi;
  __m512i lo;
};
__attribute__((target("avx512f"))) inline Halves mulhilo(__m512i x, __m512i m) {
  constexpr __mmask16 kEven = 0x5555;
  constexpr __mmask16 kOdd = 0xAAAA;
  const __m512i even = _mm512_mul_epu32(x, m);                        // products of lanes 0, 2, …
  const __m512i odd = _mm512_mul_epu32(_mm512_srli_epi64(x, 32), m);  // products of lanes 1, 3, …
  // hi: odd lanes already hold their product's high word; even lanes take dword 1 of theirs.
  // lo: even lanes already hold their low word; odd lanes take dword 0 of the odd product.
  return {_mm512_mask_shuffle_epi32(odd, kEven, even, _MM_PERM_CDAB),
          _mm512_mask_shuffle_epi32(even, kOdd, odd, _MM_PERM_CDAB)};
}

__attribute__((target("avx512f"))) void philox_avx512(const std::uint32_t* entity, std::size_t n,
                                                      std::uint32_t c1, std::uint32_t c2,
                                                      std::uint32_t c3, std::uint32_t key0,
                                                      std::uint32_t key1, const WordColumns& out) {
  const __m512i m0 = _mm512_set1_epi32(static_cast<int>(kM0));
  const __m512i m1 = _mm512_set1_epi32(static_cast<int>(kM1));
  constexpr int kXor3 = 0x96;  // vpternlogd truth table of a ^ b ^ c
  // The round keys as vectors, computed once per call rather than broadcast in every round.
  __m512i round_key0[kRounds];
  __m512i round_key1[kRounds];
  for (int round = 0; round < kRounds; ++round) {
    round_key0[round] =
        _mm512_set1_epi32(static_cast<int>(key0 + static_cast<std::uint32_t>(round) * kW0));
    round_key1[round] =
        _mm512_set1_epi32(static_cast<int>(key1 + static_cast<std::uint32_t>(round) * kW1));
  }
  // Sixteen counters per step; the last step takes the remaining (under 16) by masked loads and
  // stores, since the kernel often asks for a few blocks (its marked persons) and the scalar loop
  // costs about 40 cycles per block.
  for (std::size_t k = 0; k < n; k += 16) {
    const __mmask16 lanes =
        n - k >= 16 ? __mmask16{0xFFFF} : static_cast<__mmask16>((1U << (n - k)) - 1U);
    __m512i x0 = _mm512_maskz_loadu_epi32(lanes, entity + k);
    __m512i x1 = _mm512_set1_epi32(static_cast<int>(c1));
    __m512i x2 = _mm512_set1_epi32(static_cast<int>(c2));
    __m512i x3 = _mm512_set1_epi32(static_cast<int>(c3));
    for (int round = 0; round < kRounds; ++round) {
      const Halves p0 = mulhilo(x0, m0);
      const Halves p1 = mulhilo(x2, m1);
      x0 = _mm512_ternarylogic_epi32(p1.hi, x1, round_key0[round], kXor3);
      x1 = p1.lo;
      x2 = _mm512_ternarylogic_epi32(p0.hi, x3, round_key1[round], kXor3);
      x3 = p0.lo;
    }
    _mm512_mask_storeu_epi32(out.w0 + k, lanes, x0);
    _mm512_mask_storeu_epi32(out.w1 + k, lanes, x1);
    _mm512_mask_storeu_epi32(out.w2 + k, lanes, x2);
    _mm512_mask_storeu_epi32(out.w3 + k, lanes, x3);
  }
}
#pragma GCC diagnostic pop
#endif

}  // namespace

void philox4x32_batch(const std::uint32_t* entity, std::size_t n, std::uint32_t c1,
                      std::uint32_t c2, std::uint32_t c3, std::uint32_t key0, std::uint32_t key1,
                      const WordColumns& out) {
#ifdef WARDSIM_PHILOX_AVX512
  // Chosen at run time, so the portable build uses AVX-512 where the processor has it.
  if (cpu_features().avx512f) {
    philox_avx512(entity, n, c1, c2, c3, key0, key1, out);
    return;
  }
#endif
  philox_loop(entity, n, c1, c2, c3, key0, key1, out);
}

void philox4x32_batch_portable(const std::uint32_t* entity, std::size_t n, std::uint32_t c1,
                               std::uint32_t c2, std::uint32_t c3, std::uint32_t key0,
                               std::uint32_t key1, const WordColumns& out) {
  philox_loop(entity, n, c1, c2, c3, key0, key1, out);
}

}  // namespace wardsim::engine::agent
