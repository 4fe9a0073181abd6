#pragma once
// A scenario file after `extends` and `--set` overrides: validated settings and the resolved TOML
// text that provenance records.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "wardsim/scenarios/input_reader.h"
#include "wardsim/scenarios/problem_list.h"
#include "wardsim/scenarios/scenario_settings.h"

namespace wardsim::scenarios {

struct ScenarioDocument {
  ScenarioSettings settings;  // complete only if no problem was recorded
  std::string resolved_text;  // TOML after every merge and override, without `extends`
};

// Reads `file` and every file it extends (through `reader`, which records their digests), merges
// them, applies `overrides` ("KEY=VALUE") and validates every key. All problems go to
// `problems`; nothing is returned only if no document could be formed at all (the top file is
// unreadable, not TOML, or part of an extends cycle).
std::optional<ScenarioDocument> read_scenario_document(const std::filesystem::path& file,
                                                       const std::vector<std::string>& overrides,
                                                       InputReader& reader, ProblemList& problems);

// Levenshtein distance between two strings (bytes), used to suggest the key that was meant.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The table keys of [tables], in the order of docs/scenario_format.md.
inline constexpr std::string_view kTableKeys[] = {
    "districts", "base_population",   "fertility",
    "mortality", "out_migration",     "in_migration_profile",
    "moves",     "move_destinations", "district_factors"};

}  // namespace wardsim::scenarios
