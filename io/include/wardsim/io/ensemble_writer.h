#pragma once
// Writes the results file of an agent-kernel run: the scenario as write_results writes it (its
// population and flows are the means over replicates) plus /scenarios/<name>/ensemble/ with the
// ensemble's statistics and household indicators (contract: docs/results_format.md, "Ensembles").

#include <filesystem>

#include "wardsim/engine/agent/ensemble.h"
#include "wardsim/io/results_writer.h"

namespace wardsim::io {

// `scenario.projection` is normally &ensemble.mean. Written to a temporary name and renamed when
// complete, like write_results: a failure leaves no file behind. InputError if the ensemble's
// shapes do not match the projection's years and districts; IoError on failure.
void write_ensemble_results(const std::filesystem::path& file, const ScenarioResults& scenario,
                            const engine::agent::EnsembleResult& ensemble);

}  // namespace wardsim::io
