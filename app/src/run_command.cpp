#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "agent_run.h"
#include "command_options.h"
#include "run_summary.h"
#include "service_summary.h"
#include "wardsim/engine/cohort_kernel.h"
#include "wardsim/engine/thread_count.h"
#include "wardsim/error.h"
#include "wardsim/io/results_writer.h"
#include "wardsim/models/services.h"
#include "wardsim/scenarios/scenario.h"

namespace wardsim::app {
namespace {

io::Provenance provenance_of(const scenarios::Scenario& scenario, const std::string& file,
                             int threads) {
  io::Provenance provenance;
  provenance.wardsim_version = WARDSIM_VERSION;
  provenance.scenario_name = scenario.name;
  provenance.scenario_title = scenario.title;
  provenance.scenario_file = file;
  provenance.scenario_text = scenario.resolved_text;
  provenance.overrides = scenario.overrides;
  for (const auto& input : scenario.input_files) {
    provenance.inputs.push_back({input.path, input.sha256});
  }
  provenance.estimates = scenario.estimates;
  provenance.mode = "cohort";
  provenance.threads = threads;
  provenance.seed = 0;
  return provenance;
}

// The services' parameter notes belong in the provenance; the scenario's estimates usually hold
// them already, so only the ones not yet there are added.
void add_service_assumptions(io::Provenance& provenance,
                             const std::vector<models::ServiceResult>& services) {
  for (const auto& service : services) {
    for (const auto& assumption : service.assumptions) {
      if (std::find(provenance.estimates.begin(), provenance.estimates.end(), assumption) ==
          provenance.estimates.end()) {
        provenance.estimates.push_back(assumption);
      }
    }
  }
}

}  // namespace

int run_command(const CommandContext& context) {
  CommandSpec spec(
      "wardsim run [--scenario FILE] [--out FILE] [--set KEY=VALUE]... [--threads N]\n"
      "            [--mode cohort|agent] [--replicates N] [--seed S] [--keep-trajectories]",
      "Projects a scenario (default: the bundled Setagaya baseline) and writes the "
      "results file (with service demand when the scenario has services), then prints a summary.");
  spec.options.add_options()("scenario,s",
                             po::value<std::string>()->default_value(WARDSIM_BUNDLED_SCENARIO),
                             "scenario file (TOML)")(
      "out,o", po::value<std::string>(), "results file to write (default: results/<name>.h5)")(
      "set", po::value<std::vector<std::string>>()->composing(),
      "override a scenario key, e.g. --set fertility.tfr=1.1 (repeatable)")(
      "threads,t", po::value<int>()->default_value(0), "worker threads (0 = all cores)")(
      "mode", po::value<std::string>(),
      "kernel: cohort or agent (default: the scenario's agent.mode, else cohort)")(
      "replicates", po::value<int>(), "agent mode: replicates (default: agent.replicates)")(
      "seed", po::value<std::uint64_t>(), "agent mode: random seed (default: agent.seed)")(
      "keep-trajectories", "agent mode: also store every replicate's population");
  po::variables_map values;
  if (!parse_command(context, spec, values)) return 0;

  const auto scenario_file = values["scenario"].as<std::string>();
  const auto overrides = values.count("set") != 0U ? values["set"].as<std::vector<std::string>>()
                                                   : std::vector<std::string>{};
  if (values["threads"].as<int>() < 0) throw UsageError("--threads must be 0 or more");
  const int threads = engine::resolve_thread_count(values["threads"].as<int>());

  const auto started = std::chrono::steady_clock::now();
  const scenarios::Scenario scenario = scenarios::load_scenario(scenario_file, overrides);
  const std::string mode = values.count("mode") != 0U ? values["mode"].as<std::string>()
                           : scenario.agent           ? scenario.agent->mode
                                                      : "cohort";
  if (mode != "cohort" && mode != "agent") {
    throw UsageError("--mode must be cohort or agent, found '" + mode + "'");
  }
  if (mode == "agent") {
    AgentRunRequest request;
    if (values.count("replicates") != 0U) request.replicates = values["replicates"].as<int>();
    if (values.count("seed") != 0U) request.seed = values["seed"].as<std::uint64_t>();
    request.keep_trajectories = values.count("keep-trajectories") != 0U;
    request.threads = threads;
    run_agent_mode(scenario, request, provenance_of(scenario, scenario_file, threads),
                   values.count("out") != 0U
                       ? std::filesystem::path(values["out"].as<std::string>())
                       : std::filesystem::path("results") / (scenario.name + ".h5"),
                   context.out);
    return 0;
  }
  const engine::Projection projection =
      engine::project_cohort(scenario.inputs, {.threads = threads});
  std::vector<models::ServiceResult> services;
  if (scenario.services.has_value()) {
    services = models::compute_services(projection, *scenario.services);
  }
  const std::filesystem::path out_file =
      values.count("out") != 0U ? std::filesystem::path(values["out"].as<std::string>())
                                : std::filesystem::path("results") / (scenario.name + ".h5");
  auto provenance = provenance_of(scenario, scenario_file, threads);
  add_service_assumptions(provenance, services);
  io::write_results(out_file, {{&projection, std::move(provenance),
                                scenario.services.has_value() ? &services : nullptr}});
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  const auto& dims = projection.dims;
  context.out << "wardsim " << WARDSIM_VERSION << ": scenario '" << scenario.name << "'"
              << (scenario.title.empty() ? "" : " (" + scenario.title + ")") << ", "
              << dims.district_count() << " districts, " << dims.base_year << "-" << dims.end_year
              << ", cohort-component kernel, " << threads << " thread(s)\n\n";
  print_run_summary(projection, context.out);
  if (!services.empty()) {
    context.out << "\n";
    print_service_summary(services, dims, context.out);
  }
  context.out << "\nWrote " << out_file.string() << " in " << seconds << " s\n";
  return 0;
}

}  // namespace wardsim::app
