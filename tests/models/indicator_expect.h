#pragma once
// Assertions on indicator values that say which indicator, year and column differ.

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "wardsim/models/service_result.h"

namespace wardsim::models::testing {

inline ::testing::AssertionResult row_equals(const Indicator& indicator, int year_index,
                                             const std::vector<double>& expected,
                                             double tolerance = 1e-9) {
  if (indicator.values.cols() != static_cast<Eigen::Index>(expected.size())) {
    return ::testing::AssertionFailure() << indicator.name << ": " << indicator.values.cols()
                                         << " columns, expected " << expected.size();
  }
  for (std::size_t c = 0; c < expected.size(); ++c) {
    const double actual = indicator.values(year_index, static_cast<Eigen::Index>(c));
    if (!(std::abs(actual - expected[c]) <= tolerance)) {
      return ::testing::AssertionFailure()
             << indicator.name << " year index " << year_index << " column " << c << ": " << actual
             << ", expected " << expected[c];
    }
  }
  return ::testing::AssertionSuccess();
}

// shortfall − surplus == gap, shortfall and surplus ≥ 0, in every cell.
inline ::testing::AssertionResult gap_is_consistent(const Indicator& gap,
                                                    const Indicator& shortfall,
                                                    const Indicator& surplus) {
  for (Eigen::Index i = 0; i < gap.values.rows(); ++i) {
    for (Eigen::Index c = 0; c < gap.values.cols(); ++c) {
      const double g = gap.values(i, c);
      const double s = shortfall.values(i, c);
      const double u = surplus.values(i, c);
      if (s < 0.0 || u < 0.0 || std::abs((s - u) - g) > 1e-9 || (s > 0.0 && u > 0.0)) {
        return ::testing::AssertionFailure()
               << gap.name << " row " << i << " column " << c << ": gap " << g << ", shortfall "
               << s << ", surplus " << u;
      }
    }
  }
  return ::testing::AssertionSuccess();
}

}  // namespace wardsim::models::testing
