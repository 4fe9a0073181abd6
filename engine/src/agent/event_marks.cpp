#include "wardsim/engine/agent/event_marks.h"

#include <algorithm>
#include <bit>

#include "cpu_features.h"
#include "wardsim/engine/agent/district_agents.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define WARDSIM_MARKS_AVX512 1
#endif

namespace wardsim::engine::agent {
namespace {

// Byte `k` of a table entry.
inline std::uint32_t byte_of(std::uint32_t entry, unsigned k) { return (entry >> (8 * k)) & 0xFFu; }

// A person's byte in mark_persons' entries: sex, then 2 for a plain person.
inline unsigned person_byte(std::uint8_t traits) {
  const bool plain = (traits & Traits::kPartnered) != 0 || (traits & Traits::kCensusFacts) == 0;
  return static_cast<unsigned>(traits & Traits::kFemale) + (plain ? 2U : 0U);
}

// The portable path, from person `from` on (the vector path leaves a tail of under 16).
void mark_persons_scalar(const std::uint16_t* screen, const std::uint8_t* traits,
                         const std::uint8_t* age, std::size_t from, std::size_t n,
                         const std::uint32_t* bounds, std::uint64_t* marks) {
  for (std::size_t k = from; k < n; ++k) {
    const std::uint32_t bound = byte_of(bounds[mark_age_index(age[k])], person_byte(traits[k]));
    const bool any = (static_cast<std::uint32_t>(screen[k]) >> 8) <= bound;
    marks[k / 64] |= static_cast<std::uint64_t>(any) << (k % 64);
  }
}

void mark_migrants_scalar(const std::uint32_t* household, const std::uint8_t* traits,
                          const std::uint8_t* age, std::size_t from, std::size_t n,
                          const std::uint32_t* household_halves, const std::uint32_t* out_move,
                          std::uint64_t* marks) {
  for (std::size_t k = from; k < n; ++k) {
    if (household[k] == kGone) continue;
    const std::uint32_t halves = household_halves[household[k]];
    const std::uint32_t entry = out_move[mark_age_index(age[k])];
    const unsigned sex = traits[k] & Traits::kFemale;
    const bool any = ((halves & 0xFFFFu) >> 8) <= byte_of(entry, sex) ||
                     (halves >> 24) <= byte_of(entry, 2 + sex);
    marks[k / 64] |= static_cast<std::uint64_t>(any) << (k % 64);
  }
}

#ifdef WARDSIM_MARKS_AVX512
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"  // GCC bug 105593, see philox_batch.cpp
#define WARDSIM_AVX512_TARGET __attribute__((target("avx512f,avx512bw,bmi2")))

// A table of kMarkAges bounds in four registers, looked up by two two-register permutes and a
// blend on bit 6 of the index: no memory access per person.
struct RegisterTable {
  __m512i part[4];
};
WARDSIM_AVX512_TARGET inline RegisterTable load_table(const std::uint32_t* table) {
  return {{_mm512_loadu_si512(table), _mm512_loadu_si512(table + 16),
           _mm512_loadu_si512(table + 32), _mm512_loadu_si512(table + 48)}};
}
struct WideTable {  // kMarkAges = 128 entries: two RegisterTables
  RegisterTable low, high;
};
WARDSIM_AVX512_TARGET inline WideTable load_wide(const std::uint32_t* table) {
  return {load_table(table), load_table(table + 64)};
}
WARDSIM_AVX512_TARGET inline __m512i look_up(const RegisterTable& r, __m512i index) {
  const __m512i a = _mm512_permutex2var_epi32(r.part[0], index, r.part[1]);
  const __m512i b = _mm512_permutex2var_epi32(r.part[2], index, r.part[3]);
  return _mm512_mask_blend_epi32(_mm512_test_epi32_mask(index, _mm512_set1_epi32(32)), a, b);
}
WARDSIM_AVX512_TARGET inline __m512i look_up(const WideTable& t, __m512i index) {
  return _mm512_mask_blend_epi32(_mm512_test_epi32_mask(index, _mm512_set1_epi32(64)),
                                 look_up(t.low, index), look_up(t.high, index));
}

// mark_age_index of 16 age bytes, and the traits as 32-bit lanes.
WARDSIM_AVX512_TARGET inline __m512i age_index16(const std::uint8_t* age) {
  const __m512i age32 =
      _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(age)));
  const __m512i next =
      _mm512_and_si512(_mm512_add_epi32(age32, _mm512_set1_epi32(1)), _mm512_set1_epi32(0xFF));
  return _mm512_min_epu32(next, _mm512_set1_epi32(101));
}
WARDSIM_AVX512_TARGET inline __m512i traits16(const std::uint8_t* traits) {
  return _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(traits)));
}

// One bit per person from the two bits per person of a 16-bit-lane compare.
WARDSIM_AVX512_TARGET inline std::uint64_t per_person(__mmask32 lanes) {
  const std::uint32_t m = static_cast<std::uint32_t>(lanes);
  return _pext_u32(m | (m >> 1), 0x55555555u);
}

WARDSIM_AVX512_TARGET std::size_t mark_persons_avx512(const std::uint16_t* screen,
                                                      const std::uint8_t* traits,
                                                      const std::uint8_t* age, std::size_t n,
                                                      const std::uint32_t* bounds,
                                                      std::uint64_t* marks) {
  const WideTable table = load_wide(bounds);
  const __m512i byte = _mm512_set1_epi32(0xFF);
  std::size_t k = 0;
  for (; k + 16 <= n; k += 16) {
    const __m512i index = age_index16(age + k);
    const __m512i t = traits16(traits + k);
    const __mmask16 plain = _mm512_test_epi32_mask(t, _mm512_set1_epi32(Traits::kPartnered)) |
                            _mm512_testn_epi32_mask(t, _mm512_set1_epi32(Traits::kCensusFacts));
    // The person's byte of the entry: 8 × sex, + 16 if plain.
    __m512i shift = _mm512_slli_epi32(_mm512_and_si512(t, _mm512_set1_epi32(Traits::kFemale)), 3);
    shift = _mm512_mask_add_epi32(shift, plain, shift, _mm512_set1_epi32(16));
    const __m512i bound = _mm512_and_si512(_mm512_srlv_epi32(look_up(table, index), shift), byte);
    const __m512i s = _mm512_srli_epi32(
        _mm512_cvtepu16_epi32(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(screen + k))), 8);
    marks[k / 64] |= static_cast<std::uint64_t>(_mm512_cmple_epu32_mask(s, bound)) << (k % 64);
  }
  return k;
}

// The households' halves of 16 persons. Members of a household are mostly neighbours and slots
// mostly grow with the persons, so most of the 16 persons' slots lie within 32 from the first
// person's: two loads of those 32 slots' halves and a permute give theirs (no gather, which costs
// over 30 cycles here, nor 16 scalar loads); the few others (someone who left home or was born
// into a household of an older slot) are loaded one by one. The gone are not marked, whatever
// they read.
WARDSIM_AVX512_TARGET inline __m512i households_halves16(const std::uint32_t* household,
                                                         __mmask16 present,
                                                         const std::uint32_t* household_halves) {
  const __m512i slots = _mm512_loadu_si512(household);
  // A scalar load (shorter latency than a reduction); slot 0 if the first person is gone.
  const std::uint32_t base = household[0] == kGone ? 0 : household[0];
  const __m512i relative = _mm512_sub_epi32(slots, _mm512_set1_epi32(static_cast<int>(base)));
  const __mmask16 near = _mm512_cmplt_epu32_mask(relative, _mm512_set1_epi32(32));
  const __m512i halves =
      _mm512_permutex2var_epi32(_mm512_loadu_si512(household_halves + base), relative,
                                _mm512_loadu_si512(household_halves + base + 16));
  // Each far lane by a masked broadcast (not a store to memory and a reload of the vector, which
  // stalls on store forwarding).
  __m512i patched = halves;
  for (unsigned lanes = present & ~near; lanes != 0; lanes &= lanes - 1) {
    const auto lane = static_cast<std::size_t>(std::countr_zero(lanes));
    patched = _mm512_mask_set1_epi32(patched, static_cast<__mmask16>(1U << lane),
                                     static_cast<int>(household_halves[household[lane]]));
  }
  return patched;
}

WARDSIM_AVX512_TARGET std::size_t mark_migrants_avx512(const std::uint32_t* household,
                                                       const std::uint8_t* traits,
                                                       const std::uint8_t* age, std::size_t n,
                                                       const std::uint32_t* household_halves,
                                                       const std::uint32_t* out_move,
                                                       std::uint64_t* marks) {
  const WideTable table = load_wide(out_move);
  const __m512i gone = _mm512_set1_epi32(static_cast<int>(kGone));
  // After a woman's entry is shifted down by a byte: the out-migration bound in bits 0-7, the move
  // bound in bits 16-23, as the halves are laid out.
  const __m512i low_bytes = _mm512_set1_epi32(0x00FF00FF);
  std::size_t k = 0;
  for (; k + 16 <= n; k += 16) {
    const __mmask16 present = _mm512_cmpneq_epu32_mask(_mm512_loadu_si512(household + k), gone);
    if (present == 0) continue;
    const __m512i index = age_index16(age + k);
    const __mmask16 is_female =
        _mm512_test_epi32_mask(traits16(traits + k), _mm512_set1_epi32(Traits::kFemale));
    const __m512i entry = look_up(table, index);
    const __m512i bounds =
        _mm512_and_si512(_mm512_mask_srli_epi32(entry, is_female, entry, 8), low_bytes);
    const __m512i halves =
        _mm512_srli_epi16(households_halves16(household + k, present, household_halves), 8);
    const __mmask32 lanes = _mm512_cmple_epu16_mask(halves, bounds);
    marks[k / 64] |= (per_person(lanes) & present) << (k % 64);
  }
  return k;
}
// list_marks 16 persons per step: the positions of a step's marks compressed to the front of a
// register and stored whole (no branch per mark, which would be mispredicted at every step's last
// mark). Does the first `words` words of marks; returns the number of marks.
WARDSIM_AVX512_TARGET std::size_t list_marks_avx512(const std::uint64_t* marks, std::size_t words,
                                                    std::uint32_t* position) {
  const __m512i sixteen = _mm512_set1_epi32(16);
  __m512i k = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  std::size_t count = 0;
  for (std::size_t step = 0; step < 4 * words; ++step) {
    const auto mask = static_cast<__mmask16>(marks[step / 4] >> (16 * (step % 4)));
    _mm512_storeu_si512(position + count, _mm512_maskz_compress_epi32(mask, k));
    count += static_cast<std::size_t>(__builtin_popcount(mask));
    k = _mm512_add_epi32(k, sixteen);
  }
  return count;
}
#undef WARDSIM_AVX512_TARGET
#pragma GCC diagnostic pop

bool has_avx512() {
  const CpuFeatures& cpu = cpu_features();
  return cpu.avx512f && cpu.avx512bw && cpu.bmi2;
}
#endif

}  // namespace

void mark_persons(const std::uint16_t* screen, const std::uint8_t* traits, const std::uint8_t* age,
                  std::size_t n, const std::uint32_t* bounds, std::uint64_t* marks) {
  std::fill(marks, marks + mark_words(n), std::uint64_t{0});
  std::size_t done = 0;
#ifdef WARDSIM_MARKS_AVX512
  if (has_avx512()) done = mark_persons_avx512(screen, traits, age, n, bounds, marks);
#endif
  mark_persons_scalar(screen, traits, age, done, n, bounds, marks);
}

void mark_migrants(const std::uint32_t* household, const std::uint8_t* traits,
                   const std::uint8_t* age, std::size_t n, const std::uint32_t* household_halves,
                   const std::uint32_t* out_move, std::uint64_t* marks) {
  std::fill(marks, marks + mark_words(n), std::uint64_t{0});
  std::size_t done = 0;
#ifdef WARDSIM_MARKS_AVX512
  if (has_avx512()) {
    done = mark_migrants_avx512(household, traits, age, n, household_halves, out_move, marks);
  }
#endif
  mark_migrants_scalar(household, traits, age, done, n, household_halves, out_move, marks);
}

std::size_t list_marks(const std::uint64_t* marks, std::size_t n, std::uint32_t* position) {
  std::size_t count = 0, done = 0;
#ifdef WARDSIM_MARKS_AVX512
  // The whole words; a last partial word (the end of a district) goes the portable way.
  if (has_avx512()) {
    done = n / 64;
    count = list_marks_avx512(marks, done, position);
  }
#endif
  for (std::size_t w = done; w < mark_words(n); ++w) {
    for (std::uint64_t bits = marks[w]; bits != 0; bits &= bits - 1) {
      position[count++] =
          static_cast<std::uint32_t>(w * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
    }
  }
  return count;
}

}  // namespace wardsim::engine::agent
