#pragma once
// The first, branch-free pass of the agent kernel's yearly events: mark the few persons to whom an
// event may happen (the top 8 bits of their random word at or below a bound), so that only those
// take the exact, scalar path. Marks are a superset of the events (the scalar path decides
// exactly), which lets the comparison use only the top 8 bits of each word and bound: the four
// bounds a look-up chooses from (two sexes × two kinds of person or event) then share one 32-bit
// table entry, and one register look-up serves both sexes. Rounding the bounds to 8 bits marks a
// few more persons than 16 would (about 1/512 of persons per event), each of whom the exact path
// then rejects. The table look-ups are register permutes (this processor's vector gathers cost
// over 30 cycles each, measured), the compares are vector compares. Marks are bits (bit k % 64 of
// marks[k / 64]), so the scalar path visits only the marked persons.

#include <cstddef>
#include <cstdint>

#include "wardsim/engine/agent/philox_batch.h"

namespace wardsim::engine::agent {

// Words of marks for n persons.
constexpr std::size_t mark_words(std::size_t n) { return (n + 63) / 64; }

// A threshold t (event iff word < t, t ≤ 2^32) as an 8-bit mark bound b: (word >> 24) ≤ b for
// every word below t (b = 0 for t = 0 marks the words below 2^24, which the exact path rejects).
inline std::uint32_t mark_bound8(std::uint64_t threshold) {
  if (threshold == 0) return 0;
  return threshold > 0xFFFFFFFFull ? 0xFFu : static_cast<std::uint32_t>((threshold - 1) >> 24);
}
// Four thresholds' bounds in one table entry, byte k holding that of `k`.
inline std::uint32_t mark_bytes(std::uint64_t byte0, std::uint64_t byte1, std::uint64_t byte2,
                                std::uint64_t byte3) {
  return mark_bound8(byte0) | (mark_bound8(byte1) << 8) | (mark_bound8(byte2) << 16) |
         (mark_bound8(byte3) << 24);
}
// Whether a 16-bit screen (a word's top half) is marked against a threshold: its top 8 bits at or
// below the threshold's bound, as the marking passes compare.
inline bool screen_marked(std::uint32_t screen16, std::uint64_t threshold) {
  return (screen16 >> 8) <= mark_bound8(threshold);
}
// Two words' top halves in one lane: `low`'s in bits 0-15, `high`'s in bits 16-31.
inline std::uint32_t mark_halves(std::uint32_t low, std::uint32_t high) {
  return (low >> 16) | (high & 0xFFFF0000u);
}

// Tables of packed bounds are indexed by mark_age_index(age byte): 0 for a newborn
// (kBornThisYear), 1 + age up to 100, and 101 for any older byte (whose thresholds are those of
// age 100: cohort 100, no births, no leaving home or partner seeking). 128 entries fit four vector
// registers, so the vector path looks them up with register permutes.
inline constexpr std::size_t kMarkAges = 128;
inline std::uint32_t mark_age_index(std::uint8_t age) {
  const auto next = static_cast<std::uint8_t>(age + 1);
  return next < 101 ? next : 101;
}

// Marks person k if its screen (screened_draws.h) is marked against the any-event threshold of
// its kind (screen_marked). bounds (kMarkAges entries): mark_bytes(man with a census fact, woman
// with a census fact, plain man, plain woman). A census fact (Traits::kCensusFacts: may leave home
// or lives alone) matters for an unpartnered person, to whom leaving home or seeking a partner may
// then happen; anyone else is plain. Writes mark_words(n) words.
void mark_persons(const std::uint16_t* screen, const std::uint8_t* traits, const std::uint8_t* age,
                  std::size_t n, const std::uint32_t* bounds, std::uint64_t* marks);

// Marks person k (household slot household[k], kGone if already gone) if its household's
// out-migration or move screen is marked against the person's threshold for that event.
// household_halves[h] holds the top halves of slot h's out-migration word (bits 0-15) and move
// word (16-31), and must be readable 32 words past the largest slot (the vector path loads 32
// slots' halves at once); out_move (kMarkAges entries) is mark_bytes(a man's out-migration, a
// woman's out-migration, a man's move, a woman's move). Writes mark_words(n) words.
void mark_migrants(const std::uint32_t* household, const std::uint8_t* traits,
                   const std::uint8_t* age, std::size_t n, const std::uint32_t* household_halves,
                   const std::uint32_t* out_move, std::uint64_t* marks);

// The positions k of the marked persons (bits of marks below n, those at n and above being 0), in
// increasing order, into position; returns how many. Writes up to 16 entries past the count:
// position needs n + 16 entries.
std::size_t list_marks(const std::uint64_t* marks, std::size_t n, std::uint32_t* position);

}  // namespace wardsim::engine::agent
