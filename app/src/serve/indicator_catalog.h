#pragma once
// The district indicators the page can map (GET /api/meta "indicators", POST /api/project
// "district_indicators"): population counts by age group and ageing ratios, computed from one
// population snapshot of one district.

#include <functional>
#include <string>
#include <vector>

#include "wardsim/engine/dimensions.h"

namespace wardsim::app::serve {

struct IndicatorDefinition {
  std::string key;
  std::string label_en;
  std::string label_ja;
  std::string unit;
  std::string kind;  // "count" or "ratio"
  // The value for district `district` of one population snapshot.
  std::function<double(const engine::DistrictCube& population, Eigen::Index district)> value;
};

const std::vector<IndicatorDefinition>& district_indicators();

// The ward's age groups of the page, as (label, first age, last age) in completed years.
struct AgeGroup {
  const char* label;
  int from;
  int to;
};
inline constexpr AgeGroup kAgeGroups[] = {
    {"0-5", 0, 5}, {"6-14", 6, 14}, {"15-64", 15, 64}, {"65-74", 65, 74}, {"75+", 75, 100}};

}  // namespace wardsim::app::serve
