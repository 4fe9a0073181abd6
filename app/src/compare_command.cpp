#include <filesystem>
#include <string>
#include <vector>

#include "command_options.h"
#include "comparison_table.h"
#include "wardsim/error.h"
#include "wardsim/io/comparison.h"
#include "wardsim/io/results_reader.h"

namespace wardsim::app {
namespace {

namespace fs = std::filesystem;

// The one scenario of `file`, or an InputError asking to name one.
std::string only_scenario(const fs::path& file) {
  const std::vector<std::string> names = io::list_scenarios(file);
  if (names.size() == 1) return names.front();
  std::string listed;
  for (const auto& name : names) listed += (listed.empty() ? "" : ", ") + name;
  throw InputError({"'" + file.string() + "' holds " + std::to_string(names.size()) +
                    " scenarios (" + listed + "): name the one to compare with --scenario"});
}

// A and B from one or two files and zero to two --scenario names (see the usage line).
std::pair<io::RunRef, io::RunRef> runs_of(const std::vector<std::string>& files,
                                          const std::vector<std::string>& scenarios) {
  if (files.size() == 1) {
    if (scenarios.size() == 2) return {{files[0], scenarios[0]}, {files[0], scenarios[1]}};
    if (scenarios.empty()) {
      const std::vector<std::string> names = io::list_scenarios(files[0]);
      if (names.size() == 2) return {{files[0], names[0]}, {files[0], names[1]}};
      throw InputError({"'" + files[0] + "' holds " + std::to_string(names.size()) +
                        " scenarios: name the two to compare with --scenario A --scenario B"});
    }
    throw UsageError("with one file, give two --scenario names (A, then B)");
  }
  if (files.size() != 2) throw UsageError("expected one or two results files");
  if (scenarios.size() > 2) throw UsageError("at most two --scenario names (A, then B)");
  const std::string a = scenarios.empty() ? only_scenario(files[0]) : scenarios[0];
  const std::string b = scenarios.empty()       ? only_scenario(files[1])
                        : scenarios.size() == 1 ? scenarios[0]
                                                : scenarios[1];
  return {{files[0], a}, {files[1], b}};
}

}  // namespace

int compare_command(const CommandContext& context) {
  CommandSpec spec(
      "wardsim compare A.h5 [B.h5] [--scenario NAME]... [--out FILE]",
      "Compares two runs (B - A, and % of A) per indicator, district and year: population "
      "totals and age bands and every service indicator both have. Prints the ward for selected "
      "years and the districts that differ most, and adds /comparisons/<a>__<b>/ to --out "
      "(default: results/<a>__<b>.h5, a new comparison file). Two files: each file's only "
      "scenario, or one --scenario name for both, or one name per file. One file: two "
      "--scenario names, or the file's two scenarios.");
  spec.options.add_options()("files", po::value<std::vector<std::string>>()->required(),
                             "results files (HDF5): A, then B")(
      "scenario", po::value<std::vector<std::string>>()->default_value({}, ""),
      "scenario to compare (A, then B)")("out", po::value<std::string>(),
                                         "file to add the comparison to");
  spec.positional.add("files", -1);
  po::variables_map values;
  if (!parse_command(context, spec, values)) return 0;

  const auto [a, b] = runs_of(values["files"].as<std::vector<std::string>>(),
                              values["scenario"].as<std::vector<std::string>>());
  const io::Comparison comparison = io::compare_runs(a, b);
  const fs::path out = values.count("out") != 0 ? fs::path(values["out"].as<std::string>())
                                                : fs::path("results") / (comparison.name() + ".h5");
  // Written first: a refused --out leaves only the error message.
  io::write_comparison(out, comparison);
  print_comparison(comparison, context.out);
  context.out << "\nWrote /comparisons/" << comparison.name() << " to " << out.string() << "\n";
  return 0;
}

}  // namespace wardsim::app
