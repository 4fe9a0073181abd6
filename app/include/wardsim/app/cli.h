#pragma once
// The `wardsim` command line, callable in-process (tests) and from main().

#include <ostream>
#include <string>
#include <vector>

namespace wardsim::app {

// Runs `wardsim ARGS...` (ARGS without the program name) and returns the exit code.
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace wardsim::app
