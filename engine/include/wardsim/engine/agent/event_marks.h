#pragma once
// The first, branch-free pass of the agent kernel's yearly events: mark the few persons to whom an
// event may happen (one of their random words at or below a threshold), so that only those take
// the exact, scalar path. Marks are a superset of the events (the scalar path decides exactly),
// which lets the thresholds be 32-bit and the loops use vector gathers and compares.

#include <cstddef>
#include <cstdint>

#include "wardsim/engine/agent/philox_batch.h"

namespace wardsim::engine::agent {

// A threshold t (event iff word < t, t ≤ 2^32) as a 32-bit mark bound: word ≤ bound for every
// word below t (bound 0 for t = 0 marks only the word 0, which the exact path then rejects).
inline std::uint32_t mark_bound(std::uint64_t threshold) {
  if (threshold == 0) return 0;
  return threshold > 0xFFFFFFFFull ? 0xFFFFFFFFu : static_cast<std::uint32_t>(threshold - 1);
}

// Bounds by person key (sex << 8 | age byte); birth by key | partnered << 9.
struct PersonMarkBounds {
  const std::uint32_t* death;
  const std::uint32_t* birth;
  const std::uint32_t* leaving;
  const std::uint32_t* seeking;
};

// marks[k] = 1 if person k's words w0..w3 fall at or below their death, birth, leaving-home or
// partner-seeking bounds, else 0.
void mark_persons(const std::uint8_t* traits, const std::uint8_t* age, std::size_t n,
                  const WordColumns& words, const PersonMarkBounds& bounds, std::uint8_t* marks);

// marks[k] = 1 if person k (household slot household[k], kGone if already gone) has its
// household's out-migration word (household_w0) or move word (household_w1) at or below the
// person's bound, else 0.
void mark_migrants(const std::uint32_t* household, const std::uint8_t* traits,
                   const std::uint8_t* age, std::size_t n, const std::uint32_t* household_w0,
                   const std::uint32_t* household_w1, const std::uint32_t* out_bound,
                   const std::uint32_t* move_bound, std::uint8_t* marks);

}  // namespace wardsim::engine::agent
