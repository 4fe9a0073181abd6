#pragma once
// Fixtures for the io tests: a tiny hand-made projection with a distinct value in every cell,
// its provenance, and a temporary directory per test.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "support/temp_dir_test.h"
#include "wardsim/engine/projection.h"
#include "wardsim/io/provenance.h"
#include "wardsim/models/service_result.h"

// Expects `statement` to throw `type` whose what() is exactly `message`.
#define WARDSIM_EXPECT_THROW_MSG(statement, type, message) \
  EXPECT_THAT([&] { statement; }, ::testing::ThrowsMessage<type>(::testing::StrEq(message)))

namespace wardsim::io::testing {

inline constexpr int kBaseYear = 2025;
inline constexpr int kEndYear = 2027;  // 3 snapshots, 2 flow years

// A distinct value for every (kind, year, district, sex, age): kind 0 = population, 1 = births,
// 2.. = the age-indexed flows. Fractions make sure nothing is rounded on the way.
inline double cell_value(int kind, int year, int district, int sex, int age) {
  return kind * 1.0e7 + year * 1.0e5 + district * 1.0e3 + sex * 200.0 + age + 0.125;
}

inline engine::Dimensions make_dims(int base_year = kBaseYear, int end_year = kEndYear) {
  engine::Dimensions dims;
  dims.base_year = base_year;
  dims.end_year = end_year;
  dims.districts = {
      {"SE01", "池尻", "Ikejiri", "世田谷", "Setagaya"},
      {"SE02", "三軒茶屋", "Sangenjaya", "世田谷", "Setagaya"},
      {"KT01", "成城", "Seijo", "砧", "Kinuta"},
  };
  return dims;
}

inline engine::Projection make_projection(const engine::Dimensions& dims = make_dims(),
                                          int offset = 0) {
  engine::Projection projection;
  projection.dims = dims;
  const int districts = dims.district_count();
  for (int y = 0; y < dims.years(); ++y) {
    engine::DistrictCube cube(districts, engine::kCells);
    for (int d = 0; d < districts; ++d) {
      for (int s = 0; s < engine::kSexes; ++s) {
        for (int a = 0; a < engine::kAges; ++a) {
          cube(d, engine::cell(s, a)) = cell_value(0, y, d, s, a) + offset;
        }
      }
    }
    projection.population.push_back(cube);
  }
  for (int y = 0; y < dims.steps(); ++y) {
    engine::YearFlows flows(districts);
    std::vector<engine::DistrictCube*> cubes = {&flows.deaths, &flows.in_migration,
                                                &flows.out_migration, &flows.moves_in,
                                                &flows.moves_out};
    for (int d = 0; d < districts; ++d) {
      for (int s = 0; s < engine::kSexes; ++s) {
        flows.births(d, s) = cell_value(1, y, d, s, 0) + offset;
        for (std::size_t k = 0; k < cubes.size(); ++k) {
          for (int a = 0; a < engine::kAges; ++a) {
            (*cubes[k])(d, engine::cell(s, a)) =
                cell_value(2 + static_cast<int>(k), y, d, s, a) + offset;
          }
        }
      }
    }
    projection.flows.push_back(flows);
  }
  return projection;
}

inline Provenance make_provenance(const std::string& name = "baseline") {
  Provenance provenance;
  provenance.wardsim_version = "0.1.0";
  provenance.scenario_name = name;
  provenance.scenario_title = "基準シナリオ (baseline)";
  provenance.scenario_file = "scenarios/tiny/" + name + ".toml";
  provenance.scenario_text = "[scenario]\nname = \"" + name + "\"\ntitle = \"基準\"\n";
  provenance.overrides = {"fertility.tfr=1.1", "migration.in_migrants=500"};
  provenance.inputs = {{"tables/districts.csv", std::string(64, 'a')},
                       {"tables/base_population_2025.csv", std::string(64, 'b')}};
  provenance.estimates = {"in-migration profile estimated from 2020 census", "転入者数は推計値"};
  provenance.mode = "cohort";
  provenance.threads = 4;
  provenance.seed = 18446744073709551557ULL;  // needs all 64 bits
  provenance.created = "2025-06-01T12:34:56Z";
  return provenance;
}

// A distinct value for every (indicator, year, district, category) of a hand-made service.
inline double service_value(int indicator, int year, int district, int category) {
  return indicator * 1.0e4 + year * 1.0e2 + district * 10.0 + category + 0.25;
}

inline models::Indicator make_indicator(int index, const std::string& name,
                                        const std::string& units, std::vector<std::string> labels,
                                        const engine::Dimensions& dims) {
  models::Indicator indicator;
  indicator.name = name;
  indicator.units = units;
  indicator.description = name + " in " + units;
  if (!labels.empty()) indicator.category_dim = "age_group";
  indicator.category_labels = std::move(labels);
  const int categories = indicator.categories();
  indicator.values.resize(dims.years(), dims.district_count() * categories);
  for (int y = 0; y < dims.years(); ++y) {
    for (int d = 0; d < dims.district_count(); ++d) {
      for (int c = 0; c < categories; ++c) {
        indicator.values(y, d * categories + c) = service_value(index, y, d, c);
      }
    }
  }
  return indicator;
}

// Two hand-made services on `dims` (3 districts): "childcare" with an age_group dimension and
// gap = demand - capacity in every cell, "school" without categories and without decomposition.
inline std::vector<models::ServiceResult> make_services(
    const engine::Dimensions& dims = make_dims()) {
  const int districts = dims.district_count();
  models::ServiceResult childcare;
  childcare.name = "childcare";
  childcare.title = "Childcare (hoiku, 保育)";
  childcare.description = "Children using a place = children × uptake.";
  childcare.headline_demand = "demand";
  childcare.headline_capacity = "capacity";
  const std::vector<std::string> groups = {"age_0", "age_1_2", "age_3_5"};
  childcare.indicators = {make_indicator(1, "demand", "children", groups, dims),
                          make_indicator(2, "capacity", "places", groups, dims)};
  auto gap = make_indicator(3, "gap", "children", groups, dims);
  gap.values = childcare.indicators[0].values - childcare.indicators[1].values;
  childcare.indicators.push_back(gap);
  childcare.indicators.push_back(make_indicator(4, "utilisation", "share", {}, dims));
  for (int d = 0; d < districts; ++d) {
    models::DistrictMarkers m;
    m.first_shortfall_year = d == 1 ? 0 : dims.base_year + d;
    m.peak_demand_year = dims.base_year;
    m.peak_demand = 100.5 + d;
    if (d == 2) m.post_peak_surplus_years = {dims.base_year + 1, dims.end_year};
    m.largest_post_peak_surplus = d == 2 ? 7.75 : 0.0;
    childcare.markers.push_back(m);
  }
  childcare.decomposition.from_year = dims.base_year;
  childcare.decomposition.to_year = dims.end_year;
  childcare.decomposition.population_size = Eigen::ArrayXd::LinSpaced(districts, 1.5, 3.5);
  childcare.decomposition.age_structure = Eigen::ArrayXd::LinSpaced(districts, -0.25, 0.75);
  childcare.decomposition.rates = Eigen::ArrayXd::Constant(districts, 0.125);
  childcare.decomposition.total_change = childcare.decomposition.population_size +
                                         childcare.decomposition.age_structure +
                                         childcare.decomposition.rates;
  childcare.assumptions = {"uptake from enrolment 2023 (source)", "places split: assumption"};

  models::ServiceResult school;
  school.name = "school";
  school.title = "Schools";
  school.description = "Classrooms needed vs available.";
  school.headline_demand = "classrooms_needed";
  school.headline_capacity = "classrooms";
  school.indicators = {make_indicator(5, "classrooms_needed", "classrooms", {}, dims),
                       make_indicator(6, "classrooms", "classrooms", {}, dims)};
  school.markers.assign(static_cast<std::size_t>(districts), models::DistrictMarkers{});
  return {childcare, school};
}

// A fresh directory per test, removed afterwards.
using TempDirTest = ::wardsim::test_support::TempDirTest;

}  // namespace wardsim::io::testing
