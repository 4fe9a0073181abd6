#pragma once
// Everything backcasting answers for one targets file, as written to the results and printed.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "wardsim/models/backcast/capacity_schedule.h"
#include "wardsim/models/backcast/least_cost_plan.h"
#include "wardsim/models/backcast/lever_solver.h"
#include "wardsim/models/backcast/post_peak.h"
#include "wardsim/models/backcast/service_need.h"
#include "wardsim/models/backcast/targets.h"

namespace wardsim::models::backcast {

// met: no action needed; needs_action: met if the decisions are taken by their dates;
// too_late: some years cannot be met because a decision date has passed; infeasible: no value
// of the lever (or no plan) meets it; contradictory: it conflicts with another target.
struct TargetOutcome {
  std::string status;
  std::vector<std::string> findings;  // one sentence each, with the reason
};

// Idle places of one service in a district after its peak that could serve another service.
struct ConversionOffer {
  std::string from;
  std::string to;
  int district = 0;
  int first_year = 0;
  double largest_places = 0.0;  // in places of `to`
  int largest_year = 0;
};

struct ServiceTargetResult {
  std::size_t target = 0;  // index into targets
  ServiceNeed need;
  std::string demand_basis = "central projection";  // what need.demand is (under uncertainty)
  CapacitySchedule schedule;
  std::vector<UnitSurplus> surplus;
};

// A demographic indicator per year of the target's range, as projected by the scenario.
struct DemographicCheck {
  std::size_t target = 0;
  std::vector<int> years;
  std::vector<double> values;
};

struct LeverResult {
  std::size_t target = 0;
  std::string key;
  int year = 0;             // the year whose indicator was solved for
  double target_value = 0;  // the bound solved for
  LeverSolution solution;
  bool higher_meets = true;  // the target holds for lever values above (else below) the root
};

struct PathResult {
  std::size_t target = 0;
  std::vector<int> years;              // population years
  std::vector<double> target_ratio;    // the path (0 after its last year)
  std::vector<double> achieved_ratio;  // total / base-year total of the constrained projection
  std::vector<double> scenario_in_migrants;  // per flow year, as the scenario has it
  std::vector<double> in_migrants;           // per flow year, solved
  std::vector<int> unreachable_years;
};

// The ensemble a backcast under uncertainty sized capacity with.
struct UncertaintyBasis {
  double probability = 0.0;  // capacity meets the demand with at least this probability
  std::string ensemble_file;
  std::string ensemble_sha256;
  std::string ensemble_scenario;
  std::string source;  // "monte_carlo" (batch) or "agent"
  std::string method;  // "per_draw" (exact quantile) or "stored_quantile"
  int draws = 0;
};

struct BackcastReport {
  std::string targets_file;
  std::optional<UncertaintyBasis> uncertainty;
  TargetSet targets;
  std::vector<TargetOutcome> outcomes;  // one per target
  std::vector<ServiceTargetResult> services;
  std::vector<ConversionOffer> offers;
  std::vector<DemographicCheck> demographic;
  std::vector<LeverResult> levers;
  std::vector<PathResult> paths;
  std::vector<PlanRequest> plan_requests;  // one per service result (points into `services`)
  LeastCostPlan least_cost;
};

// Replaces a service target's central need by the need to plan for under uncertainty and returns
// a sentence saying what its demand now is (BackcastReport::uncertainty says from which ensemble).
using NeedUnderUncertainty = std::function<std::string(const Target&, ServiceNeed&)>;

// The service targets' schedules, post-peak surplus, conversion offers and least-cost plan, with
// an outcome for each service target (demographic targets get an empty outcome to fill).
// `report` must stay where it is afterwards: plan_requests point into report.services.
// With `under_uncertainty`, each service target's need passes through it first.
void backcast_services(const TargetSet& targets, const std::vector<ServiceResult>& services,
                       const engine::Projection& projection, BackcastReport& report,
                       const NeedUnderUncertainty& under_uncertainty = {});

}  // namespace wardsim::models::backcast
