#include "wardsim/models/services.h"

#include <gtest/gtest.h>

#include "models/example_parameters.h"
#include "models/tiny_projection.h"

namespace wardsim::models {
namespace {

TEST(ComputeServices, ReturnsTheFourServicesInOrder) {
  const engine::Projection projection = testing::three_districts();
  const std::vector<ServiceResult> services =
      compute_services(projection, testing::example_parameters());
  ASSERT_EQ(services.size(), 4u);
  EXPECT_EQ(services[0].name, "childcare");
  EXPECT_EQ(services[1].name, "school");
  EXPECT_EQ(services[2].name, "elderly_care");
  EXPECT_EQ(services[3].name, "infrastructure");
}

TEST(ComputeServices, EveryIndicatorIsYearsByDistrictsTimesCategories) {
  const engine::Projection projection = testing::three_districts();
  const int years = projection.dims.years();
  const int districts = projection.dims.district_count();
  for (const ServiceResult& service : compute_services(projection, testing::example_parameters())) {
    SCOPED_TRACE(service.name);
    EXPECT_FALSE(service.title.empty());
    EXPECT_FALSE(service.description.empty());
    EXPECT_NO_THROW((void)service.indicator(service.headline_demand));
    EXPECT_NO_THROW((void)service.indicator(service.headline_capacity));
    EXPECT_EQ(service.indicator(service.headline_demand).categories(),
              service.indicator(service.headline_capacity).categories());
    for (const Indicator& indicator : service.indicators) {
      SCOPED_TRACE(indicator.name);
      EXPECT_FALSE(indicator.units.empty());
      EXPECT_FALSE(indicator.description.empty());
      EXPECT_EQ(indicator.category_dim.empty(), indicator.category_labels.empty());
      EXPECT_EQ(indicator.values.rows(), years);
      EXPECT_EQ(indicator.values.cols(), districts * indicator.categories());
      EXPECT_TRUE(indicator.values.allFinite());
    }
    EXPECT_EQ(service.markers.size(), static_cast<std::size_t>(districts));
    // The decomposed quantity is an indicator of the service: its headline demand, except for
    // schools (public pupils, since classes with ceilings do not factor).
    EXPECT_NO_THROW((void)service.indicator(service.decomposition.quantity));
    EXPECT_EQ(service.decomposition.quantity,
              service.name == "school" ? "public_pupils" : service.headline_demand);
    EXPECT_EQ(service.decomposition.from_year, 2025);
    EXPECT_EQ(service.decomposition.to_year, 2027);
    EXPECT_EQ(service.decomposition.total_change.size(), districts);
    EXPECT_EQ(service.decomposition.rates.size(), districts);
  }
}

}  // namespace
}  // namespace wardsim::models
