#include "wardsim/engine/cohort_kernel.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "engine/tiny_city.h"

namespace wardsim::engine {
namespace {

using testing::closed_city;
using testing::tiny_city;
using testing::wide_city;

std::string where(int year, Eigen::Index d, Eigen::Index column) {
  const auto sex = static_cast<int>(column / kAges);
  return "year " + std::to_string(year) + ", district " + std::to_string(d) + ", " + sex_name(sex) +
         ", cohort age " + std::to_string(column % kAges);
}

// Every cell obeys P(t+1) = P(t) aged one year + births − deaths − out + in − moves out + moves in.
void expect_accounts_balance(const Projection& p) {
  for (int step = 0; step < p.dims.steps(); ++step) {
    const auto s = static_cast<std::size_t>(step);
    const DistrictCube& start = p.population[s];
    const DistrictCube& end = p.population[s + 1];
    const YearFlows& f = p.flows[s];
    for (Eigen::Index d = 0; d < start.rows(); ++d) {
      for (int sex = 0; sex < kSexes; ++sex) {
        for (int age = 0; age < kAges; ++age) {
          const int c = cell(sex, age);
          double before = 0.0;
          if (age == 0) before = f.births(d, sex);
          if (age >= 1) before = start(d, cell(sex, age - 1));
          if (age == kOpenAge) before += start(d, cell(sex, kOpenAge));
          const double expected = before - f.deaths(d, c) - f.out_migration(d, c) +
                                  f.in_migration(d, c) - f.moves_out(d, c) + f.moves_in(d, c);
          ASSERT_NEAR(end(d, c), expected, 1e-9 * std::max(1.0, end(d, c)))
              << where(p.dims.base_year + step, d, c);
        }
      }
      // And per district in total, the way a planner reads it.
      const double change = end.row(d).sum() - start.row(d).sum();
      const double flows = f.births.row(d).sum() - f.deaths.row(d).sum() -
                           f.out_migration.row(d).sum() + f.in_migration.row(d).sum() -
                           f.moves_out.row(d).sum() + f.moves_in.row(d).sum();
      ASSERT_NEAR(change, flows, 1e-8) << "district " << d << ", step " << step;
    }
  }
}

TEST(CohortKernel, AccountingIdentityHoldsInEveryCellEveryYear) {
  expect_accounts_balance(project_cohort(tiny_city(20), {.threads = 1}));
}

TEST(CohortKernel, AccountingIdentityHoldsInAWideCity) {
  expect_accounts_balance(project_cohort(wide_city(11, 6), {.threads = 2}));
}

// Moves in are, by definition, destinationᵀ × moves out. Eleven districts take the kernel's
// blocked path over destinations and its remainder; Eigen's product is the reference.
TEST(CohortKernel, MovesInAreTheDestinationSharesOfMovesOutInAWideCity) {
  const ProjectionInputs inputs = wide_city(11, 6);
  const Projection p = project_cohort(inputs, {.threads = 1});
  for (std::size_t s = 0; s < p.flows.size(); ++s) {
    const YearFlows& f = p.flows[s];
    const Eigen::MatrixXd expected =
        inputs.rates[s].move_destination.transpose() * f.moves_out.matrix();
    ASSERT_GT(f.moves_out.sum(), 100.0);
    for (Eigen::Index d = 0; d < expected.rows(); ++d) {
      for (Eigen::Index c = 0; c < kCells; ++c) {
        ASSERT_NEAR(f.moves_in(d, c), expected(d, c), 1e-12 * std::max(1.0, expected(d, c)))
            << where(p.dims.base_year + static_cast<int>(s), d, c);
      }
    }
  }
}

TEST(CohortKernel, MovesBetweenDistrictsSumToZeroOverTheWard) {
  const Projection p = project_cohort(tiny_city(10), {.threads = 1});
  for (const YearFlows& f : p.flows) {
    ASSERT_GT(f.moves_out.sum(), 1.0);  // the fixture does move people
    const auto net = (f.moves_in - f.moves_out).colwise().sum();
    for (Eigen::Index c = 0; c < kCells; ++c) ASSERT_NEAR(net(c), 0.0, 1e-9) << "cell " << c;
  }
}

TEST(CohortKernel, ClosedPopulationWithoutDeathsAgesExactlyOneYearPerStep) {
  const int steps = 7;
  const Projection p = project_cohort(closed_city(steps, 0.0, 0.0), {.threads = 1});
  const DistrictCube& base = p.population.front();
  const DistrictCube& last = p.population.back();
  for (Eigen::Index d = 0; d < base.rows(); ++d) {
    for (int sex = 0; sex < kSexes; ++sex) {
      for (int age = 0; age < kOpenAge; ++age) {
        const double expected = age < steps ? 0.0 : base(d, cell(sex, age - steps));
        ASSERT_EQ(last(d, cell(sex, age)), expected) << "district " << d << " age " << age;
      }
      // The open group gathers everyone who reached 100.
      const double open = base.row(d).segment(cell(sex, kOpenAge - steps), steps + 1).sum();
      ASSERT_NEAR(last(d, cell(sex, kOpenAge)), open, 1e-9 * open);
    }
  }
  EXPECT_NEAR(last.sum(), base.sum(), 1e-9 * base.sum());
}

TEST(CohortKernel, ConstantDeathProbabilityWithoutBirthsDecaysGeometrically) {
  const int steps = 12;
  const double q = 0.03;
  const Projection p = project_cohort(closed_city(steps, q, 0.0), {.threads = 1});
  EXPECT_NEAR(p.population.back().sum(), p.population.front().sum() * std::pow(1.0 - q, steps),
              1e-9 * p.population.front().sum());
}

TEST(CohortKernel, ResultsAreBitIdenticalForOneAndTwoThreads) {
  const ProjectionInputs inputs = tiny_city(30);
  const Projection one = project_cohort(inputs, {.threads = 1});
  const Projection two = project_cohort(inputs, {.threads = 2});
  ASSERT_EQ(one.population.size(), two.population.size());
  for (std::size_t y = 0; y < one.population.size(); ++y) {
    ASSERT_TRUE((one.population[y] == two.population[y]).all()) << "year index " << y;
  }
  for (std::size_t y = 0; y < one.flows.size(); ++y) {
    ASSERT_TRUE((one.flows[y].births == two.flows[y].births).all()) << "year index " << y;
    ASSERT_TRUE((one.flows[y].moves_in == two.flows[y].moves_in).all()) << "year index " << y;
  }
}

TEST(CohortKernel, ResultsAreBitIdenticalForOneAndTwoThreadsInAWideCity) {
  const ProjectionInputs inputs = wide_city(13, 8);
  const Projection one = project_cohort(inputs, {.threads = 1});
  const Projection two = project_cohort(inputs, {.threads = 2});
  for (std::size_t y = 0; y < one.population.size(); ++y) {
    ASSERT_TRUE((one.population[y] == two.population[y]).all()) << "year index " << y;
  }
}

TEST(CohortKernel, ReusedStorageGivesTheSameResultsAsAFreshRun) {
  const ProjectionInputs first =
      closed_city(12, 0.05, 3.0);  // a different run leaves values behind
  const ProjectionInputs second = tiny_city(12);
  Projection reused;
  project_cohort(first, {.threads = 1}, reused);
  project_cohort(second, {.threads = 1}, reused);
  const Projection fresh = project_cohort(second, {.threads = 1});
  for (std::size_t y = 0; y < fresh.population.size(); ++y) {
    ASSERT_TRUE((reused.population[y] == fresh.population[y]).all()) << "year index " << y;
  }
  for (std::size_t y = 0; y < fresh.flows.size(); ++y) {
    const YearFlows& a = reused.flows[y];
    const YearFlows& b = fresh.flows[y];
    ASSERT_TRUE((a.births == b.births).all() && (a.deaths == b.deaths).all() &&
                (a.out_migration == b.out_migration).all() &&
                (a.in_migration == b.in_migration).all() && (a.moves_out == b.moves_out).all() &&
                (a.moves_in == b.moves_in).all())
        << "year index " << y;
  }
}

TEST(CohortKernel, NoNegativeOrNonFiniteCounts) {
  const Projection p = project_cohort(tiny_city(40), {.threads = 2});
  for (const DistrictCube& year : p.population) {
    ASSERT_TRUE(year.allFinite());
    ASSERT_GE(year.minCoeff(), 0.0);
  }
}

TEST(CohortKernel, BirthsUseTheMeanFemalePopulationOfTheYear) {
  // No deaths or migration: women aged x at year end were x−1 at the start.
  const Projection p = project_cohort(closed_city(1, 0.0, 1.2), {.threads = 1});
  const ProjectionInputs inputs = closed_city(1, 0.0, 1.2);
  const DistrictCube& start = p.population[0];
  for (Eigen::Index d = 0; d < start.rows(); ++d) {
    double births = 0.0;
    for (int x = 1; x < kOpenAge; ++x) {
      const double women_start = start(d, cell(kFemale, x));
      const double women_end = start(d, cell(kFemale, x - 1));
      births += inputs.rates[0].fertility(d, x) * 0.5 * (women_start + women_end);
    }
    EXPECT_NEAR(p.flows[0].births.row(d).sum(), births, 1e-9 * births);
    EXPECT_NEAR(p.flows[0].births(d, kMale) / p.flows[0].births(d, kFemale), 1.05, 1e-12);
  }
}

// A fertility multiplier m is the table scaled by m, rounded the same way: every cell of every
// year equal bit for bit (and m = 1 changes nothing).
TEST(CohortKernel, AFertilityMultiplierEqualsTheScaledTableBitForBit) {
  const ProjectionInputs base = wide_city(11, 4);
  for (const double m : {1.0, 0.83, 1.37}) {
    ProjectionInputs by_multiplier = base;
    ProjectionInputs by_table = base;
    for (std::size_t i = 0; i < base.rates.size(); ++i) {
      by_multiplier.rates[i].fertility_multiplier = m;
      by_table.rates[i].fertility = base.rates[i].fertility * m;
    }
    const Projection a = project_cohort(by_multiplier, {.threads = 1});
    const Projection b = project_cohort(by_table, {.threads = 1});
    for (std::size_t y = 0; y < a.population.size(); ++y) {
      ASSERT_TRUE((a.population[y] == b.population[y]).all())
          << "multiplier " << m << ", year " << y;
    }
    EXPECT_GT(a.flows[0].births.sum(), 0.0);
    if (m != 1.0) {
      EXPECT_NE(a.flows[0].births.sum(), project_cohort(base).flows[0].births.sum());
    }
  }
}

}  // namespace
}  // namespace wardsim::engine
