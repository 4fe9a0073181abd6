#pragma once
// Why a district's headline demand changed between two years: the size of its population, the
// age (and sex) structure of that population, or the rates of use. Added beside the shared
// headers so that a planner (or backcasting) can decompose between any two years.

#include <Eigen/Core>

#include "wardsim/engine/projection.h"
#include "wardsim/models/service_parameters.h"
#include "wardsim/models/service_result.h"

namespace wardsim::models {

// A headline demand written as D[d] = N[d] × Σ_k s[d,k] × r[d,k]: N = the district's population
// (1 January), s = the share of that population in the model's cell k (an age group, a sex × age
// band …), r = the rate the model applies to the cell (uptake × trend lever, certification …).
struct DemandFactors {
  Eigen::ArrayXd population;  // N, by district
  Eigen::ArrayXXd shares;     // s, district × cell (0 where N is 0)
  Eigen::ArrayXXd rates;      // r, district × cell

  Eigen::ArrayXd demand() const;  // N × Σ_k s_k r_k, by district
};

// The symmetric (Shapley) split of demand(to) − demand(from): each factor's effect is its
// marginal change averaged over the 6 orders in which the three factors can change, so that
// population_size + age_structure + rates == total_change (to rounding).
DemandDecomposition shapley_decomposition(const DemandFactors& from, const DemandFactors& to,
                                          int from_year, int to_year);

// The factors of each service's headline demand in one population year (schools: public pupils;
// infrastructure: people needing help to evacuate). Throws InputError outside the projection.
DemandFactors demand_factors(const engine::Projection& projection, const ChildcareParameters& p,
                             int year);
DemandFactors demand_factors(const engine::Projection& projection, const SchoolParameters& p,
                             int year);
DemandFactors demand_factors(const engine::Projection& projection, const ElderlyCareParameters& p,
                             int year);
DemandFactors demand_factors(const engine::Projection& projection,
                             const InfrastructureParameters& p, int year);

// The decomposition of a service's headline demand between any two population years.
DemandDecomposition decompose_demand(const engine::Projection& projection,
                                     const ChildcareParameters& p, int from_year, int to_year);
DemandDecomposition decompose_demand(const engine::Projection& projection,
                                     const SchoolParameters& p, int from_year, int to_year);
DemandDecomposition decompose_demand(const engine::Projection& projection,
                                     const ElderlyCareParameters& p, int from_year, int to_year);
DemandDecomposition decompose_demand(const engine::Projection& projection,
                                     const InfrastructureParameters& p, int from_year, int to_year);

}  // namespace wardsim::models
