#include "wardsim/models/service_result.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

namespace wardsim::models {
namespace {

TEST(ServiceResult, FindsAnIndicatorByName) {
  ServiceResult result;
  result.name = "childcare";
  result.indicators.resize(2);
  result.indicators[0].name = "demand";
  result.indicators[1].name = "capacity";
  result.indicators[1].units = "places";
  EXPECT_EQ(result.indicator("capacity").units, "places");
}

TEST(ServiceResult, MissingIndicatorThrowsNamingIt) {
  ServiceResult result;
  result.name = "school";
  try {
    (void)result.indicator("pupils");
    FAIL() << "no exception";
  } catch (const std::out_of_range& error) {
    EXPECT_STREQ(error.what(), "service 'school' has no indicator 'pupils'");
  }
}

TEST(Indicator, CategoriesIsOneWithoutLabels) {
  Indicator indicator;
  EXPECT_EQ(indicator.categories(), 1);
  indicator.category_labels = {"a", "b"};
  EXPECT_EQ(indicator.categories(), 2);
}

}  // namespace
}  // namespace wardsim::models
