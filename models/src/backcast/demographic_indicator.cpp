#include "wardsim/models/backcast/demographic_indicator.h"

#include <stdexcept>
#include <string>

#include "wardsim/engine/population_queries.h"

namespace wardsim::models::backcast {

double demographic_value(const Target& target, const engine::Projection& projection, int year) {
  const auto& dims = projection.dims;
  if (year < dims.base_year || year > dims.end_year) {
    throw std::invalid_argument("year " + std::to_string(year) + " is outside the projection");
  }
  const auto& population = projection.population[static_cast<std::size_t>(year - dims.base_year)];
  double residents = 0.0;
  double children = 0.0;
  for (int d : target.districts) {
    residents += population.row(d).sum();
    children += engine::count_ages(population, d, 0, 14);
  }
  switch (target.indicator) {
    case TargetIndicator::ChildShare0To14:
      return residents > 0.0 ? 100.0 * children / residents : 0.0;
    case TargetIndicator::WardTotal:
      return residents;
    case TargetIndicator::PublishedPath: {
      double base = 0.0;
      for (int d : target.districts) base += projection.population.front().row(d).sum();
      return base > 0.0 ? residents / base : 0.0;
    }
    default:
      throw std::invalid_argument("target '" + target.name + "' is not a demographic target");
  }
}

bool within_bounds(const Target& target, double value) {
  return value >= target.at_least && value <= target.at_most;
}

}  // namespace wardsim::models::backcast
