#pragma once
// Arithmetic shared by the models on indicator values [year, district × category].

#include <string>
#include <vector>

#include "wardsim/models/service_result.h"

namespace wardsim::models {

// [year, district × category] → [year, district]: the headline of a service with categories.
IndicatorValues sum_over_categories(const IndicatorValues& values, int categories);

// numerator / denominator × scale, 0 where the denominator is 0 (nothing to divide by).
IndicatorValues ratio_or_zero(const IndicatorValues& numerator, const IndicatorValues& denominator,
                              double scale = 1.0);

// gap = demand − capacity; shortfall = max(0, gap) (demand without capacity);
// surplus = max(0, −gap) (idle capacity). shortfall − surplus == gap.
struct CapacityGap {
  IndicatorValues gap;
  IndicatorValues shortfall;
  IndicatorValues surplus;
};
CapacityGap capacity_gap(const IndicatorValues& demand, const IndicatorValues& capacity);

// Appends an indicator to `result`; a service without a finer dimension leaves the category empty.
void add_indicator(ServiceResult& result, std::string name, std::string units,
                   std::string description, IndicatorValues values, std::string category_dim = {},
                   std::vector<std::string> category_labels = {});

}  // namespace wardsim::models
