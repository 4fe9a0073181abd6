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

#include "wardsim/engine/projection.h"
#include "wardsim/io/provenance.h"

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

// A fresh directory per test, removed afterwards.
class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() /
           ("wardsim_io_" + std::string(info->test_suite_name()) + "_" + info->name() + "_" +
            std::to_string(getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  // Names of the entries directly in `dir`, sorted.
  static std::vector<std::string> entries(const std::filesystem::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  std::filesystem::path dir_;
};

}  // namespace wardsim::io::testing
