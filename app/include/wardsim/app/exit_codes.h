#pragma once
// Exit codes of the `wardsim` command, one per error kind (see wardsim/error.h).

#include <exception>

namespace wardsim::app {

enum ExitCode : int {
  kExitOk = 0,
  kExitInternal = 1,  // a bug: anything that is not a wardsim::Error
  kExitUsage = 2,     // the command line was wrong
  kExitInput = 3,     // a scenario, table or results file is invalid
  kExitIo = 4,        // a file could not be read or written
};

// The exit code for an exception caught at the top of a command.
ExitCode exit_code_for(const std::exception& error);

}  // namespace wardsim::app
