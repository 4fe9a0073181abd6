#include "backcast_uncertainty.h"

#include <cmath>
#include <filesystem>
#include <iomanip>
#include <map>
#include <set>
#include <sstream>
#include <vector>

#include "backcast_levers.h"
#include "wardsim/error.h"
#include "wardsim/io/ensemble_demand_reader.h"
#include "wardsim/models/backcast/demand_at_probability.h"
#include "wardsim/models/services.h"
#include "wardsim/scenarios/file_digest.h"

namespace wardsim::app {
namespace {

namespace bc = models::backcast;

// The batch ensemble's service whose headline demand is the target's demand; "" when the
// target's demand is not a stored headline (care places per 1,000 aged 75+ count residents).
std::string ensemble_service_of(bc::TargetIndicator indicator) {
  switch (indicator) {
    case bc::TargetIndicator::ChildcareNoShortfall:
      return "childcare";
    case bc::TargetIndicator::SchoolClassSizeLimit:
      return "school";
    case bc::TargetIndicator::WelfareShelterForAll:
      return "infrastructure";
    default:
      return "";
  }
}

std::string level_list(const std::vector<double>& levels) {
  std::string text;
  for (const double level : levels) text += (text.empty() ? "" : ", ") + lever_text(level);
  return text;
}

// "90 %" (p × 100 is not always exact in binary: 0.9 × 100 = 90.00000000000001).
std::string percent(double p) {
  std::ostringstream text;
  text << std::setprecision(10) << p * 100.0 << " %";
  return text.str();
}

// Exact: every replicate's demand recomputed from its kept population, p-quantile per cell.
bc::NeedUnderUncertainty per_draw_hook(const io::EnsembleDemand& ensemble,
                                       const engine::Projection& projection,
                                       const models::ServiceParameters& parameters,
                                       const bc::TargetSet& targets, double p) {
  std::map<std::string, std::vector<Eigen::ArrayXXd>> draws;  // by target name
  for (std::size_t r = 0; r < static_cast<std::size_t>(ensemble.kept_replicates); ++r) {
    const engine::Projection replicate = ensemble.replicate(r, projection.dims);
    const auto services = models::compute_services(replicate, parameters);
    for (const bc::Target& target : targets.targets) {
      if (!bc::is_service_target(target.indicator)) continue;
      draws[target.name].push_back(bc::service_need(target, services, replicate).demand);
    }
  }
  const int count = ensemble.kept_replicates;
  return [draws = std::move(draws), p, count](const bc::Target& target, bc::ServiceNeed& need) {
    need = bc::need_at_probability(need, draws.at(target.name), p);
    return "demand met in at least " + percent(p) + " of " + std::to_string(count) +
           " replicates: the exact quantile of each replicate's demand, per unit and year";
  };
}

// Approximate: the batch's stored quantile of each district's demand (summed over categories).
bc::NeedUnderUncertainty stored_quantile_hook(const io::EnsembleDemand& ensemble, std::size_t level,
                                              const engine::Dimensions& dims) {
  std::map<std::string, Eigen::ArrayXXd> quantile;  // by service: year × district
  const Eigen::Index years = dims.years();
  const Eigen::Index districts = dims.district_count();
  for (const auto& [service, values] : ensemble.demand_quantiles) {
    Eigen::ArrayXXd q(years, districts);
    const std::size_t first = level * static_cast<std::size_t>(years * districts);
    for (Eigen::Index y = 0; y < years; ++y) {
      for (Eigen::Index d = 0; d < districts; ++d) {
        q(y, d) = values[first + static_cast<std::size_t>(y * districts + d)];
      }
    }
    quantile.emplace(service, std::move(q));
  }
  const double p = ensemble.levels[level];
  const int count = ensemble.draws;
  return [quantile = std::move(quantile), p, count](const bc::Target& target,
                                                    bc::ServiceNeed& need) -> std::string {
    const std::string service = ensemble_service_of(target.indicator);
    const auto found = quantile.find(service);
    if (found == quantile.end()) {
      return "central projection: the ensemble stores no quantile of this target's demand";
    }
    const bool split =
        need.unit_count() > 0 &&
        need.unit_district.size() !=
            std::set<int>(need.unit_district.begin(), need.unit_district.end()).size();
    need = bc::need_from_district_quantile(need, found->second);
    std::string text = "the " + percent(p) + " quantile of each district's demand over " +
                       std::to_string(count) + " Monte Carlo draws, as stored";
    if (split) {
      text += "; split over categories in the central projection's proportions (an approximation)";
    }
    return text;
  };
}

}  // namespace

bc::NeedUnderUncertainty need_under_uncertainty(
    const UncertaintyRequest& request, const engine::Projection& projection,
    const std::optional<models::ServiceParameters>& services, const bc::TargetSet& targets,
    bc::UncertaintyBasis& basis) {
  const double p = request.probability;
  std::vector<std::string> problems;
  if (!(p > 0.0 && p < 1.0)) {
    problems.push_back("--probability " + lever_text(p) +
                       ": must be a probability above 0 and below 1 (e.g. 0.9)");
  }
  if (!std::filesystem::is_regular_file(request.ensemble_file)) {
    problems.push_back("--ensemble " + request.ensemble_file + ": no such file");
  }
  if (!problems.empty()) throw InputError(std::move(problems));

  const io::EnsembleDemand ensemble =
      io::read_ensemble_demand(request.ensemble_file, request.ensemble_scenario, projection.dims);
  basis = {.probability = p,
           .ensemble_file = request.ensemble_file,
           .ensemble_sha256 = scenarios::file_sha256_hex(request.ensemble_file),
           .ensemble_scenario = request.ensemble_scenario,
           .source = ensemble.source,
           .method = "",
           .draws = ensemble.draws};
  const std::string where =
      request.ensemble_file + ": the ensemble of scenario '" + request.ensemble_scenario + "'";

  if (ensemble.kept_replicates > 0) {
    if (!services.has_value()) return {};  // no service targets can be asked for (checked before)
    basis.method = "per_draw";
    return per_draw_hook(ensemble, projection, *services, targets, p);
  }
  if (ensemble.source == "agent") {
    throw InputError({where + " keeps no per-replicate populations, so it gives no service demand: "
                              "rerun it with `wardsim run --mode agent --keep-trajectories`"});
  }
  for (std::size_t level = 0; level < ensemble.levels.size(); ++level) {
    if (std::abs(ensemble.levels[level] - p) < 1e-9) {
      if (ensemble.demand_quantiles.empty()) {
        throw InputError({where + " stores no service demand (its scenario has no [services])"});
      }
      basis.method = "stored_quantile";
      return stored_quantile_hook(ensemble, level, projection.dims);
    }
  }
  throw InputError(
      {"--probability " + lever_text(p) + ": " + where + " (" + std::to_string(ensemble.draws) +
       " Monte Carlo draws) stores demand quantiles only at " + level_list(ensemble.levels) +
       "; choose one of them (other levels would need interpolation between stored "
       "quantiles, which wardsim does not do), or use an agent ensemble with kept "
       "trajectories, which gives any probability exactly"});
}

}  // namespace wardsim::app
