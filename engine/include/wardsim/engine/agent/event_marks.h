#pragma once
// The first, branch-free pass of the agent kernel's yearly events: mark the few persons to whom an
// event may happen (the top 16 bits of their random word at or below a bound), so that only those
// take the exact, scalar path. Marks are a superset of the events (the scalar path decides
// exactly), which lets the comparison use only the top 16 bits of each word and bound: two bounds
// then share one 32-bit table entry. The table look-ups are plain loads
// (this processor's vector gathers cost over 30 cycles each, measured), the compares are vector
// compares of 16-bit lanes. Marks are bits (bit k % 64 of marks[k / 64]), so the scalar path
// visits only the marked persons.

#include <cstddef>
#include <cstdint>

#include "wardsim/engine/agent/philox_batch.h"

namespace wardsim::engine::agent {

// Words of marks for n persons.
constexpr std::size_t mark_words(std::size_t n) { return (n + 63) / 64; }

// A threshold t (event iff word < t, t ≤ 2^32) as a 16-bit mark bound b: (word >> 16) ≤ b for
// every word below t (b = 0 for t = 0 marks the words below 2^16, which the exact path rejects).
inline std::uint32_t mark_bound16(std::uint64_t threshold) {
  if (threshold == 0) return 0;
  return threshold > 0xFFFFFFFFull ? 0xFFFFu : static_cast<std::uint32_t>((threshold - 1) >> 16);
}
// Two thresholds' bounds in one table entry: `low`'s in bits 0-15, `high`'s in bits 16-31.
inline std::uint32_t mark_bounds(std::uint64_t low, std::uint64_t high) {
  return mark_bound16(low) | (mark_bound16(high) << 16);
}
// Two words' top halves in one lane, as mark_bounds lays out their bounds.
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

// Marks person k if its screen (screened_draws.h) is at or below its bound. bounds by sex,
// kMarkAges entries each: in bits 0-15 the 16-bit bound of an unpartnered person with a census fact
// (Traits::kCensusFacts: may leave home or lives alone, so leaving home or seeking a partner may
// apply), in bits 16-31 that of any other (plain) person: mark_bounds(with facts, plain) of their
// any-event thresholds. Writes mark_words(n) words.
void mark_persons(const std::uint16_t* screen, const std::uint8_t* traits, const std::uint8_t* age,
                  std::size_t n, const std::uint32_t* const bounds[2], std::uint64_t* marks);

// Marks person k (household slot household[k], kGone if already gone) if its household's
// out-migration or move word may fall below the person's threshold. household_halves[h] holds the
// top halves of slot h's out-migration word (bits 0-15) and move word (16-31), and must be readable
// 32 words past the largest slot (the vector path loads 32 slots' halves at once); out_move by sex
// (kMarkAges entries each) is mark_bounds(out-migration, move). Writes mark_words(n) words.
void mark_migrants(const std::uint32_t* household, const std::uint8_t* traits,
                   const std::uint8_t* age, std::size_t n, const std::uint32_t* household_halves,
                   const std::uint32_t* const out_move[2], std::uint64_t* marks);

// The positions k of the marked persons (bits of marks below n, those at n and above being 0), in
// increasing order, into position; returns how many. Writes up to 16 entries past the count:
// position needs n + 16 entries.
std::size_t list_marks(const std::uint64_t* marks, std::size_t n, std::uint32_t* position);

}  // namespace wardsim::engine::agent
