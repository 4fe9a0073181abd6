#pragma once
// Results files for the export tests: the io fixtures' tiny 3-district city (two scenarios, with
// services), or the 28 districts of the bundled Setagaya dataset with made-up values.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "io/io_test_support.h"
#include "wardsim/io/results_writer.h"

namespace wardsim::io::testing {

inline const std::filesystem::path kBundledBoundaries =
    WARDSIM_SOURCE_DIR "/scenarios/setagaya/geo/districts_illustrative.geojson";
inline const std::filesystem::path kBundledDistricts =
    WARDSIM_SOURCE_DIR "/scenarios/setagaya/tables/districts.csv";

// Two scenarios ("baseline", and "high" = baseline + 1000 in every flow and population cell), each
// with the hand-made services; the first population cell is 1/3 so that round-tripping shows.
inline void write_tiny_results(const std::filesystem::path& file,
                               const engine::Dimensions& dims = make_dims()) {
  auto baseline = make_projection(dims);
  baseline.population[0](0, 0) = 1.0 / 3.0;
  const auto high = make_projection(dims, 1000);
  const auto services = make_services(dims);
  write_results(file, {{&baseline, make_provenance("baseline"), &services},
                       {&high, make_provenance("high"), &services}});
}

// The bundled dataset's districts (ids, names, regions), read without the library under test.
inline engine::Dimensions setagaya_dims() {
  engine::Dimensions dims = make_dims();
  dims.districts.clear();
  std::ifstream in(kBundledDistricts);
  std::string line;
  std::getline(in, line);  // header: district_id,name_ja,name_en,region_ja,region_en,lat,lon
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::stringstream row(line);
    for (std::string field; std::getline(row, field, ',');) fields.push_back(field);
    dims.districts.push_back({fields[0], fields[1], fields[2], fields[3], fields[4]});
  }
  return dims;
}

}  // namespace wardsim::io::testing
