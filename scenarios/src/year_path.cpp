#include "wardsim/scenarios/year_path.h"

#include <cassert>
#include <iterator>
#include <utility>

namespace wardsim::scenarios {

YearPath::YearPath(double constant) : points_{{0, constant}} {}

YearPath::YearPath(std::map<int, double> points) : points_(std::move(points)) {
  assert(!points_.empty());
}

double YearPath::at(int year) const {
  const auto after = points_.lower_bound(year);
  if (after == points_.end()) return std::prev(after)->second;
  if (after->first == year || after == points_.begin()) return after->second;
  const auto before = std::prev(after);
  const double weight =
      static_cast<double>(year - before->first) / static_cast<double>(after->first - before->first);
  return before->second + weight * (after->second - before->second);
}

}  // namespace wardsim::scenarios
