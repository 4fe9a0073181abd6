#pragma once
// Reads a backcasting targets file (TOML, docs/backcasting.md) against a projection's years and
// districts: every problem — unknown indicators or keys (with a suggestion), empty or unknown
// district sets, years outside the projection, missing bounds, facility terms or path tables — is
// collected and thrown together as one InputError (exit code 3).

#include <filesystem>
#include <string>

#include "wardsim/engine/dimensions.h"
#include "wardsim/models/backcast/targets.h"

namespace wardsim::scenarios {

struct TargetsFile {
  models::backcast::TargetSet targets;
  std::string text;    // the file as read, for provenance
  std::string sha256;  // of its bytes
};

TargetsFile read_targets(const std::filesystem::path& file, const engine::Dimensions& dims);

}  // namespace wardsim::scenarios
