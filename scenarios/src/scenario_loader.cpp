#include "wardsim/engine/projection_inputs.h"
#include "wardsim/error.h"
#include "wardsim/scenarios/agent_tables.h"
#include "wardsim/scenarios/build_inputs.h"
#include "wardsim/scenarios/input_reader.h"
#include "wardsim/scenarios/scenario.h"
#include "wardsim/scenarios/scenario_document.h"
#include "wardsim/scenarios/service_tables.h"
#include "wardsim/scenarios/table_readers.h"

namespace wardsim::scenarios {

namespace {

Scenario load_through(const std::filesystem::path& file, const std::vector<std::string>& overrides,
                      InputReader& reader) {
  ProblemList problems;
  std::optional<ScenarioDocument> document =
      read_scenario_document(file, overrides, reader, problems);
  // Tables are read even when some keys are wrong, so that one run reports everything.
  ScenarioTables tables;
  std::optional<models::ServiceParameters> services;
  std::optional<AgentScenario> agent;
  if (document) {
    tables = read_scenario_tables(document->settings, reader, problems);
    services =
        read_service_parameters(document->settings, tables.district_lookup, reader, problems);
    agent = read_agent_scenario(document->settings, reader, problems);
  }
  if (!problems.empty()) throw InputError(problems.messages());

  Scenario scenario;
  const ScenarioSettings& settings = document->settings;
  scenario.name = settings.name;
  scenario.title = settings.title;
  scenario.description = settings.description;
  scenario.file = file;
  scenario.resolved_text = std::move(document->resolved_text);
  scenario.overrides = overrides;
  scenario.input_files = reader.files_read();
  scenario.estimates = settings.estimates;
  scenario.services = std::move(services);
  if (scenario.services) {
    scenario.estimates.insert(scenario.estimates.end(), scenario.services->assumptions.begin(),
                              scenario.services->assumptions.end());
  }
  scenario.agent = std::move(agent);
  scenario.inputs = build_inputs(settings, tables);
  // The engine's own contract check: a failure here is a gap in the validation above.
  engine::check_inputs(scenario.inputs);
  return scenario;
}

}  // namespace

Scenario load_scenario(const std::filesystem::path& file,
                       const std::vector<std::string>& overrides) {
  InputReader reader;
  return load_through(file, overrides, reader);
}

Scenario load_scenario_text(const std::string& text, const std::filesystem::path& file,
                            FileCache* cache) {
  InputReader reader(cache);
  reader.provide(file, text);
  return load_through(file, {}, reader);
}

}  // namespace wardsim::scenarios
