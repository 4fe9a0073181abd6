#pragma once
// Solving a lever: the value of a scenario key (TFR, in-migration …) at which a demographic
// indicator reaches its target, by Boost.Math's TOMS 748 bracketing root finder. The indicator is
// a callback so that models/ stays independent of how a scenario is re-run.

#include <functional>
#include <string>

namespace wardsim::models::backcast {

struct LeverSolution {
  bool solved = false;
  double value = 0.0;     // the lever value found
  double achieved = 0.0;  // the indicator at that value
  double at_low = 0.0;    // the indicator at the ends of the range
  double at_high = 0.0;
  int evaluations = 0;
  std::string reason;  // why it was not solved
};

// Finds x in [low, high] with indicator(x) = target to within `tolerance` (indicator units);
// not solved (with the reason) when the target is not between the indicator's values at the ends.
LeverSolution solve_lever(const std::function<double(double)>& indicator, double target, double low,
                          double high, double tolerance);

}  // namespace wardsim::models::backcast
