#pragma once
// Option parsing shared by the subcommands (Boost.Program_options).

#include <boost/program_options.hpp>
#include <string>
#include <utility>

#include "commands.h"

namespace wardsim::app {

namespace po = boost::program_options;

struct CommandSpec {
  CommandSpec(std::string usage_line, std::string what)
      : usage(std::move(usage_line)), summary(std::move(what)) {}

  std::string usage;    // e.g. "wardsim run [options]"
  std::string summary;  // one sentence on what the command does
  po::options_description options{"Options"};
  po::positional_options_description positional;
};

// Parses the context's arguments into `values`. Returns false after printing help when --help was
// given. Throws UsageError (with the usage line) on unknown or malformed options.
bool parse_command(const CommandContext& context, CommandSpec& spec, po::variables_map& values);

}  // namespace wardsim::app
