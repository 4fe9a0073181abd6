#include "backcast_answer.h"

#include <nlohmann/json.hpp>
#include <sstream>

#include "../backcast_levers.h"
#include "../backcast_report.h"
#include "lever_translation.h"
#include "wardsim/engine/cohort_kernel.h"
#include "wardsim/error.h"
#include "wardsim/models/backcast/backcast_report.h"
#include "wardsim/scenarios/targets_file.h"

namespace wardsim::app::serve {

namespace bc = models::backcast;
using nlohmann::json;

json backcast_json(const WhatIfRun& run, const std::filesystem::path& targets_file,
                   const std::string& targets_label, scenarios::FileCache* cache, int threads) {
  const scenarios::TargetsFile targets = scenarios::read_targets(targets_file, run.projection.dims);
  if (!run.scenario.services) {
    std::vector<std::string> problems;
    for (const bc::Target& target : targets.targets.targets) {
      if (bc::is_service_target(target.indicator)) {
        problems.push_back(targets_label + ": target '" + target.name + "' (" +
                           bc::indicator_name(target.indicator) +
                           ") needs service demand, but the scenario has no [services] section");
      }
    }
    if (!problems.empty()) throw InputError(std::move(problems));
  }

  bc::BackcastReport report;
  report.targets_file = targets_label;
  bc::backcast_services(targets.targets, run.services, run.projection, report);
  // A lever target re-runs the levers' own scenario with the lever key set, as `--set` would.
  const LeverRun rerun = [&](const std::string& key, double value) {
    const std::string text = with_scenario_key(run.scenario_toml, key, value);
    return engine::project_cohort(
        scenarios::load_scenario_text(text, kLeversFileName, cache).inputs, {.threads = threads});
  };
  backcast_demography(run.scenario.inputs, run.projection, rerun, report);
  find_contradictions(run.projection, report);

  const auto& dims = run.projection.dims;
  json answer;
  json outcomes = json::array();
  for (std::size_t i = 0; i < report.targets.targets.size(); ++i) {
    const bc::Target& target = report.targets.targets[i];
    const bc::TargetOutcome& outcome = report.outcomes.at(i);
    std::string finding;
    for (const auto& sentence : outcome.findings)
      finding += (finding.empty() ? "" : " ") + sentence;
    outcomes.push_back({{"id", target.name},
                        {"description", bc::indicator_name(target.indicator) + ", " +
                                            std::to_string(target.from_year) + "-" +
                                            std::to_string(target.to_year)},
                        {"status", outcome.status},
                        {"met", outcome.status == "met"},
                        {"finding", finding}});
  }
  answer["targets"] = std::move(outcomes);

  json schedule = json::array();
  for (const bc::ServiceTargetResult& result : report.services) {
    const bc::Target& target = report.targets.targets.at(result.target);
    for (const bc::Decision& decision : result.schedule.decisions) {
      const std::string& label =
          result.need.unit_labels.at(static_cast<std::size_t>(decision.unit));
      const std::size_t slash = label.find('/');
      const int district = result.need.unit_district.at(static_cast<std::size_t>(decision.unit));
      schedule.push_back({{"target", target.name},
                          {"service", result.need.facility},
                          {"district", dims.districts.at(static_cast<std::size_t>(district)).id},
                          {"category", slash == std::string::npos ? "" : label.substr(slash + 1)},
                          {"year_needed", decision.need_year},
                          {"decide_by", decision.decide_by},
                          {"places", decision.places},
                          {"units", result.need.units},
                          {"lead_time", result.schedule.lead_time},
                          {"too_late", decision.too_late}});
    }
  }
  answer["schedule"] = std::move(schedule);

  json levers = json::array();
  for (const bc::LeverResult& lever : report.levers) {
    levers.push_back({{"target", report.targets.targets.at(lever.target).name},
                      {"key", lever.key},
                      {"year", lever.year},
                      {"target_value", lever.target_value},
                      {"solved", lever.solution.solved},
                      {"value", lever.solution.value},
                      {"achieved", lever.solution.achieved},
                      {"reason", lever.solution.reason}});
  }
  answer["levers_solved"] = std::move(levers);

  std::ostringstream text;
  print_backcast_report(report, dims, text);
  answer["report_text"] = text.str();
  return answer;
}

}  // namespace wardsim::app::serve
