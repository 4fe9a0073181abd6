#include <gtest/gtest.h>

#include <cstdint>

#include "wardsim/engine/agent/agent_year.h"

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

}  // namespace
}  // namespace wardsim::engine::agent
