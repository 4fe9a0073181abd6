#include "command_options.h"

#include "wardsim/error.h"

namespace wardsim::app {

bool parse_command(const CommandContext& context, CommandSpec& spec, po::variables_map& values) {
  spec.options.add_options()("help,h", "show this help");
  try {
    po::store(po::command_line_parser(context.args)
                  .options(spec.options)
                  .positional(spec.positional)
                  .run(),
              values);
    if (values.count("help") != 0U) {
      context.out << "Usage: " << spec.usage << "\n\n" << spec.summary << "\n\n" << spec.options;
      return false;
    }
    po::notify(values);
  } catch (const po::error& error) {
    throw UsageError(std::string(error.what()) + "\nUsage: " + spec.usage + " (see --help)");
  }
  return true;
}

}  // namespace wardsim::app
