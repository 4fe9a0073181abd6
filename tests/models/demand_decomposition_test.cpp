#include "wardsim/models/demand_decomposition.h"

#include <gtest/gtest.h>

#include "models/example_parameters.h"
#include "models/tiny_projection.h"
#include "wardsim/error.h"
#include "wardsim/models/services.h"

namespace wardsim::models {
namespace {

DemandFactors one_cell(double n, double s, double r) {
  DemandFactors f;
  f.population = Eigen::ArrayXd::Constant(1, n);
  f.shares = Eigen::ArrayXXd::Constant(1, 1, s);
  f.rates = Eigen::ArrayXXd::Constant(1, 1, r);
  return f;
}

void expect_adds_up(const DemandDecomposition& d) {
  const Eigen::ArrayXd sum = d.population_size + d.age_structure + d.rates;
  for (Eigen::Index i = 0; i < sum.size(); ++i) {
    EXPECT_NEAR(sum(i), d.total_change(i), 1e-9 * (1.0 + std::abs(d.total_change(i))))
        << "district " << i;
  }
}

// D = N s r from 100 × 0.1 × 1 = 10 to 200 × 0.2 × 2 = 80. Each factor doubles, so by symmetry
// each gets a third of the change: 70 / 3. (By hand, for N: first in the order 200·0.1·1 − 10 =
// 10 (2 orders), after s alone 40 − 20 = 20, after r alone 40 − 20 = 20, last 80 − 40 = 40
// (2 orders): (2·10 + 20 + 20 + 2·40) / 6 = 70 / 3.)
TEST(ShapleyDecomposition, SplitsAThreeFactorProductSymmetrically) {
  const DemandDecomposition d =
      shapley_decomposition(one_cell(100, 0.1, 1), one_cell(200, 0.2, 2), 2025, 2035);
  EXPECT_EQ(d.from_year, 2025);
  EXPECT_EQ(d.to_year, 2035);
  EXPECT_DOUBLE_EQ(d.total_change(0), 70.0);
  EXPECT_DOUBLE_EQ(d.population_size(0), 70.0 / 3);
  EXPECT_DOUBLE_EQ(d.age_structure(0), 70.0 / 3);
  EXPECT_DOUBLE_EQ(d.rates(0), 70.0 / 3);
}

TEST(ShapleyDecomposition, GivesAllChangeToTheOnlyFactorThatMoves) {
  const auto only = [](const DemandFactors& from, const DemandFactors& to) {
    return shapley_decomposition(from, to, 2025, 2026);
  };
  const DemandDecomposition rates = only(one_cell(100, 0.1, 1), one_cell(100, 0.1, 1.5));
  EXPECT_DOUBLE_EQ(rates.rates(0), 5.0);
  EXPECT_EQ(rates.population_size(0), 0.0);
  EXPECT_EQ(rates.age_structure(0), 0.0);
  const DemandDecomposition size = only(one_cell(100, 0.1, 1), one_cell(130, 0.1, 1));
  EXPECT_DOUBLE_EQ(size.population_size(0), 3.0);
  EXPECT_EQ(size.age_structure(0) + size.rates(0), 0.0);
  const DemandDecomposition structure = only(one_cell(100, 0.1, 1), one_cell(100, 0.05, 1));
  EXPECT_DOUBLE_EQ(structure.age_structure(0), -5.0);
  EXPECT_EQ(structure.population_size(0) + structure.rates(0), 0.0);
}

TEST(ShapleyDecomposition, AddsUpExactlyWithManyCellsAndDistricts) {
  DemandFactors from, to;
  from.population = Eigen::ArrayXd::LinSpaced(4, 1000, 4000);
  to.population = Eigen::ArrayXd::LinSpaced(4, 1300, 2500);
  from.shares = Eigen::ArrayXXd::Random(4, 7).abs() * 0.1;
  to.shares = Eigen::ArrayXXd::Random(4, 7).abs() * 0.1;
  from.rates = Eigen::ArrayXXd::Random(4, 7).abs();
  to.rates = Eigen::ArrayXXd::Random(4, 7).abs();
  const DemandDecomposition d = shapley_decomposition(from, to, 2025, 2050);
  expect_adds_up(d);
  EXPECT_TRUE(((to.demand() - from.demand()) == d.total_change).all());
}

TEST(ShapleyDecomposition, RejectsFactorsOfDifferentShapes) {
  DemandFactors wide = one_cell(1, 1, 1);
  wide.shares = Eigen::ArrayXXd::Ones(1, 2);
  wide.rates = Eigen::ArrayXXd::Ones(1, 2);
  EXPECT_THROW(shapley_decomposition(one_cell(1, 1, 1), wide, 2025, 2026), InputError);
}

// Same population every year, only the uptake lever moves (1.0 → 0.9): all change is rates.
TEST(DecomposeDemand, RateChangeOnlyGoesToRates) {
  const engine::Projection projection = testing::three_districts();
  const DemandDecomposition d =
      decompose_demand(projection, testing::example_childcare(), 2025, 2027);
  // District 0: demand 620 in 2025 (60 + 200 + 360), 558 in 2027 (× 0.9).
  EXPECT_NEAR(d.total_change(0), -62.0, 1e-9);
  EXPECT_NEAR(d.rates(0), -62.0, 1e-9);
  EXPECT_NEAR(d.population_size(0), 0.0, 1e-12);
  EXPECT_NEAR(d.age_structure(0), 0.0, 1e-12);
  EXPECT_EQ(d.total_change(1), 0.0);  // nobody lives in district 1
  expect_adds_up(d);
}

// Every cell grows by half from 2025 to 2027, the rates stay: all change is population size.
TEST(DecomposeDemand, UniformScalingGoesToPopulationSize) {
  const engine::Projection projection =
      testing::make_projection(2, 3, [](int year, int district, int, int age) {
        return (1.0 + 0.25 * year) * (district == 0 ? 100.0 : 3.0 + age);
      });
  ElderlyCareParameters p = testing::example_elderly_care();
  p.certification_multiplier = {1.5, 1.5, 1.5};
  p.residential_places.base = Eigen::ArrayXXd::Zero(2, 1);
  p.residential_places.changes.clear();
  const DemandDecomposition d = decompose_demand(projection, p, 2025, 2027);
  for (Eigen::Index i = 0; i < 2; ++i) {
    EXPECT_GT(d.total_change(i), 0.0);
    EXPECT_NEAR(d.population_size(i), d.total_change(i), 1e-9) << "district " << i;
    EXPECT_NEAR(d.age_structure(i), 0.0, 1e-9);
    EXPECT_NEAR(d.rates(i), 0.0, 1e-9);
  }
}

// The decomposed quantity is the model's headline demand (schools: public pupils).
TEST(DecomposeDemand, TotalChangeIsTheHeadlineChange) {
  const engine::Projection projection =
      testing::make_projection(3, 3, [](int year, int district, int sex, int age) {
        return 10.0 + age * (1.0 + 0.1 * year) + 5.0 * district + sex;
      });
  const ServiceParameters p = testing::example_parameters();
  const auto change = [](const ServiceResult& r, const std::string& name, Eigen::Index d) {
    const Indicator& indicator = r.indicator(name);
    const int c = indicator.categories();
    return indicator.values.row(2).segment(d * c, c).sum() -
           indicator.values.row(0).segment(d * c, c).sum();
  };
  const ServiceResult childcare = childcare_demand(projection, p.childcare);
  const ServiceResult school = school_demand(projection, p.school);
  const ServiceResult elderly = elderly_care_demand(projection, p.elderly_care);
  const ServiceResult infra = infrastructure_demand(projection, p.infrastructure);
  for (Eigen::Index d = 0; d < 3; ++d) {
    EXPECT_NEAR(childcare.decomposition.total_change(d), change(childcare, "demand", d), 1e-9);
    EXPECT_NEAR(school.decomposition.total_change(d), change(school, "public_pupils", d), 1e-9);
    EXPECT_NEAR(elderly.decomposition.total_change(d), change(elderly, "residential_demand", d),
                1e-9);
    EXPECT_NEAR(infra.decomposition.total_change(d), change(infra, "evacuation_help_needed", d),
                1e-9);
    for (const ServiceResult* r : {&childcare, &school, &elderly, &infra}) {
      EXPECT_EQ(r->decomposition.from_year, 2025);
      EXPECT_EQ(r->decomposition.to_year, 2027);
    }
  }
  expect_adds_up(childcare.decomposition);
  expect_adds_up(elderly.decomposition);
}

TEST(DecomposeDemand, TakesAnyTwoYearsOfTheProjectionButNoOther) {
  const engine::Projection projection = testing::three_districts();
  const auto p = testing::example_infrastructure();
  const DemandDecomposition d = decompose_demand(projection, p, 2027, 2026);
  EXPECT_EQ(d.from_year, 2027);
  EXPECT_EQ(d.to_year, 2026);
  try {
    decompose_demand(projection, p, 2024, 2026);
    FAIL() << "no exception";
  } catch (const InputError& error) {
    EXPECT_STREQ(error.what(), "year 2024 is outside the projection 2025–2027");
  }
}

}  // namespace
}  // namespace wardsim::models
