#include "wardsim/models/backcast/probability_capacity.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace wardsim::models::backcast {

Eigen::ArrayXd capacity_at_probability(const Eigen::ArrayXXd& draws, double p) {
  if (draws.rows() == 0 || !(p > 0.0 && p <= 1.0)) {
    throw std::invalid_argument("capacity_at_probability needs draws and 0 < p <= 1");
  }
  const auto n = static_cast<std::size_t>(draws.rows());
  // The k-th smallest draw with k = ceil(p n): exactly the share p of draws at or below it.
  const auto k = std::max<std::size_t>(
      1, static_cast<std::size_t>(std::ceil(p * static_cast<double>(n) - 1e-12)));
  Eigen::ArrayXd capacity(draws.cols());
  std::vector<double> column(n);
  for (Eigen::Index u = 0; u < draws.cols(); ++u) {
    for (std::size_t r = 0; r < n; ++r) column[r] = draws(static_cast<Eigen::Index>(r), u);
    std::nth_element(column.begin(), column.begin() + static_cast<std::ptrdiff_t>(k - 1),
                     column.end());
    capacity(u) = column[k - 1];
  }
  return capacity;
}

}  // namespace wardsim::models::backcast
