#include "wardsim/engine/population_queries.h"

namespace wardsim::engine {

double count_ages(const DistrictCube& population, Eigen::Index district, int from, int to) {
  const int count = to - from + 1;
  double total = 0.0;
  for (int sex = 0; sex < kSexes; ++sex) {
    total += population.row(district).segment(cell(sex, from), count).sum();
  }
  return total;
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
