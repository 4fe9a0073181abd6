#include "indicator_math.h"

#include <utility>

namespace wardsim::models {

IndicatorValues sum_over_categories(const IndicatorValues& values, int categories) {
  const Eigen::Index districts = values.cols() / categories;
  IndicatorValues sums = IndicatorValues::Zero(values.rows(), districts);
  for (Eigen::Index d = 0; d < districts; ++d) {
    sums.col(d) = values.middleCols(d * categories, categories).rowwise().sum();
  }
  return sums;
}

IndicatorValues ratio_or_zero(const IndicatorValues& numerator, const IndicatorValues& denominator,
                              double scale) {
  return (denominator != 0.0).select(numerator / denominator * scale, 0.0);
}

CapacityGap capacity_gap(const IndicatorValues& demand, const IndicatorValues& capacity) {
  // capacity − demand (not −gap) so that an exact match gives +0, never −0.
  return {demand - capacity, (demand - capacity).max(0.0), (capacity - demand).max(0.0)};
}

void add_indicator(ServiceResult& result, std::string name, std::string units,
                   std::string description, IndicatorValues values, std::string category_dim,
                   std::vector<std::string> category_labels) {
  result.indicators.push_back({.name = std::move(name),
                               .units = std::move(units),
                               .description = std::move(description),
                               .category_dim = std::move(category_dim),
                               .category_labels = std::move(category_labels),
                               .values = std::move(values)});
}

}  // namespace wardsim::models
