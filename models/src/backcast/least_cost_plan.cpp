#include "wardsim/models/backcast/least_cost_plan.h"

#include <glpk.h>

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <map>
#include <memory>
#include <sstream>
#include <tuple>

namespace wardsim::models::backcast {
namespace {

enum class Option { Build, Temporary, Convert };

// Branch and bound stops within this relative distance of the best bound (GLPK's mip_gap), or
// after this long per district, keeping the best whole-place plan found.
constexpr double kRelativeGap = 1e-6;
constexpr int kDistrictTimeLimitMs = 3000;

// One GLPK column: an option for (request, unit) first in use (build, convert) or in use
// (temporary) in year index `year`.
struct Column {
  std::size_t request = 0;
  int unit = 0;
  int year = 0;
  Option option = Option::Build;
  std::size_t conversion = 0;  // Convert only: index into the conversions
};

struct ProblemDeleter {
  void operator()(glp_prob* problem) const { glp_delete_prob(problem); }
};

// GLPK keeps an environment per thread that is never freed when the thread ends: a server answering
// on worker threads would leak it with every thread. Freed once the problem is gone (it frees every
// GLPK object of the thread); the next call on this thread makes a fresh one.
struct GlpkEnvironmentRelease {
  GlpkEnvironmentRelease() = default;
  GlpkEnvironmentRelease(const GlpkEnvironmentRelease&) = delete;
  GlpkEnvironmentRelease& operator=(const GlpkEnvironmentRelease&) = delete;
  ~GlpkEnvironmentRelease() { glp_free_env(); }
};

// Collects the constraint matrix as GLPK's 1-based triplets.
struct Triplets {
  std::vector<int> rows{0};
  std::vector<int> columns{0};
  std::vector<double> values{0.0};
  void add(int row, int column, double value) {
    rows.push_back(row);
    columns.push_back(column);
    values.push_back(value);
  }
};

}  // namespace

// What a cost in year index `year` is worth in the base year.
double discount_factor(const PlanRequest& request, int year) {
  return std::pow(1.0 + request.discount_rate, -year);
}

double plan_cost(const PlanRequest& request, const ServicePlan& plan) {
  double cost = 0.0;
  for (Eigen::Index i = 0; i < plan.build.rows(); ++i) {
    cost += discount_factor(request, static_cast<int>(i)) *
            (request.terms.build_cost * plan.build.row(i).sum() +
             request.terms.temporary_cost * plan.temporary.row(i).sum() +
             request.terms.convert_cost * plan.convert.row(i).sum());
  }
  return cost;
}

namespace {

// The programme separates by district (a conversion only uses idle places of the same district),
// so each district is solved on its own: many small programmes instead of one large one.
// Returns an empty string when solved, else why not.
std::string solve_district(const std::vector<PlanRequest>& requests,
                           const std::vector<Conversion>& conversions,
                           const std::vector<DonorSurplus>& donors, int only_district,
                           LeastCostPlan& result) {
  std::vector<Column> columns;
  std::vector<double> costs;
  struct CoverRow {
    std::size_t request;
    int unit;
    int year;
    double need;
    std::size_t first_column;  // the unit's columns are [first_column, end_column)
    std::size_t end_column;
  };
  std::vector<CoverRow> cover_rows;

  const DonorSurplus* no_donor = nullptr;
  auto donor_of = [&](const std::string& facility) {
    for (const DonorSurplus& donor : donors) {
      if (donor.facility == facility) return &donor;
    }
    return no_donor;
  };

  for (std::size_t r = 0; r < requests.size(); ++r) {
    const PlanRequest& request = requests[r];
    const ServiceNeed& need = *request.need;
    const int from = request.from_year - need.base_year;
    const int to = request.to_year - need.base_year;
    const FacilityTerms& terms = request.terms;
    for (int u = 0; u < need.unit_count(); ++u) {
      if (need.unit_district[static_cast<std::size_t>(u)] != only_district) continue;
      bool needed = false;
      for (int i = from; i <= to; ++i) needed = needed || need.shortfall(i, u) > 0.0;
      if (!needed) continue;
      const int district = need.unit_district[static_cast<std::size_t>(u)];
      const std::size_t first_column = columns.size();
      int first_cover = to + 1;
      for (int i = std::max(from, terms.build_lead_time); i <= to; ++i) {
        columns.push_back({r, u, i, Option::Build, 0});
        costs.push_back(terms.build_cost * discount_factor(request, i));
        first_cover = std::min(first_cover, i);
      }
      for (int i = std::max(from, terms.temporary_lead_time); i <= to; ++i) {
        columns.push_back({r, u, i, Option::Temporary, 0});
        costs.push_back(terms.temporary_cost * discount_factor(request, i));
        first_cover = std::min(first_cover, i);
      }
      for (std::size_t c = 0; c < conversions.size(); ++c) {
        const DonorSurplus* donor = donor_of(conversions[c].from);
        if (conversions[c].to != need.facility || donor == nullptr ||
            (donor->places.row(district) <= 0.0).all()) {
          continue;
        }
        for (int i = std::max(from, terms.convert_lead_time); i <= to; ++i) {
          columns.push_back({r, u, i, Option::Convert, c});
          costs.push_back(terms.convert_cost * discount_factor(request, i));
          first_cover = std::min(first_cover, i);
        }
      }
      for (int i = from; i <= to; ++i) {
        const double shortfall = need.shortfall(i, u);
        if (shortfall <= 0.0) continue;
        if (i < first_cover) {
          auto& unmet = result.plans[r].unmet_years;
          if (std::find(unmet.begin(), unmet.end(), need.base_year + i) == unmet.end()) {
            unmet.push_back(need.base_year + i);
          }
          continue;
        }
        cover_rows.push_back({r, u, i, shortfall, first_column, columns.size()});
      }
    }
  }
  // Nothing to cover (or nothing that can be covered in time): the empty plan is optimal. GLPK
  // aborts the process on an empty row set, so it is not called.
  if (columns.empty() || cover_rows.empty()) return {};

  // Declared before the problem, so it runs after the problem's deleter.
  const GlpkEnvironmentRelease release_environment;
  std::unique_ptr<glp_prob, ProblemDeleter> problem(glp_create_prob());
  glp_prob* lp = problem.get();
  glp_set_obj_dir(lp, GLP_MIN);
  glp_add_cols(lp, static_cast<int>(columns.size()));
  for (std::size_t j = 0; j < columns.size(); ++j) {
    const int col = static_cast<int>(j) + 1;
    glp_set_col_bnds(lp, col, GLP_LO, 0.0, 0.0);
    glp_set_col_kind(lp, col, GLP_IV);  // places are whole
    glp_set_obj_coef(lp, col, costs[j]);
  }

  Triplets matrix;
  int row = 0;
  // Cover rows: places built or converted up to year i, plus temporary places in year i.
  for (const CoverRow& cover : cover_rows) {
    ++row;
    for (std::size_t j = cover.first_column; j < cover.end_column; ++j) {
      const Column& column = columns[j];
      const bool counts = column.option == Option::Temporary ? column.year == cover.year
                                                             : column.year <= cover.year;
      if (counts) matrix.add(row, static_cast<int>(j) + 1, 1.0);
    }
  }
  glp_add_rows(lp, row);
  for (int i = 0; i < row; ++i) {
    glp_set_row_bnds(lp, i + 1, GLP_LO, cover_rows[static_cast<std::size_t>(i)].need, 0.0);
  }
  // Donor rows: places converted so far use idle places of the donor in the same district, in
  // every year from then to the end (a converted place does not come back).
  std::map<std::tuple<std::string, int, int>, std::vector<std::pair<int, double>>> donor_rows;
  for (std::size_t j = 0; j < columns.size(); ++j) {
    const Column& column = columns[j];
    if (column.option != Option::Convert) continue;
    const Conversion& conversion = conversions[column.conversion];
    const ServiceNeed& need = *requests[column.request].need;
    const int district = need.unit_district[static_cast<std::size_t>(column.unit)];
    for (int k = column.year; k < need.year_count(); ++k) {
      donor_rows[{conversion.from, district, k}].push_back(
          {static_cast<int>(j) + 1, 1.0 / conversion.places_per_place});
    }
  }
  for (const auto& [key, entries] : donor_rows) {
    const auto& [facility, district, year] = key;
    const DonorSurplus* donor = donor_of(facility);
    ++row;
    glp_add_rows(lp, 1);
    glp_set_row_bnds(lp, row, GLP_UP, 0.0, std::max(0.0, donor->places(district, year)));
    for (const auto& [col, value] : entries) matrix.add(row, col, value);
  }
  glp_load_matrix(lp, static_cast<int>(matrix.rows.size()) - 1, matrix.rows.data(),
                  matrix.columns.data(), matrix.values.data());

  glp_term_out(GLP_OFF);
  // The LP relaxation first: its optimum bounds the integer plan's cost from below, so a plan
  // found when the time runs out can say how far from optimal it can be at most.
  glp_smcp simplex;
  glp_init_smcp(&simplex);
  simplex.msg_lev = GLP_MSG_OFF;
  simplex.presolve = GLP_OFF;  // glp_intopt starts from this basis
  if (glp_simplex(lp, &simplex) != 0 || glp_get_status(lp) != GLP_OPT) {
    return glp_get_status(lp) == GLP_NOFEAS
               ? "no feasible plan (a donor cannot supply the places asked)"
               : "GLPK's simplex did not reach an optimum";
  }
  result.lower_bound += glp_get_obj_val(lp);
  glp_iocp parameters;
  glp_init_iocp(&parameters);
  parameters.msg_lev = GLP_MSG_OFF;
  parameters.fp_heur = GLP_ON;  // the feasibility pump finds a whole-place plan early
  parameters.mir_cuts = GLP_ON;
  parameters.gmi_cuts = GLP_ON;
  parameters.mip_gap = kRelativeGap;
  parameters.tm_lim = kDistrictTimeLimitMs;
  const int code = glp_intopt(lp, &parameters);
  const int status = glp_mip_status(lp);
  if (status != GLP_OPT && status != GLP_FEAS) {
    return "GLPK found no whole-place plan in time (code " + std::to_string(code) + ")";
  }
  // GLP_EMIPGAP: stopped within kRelativeGap of the bound, which counts as optimal here.
  if (status != GLP_OPT && code != GLP_EMIPGAP) result.proven_optimal = false;
  for (std::size_t j = 0; j < columns.size(); ++j) {
    const double value = glp_mip_col_val(lp, static_cast<int>(j) + 1);
    if (value == 0.0) continue;
    const Column& column = columns[j];
    ServicePlan& plan = result.plans[column.request];
    Eigen::ArrayXXd& target = column.option == Option::Build       ? plan.build
                              : column.option == Option::Temporary ? plan.temporary
                                                                   : plan.convert;
    target(column.year, column.unit) += value;
  }
  return {};
}

}  // namespace

LeastCostPlan least_cost_plan(const std::vector<PlanRequest>& requests,
                              const std::vector<Conversion>& conversions,
                              const std::vector<DonorSurplus>& donors) {
  LeastCostPlan result;
  int districts = 0;
  for (const PlanRequest& request : requests) {
    const ServiceNeed& need = *request.need;
    ServicePlan plan;
    plan.build = Eigen::ArrayXXd::Zero(need.year_count(), need.unit_count());
    plan.temporary = plan.build;
    plan.convert = plan.build;
    result.plans.push_back(plan);
    for (int d : need.unit_district) districts = std::max(districts, d + 1);
  }
  for (int d = 0; d < districts; ++d) {
    const std::string failure = solve_district(requests, conversions, donors, d, result);
    if (!failure.empty()) {
      result.status = "district " + std::to_string(d) + ": " + failure;
      return result;
    }
  }
  result.solved = true;
  result.status = "optimal";
  for (std::size_t r = 0; r < requests.size(); ++r) {
    std::sort(result.plans[r].unmet_years.begin(), result.plans[r].unmet_years.end());
    result.plans[r].cost = plan_cost(requests[r], result.plans[r]);
    result.cost += result.plans[r].cost;
  }
  if (!result.proven_optimal) {
    std::ostringstream text;
    text << "time limit: within " << std::setprecision(2)
         << 100.0 * (result.cost - result.lower_bound) / std::max(result.cost, 1e-300)
         << " % of optimal (LP bound)";
    result.status = text.str();
  } else if (result.cost - result.lower_bound > kRelativeGap * std::max(result.cost, 1.0)) {
    std::ostringstream text;
    text << "optimal (integer gap to the LP bound " << std::setprecision(2)
         << 100.0 * (result.cost - result.lower_bound) / result.cost << " %)";
    result.status = text.str();
  }
  return result;
}

}  // namespace wardsim::models::backcast
