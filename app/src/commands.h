#pragma once
// The subcommands of `wardsim`. Each parses its own options and throws wardsim errors;
// run_cli() catches them and maps them to exit codes.

#include <ostream>
#include <string>
#include <vector>

namespace wardsim::app {

struct CommandContext {
  std::vector<std::string> args;  // the subcommand's own arguments
  std::ostream& out;
  std::ostream& err;
};

int run_command(const CommandContext& context);
int validate_command(const CommandContext& context);
int info_command(const CommandContext& context);
int export_command(const CommandContext& context);
int geo_command(const CommandContext& context);
int report_command(const CommandContext& context);
int compare_command(const CommandContext& context);
int backcast_command(const CommandContext& context);
int batch_command(const CommandContext& context);
int serve_command(const CommandContext& context);
}  // namespace wardsim::app
