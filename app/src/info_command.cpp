#include <string>

#include "command_options.h"
#include "wardsim/io/results_reader.h"

namespace wardsim::app {

int info_command(const CommandContext& context) {
  CommandSpec spec("wardsim info FILE.h5",
                   "Describes a results file: its scenarios, dimensions, years and provenance.");
  spec.options.add_options()("file", po::value<std::string>()->required(), "results file (HDF5)");
  spec.positional.add("file", 1);
  po::variables_map values;
  if (!parse_command(context, spec, values)) return 0;
  io::describe_results(values["file"].as<std::string>(), context.out);
  return 0;
}

}  // namespace wardsim::app
