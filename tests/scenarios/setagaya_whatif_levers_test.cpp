// The bundled Setagaya what-ifs load, and each turns its lever by the stated amount relative to the
// baseline it extends (scenarios/setagaya/README.md, "What-if scenarios").
#include <gtest/gtest.h>

#include <string>

#include "wardsim/scenarios/scenario.h"

namespace wardsim::scenarios {
namespace {

const std::filesystem::path kSetagaya =
    std::filesystem::path(WARDSIM_SOURCE_DIR) / "scenarios" / "setagaya";

class SetagayaWhatIf : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    baseline_ = new Scenario(load_scenario(kSetagaya / "baseline.toml"));
  }
  static void TearDownTestSuite() {
    delete baseline_;
    baseline_ = nullptr;
  }
  static const engine::YearRates& rates(const Scenario& scenario, int year) {
    return scenario.inputs.rates.at(static_cast<std::size_t>(year - 2025));
  }
  static Scenario* baseline_;
};
Scenario* SetagayaWhatIf::baseline_ = nullptr;

TEST_F(SetagayaWhatIf, ChildRearingRaisesTheTfrTo1Point2By2035) {
  const Scenario what_if = load_scenario(kSetagaya / "whatif_childrearing.toml");
  EXPECT_EQ(what_if.name, "whatif_childrearing");
  // District fertility multipliers are 1: each district's ASFR sums to the year's TFR.
  EXPECT_NEAR(rates(what_if, 2035).fertility.row(0).sum(), 1.2, 1e-12);
  EXPECT_NEAR(rates(what_if, 2030).fertility.row(0).sum(), 1.07, 1e-12);
  EXPECT_NEAR(rates(*baseline_, 2035).fertility.row(0).sum(), 0.94, 1e-12);
  EXPECT_EQ(what_if.estimates.size(), baseline_->estimates.size() + 1);
}

TEST_F(SetagayaWhatIf, HubRedevelopmentAdds1080InMigrantsAYearToThreeDistricts) {
  const Scenario what_if = load_scenario(kSetagaya / "whatif_hub_redevelopment.toml");
  // 3 hubs × 300 dwellings × 2.0 persons × 0.6 from outside, 2027-2036.
  for (const int year : {2026, 2027, 2036, 2037}) {
    const double extra = (year >= 2027 && year <= 2036) ? 1080.0 : 0.0;
    EXPECT_NEAR(rates(what_if, year).in_migrants - rates(*baseline_, year).in_migrants, extra, 1e-9)
        << year;
  }
  const auto& districts = what_if.inputs.dims.districts;
  const engine::YearRates& hub = rates(what_if, 2030);
  const engine::YearRates& base = rates(*baseline_, 2030);
  for (std::size_t d = 0; d < districts.size(); ++d) {
    const auto i = static_cast<Eigen::Index>(d);
    const bool is_hub =
        districts[d].id == "SE02" || districts[d].id == "KZ04" || districts[d].id == "TM06";
    EXPECT_NEAR(hub.in_migrants * hub.in_migrant_allocation(i) -
                    base.in_migrants * base.in_migrant_allocation(i),
                is_hub ? 360.0 : 0.0, 1e-8)
        << districts[d].id;
  }
}

TEST_F(SetagayaWhatIf, PandemicCutsInMigrationAndRaisesOutMigrationIn2026And2027) {
  const Scenario what_if = load_scenario(kSetagaya / "whatif_pandemic.toml");
  for (const int year : {2025, 2026, 2027, 2028}) {
    const bool hit = year == 2026 || year == 2027;
    EXPECT_DOUBLE_EQ(rates(what_if, year).in_migrants,
                     rates(*baseline_, year).in_migrants * (hit ? 0.85 : 1.0))
        << year;
    const double ratio = rates(what_if, year).out_migration_probability(1, 30) /
                         rates(*baseline_, year).out_migration_probability(1, 30);
    // 1.1 on the table's rates; the cohort conversion of two unequal ages adds a little.
    EXPECT_NEAR(ratio, hit ? 1.1 : 1.0, hit ? 0.005 : 1e-15) << year;
  }
}

TEST_F(SetagayaWhatIf, LowYoungInMigrationHasFewerAndOlderInMigrantsFrom2030) {
  const Scenario what_if = load_scenario(kSetagaya / "whatif_low_young_inmigration.toml");
  EXPECT_DOUBLE_EQ(rates(what_if, 2025).in_migrants, rates(*baseline_, 2025).in_migrants);
  EXPECT_DOUBLE_EQ(rates(what_if, 2030).in_migrants, 0.85 * rates(*baseline_, 2030).in_migrants);
  // A shift of 2 whole years in 2030: cohort a of the what-if is cohort a − 2 of the baseline,
  // times one renormalising factor (ages 0..1 repeat age 0's share; ages 99..100 drop out).
  const engine::SexAgeSchedule& shifted = rates(what_if, 2030).in_migrant_profile;
  const engine::SexAgeSchedule& original = rates(*baseline_, 2030).in_migrant_profile;
  const double factor = shifted(1, 30) / original(1, 28);
  EXPECT_LT(factor, 1.0);
  EXPECT_GT(factor, 0.98);
  for (int age = 3; age < 100; ++age) {
    EXPECT_NEAR(shifted(1, age), factor * original(1, age - 2), 1e-12) << age;
  }
}

TEST_F(SetagayaWhatIf, AgeingInPlaceHalvesOlderOutMigrationBy2035) {
  const Scenario what_if = load_scenario(kSetagaya / "whatif_ageing_in_place.toml");
  const engine::SexAgeSchedule& stay = rates(what_if, 2035).out_migration_probability;
  const engine::SexAgeSchedule& base = rates(*baseline_, 2035).out_migration_probability;
  for (int age = 0; age < 65; ++age) EXPECT_DOUBLE_EQ(stay(1, age), base(1, age)) << age;
  for (int age = 66; age < 101; ++age) {
    // Small rates: halving the two ages' rates about halves the cohort's.
    EXPECT_NEAR(stay(1, age) / base(1, age), 0.5, 0.01) << age;
  }
}

}  // namespace
}  // namespace wardsim::scenarios
