#include "wardsim/app/cli.h"

#include <exception>
#include <string>
#include <utility>
#include <vector>

#include "commands.h"
#include "wardsim/app/exit_codes.h"
#include "wardsim/error.h"

namespace wardsim::app {
namespace {

constexpr const char* kUsage = R"(Usage: wardsim COMMAND [options]

Projects a ward's population district by district.

Commands:
  run       project a scenario and write the results file (HDF5)
  validate  check a scenario and all its tables, reporting every problem
  info      describe what a results file holds
  export    write a results file as CSV, Excel, GeoPackage or GeoJSON
  geo       dissolve small-area polygons into a district layer (geo dissolve)
  report    draw the charts of a results file and write an HTML report
  compare   differences between two runs (B - A) per indicator, district and year
  backcast  from targets the ward wants to the capacity, decision dates and levers they need
  batch     run every scenario of a sweep (variants, grid, Latin hypercube, Monte Carlo)
  serve     the planner's workstation: levers in a browser, numbers redrawn on every change

Options:
  -h, --help     show this help (also: wardsim COMMAND --help)
  --version      print the version

Exit codes: 0 ok, 1 internal error, 2 usage, 3 invalid input, 4 file I/O.
)";

void print_error(std::ostream& err, const std::string& command, const std::exception& error) {
  err << "wardsim " << command << ": ";
  if (const auto* input = dynamic_cast<const InputError*>(&error)) {
    const auto& problems = input->problems();
    err << (problems.size() == 1 ? "1 problem" : std::to_string(problems.size()) + " problems")
        << ":\n";
    for (const auto& problem : problems) err << "  " << problem << "\n";
    return;
  }
  if (dynamic_cast<const Error*>(&error) == nullptr) err << "internal error: ";
  err << error.what() << "\n";
}

}  // namespace

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    (args.empty() ? err : out) << kUsage;
    return args.empty() ? kExitUsage : kExitOk;
  }
  if (args[0] == "--version") {
    out << "wardsim " << WARDSIM_VERSION << "\n";
    return kExitOk;
  }
  const std::string& command = args[0];
  const CommandContext context{{args.begin() + 1, args.end()}, out, err};
  try {
    // One table, so that the dispatch and the "expected …" list cannot drift apart.
    using Command = int (*)(const CommandContext&);
    static const std::vector<std::pair<std::string, Command>> kCommands = {
        {"run", run_command},         {"validate", validate_command}, {"info", info_command},
        {"export", export_command},   {"geo", geo_command},           {"report", report_command},
        {"compare", compare_command}, {"backcast", backcast_command}, {"batch", batch_command},
        {"serve", serve_command}};
    std::string names;
    for (std::size_t i = 0; i < kCommands.size(); ++i) {
      if (kCommands[i].first == command) return kCommands[i].second(context);
      names += (i == 0 ? "" : i + 1 == kCommands.size() ? " or " : ", ") + kCommands[i].first;
    }
    throw UsageError("unknown command '" + command + "' (expected " + names + "; see --help)");
  } catch (const std::exception& error) {
    print_error(err, command, error);
    return exit_code_for(error);
  }
}

}  // namespace wardsim::app
