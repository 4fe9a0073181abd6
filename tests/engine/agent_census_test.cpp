#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <stdexcept>

#include "engine/agent_fixture.h"
#include "wardsim/engine/agent/agent_year.h"
#include "wardsim/engine/agent/year_tables.h"

namespace wardsim::engine::agent {
namespace {

// The generations present are read from the members' nibbles with a multiply instead of a loop:
// for every one of the 2^16 member counts, bit g must be set exactly when nibble g is not zero,
// whatever the other fields hold.
TEST(HouseholdCensus, GenerationsAreTheNonZeroMemberNibbles) {
  for (std::uint64_t members = 0; members < (1U << 16); ++members) {
    const std::uint64_t others = 0xABCD'0000'0000'1234ull | (members * 0x9E37ull << 32);
    const std::uint64_t w = (others & ~(0xFFFFull << HouseholdCensus::kMembers)) |
                            (members << HouseholdCensus::kMembers);
    unsigned expected = 0;
    for (int g = 0; g < 4; ++g) {
      if (((members >> (4 * g)) & 0xF) != 0) expected |= 1U << g;
    }
    ASSERT_EQ(HouseholdCensus::generations(w), expected) << members;
  }
}

// The guided look-up of an in-migrant's cell gives the binary search's answer for every word at
// and around each guide bucket's edge and each profile threshold (where an off-by-one would
// show), and for zero-share cells (repeated thresholds), which no word may fall on.
TEST(YearTables, GuidedInMigrantCellIsTheFirstThresholdAboveTheWord) {
  engine::ProjectionInputs inputs = engine::testing::small_city(1);
  inputs.rates[0].in_migrant_profile.row(0).segment(30, 20).setZero();  // zero-share cells
  const YearTables tables = make_year_tables(inputs.rates[0], inputs.dims.district_count());
  const auto expected = [&](std::uint64_t word) {
    return static_cast<int>(std::upper_bound(tables.profile.begin(), tables.profile.end(), word) -
                            tables.profile.begin());
  };
  std::vector<std::uint64_t> words;
  for (std::uint64_t b = 0; b < tables.profile_guide.size(); ++b) {
    words.push_back(b << YearTables::kGuideShift);
  }
  for (const std::uint64_t t : tables.profile) words.push_back(t);
  std::vector<std::uint64_t> around;
  for (const std::uint64_t w : words) {
    for (const std::uint64_t v : {w - 1, w, w + 1}) {
      if (v <= 0xFFFFFFFFull) around.push_back(v);
    }
  }
  for (const std::uint64_t w : around) {
    const int c = tables.in_migrant_cell(static_cast<std::uint32_t>(w));
    ASSERT_EQ(c, expected(w)) << w;
    EXPECT_GT(tables.profile[static_cast<std::size_t>(c)],
              c > 0 ? tables.profile[static_cast<std::size_t>(c) - 1] : 0)
        << "word " << w << " fell on a zero-share cell";
  }
}

// The guided destination search gives std::upper_bound's answer for every word at and around
// each cumulative threshold and each guide bucket's start, with zero-share destinations (repeated
// thresholds, several in one bucket) and for one to 29 destinations.
TEST(YearTables, DestinationIsTheFirstCumulativeThresholdAboveTheWord) {
  std::mt19937 rng(17);
  for (std::size_t districts = 1; districts <= 29; ++districts) {
    std::vector<std::uint64_t> cumulative;
    std::uint64_t sum = 0;
    for (std::size_t k = 0; k + 1 < districts; ++k) {
      // Steps of up to 2^28, or of under 2^22 (within one guide bucket).
      const std::uint64_t step = rng() % 3 == 0   ? 0
                                 : rng() % 2 == 0 ? rng() % 0x10000000u
                                                  : rng() % 0x400000u;
      sum = std::min<std::uint64_t>(sum + step, 0xFFFFFFFFu);
      cumulative.push_back(sum);
    }
    cumulative.push_back(std::uint64_t{1} << 32);
    DistrictThresholds t;
    t.set_destination(cumulative);
    std::vector<std::uint64_t> words = {0, 0xFFFFFFFFu};
    for (const std::uint64_t d : cumulative) {
      for (const std::uint64_t v : {d - 1, d, d + 1}) {
        if (v <= 0xFFFFFFFFu) words.push_back(v);
      }
    }
    for (std::uint64_t b = 0; b < (std::uint64_t{1} << (32 - DistrictThresholds::kGuideShift));
         b += 7) {
      words.push_back(b << DistrictThresholds::kGuideShift);
    }
    for (const std::uint64_t w : words) {
      const auto expected = static_cast<std::size_t>(
          std::upper_bound(cumulative.begin(), cumulative.end(), w) - cumulative.begin());
      ASSERT_EQ(t.destination_of(static_cast<std::uint32_t>(w)), expected) << districts << " " << w;
    }
  }
}

// Without 2^32 at the end, a word could run past the thresholds: refused.
TEST(YearTables, DestinationThresholdsMustEndWithTheWholeRange) {
  DistrictThresholds t;
  EXPECT_THROW(t.set_destination({0x80000000u, 0xFFFFFFFFu}), std::invalid_argument);
  EXPECT_NO_THROW(t.set_destination({0x80000000u, std::uint64_t{1} << 32}));
  EXPECT_EQ(t.destination_of(0x7FFFFFFFu), 0U);
  EXPECT_EQ(t.destination_of(0x80000000u), 1U);
}

}  // namespace
}  // namespace wardsim::engine::agent
