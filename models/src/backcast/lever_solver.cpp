#include "wardsim/models/backcast/lever_solver.h"

#include <boost/math/tools/roots.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <sstream>

namespace wardsim::models::backcast {

LeverSolution solve_lever(const std::function<double(double)>& indicator, double target, double low,
                          double high, double tolerance) {
  LeverSolution solution;
  double best_x = low;
  double best_miss = std::numeric_limits<double>::infinity();
  auto miss = [&](double x) {
    ++solution.evaluations;
    const double m = indicator(x) - target;
    if (std::abs(m) < std::abs(best_miss)) {
      best_x = x;
      best_miss = m;
    }
    return m;
  };
  const double f_low = miss(low);
  const double f_high = miss(high);
  solution.at_low = f_low + target;
  solution.at_high = f_high + target;
  if (std::abs(f_low) <= tolerance || std::abs(f_high) <= tolerance) {
    const bool low_end = std::abs(f_low) <= std::abs(f_high);
    solution.solved = true;
    solution.value = low_end ? low : high;
    solution.achieved = low_end ? solution.at_low : solution.at_high;
    return solution;
  }
  if ((f_low < 0.0) == (f_high < 0.0)) {
    std::ostringstream why;
    why << "the indicator stays between " << std::min(solution.at_low, solution.at_high) << " and "
        << std::max(solution.at_low, solution.at_high) << " for values " << low << ".." << high
        << " and never reaches " << target;
    solution.reason = why.str();
    return solution;
  }
  // Stop when the bracket is narrow or a value already met the target within tolerance (each
  // evaluation may be a whole projection, so none is spent on the midpoint).
  auto done = [&](double a, double b) {
    return std::abs(b - a) <= 1e-12 * std::max(1.0, std::abs(a)) ||
           std::abs(best_miss) <= tolerance;
  };
  std::uintmax_t iterations = 60;
  boost::math::tools::toms748_solve(miss, low, high, f_low, f_high, done, iterations);
  solution.value = best_x;
  solution.achieved = best_miss + target;
  solution.solved = std::abs(solution.achieved - target) <= tolerance;
  if (!solution.solved) solution.reason = "the root finder stopped outside the tolerance";
  return solution;
}

}  // namespace wardsim::models::backcast
