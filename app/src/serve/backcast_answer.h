#pragma once
// POST /api/backcast: `wardsim backcast` on a what-if run (the levers' scenario), answered as JSON
// with the terminal report's text. Reuses the command's pieces (models/backcast, the demographic
// lever solving of app/src/backcast_levers.h and the report printer).

#include <filesystem>
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "wardsim/scenarios/file_cache.h"
#include "what_if_run.h"

namespace wardsim::app::serve {

// `targets_file` is read with the targets loader (InputError lists its problems); `targets_label`
// names it in the report. Lever targets re-run the levers' scenario with the lever key set.
nlohmann::json backcast_json(const WhatIfRun& run, const std::filesystem::path& targets_file,
                             const std::string& targets_label, scenarios::FileCache* cache,
                             int threads);

}  // namespace wardsim::app::serve
