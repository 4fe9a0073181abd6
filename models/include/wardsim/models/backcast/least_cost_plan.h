#pragma once
// The plan that meets every service target at least cost, choosing per unit and year between
// building (permanent), temporary capacity (paid per year in use) and converting idle places of
// another service in the same district: a mixed-integer programme solved with GLPK.

#include <Eigen/Core>
#include <string>
#include <vector>

#include "wardsim/models/backcast/service_need.h"
#include "wardsim/models/backcast/targets.h"

namespace wardsim::models::backcast {

struct PlanRequest {
  const ServiceNeed* need = nullptr;
  int from_year = 0;
  int to_year = 0;
  FacilityTerms terms;
  // Costs in year index i (a place first in use, or a temporary place in use) count
  // (1 + discount_rate)^-i: their present value in the base year.
  double discount_rate = 0.0;
};

// Idle places of a donor facility by district (row) and year (column offset from base year).
struct DonorSurplus {
  std::string facility;
  Eigen::ArrayXXd places;  // district × year
};

struct ServicePlan {
  Eigen::ArrayXXd build;      // year × unit: permanent places first in use that year
  Eigen::ArrayXXd temporary;  // year × unit: temporary places in use that year
  Eigen::ArrayXXd convert;    // year × unit: converted places first in use that year
  double cost = 0.0;
  // Years with a shortfall before any option can be in place (the lead times have passed).
  std::vector<int> unmet_years;
};

struct LeastCostPlan {
  bool solved = false;
  std::string status;  // "optimal", or why the solver stopped
  double cost = 0.0;
  // The LP relaxation's optimum: no plan can cost less. cost − lower_bound bounds the distance
  // to optimal when the time limit stopped branch and bound (proven_optimal false).
  double lower_bound = 0.0;
  bool proven_optimal = true;
  std::vector<ServicePlan> plans;  // one per request, same order
};

LeastCostPlan least_cost_plan(const std::vector<PlanRequest>& requests,
                              const std::vector<Conversion>& conversions,
                              const std::vector<DonorSurplus>& donors);

// The cost of a given plan under the requests' terms, discounted as the request says (for
// comparison with hand-made plans).
double plan_cost(const PlanRequest& request, const ServicePlan& plan);

}  // namespace wardsim::models::backcast
