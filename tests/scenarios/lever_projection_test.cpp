// Each lever moves the projection of the tiny city in the expected direction and by an amount that
// can be checked by hand (docs/scenario_format.md, "Levers").
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "scenarios/scenario_test_support.h"
#include "wardsim/engine/cohort_kernel.h"
#include "wardsim/error.h"
#include "wardsim/scenarios/cohort_schedules.h"
#include "wardsim/scenarios/scenario.h"

namespace wardsim::scenarios {
namespace {

using engine::cell;
using engine::kAges;
using engine::kFemale;
using engine::kMale;
using testing::TinyCopy;

struct LeverRun {
  Scenario scenario;
  engine::Projection projection;

  const engine::YearRates& rates(int year) const {
    return scenario.inputs.rates.at(static_cast<std::size_t>(year - 2025));
  }
  const engine::DistrictCube& in_migration(int year) const {
    return projection.flows.at(static_cast<std::size_t>(year - 2025)).in_migration;
  }
};

LeverRun run(const std::filesystem::path& file, const std::vector<std::string>& overrides = {}) {
  LeverRun result{load_scenario(file, overrides), {}};
  result.projection = engine::project_cohort(result.scenario.inputs, {1, 0});
  return result;
}

TEST(LeverProjection, InMigrationMultiplierScalesEveryArrivalExactly) {
  TinyCopy copy;
  const LeverRun base = run(copy.scenario());
  const LeverRun more = run(copy.scenario(), {"migration.in_migration_multiplier=1.1"});
  for (int year = 2025; year < 2030; ++year) {
    EXPECT_DOUBLE_EQ(more.rates(year).in_migrants, 110.0);  // tiny: 100 a year
    EXPECT_NEAR(more.in_migration(year).sum(), 110.0, 1e-9);
    EXPECT_TRUE(more.in_migration(year).isApprox(1.1 * base.in_migration(year), 1e-12));
  }
  EXPECT_GT(more.projection.total(5), base.projection.total(5));
}

TEST(LeverProjection, InMigrationAgeShiftOfOneYearMovesArrivalsOneCohortOlder) {
  TinyCopy copy;
  const LeverRun base = run(copy.scenario());
  const LeverRun older = run(copy.scenario(), {"migration.in_migration_age_shift=1"});
  for (int year = 2025; year < 2030; ++year) {
    const engine::DistrictCube& shifted = older.in_migration(year);
    const engine::DistrictCube& original = base.in_migration(year);
    EXPECT_NEAR(shifted.sum(), 100.0, 1e-9);  // the volume is unchanged
    for (int d = 0; d < 3; ++d) {
      for (int sex = 0; sex < 2; ++sex) {
        EXPECT_EQ(shifted(d, cell(sex, 0)), 0.0);
        for (int age = 1; age < kAges; ++age) {
          EXPECT_DOUBLE_EQ(shifted(d, cell(sex, age)), original(d, cell(sex, age - 1)))
              << "district " << d << " sex " << sex << " cohort age " << age;
        }
      }
    }
  }
}

TEST(LeverProjection, OutMigrationAgeShiftMovesTheRatesOneAgeOlder) {
  TinyCopy copy;
  // A peak at age 30 on the flat 0.05 schedule, so that the shift is visible.
  copy.replace("tables/out_migration_rates.csv", "\nmale,30,0.05\n", "\nmale,30,0.25\n");
  const LeverRun base = run(copy.scenario());
  const LeverRun older = run(copy.scenario(), {"migration.out_migration_age_shift=1"});
  for (int year = 2025; year < 2030; ++year) {
    const engine::SexAgeSchedule& shifted = older.rates(year).out_migration_probability;
    const engine::SexAgeSchedule& original = base.rates(year).out_migration_probability;
    for (int age = 2; age < kAges; ++age) {
      EXPECT_DOUBLE_EQ(shifted(kMale, age), original(kMale, age - 1)) << "cohort age " << age;
      EXPECT_DOUBLE_EQ(shifted(kFemale, age), original(kFemale, age)) << "cohort age " << age;
    }
  }
  // The peak p(30) = 0.25 reaches cohorts 30 and 31 (aged 29 and 30 on 1 January); shifted, it
  // reaches cohorts 31 and 32, and cohort 30 leaves at the flat 0.05.
  const double peak = 1.0 - std::sqrt(0.95 * 0.75);
  EXPECT_DOUBLE_EQ(base.rates(2025).out_migration_probability(kMale, 30), peak);
  EXPECT_DOUBLE_EQ(older.rates(2025).out_migration_probability(kMale, 32), peak);
  EXPECT_NEAR(older.rates(2025).out_migration_probability(kMale, 30), 0.05, 1e-15);
}

TEST(LeverProjection, OlderOutMigrationMultiplierScalesRatesFrom65Only) {
  TinyCopy copy;
  const LeverRun base = run(copy.scenario());
  const LeverRun stay = run(copy.scenario(), {"migration.out_migration_multiplier_65_plus=0.5"});
  const engine::SexAgeSchedule& rates = stay.rates(2025).out_migration_probability;
  // The flat 0.05 becomes 0.025 from age 65: cohort 65 straddles ages 64 and 65.
  EXPECT_DOUBLE_EQ(rates(kMale, 64), base.rates(2025).out_migration_probability(kMale, 64));
  EXPECT_DOUBLE_EQ(rates(kMale, 65), 1.0 - std::sqrt(0.95 * 0.975));
  EXPECT_NEAR(rates(kFemale, 80), 0.025, 1e-15);
  // Fewer older residents leave, so the ward keeps more people aged 65+.
  const auto older = [](const engine::DistrictCube& cube) {
    double sum = 0.0;
    for (int sex = 0; sex < 2; ++sex) {
      for (int age = 65; age < kAges; ++age) sum += cube.col(cell(sex, age)).sum();
    }
    return sum;
  };
  EXPECT_GT(older(stay.projection.population.back()), older(base.projection.population.back()));
}

TEST(LeverProjection, HousingDevelopmentsMultiplierScalesTheDwellings) {
  TinyCopy copy;
  copy.write("tables/dwellings.csv", "district_id,year,new_dwellings\nA2,2027,10\n");
  copy.write("housing.toml", R"(extends = "tiny.toml"
[housing]
developments = "tables/dwellings.csv"
persons_per_dwelling = 2.0
share_from_outside = 0.5
)");
  // 10 dwellings × 3 × 2 persons × 0.5 from outside = 30 extra in-migrants; × 0 = none.
  const LeverRun tripled = run(copy.path("housing.toml"), {"housing.developments_multiplier=3"});
  EXPECT_DOUBLE_EQ(tripled.rates(2027).in_migrants, 130.0);
  const LeverRun none = run(copy.path("housing.toml"), {"housing.developments_multiplier=0"});
  EXPECT_DOUBLE_EQ(none.rates(2027).in_migrants, 100.0);
  EXPECT_THROW((void)run(copy.path("housing.toml"), {"housing.developments_multiplier=25"}),
               InputError);
}

TEST(LeverProjection, HousingAddsDwellingsTimesThePersonsRuleToItsDistrict) {
  TinyCopy copy;
  copy.write("tables/dwellings.csv", "district_id,year,new_dwellings\nA2,2027,10\n");
  copy.write("housing.toml", R"(extends = "tiny.toml"
[housing]
developments = "tables/dwellings.csv"
persons_per_dwelling = 2.0
share_from_outside = 0.5
)");
  const LeverRun base = run(copy.scenario());
  const LeverRun housing = run(copy.path("housing.toml"));
  // 10 dwellings × 2 persons × 0.5 from outside = 10 extra in-migrants, all in A2, in 2027.
  EXPECT_DOUBLE_EQ(housing.rates(2027).in_migrants, 110.0);
  for (int year = 2025; year < 2030; ++year) {
    for (int d = 0; d < 3; ++d) {
      const double extra =
          housing.in_migration(year).row(d).sum() - base.in_migration(year).row(d).sum();
      EXPECT_NEAR(extra, (year == 2027 && d == 1) ? 10.0 : 0.0, 1e-9)
          << "year " << year << " district " << d;
    }
  }
  // The newcomers follow the in-migrant profile: A2's arrivals grow by 10 × its cohort shares.
  EXPECT_NEAR(housing.in_migration(2027)(1, cell(kFemale, 30)) -
                  base.in_migration(2027)(1, cell(kFemale, 30)),
              10.0 * base.rates(2027).in_migrant_profile(kFemale, 30), 1e-12);
  EXPECT_GT(housing.projection.population.back().row(1).sum(),
            base.projection.population.back().row(1).sum());
}

TEST(LeverProjection, APandemicShockCutsInMigrationAndRaisesOutMigrationInItsYearsOnly) {
  TinyCopy copy;
  copy.write("pandemic.toml", R"(extends = "tiny.toml"
[[shocks]]
name = "pandemic"
years = [2026, 2027]
in_migration_multiplier = 0.85
out_migration_multiplier = 1.1
)");
  const LeverRun base = run(copy.scenario());
  const LeverRun shock = run(copy.path("pandemic.toml"));
  for (int year = 2025; year < 2030; ++year) {
    const bool hit = year == 2026 || year == 2027;
    EXPECT_DOUBLE_EQ(shock.rates(year).in_migrants, hit ? 85.0 : 100.0) << year;
    EXPECT_TRUE(shock.rates(year).out_migration_probability.isApprox(
        hit ? cohort_probability(scaled_probability(engine::SexAgeSchedule::Constant(0.05), 1.1))
            : base.rates(year).out_migration_probability,
        1e-15))
        << year;
  }
  // 2026's arrivals are exactly 85 % of the baseline's; the ward ends smaller.
  EXPECT_TRUE(shock.in_migration(2026).isApprox(0.85 * base.in_migration(2026), 1e-12));
  EXPECT_LT(shock.projection.total(5), base.projection.total(5));
  EXPECT_EQ(shock.projection.total(1), base.projection.total(1));  // 2026: before the shock
}

}  // namespace
}  // namespace wardsim::scenarios
