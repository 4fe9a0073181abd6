// Schools: pupils of elementary (ages 6-11 on 1 April) and junior-high (12-14) age, the share in
// ward-run schools, classes by grade under the class-size limit, and classrooms.

#include <array>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "capacity_series.h"
#include "demand_factors.h"
#include "district_markers.h"
#include "indicator_math.h"
#include "parameter_checks.h"
#include "projection_years.h"
#include "school_year_age.h"
#include "wardsim/engine/population_queries.h"
#include "wardsim/models/demand_decomposition.h"
#include "wardsim/models/services.h"

namespace wardsim::models {
namespace {

struct Level {
  int first_age;  // age on 1 April of grade 1 of the level
  int last_age;
};
constexpr std::array<Level, kSchoolLevels> kLevels = {{{6, 11}, {12, 14}}};

// Pupils a class may hold count in whole pupils, but public pupils are fractional (pupils x
// share); ignore rounding noise so that 35.000000000001 pupils still make one class of 35.
constexpr double kPupilTolerance = 1e-9;

std::vector<std::string> level_labels() { return {"elementary", "junior_high"}; }

const Level& level(int l) { return kLevels[static_cast<std::size_t>(l)]; }

void check(const engine::Projection& projection, const SchoolParameters& p) {
  ParameterChecks checks("school", projection.dims);
  for (int l = 0; l < kSchoolLevels; ++l) {
    checks.positive(p.class_size_limit[static_cast<std::size_t>(l)],
                    "class_size_limit " + level_labels()[static_cast<std::size_t>(l)]);
  }
  checks.capacity_plan(p.classrooms, kSchoolLevels, "classrooms");
  checks.throw_if_failed();
}

// Pupils of each level on 1 April of population year `i` (all schools): district × level.
Eigen::ArrayXXd pupils_in_year(const engine::DistrictCube& april) {
  Eigen::ArrayXXd pupils(april.rows(), kSchoolLevels);
  for (Eigen::Index d = 0; d < april.rows(); ++d) {
    for (int l = 0; l < kSchoolLevels; ++l) {
      pupils(d, l) = engine::count_ages(april, d, level(l).first_age, level(l).last_age);
    }
  }
  return pupils;
}

// Classes of one level in one district: one ceiling per grade, since pupils of different grades
// are not taught together.
double classes_of_level(const engine::DistrictCube& april, Eigen::Index d, int l,
                        const SchoolParameters& p) {
  const double share = p.public_share[static_cast<std::size_t>(l)];
  const double limit = p.class_size_limit[static_cast<std::size_t>(l)];
  double classes = 0.0;
  for (int age = level(l).first_age; age <= level(l).last_age; ++age) {
    const double pupils = engine::count_ages(april, d, age, age) * share;
    classes += std::ceil(pupils / limit - kPupilTolerance);
  }
  return classes;
}

Eigen::Array<double, 1, kSchoolLevels> public_shares(const SchoolParameters& p) {
  return {p.public_share[0], p.public_share[1]};
}

}  // namespace

DemandFactors demand_factors(const engine::Projection& projection, const SchoolParameters& p,
                             int year) {
  check(projection, p);
  const int i = year_index(projection.dims, year);
  const engine::DistrictCube& january = projection.population[static_cast<std::size_t>(i)];
  const Eigen::ArrayXXd pupils = pupils_in_year(april_basis(january));
  return factors_from_counts(january, pupils, public_shares(p).replicate(pupils.rows(), 1));
}

ServiceResult school_demand(const engine::Projection& projection, const SchoolParameters& p) {
  check(projection, p);
  const engine::Dimensions& dims = projection.dims;
  const Eigen::Index columns = Eigen::Index{dims.district_count()} * kSchoolLevels;
  IndicatorValues pupils(dims.years(), columns);
  IndicatorValues public_pupils(dims.years(), columns);
  IndicatorValues classes(dims.years(), columns);
  for (int i = 0; i < dims.years(); ++i) {
    const engine::DistrictCube april =
        april_basis(projection.population[static_cast<std::size_t>(i)]);
    const Eigen::ArrayXXd by_level = pupils_in_year(april);
    for (Eigen::Index d = 0; d < april.rows(); ++d) {
      for (int l = 0; l < kSchoolLevels; ++l) {
        const Eigen::Index column = d * kSchoolLevels + l;
        pupils(i, column) = by_level(d, l);
        public_pupils(i, column) = by_level(d, l) * p.public_share[static_cast<std::size_t>(l)];
        classes(i, column) = classes_of_level(april, d, l, p);
      }
    }
  }
  const IndicatorValues classrooms = capacity_series(p.classrooms, dims);
  const CapacityGap gap = capacity_gap(classes, classrooms);

  ServiceResult result;
  result.name = "school";
  result.title = "Ward schools (elementary and junior high)";
  result.description =
      "Pupils by age on 1 April, the share in ward-run schools, classes per grade under the "
      "class-size limit, against the classrooms of each level.";
  result.headline_demand = "classrooms_needed";
  result.headline_capacity = "classrooms";
  const auto indicator = [&](std::string name, std::string units, std::string description,
                             IndicatorValues values) {
    add_indicator(result, std::move(name), std::move(units), std::move(description),
                  std::move(values), "school_level", level_labels());
  };
  indicator("pupils", "pupils", "Children of school age on 1 April, in any school.", pupils);
  indicator("public_pupils", "pupils", "Pupils in ward-run schools: pupils x public share.",
            public_pupils);
  indicator("classes", "classes",
            "Sum over grades of ceil(public pupils of the grade / class-size limit); a lower "
            "bound, as a district spans several school areas.",
            classes);
  indicator("classrooms_needed", "classrooms", "One classroom per class.", classes);
  indicator("classrooms", "classrooms", "Classrooms of the level in force that year.", classrooms);
  indicator("gap", "classrooms", "Classrooms needed minus available (positive: too few).", gap.gap);
  indicator("shortfall", "classrooms", "Classrooms missing: max(0, needed - available).",
            gap.shortfall);
  indicator("surplus", "classrooms", "Idle classrooms: max(0, available - needed).", gap.surplus);

  // Elementary classrooms cannot seat junior-high classes: the per-level shortfalls are summed.
  result.markers = district_markers(dims.base_year, sum_over_categories(classes, kSchoolLevels),
                                    sum_over_categories(classrooms, kSchoolLevels),
                                    sum_over_categories(gap.shortfall, kSchoolLevels));
  // Classes (with ceilings) are not of the form N x sum(s x r): decompose public pupils instead.
  result.decomposition = decompose_demand(projection, p, dims.base_year, dims.end_year);
  return result;
}

}  // namespace wardsim::models
