#include "age_bands.h"

#include "wardsim/engine/population_queries.h"

namespace wardsim::models {

double count_band(const engine::DistrictCube& population, Eigen::Index district, int sex,
                  AgeBand band) {
  return engine::count_sex_ages(population, district, sex, band.from, band.to);
}

}  // namespace wardsim::models
