#pragma once
// A scenario resolved from its files: the engine inputs plus what provenance needs.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "wardsim/engine/agent/agent_parameters.h"
#include "wardsim/engine/projection_inputs.h"
#include "wardsim/models/service_parameters.h"

namespace wardsim::scenarios {

struct InputFile {
  std::string path;    // as named (relative to the scenario file that names it)
  std::string sha256;  // hex digest of the bytes that were read
};

// The [agent] section resolved: the agent kernel's household model and run defaults.
struct AgentScenario {
  engine::agent::AgentParameters parameters;
  int replicates = 0;
  std::uint64_t seed = 0;
  std::string mode = "cohort";  // the kernel `wardsim run` uses unless --mode says otherwise
};

struct Scenario {
  std::string name;
  std::string title;
  std::string description;
  std::filesystem::path file;          // the scenario file that was loaded
  std::string resolved_text;           // TOML after extends and --set, as recorded in results
  std::vector<std::string> overrides;  // the KEY=VALUE overrides applied, in order
  std::vector<InputFile> input_files;  // every scenario file and table read, with digests
  std::vector<std::string> estimates;  // [provenance] estimates, then services.assumptions
  engine::ProjectionInputs inputs;     // validated, ready to run
  // The service-demand models' parameters, if the scenario has a [services] section: capacity
  // plans are district × category in the order of the districts table, year series have one value
  // per population year (base_year..end_year).
  std::optional<models::ServiceParameters> services;
  // The agent kernel's household model and run defaults, if the scenario has an [agent] section.
  std::optional<AgentScenario> agent;
};

// Loads, merges (extends, then overrides), validates and builds a scenario. Every problem found in
// the files, keys, tables and override arguments is collected and thrown together as one
// InputError; a file that cannot be read is reported the same way (it is the user's input).
Scenario load_scenario(const std::filesystem::path& file,
                       const std::vector<std::string>& overrides = {});

class FileCache;

// The same for a scenario that exists only in memory: `text` is read as if it were `file` (whose
// directory resolves its relative paths and `extends`, and which names it in problems). Every
// other file is read through `cache` when it is given (see file_cache.h), else from disk.
Scenario load_scenario_text(const std::string& text, const std::filesystem::path& file,
                            FileCache* cache = nullptr);

}  // namespace wardsim::scenarios
