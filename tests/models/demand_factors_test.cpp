#include "demand_factors.h"

#include <gtest/gtest.h>

namespace wardsim::models {
namespace {

TEST(DemandFactors, SharesAreCountsOverTheDistrictPopulation) {
  engine::DistrictCube population = engine::DistrictCube::Zero(2, engine::kCells);
  population.row(0).setConstant(1.0);  // 202 people
  Eigen::ArrayXXd counts(2, 2);
  counts << 101, 50.5,  //
      0, 0;
  Eigen::ArrayXXd rates = Eigen::ArrayXXd::Constant(2, 2, 0.5);
  const DemandFactors f = factors_from_counts(population, counts, rates);
  EXPECT_EQ(f.population(0), 202.0);
  EXPECT_DOUBLE_EQ(f.shares(0, 0), 0.5);
  EXPECT_DOUBLE_EQ(f.shares(0, 1), 0.25);
  EXPECT_EQ(f.shares(1, 0), 0.0);          // empty district: shares 0, not NaN
  EXPECT_DOUBLE_EQ(f.demand()(0), 75.75);  // 202 × (0.5 × 0.5 + 0.25 × 0.5)
  EXPECT_EQ(f.demand()(1), 0.0);
}

}  // namespace
}  // namespace wardsim::models
