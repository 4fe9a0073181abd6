#include "wardsim/scenarios/cohort_schedules.h"

#include <gtest/gtest.h>

#include <cmath>

namespace wardsim::scenarios {
namespace {

using engine::kAges;
using engine::kFemale;
using engine::kMale;
using engine::SexAgeSchedule;

TEST(CohortProbability, AConstantScheduleIsUnchangedFromAgeOne) {
  const SexAgeSchedule p = SexAgeSchedule::Constant(0.04);
  const SexAgeSchedule cohort = cohort_probability(p);
  for (int sex = 0; sex < engine::kSexes; ++sex) {
    for (int age = 1; age < kAges; ++age) EXPECT_NEAR(cohort(sex, age), 0.04, 1e-15) << age;
    // Born during the year: half a year of exposure.
    EXPECT_DOUBLE_EQ(cohort(sex, 0), 1.0 - std::sqrt(0.96));
  }
}

TEST(CohortProbability, CombinesTheTwoAgesACohortPassesThrough) {
  SexAgeSchedule p = SexAgeSchedule::Zero();
  p(kFemale, 99) = 0.3;
  p(kFemale, 100) = 0.5;
  const SexAgeSchedule cohort = cohort_probability(p);
  EXPECT_DOUBLE_EQ(cohort(kFemale, 99), 1.0 - std::sqrt(0.7));
  EXPECT_DOUBLE_EQ(cohort(kFemale, 100), 1.0 - std::sqrt(0.7 * 0.5));
  EXPECT_EQ(cohort(kMale, 100), 0.0);
}

TEST(CohortDeathProbability, InfantsDieBeforeFirstJanuaryInProportionOneMinusA0) {
  const SexAgeSchedule q = SexAgeSchedule::Constant(0.002);
  const SexAgeSchedule cohort = cohort_death_probability(q, 0.1);
  EXPECT_DOUBLE_EQ(cohort(kMale, 0), 0.002 * 0.9);
  EXPECT_NEAR(cohort(kFemale, 50), 0.002, 1e-15);
}

TEST(CohortArrivalProfile, SplitsEachAgeBetweenTwoCohortsAndPreservesTheTotal) {
  SexAgeSchedule shares = SexAgeSchedule::Zero();
  shares(kMale, 0) = 0.2;
  shares(kMale, 30) = 0.3;
  shares(kFemale, 99) = 0.1;
  shares(kFemale, 100) = 0.4;
  const SexAgeSchedule cohort = cohort_arrival_profile(shares);
  EXPECT_DOUBLE_EQ(cohort(kMale, 0), 0.1);
  EXPECT_DOUBLE_EQ(cohort(kMale, 1), 0.1);
  EXPECT_DOUBLE_EQ(cohort(kMale, 30), 0.15);
  EXPECT_DOUBLE_EQ(cohort(kMale, 31), 0.15);
  EXPECT_DOUBLE_EQ(cohort(kFemale, 99), 0.05);
  EXPECT_DOUBLE_EQ(cohort(kFemale, 100), 0.05 + 0.4);
  EXPECT_DOUBLE_EQ(cohort.sum(), 1.0);
}

TEST(ImprovedQx, DeclinesGeometricallyPerSexAndIsCappedAtOne) {
  SexAgeSchedule qx = SexAgeSchedule::Constant(0.01);
  qx(kFemale, 100) = 0.99;
  const SexAgeSchedule later = improved_qx(qx, {0.01, 0.02}, 2020, 2025);
  EXPECT_DOUBLE_EQ(later(kMale, 40), 0.01 * std::pow(0.99, 5));
  EXPECT_DOUBLE_EQ(later(kFemale, 40), 0.01 * std::pow(0.98, 5));
  const SexAgeSchedule worse = improved_qx(qx, {0.0, -0.05}, 2020, 2030);
  EXPECT_EQ(worse(kFemale, 100), 1.0);
  EXPECT_EQ(worse(kMale, 40), 0.01);
}

TEST(ScaledProbability, MultipliesAndCapsAtOne) {
  SexAgeSchedule p = SexAgeSchedule::Constant(0.3);
  p(kMale, 5) = 0.6;
  const SexAgeSchedule scaled = scaled_probability(p, 2.0);
  EXPECT_DOUBLE_EQ(scaled(kFemale, 5), 0.6);
  EXPECT_EQ(scaled(kMale, 5), 1.0);
}

TEST(MaleBirthShare, FollowsTheSexRatioAtBirth) {
  EXPECT_DOUBLE_EQ(male_birth_share(1.0), 0.5);
  EXPECT_DOUBLE_EQ(male_birth_share(1.05), 1.05 / 2.05);
}

}  // namespace
}  // namespace wardsim::scenarios
