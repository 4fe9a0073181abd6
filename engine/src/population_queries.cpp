#include "wardsim/engine/population_queries.h"

namespace wardsim::engine {

double count_ages(const DistrictCube& population, Eigen::Index district, int from, int to) {
  return count_sex_ages(population, district, kMale, from, to) +
         count_sex_ages(population, district, kFemale, from, to);
}

double count_sex_ages(const DistrictCube& population, Eigen::Index district, int sex, int from,
                      int to) {
  const double* ages = population.row(district).data() + cell(sex, 0);
  double total = ages[from];
  for (int age = from + 1; age <= to; ++age) total += ages[age];
  return total;
}

void count_sex_ages(const CellMajorCube& population, int sex, int from, int to,
                    Eigen::ArrayXd& out) {
  out = population.col(cell(sex, from));
  for (int age = from + 1; age <= to; ++age) out += population.col(cell(sex, age));
}

double count_ages(const DistrictCube& population, int from, int to) {
  double total = 0.0;
  for (Eigen::Index d = 0; d < population.rows(); ++d) {
    total += count_ages(population, d, from, to);
  }
  return total;
}

Peak ward_peak(const Projection& projection) {
  Peak peak;
  for (std::size_t i = 0; i < projection.population.size(); ++i) {
    const double total = projection.population[i].sum();
    if (total > peak.population) {
      peak = {projection.dims.base_year + static_cast<int>(i), total};
    }
  }
  return peak;
}

}  // namespace wardsim::engine
