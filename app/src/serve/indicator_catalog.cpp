#include "indicator_catalog.h"

#include "wardsim/engine/population_queries.h"

namespace wardsim::app::serve {
namespace {

using engine::count_ages;
using engine::DistrictCube;
using engine::kOpenAge;

IndicatorDefinition count(std::string key, std::string label_en, std::string label_ja, int from,
                          int to) {
  return {std::move(key),
          std::move(label_en),
          std::move(label_ja),
          "persons",
          "count",
          [from, to](const DistrictCube& population, Eigen::Index district) {
            return count_ages(population, district, from, to);
          }};
}

// Share of the district's residents aged from..to; 0 for an empty district.
IndicatorDefinition share(std::string key, std::string label_en, std::string label_ja, int from,
                          int to) {
  return {std::move(key),
          std::move(label_en),
          std::move(label_ja),
          "share of residents",
          "ratio",
          [from, to](const DistrictCube& population, Eigen::Index district) {
            const double all = population.row(district).sum();
            return all > 0.0 ? count_ages(population, district, from, to) / all : 0.0;
          }};
}

}  // namespace

const std::vector<IndicatorDefinition>& district_indicators() {
  static const std::vector<IndicatorDefinition> indicators = {
      count("population", "Population", "人口", 0, kOpenAge),
      count("age_0_5", "Children 0-5", "0〜5歳", 0, 5),
      count("age_6_14", "School age 6-14", "6〜14歳", 6, 14),
      count("age_15_64", "Working age 15-64", "15〜64歳", 15, 64),
      count("age_65_74", "Aged 65-74", "65〜74歳", 65, 74),
      count("age_75_plus", "Aged 75+", "75歳以上", 75, kOpenAge),
      share("share_0_14", "Share aged 0-14", "年少人口割合", 0, 14),
      share("share_65_plus", "Share aged 65+ (ageing rate)", "高齢化率", 65, kOpenAge),
  };
  return indicators;
}

}  // namespace wardsim::app::serve
