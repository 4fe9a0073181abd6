#include <gtest/gtest.h>

#include <algorithm>
#include <array>
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

// Ages bytes as the kernel has them: 0-100 and kBornThisYear, with a few others (all of which
// mark_age_index treats as 100).
std::uint8_t some_age(std::mt19937& rng) {
  const auto r = static_cast<std::uint32_t>(rng() % 110);
  return r < 101   ? static_cast<std::uint8_t>(r)
         : r < 105 ? kBornThisYear
                   : static_cast<std::uint8_t>(r + 100);
}

// Four thresholds per age index (bytes 0-3 of an entry), with their packed mark bounds.
struct Thresholds {
  std::vector<std::array<std::uint64_t, 4>> by_byte;  // by mark_age_index
  std::vector<std::uint32_t> packed;
  explicit Thresholds(std::mt19937& rng) : by_byte(kMarkAges), packed(kMarkAges) {
    for (std::size_t k = 0; k < kMarkAges; ++k) {
      for (auto& t : by_byte[k]) t = some_threshold(rng);
      packed[k] = mark_bytes(by_byte[k][0], by_byte[k][1], by_byte[k][2], by_byte[k][3]);
    }
  }
  std::uint64_t of(std::uint8_t age, std::size_t byte) const {
    return by_byte[mark_age_index(age)][byte];
  }
};

// A person is marked iff some completion of their screen's top 8 bits (u = (screen >> 8) · 2^24 +
// any 24 bits) falls below their threshold — the persons who may have an event, and those within
// 2^24 of it — plus screens below 2^8 where the threshold is 0 (mark_bound8's convention, rejected
// by the exact path). The threshold is chosen by age, sex, partnership and the census facts.
// 16 × 40 + 7 persons cover the vector lanes and a scalar tail.
TEST(EventMarks, MarkExactlyThePersonsWhoseScreenMayFallBelowTheirThreshold) {
  std::mt19937 rng(7);
  const std::size_t n = 16 * 40 + 7;
  std::vector<std::uint8_t> traits(n), age(n);
  std::vector<std::uint16_t> screen(n);
  for (std::size_t k = 0; k < n; ++k) {
    traits[k] = static_cast<std::uint8_t>(rng() & 0x3F);
    age[k] = some_age(rng);
    screen[k] = static_cast<std::uint16_t>(some_word(rng) >> 16);
  }
  // Bytes: a man with a census fact, a woman with one, a plain man, a plain woman.
  const Thresholds thresholds(rng);
  std::vector<std::uint64_t> marks(mark_words(n), ~std::uint64_t{0});
  mark_persons(screen.data(), traits.data(), age.data(), n, thresholds.packed.data(), marks.data());
  std::size_t events = 0, near = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const bool partnered = (traits[k] & Traits::kPartnered) != 0;
    const bool facts = (traits[k] & Traits::kCensusFacts) != 0;
    const std::size_t byte = (traits[k] & Traits::kFemale) + (partnered || !facts ? 2U : 0U);
    const std::uint64_t threshold = thresholds.of(age[k], byte);
    const std::uint64_t lowest_u = (std::uint64_t{screen[k]} >> 8) << 24;
    const bool may_have_event = lowest_u < threshold;
    EXPECT_EQ(marked(marks, k), may_have_event || (threshold == 0 && screen[k] < 0x100)) << k;
    EXPECT_EQ(marked(marks, k), screen_marked(screen[k], threshold)) << k;
    if (std::uint64_t{screen[k]} << 16 < threshold) {
      ++events;  // some completion of the whole screen is below: never missed
      EXPECT_TRUE(marked(marks, k)) << k;
    } else if (may_have_event) {
      ++near;
    }
  }
  EXPECT_GT(events, n / 10);  // the cases are not vacuous: events, marks from the rounding to
  EXPECT_GT(near, 0U);        // 8 bits, and persons left unmarked
  EXPECT_GT(n - events - near, n / 10);
}

TEST(EventMarks, MarkMigrantsByTheirHouseholdsWordsAndNeverTheGone) {
  std::mt19937 rng(11);
  const std::size_t n = 16 * 400 + 9, slots = 3000;
  std::vector<std::uint8_t> traits(n), age(n);
  std::vector<std::uint32_t> household(n), w0(slots), w1(slots), halves(slots + 32);
  for (std::size_t k = 0; k < n; ++k) {
    traits[k] = static_cast<std::uint8_t>(rng() & 0xF);
    age[k] = some_age(rng);
    // The first half in household order (members as neighbours, the vector path's usual case,
    // with a few far slots mixed in), the rest scattered.
    // (within 16 of a step's first slot in the first quarter, 16 to 31 in the second)
    const auto near = static_cast<std::uint32_t>(k < n / 4 ? k / 3 : k / 3 + k % 16);
    const bool ordered = k < n / 2 && rng() % 50 != 0;
    household[k] = rng() % 5 == 0 ? kGone
                   : ordered      ? near
                                  : static_cast<std::uint32_t>(rng() % slots);
  }
  for (std::size_t h = 0; h < slots; ++h) {
    w0[h] = some_word(rng);
    w1[h] = some_word(rng);
    halves[h] = mark_halves(w0[h], w1[h]);
  }
  // Bytes: a man's out-migration, a woman's, a man's move, a woman's.
  const Thresholds out_move(rng);
  std::vector<std::uint64_t> marks(mark_words(n), ~std::uint64_t{0});
  mark_migrants(household.data(), traits.data(), age.data(), n, halves.data(),
                out_move.packed.data(), marks.data());
  std::size_t events = 0, marked_persons = 0, unmarked_persons = 0;
  for (std::size_t k = 0; k < n; ++k) {
    if (household[k] == kGone) {
      EXPECT_FALSE(marked(marks, k)) << k;
      continue;
    }
    const std::size_t sex = traits[k] & Traits::kFemale;
    const std::uint64_t out = out_move.of(age[k], sex), move = out_move.of(age[k], 2 + sex);
    const std::uint32_t h = household[k];
    if (w0[h] < out || w1[h] < move) {
      ++events;
      EXPECT_TRUE(marked(marks, k)) << k;
    }
    // Exactly: either word's screen marked against its threshold.
    const bool rule = screen_marked(w0[h] >> 16, out) || screen_marked(w1[h] >> 16, move);
    EXPECT_EQ(marked(marks, k), rule) << k;
    ++(rule ? marked_persons : unmarked_persons);
  }
  EXPECT_GT(events, n / 10);
  EXPECT_GT(unmarked_persons, n / 10);  // both sides of the rule are tested
}

// The marked positions come out in increasing order, all of them and nothing else, for sparse and
// dense marks and for n ending inside a word (the bits at n and above being 0, as the marking
// passes leave them).
TEST(EventMarks, ListMarksGivesEveryMarkedPositionInOrder) {
  std::mt19937 rng(5);
  for (const std::size_t n :
       {std::size_t{0}, std::size_t{1}, std::size_t{16}, std::size_t{100}, std::size_t{512}}) {
    for (const unsigned one_in : {1U, 3U, 20U}) {
      std::vector<std::uint64_t> marks(mark_words(n), 0);
      std::vector<std::uint32_t> expected;
      for (std::size_t k = 0; k < n; ++k) {
        if (rng() % one_in != 0) continue;
        marks[k / 64] |= std::uint64_t{1} << (k % 64);
        expected.push_back(static_cast<std::uint32_t>(k));
      }
      std::vector<std::uint32_t> position(n + 16, 0xFFFFFFFFu);
      const std::size_t count = list_marks(marks.data(), n, position.data());
      ASSERT_EQ(count, expected.size()) << n << " " << one_in;
      for (std::size_t j = 0; j < count; ++j) EXPECT_EQ(position[j], expected[j]) << j;
    }
  }
}

// Every age byte maps into the tables: a newborn to 0, ages 0-100 to 1-101, the rest to 101.
TEST(EventMarks, AgeIndexCoversEveryAgeByte) {
  EXPECT_EQ(mark_age_index(kBornThisYear), 0U);
  for (int age = 0; age < 255; ++age) {
    EXPECT_EQ(mark_age_index(static_cast<std::uint8_t>(age)),
              static_cast<std::uint32_t>(std::min(age, 100) + 1));
  }
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
