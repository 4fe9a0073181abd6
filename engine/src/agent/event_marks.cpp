#include "wardsim/engine/agent/event_marks.h"

#include <algorithm>
#include <array>

#include "wardsim/engine/agent/district_agents.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define WARDSIM_MARKS_AVX512 1
#endif

namespace wardsim::engine::agent {
namespace {

constexpr std::size_t kChunk = 512;

inline std::uint32_t person_key(std::uint8_t traits, std::uint8_t age) {
  return (static_cast<std::uint32_t>(traits & Traits::kFemale) << 8) | age;
}

// The look-ups, one load per table and person (noinline: inlined into the AVX-512 code, they would
// be vectorised into the slow gathers).
__attribute__((noinline)) void look_up_persons(const std::uint8_t* traits, const std::uint8_t* age,
                                               std::size_t n, const PersonMarkBounds& b,
                                               std::uint32_t* death_birth,
                                               std::uint32_t* leaving_seeking) {
  for (std::size_t k = 0; k < n; ++k) {
    const std::uint32_t key = person_key(traits[k], age[k]);
    const std::uint32_t partnered = static_cast<std::uint32_t>(traits[k] & Traits::kPartnered) << 8;
    death_birth[k] = b.death_birth[key | partnered];
    leaving_seeking[k] = b.leaving_seeking[key];
  }
}

__attribute__((noinline)) void look_up_migrants(const std::uint32_t* household,
                                                const std::uint8_t* traits, const std::uint8_t* age,
                                                std::size_t n,
                                                const std::uint32_t* household_halves,
                                                const std::uint32_t* out_move,
                                                std::uint32_t* halves, std::uint32_t* bounds) {
  for (std::size_t k = 0; k < n; ++k) {
    const std::uint32_t slot = household[k];
    // A person who is gone reads slot 0; the mark is then dropped (see below).
    halves[k] = household_halves[slot == kGone ? 0 : slot];
    bounds[k] = out_move[person_key(traits[k], age[k])];
  }
}

// Either half of `halves` at or below the same half of `bounds`.
inline bool either_half(std::uint32_t halves, std::uint32_t bounds) {
  return ((halves & 0xFFFFu) <= (bounds & 0xFFFFu)) | ((halves >> 16) <= (bounds >> 16));
}

// The portable compares, from k = from on (the vector path leaves a tail of under 16).
void compare_persons_scalar(std::size_t from, std::size_t n, const WordColumns& w,
                            const std::uint32_t* death_birth, const std::uint32_t* leaving_seeking,
                            std::uint64_t* marks) {
  for (std::size_t k = from; k < n; ++k) {
    const bool any = either_half(mark_halves(w.w0[k], w.w1[k]), death_birth[k]) |
                     either_half(mark_halves(w.w2[k], w.w3[k]), leaving_seeking[k]);
    marks[k / 64] |= static_cast<std::uint64_t>(any) << (k % 64);
  }
}

void compare_migrants_scalar(std::size_t from, std::size_t n, const std::uint32_t* household,
                             const std::uint32_t* halves, const std::uint32_t* bounds,
                             std::uint64_t* marks) {
  for (std::size_t k = from; k < n; ++k) {
    const bool any = household[k] != kGone && either_half(halves[k], bounds[k]);
    marks[k / 64] |= static_cast<std::uint64_t>(any) << (k % 64);
  }
}

#ifdef WARDSIM_MARKS_AVX512
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"  // GCC bug 105593, see philox_batch.cpp
// One bit per person from the two bits per person of a 16-bit-lane compare.
__attribute__((target("avx512f,avx512bw,bmi2"))) inline std::uint64_t per_person(__mmask32 lanes) {
  const std::uint32_t m = static_cast<std::uint32_t>(lanes);
  return _pext_u32(m | (m >> 1), 0x55555555u);
}

__attribute__((target("avx512f,avx512bw,bmi2"))) std::size_t compare_persons_avx512(
    std::size_t n, const WordColumns& w, const std::uint32_t* death_birth,
    const std::uint32_t* leaving_seeking, std::uint64_t* marks) {
  const __m512i high = _mm512_set1_epi32(static_cast<int>(0xFFFF0000u));
  std::size_t k = 0;
  for (; k + 16 <= n; k += 16) {
    const __m512i w01 = _mm512_ternarylogic_epi32(
        _mm512_srli_epi32(_mm512_loadu_si512(w.w0 + k), 16), _mm512_loadu_si512(w.w1 + k), high,
        0xF8);  // a | (b & c)
    const __m512i w23 =
        _mm512_ternarylogic_epi32(_mm512_srli_epi32(_mm512_loadu_si512(w.w2 + k), 16),
                                  _mm512_loadu_si512(w.w3 + k), high, 0xF8);
    const __mmask32 lanes = _mm512_cmple_epu16_mask(w01, _mm512_loadu_si512(death_birth + k)) |
                            _mm512_cmple_epu16_mask(w23, _mm512_loadu_si512(leaving_seeking + k));
    marks[k / 64] |= per_person(lanes) << (k % 64);
  }
  return k;
}

__attribute__((target("avx512f,avx512bw,bmi2"))) std::size_t compare_migrants_avx512(
    std::size_t n, const std::uint32_t* household, const std::uint32_t* halves,
    const std::uint32_t* bounds, std::uint64_t* marks) {
  const __m512i gone = _mm512_set1_epi32(static_cast<int>(kGone));
  std::size_t k = 0;
  for (; k + 16 <= n; k += 16) {
    const __mmask16 present = _mm512_cmpneq_epu32_mask(_mm512_loadu_si512(household + k), gone);
    const __mmask32 lanes =
        _mm512_cmple_epu16_mask(_mm512_loadu_si512(halves + k), _mm512_loadu_si512(bounds + k));
    marks[k / 64] |= (per_person(lanes) & present) << (k % 64);
  }
  return k;
}
#pragma GCC diagnostic pop

bool has_avx512() {
  static const bool avx512 = __builtin_cpu_supports("avx512f") &&
                             __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("bmi2");
  return avx512;
}
#endif

}  // namespace

void mark_persons(const std::uint8_t* traits, const std::uint8_t* age, std::size_t n,
                  const WordColumns& words, const PersonMarkBounds& bounds, std::uint64_t* marks) {
  std::fill(marks, marks + mark_words(n), std::uint64_t{0});
  std::array<std::uint32_t, kChunk> death_birth;
  std::array<std::uint32_t, kChunk> leaving_seeking;
  for (std::size_t from = 0; from < n; from += kChunk) {
    const std::size_t m = std::min(kChunk, n - from);
    look_up_persons(traits + from, age + from, m, bounds, death_birth.data(),
                    leaving_seeking.data());
    const WordColumns w{words.w0 + from, words.w1 + from, words.w2 + from, words.w3 + from};
    std::uint64_t* chunk_marks = marks + from / 64;
    std::size_t done = 0;
#ifdef WARDSIM_MARKS_AVX512
    if (has_avx512()) {
      done = compare_persons_avx512(m, w, death_birth.data(), leaving_seeking.data(), chunk_marks);
    }
#endif
    compare_persons_scalar(done, m, w, death_birth.data(), leaving_seeking.data(), chunk_marks);
  }
}

void mark_migrants(const std::uint32_t* household, const std::uint8_t* traits,
                   const std::uint8_t* age, std::size_t n, const std::uint32_t* household_halves,
                   const std::uint32_t* out_move, std::uint64_t* marks) {
  std::fill(marks, marks + mark_words(n), std::uint64_t{0});
  std::array<std::uint32_t, kChunk> halves;
  std::array<std::uint32_t, kChunk> bounds;
  for (std::size_t from = 0; from < n; from += kChunk) {
    const std::size_t m = std::min(kChunk, n - from);
    look_up_migrants(household + from, traits + from, age + from, m, household_halves, out_move,
                     halves.data(), bounds.data());
    std::uint64_t* chunk_marks = marks + from / 64;
    std::size_t done = 0;
#ifdef WARDSIM_MARKS_AVX512
    if (has_avx512()) {
      done =
          compare_migrants_avx512(m, household + from, halves.data(), bounds.data(), chunk_marks);
    }
#endif
    compare_migrants_scalar(done, m, household + from, halves.data(), bounds.data(), chunk_marks);
  }
}

}  // namespace wardsim::engine::agent
