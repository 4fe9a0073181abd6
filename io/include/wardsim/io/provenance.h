#pragma once
// What a results file says about how each scenario's numbers were made.

#include <cstdint>
#include <string>
#include <vector>

namespace wardsim::io {

struct InputRecord {
  std::string path;    // as named by the scenario (relative to the scenario file)
  std::string sha256;  // hex digest of the file's bytes
};

struct Provenance {
  std::string wardsim_version;
  std::string scenario_name;
  std::string scenario_title;
  std::string scenario_file;           // the scenario file as given on the command line
  std::string scenario_text;           // resolved TOML after extends and --set
  std::vector<std::string> overrides;  // the --set KEY=VALUE arguments, in order
  std::vector<InputRecord> inputs;     // scenario files and tables with their digests
  std::vector<std::string> estimates;  // which inputs are estimates or assumptions
  std::string mode = "cohort";         // kernel: cohort (agent later)
  int threads = 1;
  std::uint64_t seed = 0;
  std::string created;  // UTC, ISO 8601; empty = the time the results file is written
};

}  // namespace wardsim::io
