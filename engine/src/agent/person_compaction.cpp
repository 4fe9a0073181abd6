#include "wardsim/engine/agent/person_compaction.h"

#include <bit>
#include <cstdint>

#include "cpu_features.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define WARDSIM_COMPACTION_AVX512 1
#endif

namespace wardsim::engine::agent {
namespace {

struct Columns {
  std::uint32_t* id;
  std::uint32_t* household;
  std::uint8_t* age;
  std::uint8_t* traits;
};

// Persons i in [from, n) on from `kept` (kept ≤ from), one at a time.
void compact_scalar(const Columns& c, std::size_t from, std::size_t n, std::size_t old_count,
                    std::size_t& kept, std::size_t& kept_old) {
  for (std::size_t i = from; i < n; ++i) {
    if (c.household[i] == kGone) continue;
    c.id[kept] = c.id[i];
    c.household[kept] = c.household[i];
    c.age[kept] = c.age[i];
    c.traits[kept] = c.traits[i];
    ++kept;
    if (i < old_count) kept_old = kept;
  }
}

#ifdef WARDSIM_COMPACTION_AVX512
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"  // GCC bug 105593, see philox_batch.cpp
// Sixteen persons per step, the survivors packed to the front of each column by a compress. The
// full-width stores past the survivors write only to positions below i + 16, all read already
// (kept ≤ i), and later steps overwrite them. Returns where the scalar tail starts.
__attribute__((target("avx512f,popcnt"))) std::size_t compact_avx512(const Columns& c,
                                                                     std::size_t n,
                                                                     std::size_t old_count,
                                                                     std::size_t& kept,
                                                                     std::size_t& kept_old) {
  const __m512i gone = _mm512_set1_epi32(static_cast<int>(kGone));
  std::size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    const __m512i household = _mm512_loadu_si512(c.household + i);
    const __mmask16 keep = _mm512_cmpneq_epu32_mask(household, gone);
    const auto survivors = static_cast<std::size_t>(__builtin_popcount(keep));
    if (i < old_count) {
      const std::size_t below = old_count - i;
      const unsigned old_bits = below >= 16 ? 0xFFFFu : (1U << below) - 1U;
      kept_old = kept + static_cast<std::size_t>(__builtin_popcount(keep & old_bits));
    }
    if (survivors == 16 && kept == i) {  // nobody gone yet: nothing moves
      kept += 16;
      continue;
    }
    _mm512_storeu_si512(c.household + kept, _mm512_maskz_compress_epi32(keep, household));
    _mm512_storeu_si512(c.id + kept,
                        _mm512_maskz_compress_epi32(keep, _mm512_loadu_si512(c.id + i)));
    const __m512i age =
        _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(c.age + i)));
    const __m512i traits =
        _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(c.traits + i)));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(c.age + kept),
                     _mm512_cvtepi32_epi8(_mm512_maskz_compress_epi32(keep, age)));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(c.traits + kept),
                     _mm512_cvtepi32_epi8(_mm512_maskz_compress_epi32(keep, traits)));
    kept += survivors;
  }
  return i;
}
#pragma GCC diagnostic pop
#endif

}  // namespace

std::size_t remove_gone(DistrictAgents& a, std::size_t old_count) {
  const Columns columns{a.id.data(), a.household.data(), a.age.data(), a.traits.data()};
  const std::size_t n = a.persons();
  std::size_t kept = 0;
  std::size_t kept_old = 0;
  std::size_t from = 0;
#ifdef WARDSIM_COMPACTION_AVX512
  if (cpu_features().avx512f) from = compact_avx512(columns, n, old_count, kept, kept_old);
#endif
  compact_scalar(columns, from, n, old_count, kept, kept_old);
  a.id.resize(kept);
  a.household.resize(kept);
  a.age.resize(kept);
  a.traits.resize(kept);
  return kept_old;
}

}  // namespace wardsim::engine::agent
