#include "age_bands.h"

namespace wardsim::models {

double count_band(const engine::DistrictCube& population, Eigen::Index district, int sex,
                  AgeBand band) {
  return population.row(district)
      .segment(engine::cell(sex, band.from), band.to - band.from + 1)
      .sum();
}

}  // namespace wardsim::models
