#pragma once
// One error hierarchy for the whole project. Library code throws these; only the `wardsim`
// command catches them and maps each kind to its exit code.

#include <stdexcept>
#include <string>
#include <vector>

namespace wardsim {

// Base of every error wardsim raises on purpose. Anything else reaching the command is a bug.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The command line was wrong (unknown option, missing argument). Exit code 2.
class UsageError : public Error {
 public:
  using Error::Error;
};

// Input that does not satisfy the contract: a scenario, a table, a results file. Carries every
// problem found, each naming its file, key or row and what was expected. Exit code 3.
class InputError : public Error {
 public:
  explicit InputError(std::vector<std::string> problems);
  const std::vector<std::string>& problems() const noexcept { return problems_; }

 private:
  std::vector<std::string> problems_;
};

// A file could not be read or written (missing, permissions, disk full, HDF5 failure). Exit code 4.
class IoError : public Error {
 public:
  using Error::Error;
};

}  // namespace wardsim
