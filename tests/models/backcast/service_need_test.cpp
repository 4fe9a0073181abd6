#include "wardsim/models/backcast/service_need.h"

#include <gtest/gtest.h>

#include "models/example_parameters.h"
#include "models/tiny_projection.h"
#include "wardsim/models/backcast/demographic_indicator.h"
#include "wardsim/models/services.h"

namespace wardsim::models::backcast {
namespace {

Target target_of(TargetIndicator indicator, std::vector<int> districts) {
  Target target;
  target.name = "t";
  target.indicator = indicator;
  target.districts = std::move(districts);
  target.from_year = 2025;
  target.to_year = 2027;
  return target;
}

TEST(ServiceNeed, CarePlacesAskAtLeastPerThousandAged75Plus) {
  const engine::Projection projection = testing::three_districts();
  const auto services = compute_services(projection, testing::example_parameters());
  Target target = target_of(TargetIndicator::CarePlacesPer1000Aged75Plus, {0, 2});
  target.at_least = 30.0;
  const ServiceNeed need = service_need(target, services, projection);
  ASSERT_EQ(need.unit_count(), 2);
  // District 0: 100 people in each of 2 × 26 cells aged 75..100+ = 5,200 → 156 places.
  EXPECT_DOUBLE_EQ(need.demand(0, 0), 156.0);
  EXPECT_DOUBLE_EQ(need.demand(0, 1), 0.0);
  EXPECT_DOUBLE_EQ(need.capacity(0, 0), 260.0);
  EXPECT_DOUBLE_EQ(need.capacity(2, 0), 700.0);
  EXPECT_EQ(need.facility, "elderly_care");
  EXPECT_EQ(need.unit_district, (std::vector<int>{0, 2}));
}

TEST(ServiceNeed, ChildcareTakesEveryAgeGroupOfTheChosenDistricts) {
  const engine::Projection projection = testing::three_districts();
  const auto services = compute_services(projection, testing::example_parameters());
  const ServiceNeed need =
      service_need(target_of(TargetIndicator::ChildcareNoShortfall, {2}), services, projection);
  const Indicator& demand = services[0].indicator("demand");
  const Indicator& places = services[0].indicator("capacity");
  ASSERT_EQ(need.unit_count(), 3);
  for (int c = 0; c < 3; ++c) {
    EXPECT_EQ(need.unit_labels[static_cast<std::size_t>(c)],
              projection.dims.districts[2].id + "/" +
                  demand.category_labels[static_cast<std::size_t>(c)]);
    for (int i = 0; i < 3; ++i) {
      EXPECT_EQ(need.demand(i, c), demand.values(i, 2 * 3 + c));
      EXPECT_EQ(need.capacity(i, c), places.values(i, 2 * 3 + c));
    }
  }
}

TEST(ServiceNeed, SchoolAndShelterUseTheirHeadlineIndicators) {
  const engine::Projection projection = testing::three_districts();
  const auto services = compute_services(projection, testing::example_parameters());
  const ServiceNeed school =
      service_need(target_of(TargetIndicator::SchoolClassSizeLimit, {0}), services, projection);
  EXPECT_EQ(school.units, "classrooms");
  EXPECT_EQ(school.demand(1, 1), services[1].indicator("classrooms_needed").values(1, 1));
  const ServiceNeed shelter =
      service_need(target_of(TargetIndicator::WelfareShelterForAll, {0}), services, projection);
  EXPECT_EQ(shelter.capacity(0, 0), 2400.0);
}

TEST(DemographicValue, ChildShareAndTotalsOfTheDistrictSet) {
  const engine::Projection projection = testing::three_districts();
  Target share = target_of(TargetIndicator::ChildShare0To14, {0});
  EXPECT_NEAR(demographic_value(share, projection, 2026), 100.0 * 15.0 / 101.0, 1e-12);
  share.districts = {0, 2};
  EXPECT_NEAR(demographic_value(share, projection, 2026),
              100.0 * (3000.0 + 80.0) / (20200.0 + 80.0), 1e-12);
  const Target total = target_of(TargetIndicator::WardTotal, {0, 1});
  EXPECT_DOUBLE_EQ(demographic_value(total, projection, 2025), 20200.0);
  EXPECT_THROW((void)demographic_value(total, projection, 2030), std::invalid_argument);
}

TEST(ServiceNeed, ShortfallCountsWholePlaces) {
  ServiceNeed need;
  need.demand = Eigen::ArrayXXd::Constant(1, 3, 10.0);
  need.capacity.resize(1, 3);
  need.capacity << 9.2, 10.0, 12.0;
  EXPECT_EQ(need.shortfall(0, 0), 1.0);  // 0.8 of a child still needs a whole place
  EXPECT_EQ(need.shortfall(0, 1), 0.0);
  EXPECT_EQ(need.shortfall(0, 2), 0.0);
}

}  // namespace
}  // namespace wardsim::models::backcast
