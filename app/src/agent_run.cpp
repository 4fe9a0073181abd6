#include "agent_run.h"

#include <algorithm>
#include <chrono>
#include <vector>

#include "number_format.h"
#include "run_summary.h"
#include "service_summary.h"
#include "wardsim/engine/agent/agent_year.h"
#include "wardsim/engine/agent/ensemble.h"
#include "wardsim/error.h"
#include "wardsim/io/ensemble_writer.h"
#include "wardsim/models/services.h"

namespace wardsim::app {
namespace {

namespace agent = engine::agent;

// The ward's households and the indicators planners ask the agent kernel for, every decade.
void print_household_summary(const agent::EnsembleResult& ensemble, std::ostream& out) {
  const auto& dims = ensemble.mean.dims;
  const auto districts = static_cast<std::size_t>(dims.district_count());
  const auto ward_mean = [&](agent::Indicator indicator, std::size_t year) {
    const auto& s = ensemble.indicators[static_cast<std::size_t>(indicator)];
    double total = 0.0;
    for (std::size_t d = 0; d < districts; ++d) total += s.mean[year * districts + d];
    return total;
  };
  out << "Households (ward, mean of " << ensemble.replicates << " replicates):\n"
      << "  year   households   75+ alone   single parent (<18)   8050\n";
  for (int year = dims.base_year; year <= dims.end_year; year += 10) {
    const auto y = static_cast<std::size_t>(year - dims.base_year);
    out << "  " << year << padded(thousands(ward_mean(agent::Indicator::kHouseholds, y)), 13)
        << padded(thousands(ward_mean(agent::Indicator::kPersons75PlusAlone, y)), 12)
        << padded(thousands(ward_mean(agent::Indicator::kSingleParentWithMinor, y)), 22)
        << padded(thousands(ward_mean(agent::Indicator::kHouseholds8050, y)), 7) << "\n";
  }
  const auto& ward = ensemble.ward_population;
  out << "Ward population, 5-95 % range over replicates:\n";
  for (int year = dims.base_year; year <= dims.end_year; year += 10) {
    const auto y = static_cast<std::size_t>(year - dims.base_year);
    out << "  " << year << padded(thousands(ward.quantiles[0][y]), 12) << " -"
        << padded(thousands(ward.quantiles[4][y]), 11) << "  (median "
        << thousands(ward.quantiles[2][y]) << ")\n";
  }
}

}  // namespace

void run_agent_mode(const scenarios::Scenario& scenario, const AgentRunRequest& request,
                    io::Provenance provenance, const std::filesystem::path& out_file,
                    std::ostream& out) {
  if (!scenario.agent) {
    throw InputError({scenario.file.string() +
                      ": agent mode needs an [agent] section (household_types, replicates, seed, "
                      "leaving_home_rate, in_migrant_couple_share; see docs/scenario_format.md)"});
  }
  const auto started = std::chrono::steady_clock::now();
  const agent::EnsembleOptions options{
      .replicates = request.replicates.value_or(scenario.agent->replicates),
      .seed = request.seed.value_or(scenario.agent->seed),
      .threads = request.threads,
      .keep_trajectories = request.keep_trajectories};
  const agent::EnsembleResult ensemble =
      agent::run_agent_ensemble(scenario.inputs, scenario.agent->parameters, options);

  std::vector<models::ServiceResult> services;
  if (scenario.services.has_value()) {
    services = models::compute_services(ensemble.mean, *scenario.services);
  }
  provenance.mode = "agent";
  provenance.seed = options.seed;
  // The kernel's own behavioural assumptions are not scenario keys, so they are recorded here.
  provenance.estimates.push_back(
      "Agent model (assumptions in the kernel): an unpartnered woman's fertility is " +
      std::to_string(agent::kUnpartneredRelativeFertility).substr(0, 4) +
      " of a partnered woman's of the same age (about 2 % of births in Japan are outside marriage, "
      "approximate); expected births per district equal the cohort kernel's. Unions at ages 20-59 "
      "are calibrated each year to the base year's partnered share by sex and age (union_rate is "
      "a floor), and leaving home pauses while fewer people live with their parents than in the "
      "base year (docs/agent_model.md).");
  for (const auto& service : services) {
    for (const auto& assumption : service.assumptions) {
      if (std::find(provenance.estimates.begin(), provenance.estimates.end(), assumption) ==
          provenance.estimates.end()) {
        provenance.estimates.push_back(assumption);
      }
    }
  }
  io::write_ensemble_results(
      out_file,
      {&ensemble.mean, std::move(provenance), scenario.services.has_value() ? &services : nullptr},
      ensemble);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  const auto& dims = ensemble.mean.dims;
  out << "wardsim " << WARDSIM_VERSION << ": scenario '" << scenario.name << "'"
      << (scenario.title.empty() ? "" : " (" + scenario.title + ")") << ", "
      << dims.district_count() << " districts, " << dims.base_year << "-" << dims.end_year
      << ", agent kernel, " << options.replicates << " replicate(s), seed " << options.seed << ", "
      << request.threads << " thread(s)\n\n"
      << "Means over replicates:\n";
  print_run_summary(ensemble.mean, out);
  out << "\n";
  print_household_summary(ensemble, out);
  if (!services.empty()) {
    out << "\n";
    print_service_summary(services, dims, out);
  }
  out << "\nWrote " << out_file.string() << " in " << seconds << " s\n";
}

}  // namespace wardsim::app
