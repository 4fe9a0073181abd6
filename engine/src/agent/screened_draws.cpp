#include "wardsim/engine/agent/screened_draws.h"

#include <algorithm>
#include <array>

#include "cpu_features.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define WARDSIM_SCREENS_AVX512 1
#endif

namespace wardsim::engine::agent {
namespace {

// Blocks' words in block order (word j of block p at out[4p + j]): then a person's 16-bit screen
// is entry 8p + (id & 7) of the same memory seen as 16-bit halves, and a household's screen word
// is entry 4p + (slot & 3).
void interleave_scalar(const WordColumns& c, std::size_t from, std::size_t n, std::uint32_t* out) {
  for (std::size_t p = from; p < n; ++p) {
    out[4 * p] = c.w0[p];
    out[4 * p + 1] = c.w1[p];
    out[4 * p + 2] = c.w2[p];
    out[4 * p + 3] = c.w3[p];
  }
}

// Half (lane & 1) of word (lane >> 1) of block p.
inline std::uint16_t screen_of(const std::uint32_t* blocks, std::size_t p, std::uint32_t lane) {
  const std::uint32_t word = blocks[4 * p + (lane >> 1)];
  return static_cast<std::uint16_t>((lane & 1U) != 0 ? word >> 16 : word);
}

// The distinct blocks (id >> 3) of a run of persons in order of first appearance among
// consecutive persons, and each person's position in that list; returns the number of blocks.
std::size_t group_scalar(const std::uint32_t* id, std::size_t from, std::size_t n,
                         std::size_t groups, std::uint32_t* group, std::uint32_t* position) {
  std::uint32_t last = from == 0 ? 0xFFFFFFFFu : id[from - 1] >> 3;  // no id >> 3 is 0xFFFFFFFF
  for (std::size_t k = from; k < n; ++k) {
    const std::uint32_t g = id[k] >> 3;
    // Without a branch: whether a new block starts is unpredictable every few persons.
    group[groups] = g;
    groups += g != last ? 1U : 0U;
    position[k] = static_cast<std::uint32_t>(groups - 1);
    last = g;
  }
  return groups;
}

void screens_scalar(const std::uint32_t* id, const std::uint32_t* position,
                    const std::uint32_t* blocks, std::size_t from, std::size_t to,
                    std::uint16_t* screen) {
  for (std::size_t k = from; k < to; ++k) screen[k] = screen_of(blocks, position[k], id[k] & 7U);
}

#ifdef WARDSIM_SCREENS_AVX512
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"  // GCC bug 105593, see philox_batch.cpp
#define WARDSIM_AVX512_TARGET __attribute__((target("avx512f,avx512bw,popcnt")))

bool has_avx512() {
  const CpuFeatures& cpu = cpu_features();
  return cpu.avx512f && cpu.avx512bw && cpu.popcnt;
}

// interleave_scalar for 16 blocks per step: a 4 × 4 transpose of dwords in each 128-bit lane, then
// the lanes put in block order. Returns the number of blocks done.
WARDSIM_AVX512_TARGET std::size_t interleave_avx512(const WordColumns& c, std::size_t n,
                                                    std::uint32_t* out) {
  std::size_t p = 0;
  for (; p + 16 <= n; p += 16) {
    const __m512i a = _mm512_loadu_si512(c.w0 + p);
    const __m512i b = _mm512_loadu_si512(c.w1 + p);
    const __m512i cc = _mm512_loadu_si512(c.w2 + p);
    const __m512i d = _mm512_loadu_si512(c.w3 + p);
    const __m512i ab_lo = _mm512_unpacklo_epi32(a, b);
    const __m512i ab_hi = _mm512_unpackhi_epi32(a, b);
    const __m512i cd_lo = _mm512_unpacklo_epi32(cc, d);
    const __m512i cd_hi = _mm512_unpackhi_epi32(cc, d);
    // r_q: blocks 4i + q of lane i, each as (w0, w1, w2, w3).
    const __m512i r0 = _mm512_unpacklo_epi64(ab_lo, cd_lo);
    const __m512i r1 = _mm512_unpackhi_epi64(ab_lo, cd_lo);
    const __m512i r2 = _mm512_unpacklo_epi64(ab_hi, cd_hi);
    const __m512i r3 = _mm512_unpackhi_epi64(ab_hi, cd_hi);
    const __m512i t0 = _mm512_shuffle_i32x4(r0, r1, 0x44);  // r0.l0 r0.l1 r1.l0 r1.l1
    const __m512i t1 = _mm512_shuffle_i32x4(r2, r3, 0x44);
    const __m512i t2 = _mm512_shuffle_i32x4(r0, r1, 0xEE);  // r0.l2 r0.l3 r1.l2 r1.l3
    const __m512i t3 = _mm512_shuffle_i32x4(r2, r3, 0xEE);
    _mm512_storeu_si512(out + 4 * p, _mm512_shuffle_i32x4(t0, t1, 0x88));  // blocks 0-3
    _mm512_storeu_si512(out + 4 * p + 16, _mm512_shuffle_i32x4(t0, t1, 0xDD));
    _mm512_storeu_si512(out + 4 * p + 32, _mm512_shuffle_i32x4(t2, t3, 0x88));
    _mm512_storeu_si512(out + 4 * p + 48, _mm512_shuffle_i32x4(t2, t3, 0xDD));
  }
  return p;
}

// group_scalar for 16 persons per step: a block starts where id >> 3 differs from the previous
// person's. Usually (ids in increasing order with small gaps) each person's block is the previous
// person's or the next one: the new blocks are then last + 1, …, and a person's position is
// count − 1 + (block − last), by plain arithmetic. Otherwise the new blocks are compressed into the
// list, and each person's position is the number of starts up to them (an expand of 1, 2, … then
// a running maximum). Returns the persons done (whole steps of 16) and sets `groups`.
WARDSIM_AVX512_TARGET std::size_t group_avx512(const std::uint32_t* id, std::size_t n,
                                               std::size_t& groups, std::uint32_t* group,
                                               std::uint32_t* position) {
  const __m512i one_to_sixteen =
      _mm512_setr_epi32(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
  const __m512i one = _mm512_set1_epi32(1);
  const __m512i zero = _mm512_setzero_si512();
  std::uint32_t last_block = 0xFFFFFFFFu;  // no id >> 3 is 0xFFFFFFFF
  __m512i last = _mm512_set1_epi32(-1);    // its lane 15 is last_block
  std::size_t count = 0;
  std::size_t k = 0;
  // Lane arithmetic is modulo 2^32, so last_block = 0xFFFFFFFF acts as −1.
  for (; k + 16 <= n; k += 16) {
    const __m512i g = _mm512_srli_epi32(_mm512_loadu_si512(id + k), 3);
    const __m512i previous = _mm512_alignr_epi32(g, last, 15);  // lane i: g[i − 1]
    const std::uint32_t top = id[k + 15] >> 3;
    // group has room for 16 lanes at any count ≤ k.
    if (_mm512_cmpgt_epu32_mask(_mm512_sub_epi32(g, previous), one) == 0) {
      _mm512_storeu_si512(
          group + count,
          _mm512_add_epi32(one_to_sixteen, _mm512_set1_epi32(static_cast<int>(last_block))));
      _mm512_storeu_si512(
          position + k,
          _mm512_add_epi32(g, _mm512_set1_epi32(static_cast<int>(static_cast<std::uint32_t>(count) -
                                                                 1U - last_block))));
      count += top - last_block;
    } else {
      const __mmask16 starts = _mm512_cmpneq_epu32_mask(g, previous);
      // Compressed in a register and stored whole: a compressing store to memory takes about
      // ten times longer on Intel cores.
      _mm512_storeu_si512(group + count, _mm512_maskz_compress_epi32(starts, g));
      __m512i rank = _mm512_maskz_expand_epi32(starts, one_to_sixteen);
      rank = _mm512_max_epu32(rank, _mm512_alignr_epi32(rank, zero, 15));
      rank = _mm512_max_epu32(rank, _mm512_alignr_epi32(rank, zero, 14));
      rank = _mm512_max_epu32(rank, _mm512_alignr_epi32(rank, zero, 12));
      rank = _mm512_max_epu32(rank, _mm512_alignr_epi32(rank, zero, 8));
      // count − 1 + rank: a lane before this step's first start belongs to the last block so far.
      _mm512_storeu_si512(position + k,
                          _mm512_add_epi32(rank, _mm512_set1_epi32(static_cast<int>(count) - 1)));
      count += static_cast<std::size_t>(__builtin_popcount(starts));
    }
    last = g;
    last_block = top;
  }
  groups = count;
  return k;
}

// (position − base) · 8 + (id & 7) of 16 persons, as 16-bit lanes: their halves' index among the
// blocks from `base` on.
WARDSIM_AVX512_TARGET inline __m256i screen_index16(const std::uint32_t* id,
                                                    const std::uint32_t* position, __m512i base) {
  const __m512i relative = _mm512_sub_epi32(_mm512_loadu_si512(position), base);
  return _mm512_cvtepi32_epi16(
      _mm512_or_si512(_mm512_slli_epi32(relative, 3),
                      _mm512_and_si512(_mm512_loadu_si512(id), _mm512_set1_epi32(7))));
}

// The screens of 32 persons at a time whose blocks are among 16 consecutive ones of the list (runs
// of consecutive ids, or ids at least a quarter dense: nearly always): those 16 blocks' 128 halves
// fit four registers, and two 16-bit permutes and a blend pick each person's. Others are done one
// at a time. Returns the persons done.
WARDSIM_AVX512_TARGET std::size_t screens_avx512(const std::uint32_t* id,
                                                 const std::uint32_t* position,
                                                 const std::uint32_t* blocks, std::size_t n,
                                                 std::uint16_t* screen) {
  std::size_t k = 0;
  for (; k + 32 <= n; k += 32) {
    const std::uint32_t first = position[k];
    if (position[k + 31] - first >= 16) {  // positions never decrease
      screens_scalar(id, position, blocks, k, k + 32, screen);
      continue;
    }
    const __m512i base = _mm512_set1_epi32(static_cast<int>(first));
    const __m512i index =
        _mm512_inserti64x4(_mm512_castsi256_si512(screen_index16(id + k, position + k, base)),
                           screen_index16(id + k + 16, position + k + 16, base), 1);
    const std::uint32_t* const from = blocks + 4 * first;
    const __m512i first_eight =
        _mm512_permutex2var_epi16(_mm512_loadu_si512(from), index, _mm512_loadu_si512(from + 16));
    const __m512i next_eight = _mm512_permutex2var_epi16(_mm512_loadu_si512(from + 32), index,
                                                         _mm512_loadu_si512(from + 48));
    const __mmask32 in_next = _mm512_test_epi16_mask(index, _mm512_set1_epi16(64));
    _mm512_storeu_si512(screen + k, _mm512_mask_blend_epi16(in_next, first_eight, next_eight));
  }
  return k;
}
#undef WARDSIM_AVX512_TARGET
#pragma GCC diagnostic pop
#endif

void interleave(const WordColumns& c, std::size_t n, std::uint32_t* out) {
  std::size_t done = 0;
#ifdef WARDSIM_SCREENS_AVX512
  if (has_avx512()) done = interleave_avx512(c, n, out);
#endif
  interleave_scalar(c, done, n, out);
}

}  // namespace

void person_screens(const RandomStreams& streams, const std::uint32_t* id, std::size_t n,
                    std::uint32_t year, std::uint16_t* screen) {
  // The distinct blocks of a run of persons: a district's persons are mostly runs of consecutive
  // ids (numbered in district order), so about one block per 8 persons, not per person.
  std::array<std::uint32_t, kMaxScreenRun + 16> group;  // group_avx512 stores 16 lanes at a time
  std::array<std::uint32_t, kMaxScreenRun> position;
  std::size_t groups = 0, done = 0;
#ifdef WARDSIM_SCREENS_AVX512
  if (has_avx512()) done = group_avx512(id, n, groups, group.data(), position.data());
#endif
  groups = group_scalar(id, done, n, groups, group.data(), position.data());
  std::array<std::uint32_t, 4 * kMaxScreenRun> words;
  const WordColumns columns{words.data(), words.data() + kMaxScreenRun,
                            words.data() + 2 * kMaxScreenRun, words.data() + 3 * kMaxScreenRun};
  streams.words(group.data(), groups, year, Event::kPersonScreen, kAnyDistrict, columns);
  // 16 blocks more than needed: the vector path reads 16 blocks from any position.
  std::array<std::uint32_t, 4 * (kMaxScreenRun + 16)> blocks;
  interleave(columns, groups, blocks.data());
  done = 0;
#ifdef WARDSIM_SCREENS_AVX512
  if (has_avx512()) done = screens_avx512(id, position.data(), blocks.data(), n, screen);
#endif
  screens_scalar(id, position.data(), blocks.data(), done, n, screen);
}

void household_screens(const RandomStreams& streams, std::size_t slots, std::uint32_t year,
                       std::uint32_t district, std::uint32_t* screen) {
  constexpr std::size_t kChunk = 512;  // blocks per Philox call, 4 households each
  std::array<std::uint32_t, kChunk> entity;
  std::array<std::uint32_t, 4 * kChunk> words;
  const WordColumns columns{words.data(), words.data() + kChunk, words.data() + 2 * kChunk,
                            words.data() + 3 * kChunk};
  const std::size_t blocks = household_screen_words(slots) / 4;
  for (std::size_t from = 0; from < blocks; from += kChunk) {
    const std::size_t m = std::min(kChunk, blocks - from);
    for (std::size_t k = 0; k < m; ++k) entity[k] = static_cast<std::uint32_t>(from + k);
    streams.words(entity.data(), m, year, Event::kHouseholdScreen, district, columns);
    interleave(columns, m, screen + 4 * from);
  }
}

}  // namespace wardsim::engine::agent
