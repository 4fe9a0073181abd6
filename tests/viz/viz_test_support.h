#pragma once
// Fixtures for the viz tests: a tiny hand-made results file whose numbers have closed forms, the
// synthetic boundaries of its three districts, and a temporary directory per test.

#include <H5Cpp.h>

#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "io/io_test_support.h"
#include "wardsim/io/results_writer.h"

namespace wardsim::viz::testing {

namespace fs = std::filesystem;
using io::testing::kBaseYear;  // 2025
using io::testing::kEndYear;   // 2027

// Population of every (district, sex, age) cell in year index y: (d + 1) × (age + 1) × the year's
// multiplier, so the ward total is multiplier × 2 × (1 + 2 + 3) × (1 + … + 101) = multiplier ×
// 61,812 and each scenario peaks where its multiplier does.
inline constexpr double kWardUnit = 2.0 * 6.0 * 5151.0;
inline constexpr std::array<double, 3> kBaselineGrowth = {1.0, 1.25, 1.125};  // peaks in 2026
inline constexpr std::array<double, 3> kHighGrowth = {1.0, 1.5, 2.0};         // peaks in 2027

inline double cell_population(double multiplier, int district, int age) {
  return multiplier * (district + 1) * (age + 1);
}

inline engine::Projection make_projection(const std::array<double, 3>& growth) {
  auto projection = io::testing::make_projection();  // flows with distinct values
  for (int y = 0; y < projection.dims.years(); ++y) {
    auto& cube = projection.population[static_cast<std::size_t>(y)];
    for (int d = 0; d < projection.dims.district_count(); ++d) {
      for (int s = 0; s < engine::kSexes; ++s) {
        for (int a = 0; a < engine::kAges; ++a) {
          cube(d, engine::cell(s, a)) = cell_population(growth[static_cast<std::size_t>(y)], d, a);
        }
      }
    }
  }
  return projection;
}

// Writes scenarios "baseline" and "high" (3 districts SE01, SE02, KT01; 2025-2027) with the
// hand-made services of io's tests (childcare with three age groups, school without categories).
// "high" also gets an ensemble: ward_population q95, q05, q50 (created out of order) = total × 1.1,
// 0.9, 1.0, a mean and replicates = 40.
inline void write_report_results(const fs::path& file) {
  const auto baseline = make_projection(kBaselineGrowth);
  const auto high = make_projection(kHighGrowth);
  const auto services = io::testing::make_services();
  io::write_results(file, {{&baseline, io::testing::make_provenance("baseline"), &services},
                           {&high, io::testing::make_provenance("high"), &services}});

  H5::H5File h5(file.string(), H5F_ACC_RDWR);
  auto ensemble = h5.createGroup("/scenarios/high/ensemble");
  const int replicates = 40;
  ensemble.createAttribute("replicates", H5::PredType::NATIVE_INT32, H5::DataSpace())
      .write(H5::PredType::NATIVE_INT32, &replicates);
  auto ward = h5.createGroup("/scenarios/high/ensemble/ward_population");
  const hsize_t years = kHighGrowth.size();
  const H5::DataSpace space(1, &years);
  for (const auto& [name, factor] : std::vector<std::pair<std::string, double>>{
           {"q95", 1.1}, {"q05", 0.9}, {"q50", 1.0}, {"mean", 1.0}}) {
    std::vector<double> values;
    for (double growth : kHighGrowth) values.push_back(factor * growth * kWardUnit);
    ward.createDataSet(name, H5::PredType::IEEE_F64LE, space)
        .write(values.data(), H5::PredType::NATIVE_DOUBLE);
  }
}

inline const fs::path kBoundaries = WARDSIM_TEST_DATA_DIR "/fixtures/report_districts.geojson";

// A fresh directory per test, removed afterwards.
using TempDirTest = io::testing::TempDirTest;

}  // namespace wardsim::viz::testing
