#pragma once
// Reads the ensemble summary of a scenario run with replicates (the agent kernel): quantiles of
// the ward population by year, under /scenarios/<name>/ensemble/ (docs/results_format.md).

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace wardsim::io {

struct WardQuantiles {
  std::string name;            // dataset name, e.g. "q05"
  double level = 0.0;          // 0.05
  std::vector<double> values;  // by population year
};

struct EnsembleSummary {
  int replicates = 0;                    // 0 when the file does not say
  std::vector<WardQuantiles> quantiles;  // ordered by level
  std::vector<double> mean;              // by year; empty when absent
};

// The ward population quantiles of `scenario`, read from the datasets `q<NN>` (level NN/100) of
// ensemble/ward_population; nullopt when the scenario has no ensemble or no quantiles. InputError
// when a quantile dataset does not hold one value per year.
std::optional<EnsembleSummary> read_ensemble_summary(const std::filesystem::path& file,
                                                     const std::string& scenario);

}  // namespace wardsim::io
