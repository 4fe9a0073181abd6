#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

#include "wardsim/engine/agent/district_agents.h"
#include "wardsim/engine/agent/event_marks.h"
#include "wardsim/engine/agent/person_compaction.h"

namespace wardsim::engine::agent {
namespace {

// A word of 32 random bits shifted right by 0-7 (many small words, so that events are common).
std::uint32_t some_word(std::mt19937& rng) {
  const std::uint32_t bits = static_cast<std::uint32_t>(rng());
  return bits >> (rng() % 8);
}

bool marked(const std::vector<std::uint64_t>& marks, std::size_t k) {
  return ((marks[k / 64] >> (k % 64)) & 1U) != 0;
}

// Thresholds spread over the whole range, with the edge cases 0, 1, 2^16 and 2^32 common.
std::uint64_t some_threshold(std::mt19937& rng) {
  switch (rng() % 6) {
    case 0:
      return 0;
    case 1:
      return 1;
    case 2:
      return 1U << 16;
    case 3:
      return std::uint64_t{1} << 32;
    default:
      return rng() >> (rng() % 32);
  }
}

// Marks are a superset of the events: whoever has a word below its threshold is marked, and a
// person whose words are all at least 2^16 above every threshold is not. 16 × 40 + 7 persons
// cover the vector lanes, chunk boundaries and a scalar tail.
TEST(EventMarks, MarkEveryPersonWithAnEventAndFewOthers) {
  std::mt19937 rng(7);
  const std::size_t n = 16 * 40 + 7;
  std::vector<std::uint8_t> traits(n), age(n);
  std::vector<std::uint32_t> words(4 * n);
  for (std::size_t k = 0; k < n; ++k) {
    traits[k] = static_cast<std::uint8_t>(rng() & 0xF);
    age[k] = static_cast<std::uint8_t>(rng() % 256);
  }
  for (auto& w : words) w = some_word(rng);
  std::vector<std::uint64_t> death(512), birth(1024), leaving(512), seeking(512);
  for (auto* table : {&death, &birth, &leaving, &seeking}) {
    for (auto& t : *table) t = some_threshold(rng);
  }
  std::vector<std::uint32_t> death_birth(1024), leaving_seeking(512);
  for (std::size_t key = 0; key < 1024; ++key) {
    death_birth[key] = mark_bounds(death[key % 512], birth[key]);
    if (key < 512) leaving_seeking[key] = mark_bounds(leaving[key], seeking[key]);
  }
  const WordColumns columns{words.data(), words.data() + n, words.data() + 2 * n,
                            words.data() + 3 * n};
  std::vector<std::uint64_t> marks(mark_words(n), ~std::uint64_t{0});
  mark_persons(traits.data(), age.data(), n, columns, {death_birth.data(), leaving_seeking.data()},
               marks.data());
  std::size_t events = 0, marks_without_event = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t key = ((traits[k] & Traits::kFemale) << 8) | age[k];
    const std::size_t birth_key = key | ((traits[k] & Traits::kPartnered) << 8);
    const bool event = columns.w0[k] < death[key] || columns.w1[k] < birth[birth_key] ||
                       columns.w2[k] < leaving[key] || columns.w3[k] < seeking[key];
    const auto far_above = [](std::uint32_t word, std::uint64_t threshold) {
      return word >= threshold + (1U << 16);
    };
    const bool clear =
        far_above(columns.w0[k], death[key]) && far_above(columns.w1[k], birth[birth_key]) &&
        far_above(columns.w2[k], leaving[key]) && far_above(columns.w3[k], seeking[key]);
    if (event) {
      ++events;
      EXPECT_TRUE(marked(marks, k)) << k;
    } else if (marked(marks, k)) {
      ++marks_without_event;
    }
    if (clear) {
      EXPECT_FALSE(marked(marks, k)) << k;
    }
  }
  EXPECT_GT(events, n / 10);  // the case is not vacuous
  EXPECT_LT(marks_without_event, n / 4);
}

TEST(EventMarks, MarkMigrantsByTheirHouseholdsWordsAndNeverTheGone) {
  std::mt19937 rng(11);
  const std::size_t n = 16 * 40 + 9, slots = 300;
  std::vector<std::uint8_t> traits(n), age(n);
  std::vector<std::uint32_t> household(n), w0(slots), w1(slots), halves(slots);
  for (std::size_t k = 0; k < n; ++k) {
    traits[k] = static_cast<std::uint8_t>(rng() & 0xF);
    age[k] = static_cast<std::uint8_t>(rng() % 256);
    household[k] = rng() % 5 == 0 ? kGone : static_cast<std::uint32_t>(rng() % slots);
  }
  for (std::size_t h = 0; h < slots; ++h) {
    w0[h] = some_word(rng);
    w1[h] = some_word(rng);
    halves[h] = mark_halves(w0[h], w1[h]);
  }
  std::vector<std::uint64_t> out(512), move(512);
  std::vector<std::uint32_t> out_move(512);
  for (std::size_t key = 0; key < 512; ++key) {
    out[key] = some_threshold(rng);
    move[key] = some_threshold(rng);
    out_move[key] = mark_bounds(out[key], move[key]);
  }
  std::vector<std::uint64_t> marks(mark_words(n), ~std::uint64_t{0});
  mark_migrants(household.data(), traits.data(), age.data(), n, halves.data(), out_move.data(),
                marks.data());
  std::size_t events = 0;
  for (std::size_t k = 0; k < n; ++k) {
    if (household[k] == kGone) {
      EXPECT_FALSE(marked(marks, k)) << k;
      continue;
    }
    const std::size_t key = ((traits[k] & Traits::kFemale) << 8) | age[k];
    const std::uint32_t h = household[k];
    if (w0[h] < out[key] || w1[h] < move[key]) {
      ++events;
      EXPECT_TRUE(marked(marks, k)) << k;
    }
  }
  EXPECT_GT(events, n / 10);
}

// Removing the gone keeps the others in order with all four fields, and counts the survivors
// among the first old_count, wherever old_count falls (inside a vector step, at its edge, in the
// tail).
TEST(PersonCompaction, KeepsTheOthersInOrderAndCountsTheOldSurvivors) {
  std::mt19937 rng(3);
  const std::size_t n = 16 * 9 + 11;
  for (const std::size_t old_count :
       {std::size_t{0}, std::size_t{5}, std::size_t{16}, std::size_t{77}, std::size_t{150}, n}) {
    for (const unsigned gone_one_in : {1U, 2U, 7U, 1000U}) {
      DistrictAgents agents;
      std::vector<std::size_t> expected;
      for (std::size_t i = 0; i < n; ++i) {
        const bool gone = rng() % gone_one_in == 0;
        agents.add_person(static_cast<std::uint32_t>(1000 + i),
                          gone ? kGone : static_cast<std::uint32_t>(i * 3),
                          static_cast<std::uint8_t>(i % 256), static_cast<std::uint8_t>(i % 13));
        if (!gone) expected.push_back(i);
      }
      std::size_t expected_old = 0;
      for (const std::size_t i : expected) expected_old += i < old_count ? 1 : 0;
      EXPECT_EQ(remove_gone(agents, old_count), expected_old);
      ASSERT_EQ(agents.persons(), expected.size());
      for (std::size_t k = 0; k < expected.size(); ++k) {
        const std::size_t i = expected[k];
        EXPECT_EQ(agents.id[k], 1000 + i);
        EXPECT_EQ(agents.household[k], i * 3);
        EXPECT_EQ(agents.age[k], i % 256);
        EXPECT_EQ(agents.traits[k], i % 13);
      }
    }
  }
}

}  // namespace
}  // namespace wardsim::engine::agent
