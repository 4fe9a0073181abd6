#include "models/tiny_projection.h"

#include <string>

namespace wardsim::models::testing {

engine::Projection make_projection(int districts, int years, const CellValue& value) {
  engine::Projection projection;
  projection.dims.base_year = 2025;
  projection.dims.end_year = 2025 + years - 1;
  for (int d = 0; d < districts; ++d) {
    const std::string id = "D" + std::to_string(d);
    projection.dims.districts.push_back({id, id, id, "R", "R"});
  }
  for (int y = 0; y < years; ++y) {
    engine::DistrictCube cube(districts, engine::kCells);
    for (int d = 0; d < districts; ++d) {
      for (int sex = 0; sex < engine::kSexes; ++sex) {
        for (int age = 0; age < engine::kAges; ++age) {
          cube(d, engine::cell(sex, age)) = value(y, d, sex, age);
        }
      }
    }
    projection.population.push_back(cube);
  }
  for (int y = 0; y + 1 < years; ++y) projection.flows.emplace_back(districts);
  return projection;
}

engine::Projection three_districts() {
  return make_projection(3, 3, [](int, int district, int, int age) {
    if (district == 0) return 100.0;
    if (district == 2 && age == 5) return 40.0;
    return 0.0;
  });
}

}  // namespace wardsim::models::testing
