#include "wardsim/models/backcast/demand_at_probability.h"

#include <stdexcept>

#include "wardsim/models/backcast/probability_capacity.h"

namespace wardsim::models::backcast {

ServiceNeed need_at_probability(const ServiceNeed& central,
                                const std::vector<Eigen::ArrayXXd>& draw_demand, double p) {
  const Eigen::Index years = central.demand.rows();
  const Eigen::Index units = central.demand.cols();
  // One row per draw, one column per (year, unit) cell: the quantile is taken cell by cell.
  Eigen::ArrayXXd draws(static_cast<Eigen::Index>(draw_demand.size()), years * units);
  for (std::size_t k = 0; k < draw_demand.size(); ++k) {
    if (draw_demand[k].rows() != years || draw_demand[k].cols() != units) {
      throw std::invalid_argument("need_at_probability: a draw's demand has another shape");
    }
    draws.row(static_cast<Eigen::Index>(k)) =
        Eigen::Map<const Eigen::ArrayXd>(draw_demand[k].data(), years * units).transpose();
  }
  const Eigen::ArrayXd quantile = capacity_at_probability(draws, p);
  ServiceNeed need = central;
  need.demand = Eigen::Map<const Eigen::ArrayXXd>(quantile.data(), years, units);
  return need;
}

ServiceNeed need_from_district_quantile(const ServiceNeed& central,
                                        const Eigen::ArrayXXd& district_demand) {
  ServiceNeed need = central;
  for (Eigen::Index y = 0; y < central.demand.rows(); ++y) {
    for (Eigen::Index u = 0; u < central.demand.cols(); ++u) {
      const int district = central.unit_district[static_cast<std::size_t>(u)];
      double district_total = 0.0;
      int district_units = 0;
      for (Eigen::Index v = 0; v < central.demand.cols(); ++v) {
        if (central.unit_district[static_cast<std::size_t>(v)] != district) continue;
        district_total += central.demand(y, v);
        ++district_units;
      }
      const double share = district_total > 0.0 ? central.demand(y, u) / district_total
                                                : 1.0 / static_cast<double>(district_units);
      need.demand(y, u) = share * district_demand(y, district);
    }
  }
  return need;
}

}  // namespace wardsim::models::backcast
