#pragma once
// What every service-demand model returns: named indicators on [year, district (, category)],
// per-district planning markers, and the decomposition of demand change. Generic on purpose, so
// that io/ and the command write and print every service the same way.

#include <Eigen/Core>
#include <string>
#include <vector>

namespace wardsim::models {

// Values of one indicator: row = population year, column = district × category (district-major:
// column = district * categories + category). A service without a finer dimension has one
// category, and `category_labels` is empty.
using IndicatorValues = Eigen::Array<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

struct Indicator {
  std::string name;          // snake_case dataset name, e.g. "demand", "capacity", "gap"
  std::string units;         // e.g. "children", "places", "classrooms", "persons"
  std::string description;   // one sentence: what it counts and how
  std::string category_dim;  // e.g. "age_group"; empty when there is none
  std::vector<std::string> category_labels;  // e.g. {"age_0", "age_1_2", "age_3_5"}
  IndicatorValues values;

  int categories() const {
    return category_labels.empty() ? 1 : static_cast<int>(category_labels.size());
  }
};

// Planning markers of one district for a service's headline demand and capacity (summed over
// categories). Years are population years (1 January, or the school/fiscal year starting then).
struct DistrictMarkers {
  int first_shortfall_year = 0;  // first year demand exceeds capacity; 0 = never
  int peak_demand_year = 0;
  double peak_demand = 0.0;
  std::vector<int> post_peak_surplus_years;  // after the peak, years with idle capacity
  double largest_post_peak_surplus = 0.0;    // capacity − demand, at its largest after the peak
};

// Change of a district's headline demand between two years split into three effects that add up
// exactly to the change (symmetric, Shapley-style): the size of the population, its age (and sex)
// structure, and the rates of use (uptake, certification, headship …).
struct DemandDecomposition {
  int from_year = 0;
  int to_year = 0;
  Eigen::ArrayXd total_change;     // by district
  Eigen::ArrayXd population_size;  // by district
  Eigen::ArrayXd age_structure;    // by district
  Eigen::ArrayXd rates;            // by district
  // Name of the indicator whose change is split: the headline demand, except for schools, where
  // classes (with their ceilings) do not factor and public pupils are decomposed instead.
  std::string quantity;
};

struct ServiceResult {
  std::string name;               // childcare, school, elderly_care, infrastructure
  std::string title;              // for people: "Childcare (hoiku)"
  std::string description;        // what the model does, in a sentence or two
  std::string headline_demand;    // name of the indicator the markers and decomposition use
  std::string headline_capacity;  // its capacity indicator
  std::vector<Indicator> indicators;
  std::vector<DistrictMarkers> markers;  // one per district
  DemandDecomposition decomposition;
  std::vector<std::string> assumptions;  // parameter notes carried into the results' provenance

  const Indicator& indicator(const std::string& indicator_name) const;
};

}  // namespace wardsim::models
