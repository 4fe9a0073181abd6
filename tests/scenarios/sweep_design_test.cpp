#include "wardsim/scenarios/sweep_design.h"

#include <gtest/gtest.h>

#include <set>

namespace wardsim::scenarios {
namespace {

TEST(GridPoints, EveryCombinationLastKeyFastest) {
  const auto points = grid_points({{1.0, 2.0}, {10.0, 20.0, 30.0}});
  ASSERT_EQ(points.size(), 6U);
  EXPECT_EQ(points[0], (std::vector<double>{1.0, 10.0}));
  EXPECT_EQ(points[1], (std::vector<double>{1.0, 20.0}));
  EXPECT_EQ(points[5], (std::vector<double>{2.0, 30.0}));
  EXPECT_TRUE(grid_points({}).empty());
}

TEST(LatinHypercube, EachStratumOfEachDimensionHoldsExactlyOnePoint) {
  constexpr int kSamples = 37;
  const auto points = latin_hypercube(kSamples, 3, 2025);
  ASSERT_EQ(points.size(), static_cast<std::size_t>(kSamples));
  for (std::size_t k = 0; k < 3; ++k) {
    std::set<int> strata;
    for (const auto& point : points) {
      ASSERT_GE(point[k], 0.0);
      ASSERT_LE(point[k], 1.0);
      strata.insert(static_cast<int>(point[k] * kSamples));
    }
    EXPECT_EQ(strata.size(), static_cast<std::size_t>(kSamples)) << "dimension " << k;
  }
}

TEST(LatinHypercube, TheSeedDecidesTheSample) {
  EXPECT_EQ(latin_hypercube(10, 2, 1), latin_hypercube(10, 2, 1));
  EXPECT_NE(latin_hypercube(10, 2, 1), latin_hypercube(10, 2, 2));
  // Dimensions are independent streams: adding one does not change the others.
  const auto two = latin_hypercube(10, 2, 5);
  const auto three = latin_hypercube(10, 3, 5);
  for (std::size_t i = 0; i < 10; ++i) {
    EXPECT_EQ(two[i][0], three[i][0]);
    EXPECT_EQ(two[i][1], three[i][1]);
  }
}

}  // namespace
}  // namespace wardsim::scenarios
