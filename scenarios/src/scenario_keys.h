#pragma once
// The known keys of a scenario file: validation of a merged TOML table into ScenarioSettings.
// Private to scenarios/ because it speaks toml++ types.

#include <toml++/toml.h>

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "wardsim/scenarios/problem_list.h"
#include "wardsim/scenarios/scenario_settings.h"

namespace wardsim::scenarios {

// Where a key's value came from: a scenario file, or a --set argument.
struct KeyOrigin {
  std::string display;                      // "baseline.toml" or "--set fertility.tfr=1.2"
  std::filesystem::path directory;          // resolves table paths for reading
  std::filesystem::path display_directory;  // resolves table paths for messages
};

// Remembers which origin set each dotted key, so that a problem names the file to fix and a
// table path resolves against the file that named it.
class KeyOrigins {
 public:
  explicit KeyOrigins(KeyOrigin fallback) : fallback_(std::move(fallback)) {}
  // Records that `origin` set `key` and everything below it.
  void set(const std::string& key, const KeyOrigin& origin);
  // The origin of `key`, or of its nearest parent that has one.
  const KeyOrigin& of(std::string_view key) const;

 private:
  std::map<std::string, KeyOrigin, std::less<>> by_key_;
  KeyOrigin fallback_;
};

// True for keys that hold a value as a whole (even a year path's table), false for sections
// like [fertility] that merge key by key.
bool is_value_key(std::string_view key);

// "the string \"abc\"", "7", "a table": how a found value is quoted in messages.
std::string describe_value(const toml::node& node);

// Checks every key of `merged` (unknown, wrong type, out of range, missing) and fills `settings`
// with those that are valid. Problems name the origin of each key.
void extract_settings(const toml::table& merged, const KeyOrigins& origins, ProblemList& problems,
                      ScenarioSettings& settings);

}  // namespace wardsim::scenarios
