#pragma once
// The page's levers (a JSON object, serve-contract "Levers object") as a scenario file that
// `extends` the base scenario and sets the lever keys of docs/scenario_format.md. The translation
// only maps lever names to scenario keys and JSON values to TOML values; every range and type is
// checked afterwards by the scenario loader, so the page sees exactly the command line's messages.

#include <filesystem>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace wardsim::app::serve {

struct LeverScenario {
  std::string toml;                   // the scenario file (complete even when problems were found)
  std::vector<std::string> problems;  // levers the translation itself rejects (unknown, null …)
};

// `levers` must be a JSON object (or null = no levers). `name` becomes scenario.name; `base` is
// written as an absolute path so that the file can be saved anywhere.
LeverScenario levers_to_scenario(const nlohmann::json& levers, const std::filesystem::path& base,
                                 const std::string& name, const std::string& title);

// `toml` (a scenario file) with the dotted `key` set to `value`, as `--set KEY=VALUE` would set it:
// used to re-run a what-if with one lever changed (backcasting's lever solving).
std::string with_scenario_key(const std::string& toml, const std::string& key, double value);

// The lever names the translation knows, in the order of the contract.
const std::vector<std::string>& lever_names();

}  // namespace wardsim::app::serve
