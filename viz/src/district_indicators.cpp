#include "district_indicators.h"

#include <limits>

#include "wardsim/error.h"

namespace wardsim::viz {
namespace {

struct Demographic {
  const char* name;
  const char* label;
  const char* units;
};

constexpr Demographic kDemographic[] = {
    {"population", "Population", "persons"},
    {"population_change", "Population change since the base year", "%"},
    {"share_0_14", "Share aged 0-14", "%"},
    {"share_65_plus", "Share aged 65 and over", "%"},
    {"share_75_plus", "Share aged 75 and over", "%"},
};

double persons(const engine::DistrictCube& cube, int district, int from_age, int to_age) {
  double total = 0.0;
  for (int s = 0; s < engine::kSexes; ++s) {
    for (int a = from_age; a <= to_age; ++a) total += cube(district, engine::cell(s, a));
  }
  return total;
}

// Percentage, NaN when the base is zero (an empty district has no share).
double percent(double part, double whole) {
  return whole > 0.0 ? 100.0 * part / whole : std::numeric_limits<double>::quiet_NaN();
}

// A ratio cannot be summed over categories, so such indicators are not offered for maps.
bool mappable(const models::Indicator& indicator) {
  return indicator.categories() == 1 || (indicator.units != "ratio" && indicator.units != "share");
}

}  // namespace

std::vector<std::string> map_indicator_names(const std::vector<models::ServiceResult>& services) {
  std::vector<std::string> names;
  for (const auto& demographic : kDemographic) names.emplace_back(demographic.name);
  for (const auto& service : services) {
    for (const auto& indicator : service.indicators) {
      if (mappable(indicator)) names.push_back(service.name + "." + indicator.name);
    }
  }
  return names;
}

DistrictIndicator district_indicator(const std::string& name, const engine::Projection& projection,
                                     const std::vector<models::ServiceResult>& services,
                                     int year_index) {
  const int districts = projection.dims.district_count();
  const auto& now = projection.population.at(static_cast<std::size_t>(year_index));
  const auto& base = projection.population.front();
  DistrictIndicator out{name, "", "", std::vector<double>(static_cast<std::size_t>(districts))};
  for (const auto& demographic : kDemographic) {
    if (name != demographic.name) continue;
    out.label = demographic.label;
    out.units = demographic.units;
    for (int d = 0; d < districts; ++d) {
      const double total = persons(now, d, 0, engine::kOpenAge);
      double value = total;
      if (name == "population_change") {
        const double before = persons(base, d, 0, engine::kOpenAge);
        value = percent(total - before, before);
      } else if (name == "share_0_14") {
        value = percent(persons(now, d, 0, 14), total);
      } else if (name == "share_65_plus") {
        value = percent(persons(now, d, 65, engine::kOpenAge), total);
      } else if (name == "share_75_plus") {
        value = percent(persons(now, d, 75, engine::kOpenAge), total);
      }
      out.values[static_cast<std::size_t>(d)] = value;
    }
    return out;
  }
  for (const auto& service : services) {
    for (const auto& indicator : service.indicators) {
      if (!mappable(indicator) || name != service.name + "." + indicator.name) continue;
      out.label = service.title + ": " + indicator.name;
      out.units = indicator.units;
      const int categories = indicator.categories();
      for (int d = 0; d < districts; ++d) {
        out.values[static_cast<std::size_t>(d)] =
            indicator.values.row(year_index).segment(d * categories, categories).sum();
      }
      return out;
    }
  }
  throw InputError({"unknown map indicator '" + name + "'"});
}

}  // namespace wardsim::viz
