#include "capacity_series.h"

namespace wardsim::models {

IndicatorValues capacity_series(const CapacityPlan& plan, const engine::Dimensions& dims) {
  const Eigen::Index categories = plan.base.cols();
  IndicatorValues values(dims.years(), plan.base.rows() * categories);
  for (int i = 0; i < dims.years(); ++i) {
    const Eigen::ArrayXXd capacity = plan.in_year(dims.base_year + i);
    for (Eigen::Index d = 0; d < capacity.rows(); ++d) {
      values.row(i).segment(d * categories, categories) = capacity.row(d);
    }
  }
  return values;
}

}  // namespace wardsim::models
