#include "what_if_run.h"

#include <chrono>
#include <nlohmann/json.hpp>
#include <utility>

#include "lever_translation.h"
#include "wardsim/engine/cohort_kernel.h"
#include "wardsim/error.h"
#include "wardsim/models/services.h"

namespace wardsim::app::serve {
namespace {

double milliseconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

}  // namespace

WhatIfRun run_what_if(const std::filesystem::path& base_file, const nlohmann::json& levers,
                      const std::string& name, scenarios::FileCache* cache, int threads) {
  const auto started = std::chrono::steady_clock::now();
  LeverScenario translated = levers_to_scenario(levers, base_file, name, "");
  WhatIfRun run;
  try {
    run.scenario = scenarios::load_scenario_text(translated.toml, kLeversFileName, cache);
  } catch (const InputError& error) {
    // The translation's own problems first, then the loader's, all in one answer.
    std::vector<std::string> problems = std::move(translated.problems);
    problems.insert(problems.end(), error.problems().begin(), error.problems().end());
    throw InputError(std::move(problems));
  }
  if (!translated.problems.empty()) throw InputError(std::move(translated.problems));
  run.scenario_toml = std::move(translated.toml);
  run.timing.load = milliseconds_since(started);

  const auto projecting = std::chrono::steady_clock::now();
  engine::project_cohort(run.scenario.inputs, {.threads = threads}, run.projection);
  run.timing.project = milliseconds_since(projecting);

  const auto serving = std::chrono::steady_clock::now();
  if (run.scenario.services) {
    run.services = models::compute_services(run.projection, *run.scenario.services);
  }
  run.timing.services = milliseconds_since(serving);
  run.timing.total = milliseconds_since(started);
  return run;
}

}  // namespace wardsim::app::serve
