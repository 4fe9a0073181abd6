#include "wardsim/engine/population_queries.h"

#include <gtest/gtest.h>

#include <array>
#include <utility>

#include "engine/tiny_city.h"
#include "wardsim/engine/cohort_kernel.h"

namespace wardsim::engine {
namespace {

// One person in every cell: a count over ages is the number of ages.
TEST(PopulationQueries, CountsAgesOfOnePersonPerCell) {
  const DistrictCube ones = DistrictCube::Ones(4, kCells);
  EXPECT_EQ(count_sex_ages(ones, 2, kFemale, 1, 74), 74.0);
  EXPECT_EQ(count_ages(ones, 2, 75, kOpenAge), 2.0 * 26);
  EXPECT_EQ(count_ages(ones, 0, kOpenAge), 4.0 * kCells);
}

// The district-innermost sums are the same additions in the same order: equal bit for bit, on
// counts whose sums round differently in a different order.
TEST(PopulationQueries, DistrictInnermostSumsEqualTheDistrictSumsBitForBit) {
  const DistrictCube population = project_cohort(testing::wide_city(11, 3)).population.back();
  const CellMajorCube by_cell = population;
  Eigen::ArrayXd sums;
  for (int sex = 0; sex < kSexes; ++sex) {
    constexpr std::array<std::pair<int, int>, 4> kRanges = {
        {{0, 0}, {1, 74}, {75, kOpenAge}, {0, kOpenAge}}};
    for (const auto& [from, to] : kRanges) {
      count_sex_ages(by_cell, sex, from, to, sums);
      ASSERT_EQ(sums.size(), population.rows());
      for (Eigen::Index d = 0; d < population.rows(); ++d) {
        ASSERT_EQ(sums(d), count_sex_ages(population, d, sex, from, to))
            << "district " << d << ", sex " << sex << ", ages " << from << ".." << to;
      }
    }
  }
  // Both sexes at once: the same sums.
  Eigen::ArrayXd men, women;
  count_sex_ages(by_cell, 1, 74, men, women);
  ASSERT_EQ(men.size(), population.rows());
  ASSERT_EQ(women.size(), population.rows());
  for (Eigen::Index d = 0; d < population.rows(); ++d) {
    ASSERT_EQ(men(d), count_sex_ages(population, d, kMale, 1, 74)) << "district " << d;
    ASSERT_EQ(women(d), count_sex_ages(population, d, kFemale, 1, 74)) << "district " << d;
  }
}

// The copy with districts innermost holds every count where it belongs, whole blocks of eight
// districts and the rest alike, and zeros in its padding rows.
TEST(PopulationQueries, CellMajorCopyIsTheTransposeWithZeroPadding) {
  for (const int districts : {8, 11, 19}) {
    const DistrictCube population = project_cohort(testing::wide_city(districts, 2)).population[1];
    CellMajorCube by_cell = CellMajorCube::Constant(3, kCells, -1.0);  // stale storage
    to_cell_major(population, by_cell);
    ASSERT_EQ(by_cell.rows() % 8, 0);
    ASSERT_GE(by_cell.rows(), districts);
    for (Eigen::Index d = 0; d < by_cell.rows(); ++d) {
      for (int c = 0; c < kCells; ++c) {
        ASSERT_EQ(by_cell(d, c), d < districts ? population(d, c) : 0.0)
            << districts << " districts, row " << d << ", cell " << c;
      }
    }
  }
}

}  // namespace
}  // namespace wardsim::engine
