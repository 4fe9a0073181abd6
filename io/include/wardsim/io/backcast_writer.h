#pragma once
// Writes a backcast beside its projection: the results file of `wardsim backcast`, with the
// scenario's usual groups and /scenarios/<name>/backcast/… (targets, schedules, decision dates,
// surplus, conversions, the least-cost plan, solved levers, constrained paths). Contract:
// docs/results_format.md, section "Backcasting".

#include <filesystem>

#include "wardsim/io/results_writer.h"
#include "wardsim/models/backcast/backcast_report.h"

namespace wardsim::io {

// Like write_results for one scenario (temporary name, renamed when complete; InputError on
// shapes that do not fit, IoError on failure), with the backcast added to the scenario's group.
void write_backcast_results(const std::filesystem::path& file, ScenarioResults scenario,
                            const models::backcast::BackcastReport& report);

}  // namespace wardsim::io
