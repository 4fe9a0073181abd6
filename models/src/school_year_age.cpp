#include "school_year_age.h"

namespace wardsim::models {

namespace {
constexpr double kBirthdaysBeforeApril = 0.25;  // January–March: a quarter of the year
}  // namespace

AgeRow april_ages(const AgeRow& january) {
  constexpr int kOpen = engine::kOpenAge;
  AgeRow april;
  april(0) = january(0);
  april.segment(1, kOpen - 1) = (1.0 - kBirthdaysBeforeApril) * january.segment(1, kOpen - 1) +
                                kBirthdaysBeforeApril * january.segment(0, kOpen - 1);
  april(kOpen) = january(kOpen) + kBirthdaysBeforeApril * january(kOpen - 1);
  return april;
}

engine::DistrictCube april_basis(const engine::DistrictCube& january) {
  engine::DistrictCube april(january.rows(), engine::kCells);
  for (Eigen::Index d = 0; d < january.rows(); ++d) {
    for (int sex = 0; sex < engine::kSexes; ++sex) {
      const AgeRow row = january.row(d).segment<engine::kAges>(engine::cell(sex, 0));
      april.row(d).segment<engine::kAges>(engine::cell(sex, 0)) = april_ages(row);
    }
  }
  return april;
}

void young_april_basis(const engine::CellMajorCube& january, engine::CellMajorCube& april) {
  if (april.rows() != january.rows()) april.resize(january.rows(), engine::kCells);
  for (int sex = 0; sex < engine::kSexes; ++sex) {
    const int first = engine::cell(sex, 0);
    april.col(first) = january.col(first);
    for (int c = first + 1; c < first + kYoungAprilAges; ++c) {
      april.col(c) = (1.0 - kBirthdaysBeforeApril) * january.col(c) +
                     kBirthdaysBeforeApril * january.col(c - 1);
    }
  }
}

}  // namespace wardsim::models
