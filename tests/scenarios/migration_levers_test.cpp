#include "wardsim/scenarios/migration_levers.h"

#include <gtest/gtest.h>

#include <vector>

namespace wardsim::scenarios {
namespace {

using engine::kAges;
using engine::kFemale;
using engine::kMale;
using engine::SexAgeSchedule;

// A schedule zero at both ends, so that no shift of a few years reads the clamped end ages.
SexAgeSchedule interior_profile() {
  SexAgeSchedule s = SexAgeSchedule::Zero();
  for (int age = 20; age < 30; ++age) {
    s(kMale, age) = 0.01 * (age - 19);  // 0.01 .. 0.10, a ramp so that a shift is visible
    s(kFemale, age) = 0.02;
  }
  return s;
}

TEST(ShiftAgeProfile, ZeroYearsIsTheIdentity) {
  const SexAgeSchedule s = interior_profile();
  EXPECT_TRUE((shift_age_profile(s, 0.0) == s).all());
}

TEST(ShiftAgeProfile, OneYearMovesEveryValueExactlyOneCellOlder) {
  const SexAgeSchedule s = interior_profile();
  const SexAgeSchedule shifted = shift_age_profile(s, 1.0);
  for (int sex = 0; sex < 2; ++sex) {
    EXPECT_EQ(shifted(sex, 0), s(sex, 0));
    for (int age = 1; age < kAges; ++age) {
      EXPECT_DOUBLE_EQ(shifted(sex, age), s(sex, age - 1)) << "sex " << sex << " age " << age;
    }
  }
  EXPECT_EQ(shifted(kMale, 20), 0.0);
  EXPECT_DOUBLE_EQ(shifted(kMale, 30), 0.10);
}

TEST(ShiftAgeProfile, MinusTwoYearsMovesEveryValueTwoCellsYounger) {
  const SexAgeSchedule s = interior_profile();
  const SexAgeSchedule shifted = shift_age_profile(s, -2.0);
  for (int age = 0; age + 2 < kAges; ++age) {
    EXPECT_DOUBLE_EQ(shifted(kMale, age), s(kMale, age + 2)) << "age " << age;
  }
  EXPECT_DOUBLE_EQ(shifted(kMale, 18), 0.01);
}

TEST(ShiftAgeProfile, HalfAYearAveragesNeighbouringAges) {
  const SexAgeSchedule s = interior_profile();
  const SexAgeSchedule shifted = shift_age_profile(s, 0.5);
  EXPECT_DOUBLE_EQ(shifted(kMale, 20), 0.005);  // (0.01 + 0) / 2
  EXPECT_DOUBLE_EQ(shifted(kMale, 25), 0.055);  // (0.06 + 0.05) / 2
  EXPECT_DOUBLE_EQ(shifted(kMale, 30), 0.05);   // (0 + 0.10) / 2
  EXPECT_NEAR(shifted.row(kMale).sum(), s.row(kMale).sum(), 1e-15);
}

TEST(ShiftAgeProfile, EndAgesAreHeldAndTheLevelIsRenormalised) {
  // Rates r everywhere except 2r at age 0: shifted one year older, age 0 is read for ages 0 and 1
  // (sum 103r before rescaling), and the level 102r is restored.
  const double r = 0.01;
  SexAgeSchedule s = SexAgeSchedule::Constant(r);
  s(kMale, 0) = 2 * r;
  const SexAgeSchedule shifted = shift_age_profile(s, 1.0);
  const double factor = 102.0 / 103.0;
  EXPECT_DOUBLE_EQ(shifted(kMale, 0), 2 * r * factor);
  EXPECT_DOUBLE_EQ(shifted(kMale, 1), 2 * r * factor);
  EXPECT_DOUBLE_EQ(shifted(kMale, 2), r * factor);
  EXPECT_DOUBLE_EQ(shifted(kMale, 100), r * factor);
  EXPECT_NEAR(shifted.row(kMale).sum(), 102 * r, 1e-15);
  // The other sex, constant, is unchanged by any shift.
  for (int age = 0; age < kAges; ++age) EXPECT_DOUBLE_EQ(shifted(kFemale, age), r);
}

TEST(ScaledFromAge, OnlyAgesFromTheFirstAgeAreScaled) {
  const SexAgeSchedule s = SexAgeSchedule::Constant(0.02);
  const SexAgeSchedule scaled = scaled_from_age(s, 65, 0.5);
  for (int sex = 0; sex < 2; ++sex) {
    for (int age = 0; age < kAges; ++age) {
      EXPECT_EQ(scaled(sex, age), age < 65 ? 0.02 : 0.01) << "age " << age;
    }
  }
}

TEST(ShockFactors, ShocksCoveringTheYearMultiply) {
  const std::vector<Shock> shocks = {{"pandemic", {2026, 2027}, 0.85, 1.1, ""},
                                     {"quake", {2027}, 0.5, 2.0, ""}};
  const ShockFactors none = shock_factors(shocks, 2025);
  EXPECT_EQ(none.in_migration, 1.0);
  EXPECT_EQ(none.out_migration, 1.0);
  const ShockFactors one = shock_factors(shocks, 2026);
  EXPECT_EQ(one.in_migration, 0.85);
  EXPECT_EQ(one.out_migration, 1.1);
  const ShockFactors both = shock_factors(shocks, 2027);
  EXPECT_DOUBLE_EQ(both.in_migration, 0.425);
  EXPECT_DOUBLE_EQ(both.out_migration, 2.2);
}

TEST(AllocationWithExtra, EveryDistrictGetsItsShareOfTheBasePlusItsExtra) {
  Eigen::ArrayXd allocation(3);
  allocation << 0.5, 0.3, 0.2;
  Eigen::ArrayXd extra(3);
  extra << 0.0, 10.0, 0.0;
  const Eigen::ArrayXd shares = allocation_with_extra(100.0, allocation, extra);
  const double total = 110.0;
  EXPECT_DOUBLE_EQ(shares(0) * total, 50.0);
  EXPECT_DOUBLE_EQ(shares(1) * total, 40.0);
  EXPECT_DOUBLE_EQ(shares(2) * total, 20.0);
  EXPECT_DOUBLE_EQ(shares.sum(), 1.0);
}

TEST(AllocationWithExtra, OnlyExtraOrNothingAtAll) {
  Eigen::ArrayXd allocation(2);
  allocation << 0.5, 0.5;
  Eigen::ArrayXd extra(2);
  extra << 0.0, 4.0;
  const Eigen::ArrayXd only_extra = allocation_with_extra(0.0, allocation, extra);
  EXPECT_EQ(only_extra(0), 0.0);
  EXPECT_EQ(only_extra(1), 1.0);
  const Eigen::ArrayXd nothing = allocation_with_extra(0.0, allocation, Eigen::ArrayXd::Zero(2));
  EXPECT_TRUE((nothing == allocation).all());
}

}  // namespace
}  // namespace wardsim::scenarios
