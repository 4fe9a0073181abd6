#include <filesystem>
#include <string>
#include <vector>

#include "backcast_levers.h"
#include "backcast_report.h"
#include "backcast_uncertainty.h"
#include "command_options.h"
#include "wardsim/engine/cohort_kernel.h"
#include "wardsim/engine/thread_count.h"
#include "wardsim/error.h"
#include "wardsim/io/backcast_writer.h"
#include "wardsim/models/services.h"
#include "wardsim/scenarios/file_digest.h"
#include "wardsim/scenarios/scenario.h"
#include "wardsim/scenarios/targets_file.h"

namespace wardsim::app {
namespace {

namespace bc = models::backcast;

io::Provenance provenance_of(const scenarios::Scenario& scenario, const std::string& file,
                             const scenarios::TargetsFile& targets, const std::string& targets_path,
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
  provenance.inputs.push_back({targets_path, targets.sha256});
  provenance.estimates = scenario.estimates;
  for (const auto& assumption : targets.targets.assumptions) {
    provenance.estimates.push_back(assumption);
  }
  provenance.mode = "cohort";
  provenance.threads = threads;
  return provenance;
}

}  // namespace

int backcast_command(const CommandContext& context) {
  CommandSpec spec(
      "wardsim backcast TARGETS.toml [--scenario FILE] [--set KEY=VALUE]... [--out FILE] "
      "[--threads N] [--ensemble RESULTS.h5 [--ensemble-scenario NAME] [--probability P]]",
      "Works back from the targets the ward wants to the capacity, decision dates and lever "
      "values they need; writes them with the projection to the results file and prints a report.");
  spec.options.add_options()("targets", po::value<std::string>(), "targets file (TOML)")(
      "scenario,s", po::value<std::string>()->default_value(WARDSIM_BUNDLED_SCENARIO),
      "scenario file (TOML)")("out,o", po::value<std::string>(),
                              "results file to write (default: results/<name>_backcast.h5)")(
      "set", po::value<std::vector<std::string>>()->composing(),
      "override a scenario key, e.g. --set fertility.tfr=1.1 (repeatable)")(
      "threads,t", po::value<int>()->default_value(0), "worker threads (0 = all cores)")(
      "ensemble", po::value<std::string>(),
      "size capacity under uncertainty: a results file with an ensemble (batch Monte Carlo or "
      "agent with kept trajectories)")(
      "ensemble-scenario", po::value<std::string>(),
      "the scenario whose ensemble is read (default: the backcast scenario's name)")(
      "probability", po::value<double>(),
      "with --ensemble: capacity meets demand with this probability (default 0.95)");
  spec.positional.add("targets", 1);
  po::variables_map values;
  if (!parse_command(context, spec, values)) return 0;
  if (values.count("targets") == 0U) {
    throw UsageError("missing the targets file\nUsage: " + spec.usage);
  }
  if (values["threads"].as<int>() < 0) throw UsageError("--threads must be 0 or more");
  if (values.count("ensemble") == 0U &&
      (values.count("probability") != 0U || values.count("ensemble-scenario") != 0U)) {
    throw UsageError("--probability and --ensemble-scenario need --ensemble\nUsage: " + spec.usage);
  }
  const int threads = engine::resolve_thread_count(values["threads"].as<int>());
  const auto targets_path = values["targets"].as<std::string>();
  const auto scenario_file = values["scenario"].as<std::string>();
  const auto overrides = values.count("set") != 0U ? values["set"].as<std::vector<std::string>>()
                                                   : std::vector<std::string>{};

  const scenarios::Scenario scenario = scenarios::load_scenario(scenario_file, overrides);
  const engine::Projection projection =
      engine::project_cohort(scenario.inputs, {.threads = threads});
  const scenarios::TargetsFile targets = scenarios::read_targets(targets_path, projection.dims);

  std::vector<models::ServiceResult> services;
  if (scenario.services.has_value()) {
    services = models::compute_services(projection, *scenario.services);
  } else {
    std::vector<std::string> problems;
    for (const bc::Target& target : targets.targets.targets) {
      if (bc::is_service_target(target.indicator)) {
        problems.push_back(targets_path + ": target '" + target.name + "' (" +
                           bc::indicator_name(target.indicator) + ") needs service demand, but " +
                           scenario_file + " has no [services] section");
      }
    }
    if (!problems.empty()) throw InputError(std::move(problems));
  }

  bc::BackcastReport report;
  report.targets_file = targets_path;
  bc::NeedUnderUncertainty under_uncertainty;
  if (values.count("ensemble") != 0U) {
    const UncertaintyRequest request{
        .ensemble_file = values["ensemble"].as<std::string>(),
        .ensemble_scenario = values.count("ensemble-scenario") != 0U
                                 ? values["ensemble-scenario"].as<std::string>()
                                 : scenario.name,
        .probability =
            values.count("probability") != 0U ? values["probability"].as<double>() : 0.95};
    bc::UncertaintyBasis basis;
    under_uncertainty =
        need_under_uncertainty(request, projection, scenario.services, targets.targets, basis);
    report.uncertainty = basis;
  }
  bc::backcast_services(targets.targets, services, projection, report, under_uncertainty);
  const LeverRun rerun = [&](const std::string& key, double value) {
    std::vector<std::string> with_lever = overrides;
    with_lever.push_back(key + "=" + lever_text(value));
    const scenarios::Scenario variant = scenarios::load_scenario(scenario_file, with_lever);
    return engine::project_cohort(variant.inputs, {.threads = threads});
  };
  backcast_demography(scenario.inputs, projection, rerun, report);
  find_contradictions(projection, report);

  const std::filesystem::path out_file =
      values.count("out") != 0U
          ? std::filesystem::path(values["out"].as<std::string>())
          : std::filesystem::path("results") / (scenario.name + "_backcast.h5");
  io::Provenance provenance =
      provenance_of(scenario, scenario_file, targets, targets_path, threads);
  if (report.uncertainty.has_value()) {
    provenance.inputs.push_back(
        {report.uncertainty->ensemble_file, report.uncertainty->ensemble_sha256});
  }
  io::write_backcast_results(
      out_file, {&projection, provenance, scenario.services.has_value() ? &services : nullptr},
      report);

  context.out << "wardsim " << WARDSIM_VERSION << ": backcast of scenario '" << scenario.name
              << "' against " << targets_path << " ("
              << (targets.targets.title.empty() ? "" : targets.targets.title + ", ")
              << targets.targets.targets.size() << " targets), base year "
              << projection.dims.base_year << "\n\n";
  print_backcast_report(report, projection.dims, context.out);
  context.out << "\nWrote " << out_file.string() << "\n";
  return 0;
}

}  // namespace wardsim::app
