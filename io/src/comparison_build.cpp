#include <limits>
#include <string>
#include <vector>

#include "wardsim/engine/projection.h"
#include "wardsim/error.h"
#include "wardsim/io/comparison.h"
#include "wardsim/io/results_reader.h"

namespace wardsim::io {
namespace {

using engine::cell;
using engine::kSexes;

std::string describe(const RunRef& run) {
  return "scenario '" + run.scenario + "' of '" + run.file.string() + "'";
}

std::string years_text(const engine::Dimensions& dims) {
  return std::to_string(dims.base_year) + ".." + std::to_string(dims.end_year);
}

std::string district_ids(const engine::Dimensions& dims) {
  std::string text;
  for (const auto& district : dims.districts) text += (text.empty() ? "" : ",") + district.id;
  return text;
}

// Every way the two runs' dimensions differ, or nothing.
std::vector<std::string> dimension_problems(const RunRef& a, const engine::Dimensions& da,
                                            const RunRef& b, const engine::Dimensions& db) {
  std::vector<std::string> problems;
  const std::string pair = describe(a) + " and " + describe(b);
  if (da.base_year != db.base_year || da.end_year != db.end_year) {
    problems.push_back("cannot compare " + pair + ": their years differ (" + years_text(da) +
                       " and " + years_text(db) + ")");
  }
  if (district_ids(da) != district_ids(db)) {
    problems.push_back("cannot compare " + pair + ": their districts differ (" +
                       std::to_string(da.district_count()) + " districts " + district_ids(da) +
                       " and " + std::to_string(db.district_count()) + " districts " +
                       district_ids(db) + ")");
  }
  return problems;
}

// Persons aged first..last on 1 January, by year and district.
YearDistrictValues age_band(const engine::Projection& projection, int first, int last) {
  const auto years = static_cast<Eigen::Index>(projection.population.size());
  YearDistrictValues values(years, projection.dims.district_count());
  for (Eigen::Index y = 0; y < years; ++y) {
    const engine::DistrictCube& cube = projection.population[static_cast<std::size_t>(y)];
    for (Eigen::Index d = 0; d < cube.rows(); ++d) {
      double sum = 0.0;
      for (int sex = 0; sex < kSexes; ++sex) {
        for (int age = first; age <= last; ++age) sum += cube(d, cell(sex, age));
      }
      values(y, d) = sum;
    }
  }
  return values;
}

// One category of a service indicator as [year, district].
YearDistrictValues category_values(const models::Indicator& indicator, int category) {
  const int categories = indicator.categories();
  const auto districts = indicator.values.cols() / categories;
  YearDistrictValues values(indicator.values.rows(), districts);
  for (Eigen::Index d = 0; d < districts; ++d) {
    values.col(d) = indicator.values.col(d * categories + category);
  }
  return values;
}

const models::Indicator* find_indicator(const models::ServiceResult& service,
                                        const std::string& name) {
  for (const auto& indicator : service.indicators) {
    if (indicator.name == name) return &indicator;
  }
  return nullptr;
}

void add_service_pairs(const std::vector<models::ServiceResult>& a,
                       const std::vector<models::ServiceResult>& b,
                       std::vector<IndicatorPair>& pairs) {
  for (const auto& service_a : a) {
    for (const auto& service_b : b) {
      if (service_b.name != service_a.name) continue;
      for (const auto& indicator_a : service_a.indicators) {
        const models::Indicator* indicator_b = find_indicator(service_b, indicator_a.name);
        if (indicator_b == nullptr || indicator_b->category_labels != indicator_a.category_labels ||
            indicator_b->values.rows() != indicator_a.values.rows() ||
            indicator_b->values.cols() != indicator_a.values.cols()) {
          continue;  // only indicators both runs have, in the same shape, are compared
        }
        const std::string base = "services/" + service_a.name + "/" + indicator_a.name;
        for (int c = 0; c < indicator_a.categories(); ++c) {
          const std::string path =
              indicator_a.category_labels.empty()
                  ? base
                  : base + "/" + indicator_a.category_labels[static_cast<std::size_t>(c)];
          pairs.push_back({path, indicator_a.units, category_values(indicator_a, c),
                           category_values(*indicator_b, c)});
        }
      }
    }
  }
}

}  // namespace

YearDistrictValues IndicatorPair::percent() const {
  YearDistrictValues values = 100.0 * (b - a) / a.abs();
  return (a == 0.0).select(std::numeric_limits<double>::quiet_NaN(), values);
}

std::string Comparison::name() const { return a.scenario + "__" + b.scenario; }

Comparison compare_runs(const RunRef& a, const RunRef& b) {
  const engine::Projection pa = read_projection(a.file, a.scenario);
  const engine::Projection pb = read_projection(b.file, b.scenario);
  if (auto problems = dimension_problems(a, pa.dims, b, pb.dims); !problems.empty()) {
    throw InputError(std::move(problems));
  }
  Comparison comparison;
  comparison.a = a;
  comparison.b = b;
  for (int year = pa.dims.base_year; year <= pa.dims.end_year; ++year) {
    comparison.years.push_back(year);
  }
  comparison.districts = pa.dims.districts;
  comparison.indicators.push_back({"population/total", "persons", age_band(pa, 0, engine::kOpenAge),
                                   age_band(pb, 0, engine::kOpenAge)});
  for (const auto& band : kComparedAgeBands) {
    comparison.indicators.push_back({std::string("population/") + band.name, "persons",
                                     age_band(pa, band.first, band.last),
                                     age_band(pb, band.first, band.last)});
  }
  add_service_pairs(read_services(a.file, a.scenario), read_services(b.file, b.scenario),
                    comparison.indicators);
  return comparison;
}

}  // namespace wardsim::io
