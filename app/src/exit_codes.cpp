#include "wardsim/app/exit_codes.h"

#include "wardsim/error.h"

namespace wardsim::app {

ExitCode exit_code_for(const std::exception& error) {
  if (dynamic_cast<const UsageError*>(&error) != nullptr) return kExitUsage;
  if (dynamic_cast<const InputError*>(&error) != nullptr) return kExitInput;
  if (dynamic_cast<const IoError*>(&error) != nullptr) return kExitIo;
  return kExitInternal;
}

}  // namespace wardsim::app
