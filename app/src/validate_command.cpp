#include <string>

#include "command_options.h"
#include "wardsim/scenarios/scenario.h"

namespace wardsim::app {

int validate_command(const CommandContext& context) {
  CommandSpec spec("wardsim validate FILE [--set KEY=VALUE]...",
                   "Checks a scenario file and every table it names; reports all problems at once "
                   "(exit code 3) or confirms the scenario is valid.");
  spec.options.add_options()("file", po::value<std::string>()->required(), "scenario file (TOML)")(
      "set", po::value<std::vector<std::string>>()->composing(), "override a scenario key");
  spec.positional.add("file", 1);
  po::variables_map values;
  if (!parse_command(context, spec, values)) return 0;

  const auto overrides = values.count("set") != 0U ? values["set"].as<std::vector<std::string>>()
                                                   : std::vector<std::string>{};
  const auto scenario = scenarios::load_scenario(values["file"].as<std::string>(), overrides);
  const auto& dims = scenario.inputs.dims;
  context.out << values["file"].as<std::string>() << ": valid scenario '" << scenario.name << "', "
              << dims.district_count() << " districts, " << dims.base_year << "-" << dims.end_year
              << ", " << scenario.input_files.size() << " files read\n";
  return 0;
}

}  // namespace wardsim::app
