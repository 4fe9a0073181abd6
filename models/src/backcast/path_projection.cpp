#include "wardsim/models/backcast/path_projection.h"

#include <boost/math/tools/roots.hpp>
#include <cmath>
#include <cstdint>

#include "wardsim/engine/cohort_kernel.h"

namespace wardsim::models::backcast {

double path_ratio(const std::vector<PathPoint>& path, int base_year, int year) {
  PathPoint previous{base_year, 1.0};
  for (const PathPoint& point : path) {
    if (year <= point.year) {
      if (year <= previous.year) return previous.ratio;
      const double t = static_cast<double>(year - previous.year) / (point.year - previous.year);
      return previous.ratio * std::pow(point.ratio / previous.ratio, t);
    }
    previous = point;
  }
  return previous.ratio;
}

PathProjection follow_total_path(const engine::ProjectionInputs& inputs,
                                 const std::vector<PathPoint>& path, double max_in_migrants) {
  const auto& dims = inputs.dims;
  const int districts = dims.district_count();
  PathProjection result;
  result.projection.dims = dims;
  result.projection.population.push_back(inputs.base_population);
  const double base_total = inputs.base_population.sum();
  const int last_path_year = path.empty() ? dims.base_year : path.back().year;

  engine::StepWorkspace workspace(districts);
  engine::YearFlows flows(districts);
  engine::DistrictCube next(districts, engine::kCells);
  double level = inputs.rates.empty() ? 0.0 : inputs.rates.front().in_migrants;
  for (int step = 0; step < dims.steps(); ++step) {
    engine::YearRates rates = inputs.rates[static_cast<std::size_t>(step)];
    const engine::DistrictCube& start = result.projection.population.back();
    const int year_end = dims.base_year + step + 1;
    if (year_end <= last_path_year) {
      const double wanted = base_total * path_ratio(path, dims.base_year, year_end);
      auto miss = [&](double in_migrants) {
        rates.in_migrants = in_migrants;
        engine::cohort_step(start, rates, next, flows, workspace);
        return next.sum() - wanted;
      };
      const double at_zero = miss(0.0);
      const double at_max = miss(max_in_migrants);
      if (at_zero >= 0.0 || at_max <= 0.0) {
        level = at_zero >= 0.0 ? 0.0 : max_in_migrants;
        result.unreachable_years.push_back(year_end);
      } else {
        // A hundredth of a person is far below anything the path can tell apart.
        auto done = [&](double a, double b) { return std::abs(b - a) < 0.01; };
        std::uintmax_t iterations = 100;
        const auto [a, b] = boost::math::tools::toms748_solve(miss, 0.0, max_in_migrants, at_zero,
                                                              at_max, done, iterations);
        level = 0.5 * (a + b);
      }
    }
    rates.in_migrants = level;
    engine::cohort_step(start, rates, next, flows, workspace);
    result.in_migrants.push_back(level);
    result.projection.population.push_back(next);
    result.projection.flows.push_back(flows);
  }
  for (int year = dims.base_year; year <= dims.end_year; ++year) {
    result.target_ratio.push_back(year <= last_path_year ? path_ratio(path, dims.base_year, year)
                                                         : 0.0);
  }
  return result;
}

}  // namespace wardsim::models::backcast
