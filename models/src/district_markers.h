#pragma once
// Planning markers of every district from a service's headline demand and capacity.

#include <vector>

#include "wardsim/models/service_result.h"

namespace wardsim::models {

// All arguments are [population year, district]. `shortfall` is the headline shortfall: the sum
// of per-category shortfalls for services whose capacity is category-specific (a place for a
// 3-year-old cannot serve a baby), max(0, demand − capacity) otherwise. Markers:
//   first_shortfall_year — first year with shortfall > 0 (0 = never);
//   peak_demand_year, peak_demand — the largest demand, the earliest year if tied;
//   post_peak_surplus_years — years after the peak year in which capacity > demand;
//   largest_post_peak_surplus — the largest capacity − demand in those years (0 if none).
std::vector<DistrictMarkers> district_markers(int base_year, const IndicatorValues& demand,
                                              const IndicatorValues& capacity,
                                              const IndicatorValues& shortfall);

// Markers of a service whose capacity is not split by category: shortfall = max(0, d − c).
std::vector<DistrictMarkers> district_markers(int base_year, const IndicatorValues& demand,
                                              const IndicatorValues& capacity);

}  // namespace wardsim::models
