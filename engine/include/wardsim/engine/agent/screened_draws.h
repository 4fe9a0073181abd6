#pragma once
// Screened random draws for the agent kernel's yearly events (docs/agent_model.md, "Random
// streams"). About nine persons in ten have no event in a year, so a person first gets only a
// 16-bit *screen*: the top half of the 32-bit uniform u that decides their year. One Philox block
// gives the screens of 8 persons (ids sharing id >> 3), a household's out-migration and move
// screens are the two halves of one word (4 households per block). Only a person whose screen is at
// or below a bound (marked: a superset of those with an event) draws a block of their own, whose
// fresh bits complete u; u then decides exactly, with the same probabilities as four independent
// words would.

#include <cstddef>
#include <cstdint>

#include "wardsim/engine/agent/random_streams.h"

namespace wardsim::engine::agent {

inline constexpr std::uint64_t kWordRange = std::uint64_t{1} << 32;

// ⌊range · threshold / 2^32⌋ for range, threshold ≤ 2^32: the threshold's probability as a share
// of `range` consecutive words.
inline std::uint64_t scale_threshold(std::uint64_t range, std::uint64_t threshold) {
  if (range == kWordRange) return threshold;
  if (threshold == kWordRange) return range;
  return (range * threshold) >> 32;  // both below 2^32: no overflow
}

// The events of a person's year. At most one happens: death ends the year, a new mother neither
// leaves home nor seeks a partner, and whoever leaves home does not seek a partner the same year.
enum class PersonEvent : std::uint8_t { kNone, kDeath, kBirth, kLeavingHome, kSeeking };
inline constexpr std::size_t kPersonEvents = static_cast<std::size_t>(PersonEvent::kSeeking) + 1;

// A person's thresholds (threshold_of), each conditional on the events before it not happening;
// 0 where the event does not apply to the person in their current state.
struct PersonThresholds {
  std::uint64_t death = 0;
  std::uint64_t birth = 0;    // given survival
  std::uint64_t leaving = 0;  // given survival and no birth
  std::uint64_t seeking = 0;  // given survival, no birth and not leaving home
};

// u in [0, death_end) dies, [death_end, birth_end) gives birth, [birth_end, leaving_end) leaves
// home, [leaving_end, seeking_end) seeks a partner; each range is its threshold's share of the
// words left after the ranges before it, so that each event's probability given the earlier ones'
// not happening is its threshold / 2^32 (within 1 / (2^32 − start of its range)).
struct EventRanges {
  std::uint64_t death_end = 0;
  std::uint64_t birth_end = 0;
  std::uint64_t leaving_end = 0;
  std::uint64_t seeking_end = 0;
};
inline EventRanges event_ranges(const PersonThresholds& t) {
  EventRanges r;
  r.death_end = t.death;
  r.birth_end = r.death_end + scale_threshold(kWordRange - r.death_end, t.birth);
  r.leaving_end = r.birth_end + scale_threshold(kWordRange - r.birth_end, t.leaving);
  r.seeking_end = r.leaving_end + scale_threshold(kWordRange - r.leaving_end, t.seeking);
  return r;
}
// The ends are in increasing order, so the number of them at or below u says which range holds u
// (counted without branches: the event is unpredictable).
inline PersonEvent person_event(std::uint32_t u, const EventRanges& r) {
  static constexpr PersonEvent kByEndsPassed[kPersonEvents] = {
      PersonEvent::kDeath, PersonEvent::kBirth, PersonEvent::kLeavingHome, PersonEvent::kSeeking,
      PersonEvent::kNone};
  const int passed = static_cast<int>(u >= r.death_end) + static_cast<int>(u >= r.birth_end) +
                     static_cast<int>(u >= r.leaving_end) + static_cast<int>(u >= r.seeking_end);
  return kByEndsPassed[passed];
}

// The person's uniform u from their screen and their own block (Event::kPersonExact): the screen
// is u's top 16 bits, word 0's low half its bottom 16.
inline std::uint32_t person_uniform(std::uint16_t screen, std::uint32_t exact_word0) {
  return (static_cast<std::uint32_t>(screen) << 16) | (exact_word0 & 0xFFFFu);
}

// The screens of n persons: person id's screen is 16-bit half (id & 1) of word (id & 7) >> 1 of
// the block (id >> 3, year, Event::kPersonScreen, any district). Consecutive persons sharing id >>
// 3 share one Philox call.
inline constexpr std::size_t kMaxScreenRun = 512;
void person_screens(const RandomStreams& streams, const std::uint32_t* id, std::size_t n,
                    std::uint32_t year, std::uint16_t* screen);  // n ≤ kMaxScreenRun

// A household's screen word: word (slot & 3) of the block (slot >> 2, year,
// Event::kHouseholdScreen, district); its low half is the top half of the out-migration word, its
// high half that of the move word (mark_halves' layout). Writes household_screen_words(slots)
// words (whole blocks).
inline std::size_t household_screen_words(std::size_t slots) { return (slots + 3) / 4 * 4; }
void household_screens(const RandomStreams& streams, std::size_t slots, std::uint32_t year,
                       std::uint32_t district, std::uint32_t* screen);

// A household's full words from its screen word and its own block (Event::kHouseholdExact):
// word 0's halves complete the out-migration and move words, word 1 is the destination word.
struct HouseholdWords {
  std::uint32_t out_migration;
  std::uint32_t move;
  std::uint32_t destination;
};
inline HouseholdWords household_words(std::uint32_t screen, std::uint32_t exact_word0,
                                      std::uint32_t exact_word1) {
  return {(screen << 16) | (exact_word0 & 0xFFFFu), (screen & 0xFFFF0000u) | (exact_word0 >> 16),
          exact_word1};
}

}  // namespace wardsim::engine::agent
