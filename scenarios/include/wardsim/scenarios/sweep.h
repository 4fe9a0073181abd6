#pragma once
// A batch of scenarios described by a sweep file: a base scenario, then named variants (a list, a
// grid over keys, or a Latin hypercube sample of keys), plus optional Monte Carlo draws of
// uncertain rates. Format: docs/batch.md.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace wardsim::scenarios {

// One scenario of the batch: the base scenario with these `--set`-style overrides.
struct SweepVariant {
  std::string name;                    // its group name in the results file
  std::vector<std::string> overrides;  // "KEY=VALUE", applied over the base scenario in order
};

enum class MultiplierDistribution { kLognormal, kUniform };

// An uncertain rate, drawn once per Monte Carlo draw as a multiplier that holds for every year.
struct UncertainRate {
  std::string rate;  // one of kUncertainRates
  MultiplierDistribution distribution = MultiplierDistribution::kLognormal;
  double sigma = 0.0;  // lognormal: standard deviation of log(multiplier); the median is 1
  double min = 1.0;    // uniform: the multiplier's range
  double max = 1.0;
};

// The rates a Monte Carlo draw can vary, applied to the built engine inputs (docs/batch.md).
inline constexpr const char* kUncertainRates[] = {"tfr", "in_migration", "out_migration"};

struct MonteCarloSpec {
  int draws = 0;
  std::uint64_t seed = 0;
  std::vector<UncertainRate> rates;  // in the order of kUncertainRates
};

// The quantiles every ensemble reports.
inline constexpr double kEnsembleQuantiles[] = {0.05, 0.25, 0.5, 0.75, 0.95};

struct Sweep {
  std::string name;
  std::string title;
  std::filesystem::path file;           // the sweep file as given
  std::filesystem::path base_scenario;  // resolved against the sweep file's directory
  std::string design;                   // "variants", "grid", "latin_hypercube" or "base"
  std::vector<SweepVariant> variants;   // every scenario of the batch, in order
  // Overrides at both ends of every Latin hypercube range: checked against the base scenario
  // (a range reaching outside a key's valid values is refused even if no sample lands there).
  std::vector<SweepVariant> range_ends;
  std::optional<MonteCarloSpec> monte_carlo;
  std::string text;           // the sweep file as read
  std::string resolved_text;  // the expanded definition (every variant spelled out), TOML
};

// Reads, validates and expands a sweep file. Every problem (unknown key with a suggestion, wrong
// type, a sweep with no scenarios, a bad range) is collected and thrown as one InputError; the
// variants' keys and values are checked later against the base scenario (check_sweep_levers).
Sweep read_sweep(const std::filesystem::path& file);

// Checks every variant (and each Latin hypercube range's ends) against the base scenario: unknown
// keys with a "did you mean", values outside a key's range. Throws one InputError listing all.
void check_sweep_levers(const Sweep& sweep);

}  // namespace wardsim::scenarios
