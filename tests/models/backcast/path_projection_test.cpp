#include "wardsim/models/backcast/path_projection.h"

#include <gtest/gtest.h>

#include <cmath>

#include "engine/tiny_city.h"

namespace wardsim::models::backcast {
namespace {

TEST(PathRatio, InterpolatesGeometricallyBetweenPoints) {
  const std::vector<PathPoint> path = {{2030, 1.10}, {2035, 1.21}};
  EXPECT_DOUBLE_EQ(path_ratio(path, 2025, 2025), 1.0);
  EXPECT_DOUBLE_EQ(path_ratio(path, 2025, 2030), 1.10);
  EXPECT_NEAR(path_ratio(path, 2025, 2032), 1.10 * std::pow(1.1, 0.4), 1e-12);
  EXPECT_NEAR(path_ratio(path, 2025, 2026), std::pow(1.1, 0.2), 1e-12);
  EXPECT_DOUBLE_EQ(path_ratio(path, 2025, 2040), 1.21);  // held after the last point
}

TEST(FollowTotalPath, ReproducesThePublishedGrowthPath) {
  const engine::ProjectionInputs inputs = engine::testing::tiny_city(10);
  const std::vector<PathPoint> path = {{2027, 1.02}, {2030, 1.035}, {2033, 1.03}};
  const PathProjection result = follow_total_path(inputs, path, 1e6);
  EXPECT_TRUE(result.unreachable_years.empty());
  const double base = result.projection.total(0);
  for (int year = 2026; year <= 2033; ++year) {
    EXPECT_NEAR(result.projection.total(year - 2025) / base, path_ratio(path, 2025, year), 1e-7)
        << year;
  }
  // After the path ends, the last level is held.
  EXPECT_EQ(result.in_migrants[8], result.in_migrants[7]);
  EXPECT_EQ(result.in_migrants.size(), 10u);
  // Each solved level is a real flow: the in-migration recorded equals the level.
  for (std::size_t s = 0; s < result.in_migrants.size(); ++s) {
    EXPECT_NEAR(result.projection.flows[s].in_migration.sum(), result.in_migrants[s], 1e-6);
  }
}

TEST(FollowTotalPath, FlagsYearsThePathCannotBeFollowed) {
  const engine::ProjectionInputs inputs = engine::testing::tiny_city(3);
  // Halving the population in a year would need negative in-migration.
  const PathProjection result = follow_total_path(inputs, {{2026, 0.5}}, 1e6);
  EXPECT_EQ(result.unreachable_years, (std::vector<int>{2026}));
  EXPECT_EQ(result.in_migrants[0], 0.0);
}

}  // namespace
}  // namespace wardsim::models::backcast
