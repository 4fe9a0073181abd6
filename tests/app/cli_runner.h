#pragma once
// Runs `wardsim` in-process for the command-line tests: the exit code and both output streams,
// exactly as run_cli() produces them for main().

#include <sstream>
#include <string>
#include <vector>

#include "wardsim/app/cli.h"

namespace wardsim::test_support {

struct CliResult {
  int code;
  std::string out;
  std::string err;
};

inline CliResult wardsim(const std::vector<std::string>& args) {
  std::ostringstream out;
  std::ostringstream err;
  const int code = app::run_cli(args, out, err);
  return {code, out.str(), err.str()};
}

}  // namespace wardsim::test_support
