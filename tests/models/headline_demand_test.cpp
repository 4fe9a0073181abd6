#include "wardsim/models/headline_demand.h"

#include <gtest/gtest.h>

#include <cmath>

#include "models/example_parameters.h"
#include "models/tiny_projection.h"
#include "wardsim/models/services.h"

namespace wardsim::models {
namespace {

// What the ensemble reduces, read from the full models: each service's headline demand summed
// over categories and whether any category's demand exceeds its capacity.
struct Expected {
  std::vector<double> demand;
  std::vector<std::uint8_t> shortfall;
};

Expected from_full_models(const engine::Projection& projection, const ServiceParameters& p) {
  Expected expected;
  for (const ServiceResult& service : compute_services(projection, p)) {
    const Indicator& demand = service.indicator(service.headline_demand);
    const Indicator& capacity = service.indicator(service.headline_capacity);
    const int categories = demand.categories();
    for (Eigen::Index y = 0; y < demand.values.rows(); ++y) {
      for (int d = 0; d < projection.dims.district_count(); ++d) {
        double total = 0.0;
        bool short_of_places = false;
        for (int c = 0; c < categories; ++c) {
          total += demand.values(y, d * categories + c);
          short_of_places |=
              demand.values(y, d * categories + c) > capacity.values(y, d * categories + c);
        }
        expected.demand.push_back(total);
        expected.shortfall.push_back(short_of_places ? 1 : 0);
      }
    }
  }
  return expected;
}

void expect_equal_to_full_models(const engine::Projection& projection, const ServiceParameters& p) {
  const HeadlineDemand headline(projection.dims, p);
  const std::size_t size = static_cast<std::size_t>(kHeadlineServices) *
                           static_cast<std::size_t>(projection.dims.years()) *
                           static_cast<std::size_t>(projection.dims.district_count());
  std::vector<double> demand(size, -1.0);
  std::vector<std::uint8_t> shortfall(size, 9);
  HeadlineDemand::Workspace workspace;
  // Twice with one workspace: reused scratch space must carry nothing over.
  for (int run = 0; run < 2; ++run) {
    headline.compute(projection.population, workspace, demand, shortfall);
  }
  const Expected expected = from_full_models(projection, p);
  ASSERT_EQ(expected.demand.size(), size);
  int shortfalls = 0;
  for (std::size_t i = 0; i < size; ++i) {
    ASSERT_EQ(demand[i], expected.demand[i]) << "value " << i;  // bit for bit
    ASSERT_EQ(shortfall[i], expected.shortfall[i]) << "value " << i;
    shortfalls += shortfall[i];
  }
  // The flags must be mixed for the comparison to mean something.
  EXPECT_GT(shortfalls, 0);
  EXPECT_LT(shortfalls, static_cast<int>(size));
}

TEST(HeadlineDemand, EqualsTheFullModelsOnTheHandMadeFixture) {
  expect_equal_to_full_models(testing::three_districts(), testing::example_parameters());
}

TEST(HeadlineDemand, EqualsTheFullModelsOnIrregularCounts) {
  // Counts with no round values, so that any change in the order of the arithmetic would show.
  const engine::Projection projection =
      testing::make_projection(3, 3, [](int year, int district, int sex, int age) {
        return 40.0 + 37.0 * std::sin(1.3 * year + 2.1 * district + 0.7 * sex + 0.37 * age);
      });
  expect_equal_to_full_models(projection, testing::example_parameters());
}

TEST(HeadlineDemand, ChildcareDemandByHand) {
  // District 0 of the fixture: 100 people in every cell, so 200 per age on 1 April; uptake
  // {0.3, 0.5, 0.6} in 2025 (multiplier 1): 200 x 0.3 + 400 x 0.5 + 600 x 0.6 = 620.
  const engine::Projection projection = testing::three_districts();
  const HeadlineDemand headline(projection.dims, testing::example_parameters());
  const std::size_t size = 4 * 3 * 3;
  std::vector<double> demand(size);
  std::vector<std::uint8_t> shortfall(size);
  HeadlineDemand::Workspace workspace;
  headline.compute(projection.population, workspace, demand, shortfall);
  EXPECT_DOUBLE_EQ(demand[0], 620.0);
  EXPECT_EQ(shortfall[0], 1);  // 60 babies for 50 places
}

}  // namespace
}  // namespace wardsim::models
