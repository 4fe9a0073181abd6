#include "demand_factors.h"

#include <utility>

namespace wardsim::models {

DemandFactors factors_from_counts(const engine::DistrictCube& population,
                                  const Eigen::ArrayXXd& counts, Eigen::ArrayXXd rates) {
  DemandFactors factors;
  factors.population = population.rowwise().sum();
  factors.shares = Eigen::ArrayXXd::Zero(counts.rows(), counts.cols());
  for (Eigen::Index d = 0; d < counts.rows(); ++d) {
    if (factors.population(d) > 0.0) {
      factors.shares.row(d) = counts.row(d) / factors.population(d);
    }
  }
  factors.rates = std::move(rates);
  return factors;
}

}  // namespace wardsim::models
