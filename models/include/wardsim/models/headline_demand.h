#pragma once
// Each service's headline demand by year and district, and whether it falls short of capacity,
// computed straight from the population snapshots: what a Monte Carlo ensemble reduces, without
// building full ServiceResults (their other indicators, markers and decomposition).
//
// The numbers are those of the full models bit for bit (the same additions in the same order, on
// a copy of each year with districts innermost so that one vector sum serves every district;
// tested): demand is the headline demand summed over categories in category order, and a cell
// falls short when the sum over categories of max(0, demand − capacity) is above zero (a place
// for a 3-year-old cannot serve a baby).

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "wardsim/engine/dimensions.h"
#include "wardsim/engine/population_queries.h"
#include "wardsim/models/service_parameters.h"
#include "wardsim/models/service_result.h"

namespace wardsim::models {

// Services in the order of compute_services: childcare, school, elderly care, infrastructure.
inline constexpr int kHeadlineServices = 4;

class HeadlineDemand {
 public:
  // Scratch space of one thread, reused by every call (sized on first use).
  struct Workspace {
    // The current year with districts innermost, so that each count is one vector sum over
    // ages for every district (in the full models' order of additions).
    engine::CellMajorCube january;  // compute's copy of the year
    engine::CellMajorCube april;    // the young on 1 April
    Eigen::ArrayXd sum, other;      // counts by district
    Eigen::ArrayXd classes;         // school classes by district
    // Each service's demand, [year, district × category]; for elderly care, the people certified
    // by level, as the full model computes them (its demand is `residential` below).
    std::array<IndicatorValues, kHeadlineServices> by_service;
    Eigen::ArrayXXd counts;       // per-year counts by district (bands, evacuation cells)
    IndicatorValues care_3_plus;  // elderly care: certified at care 3-5, [year, district]
    IndicatorValues residential;  // elderly care's headline demand, [year, district]
  };

  // `parameters` as checked by the full models (compute_services on the same dimensions).
  HeadlineDemand(const engine::Dimensions& dims, const ServiceParameters& parameters);

  // For `population` (dims.years() snapshots, base year first), writes service s's headline
  // demand to demand[(s × years + y) × districts + d] and its shortfall flag (1 or 0) to the same
  // index of `shortfall`. Both spans hold kHeadlineServices × years × districts values.
  void compute(const std::vector<engine::DistrictCube>& population, Workspace& workspace,
               std::span<double> demand, std::span<std::uint8_t> shortfall) const;

  // The same, one year at a time as a projection makes them: begin, add_year for i = 0 ..
  // years - 1 in any order, then finish.
  void begin(Workspace& workspace) const;
  // `january` is year i with districts innermost (engine::to_cell_major).
  void add_year(int i, const engine::CellMajorCube& january, Workspace& workspace) const;
  void finish(Workspace& workspace, std::span<double> demand,
              std::span<std::uint8_t> shortfall) const;

 private:
  // One population year of each service, into row `i` of its workspace matrix.
  void childcare(int i, Workspace& w) const;
  void school(int i, Workspace& w) const;
  void certified(int i, const engine::CellMajorCube& january, Workspace& w) const;
  void infrastructure(int i, const engine::CellMajorCube& january, Workspace& w) const;

  engine::Dimensions dims_;
  ServiceParameters parameters_;
  std::vector<Eigen::Array<double, 1, kChildcareGroups>> childcare_uptake_;  // by year
  std::vector<std::array<CertificationRates, 2>> certification_;             // by year, sex
  std::array<IndicatorValues, kHeadlineServices> capacity_;  // [year, district × category]
  std::array<int, kHeadlineServices> categories_{};
};

}  // namespace wardsim::models
