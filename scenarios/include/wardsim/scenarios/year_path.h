#pragma once
// A scenario value that may change over time: a constant, or values at given years interpolated
// linearly between them and held flat before the first and after the last.

#include <map>

namespace wardsim::scenarios {

class YearPath {
 public:
  YearPath() = default;
  explicit YearPath(double constant);
  // `points` must not be empty.
  explicit YearPath(std::map<int, double> points);

  double at(int year) const;
  const std::map<int, double>& points() const { return points_; }

 private:
  std::map<int, double> points_{{0, 0.0}};
};

}  // namespace wardsim::scenarios
