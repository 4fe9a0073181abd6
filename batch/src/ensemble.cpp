#include "wardsim/batch/ensemble.h"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "wardsim/batch/quantiles.h"
#include "wardsim/batch/rate_draws.h"
#include "wardsim/engine/population_projection.h"
#include "wardsim/engine/population_queries.h"
#include "wardsim/error.h"
#include "wardsim/models/headline_demand.h"
#include "wardsim/models/services.h"

namespace wardsim::batch {
namespace {

using Eigen::Index;

// One service's headline pair summed over its categories, by population year (row) and district.
struct HeadlineTotals {
  Eigen::ArrayXXd demand;     // year × district
  Eigen::ArrayXXd capacity;   // year × district
  Eigen::ArrayXXd shortfall;  // Σ over categories of max(0, demand - capacity)
};

HeadlineTotals headline_totals(const models::ServiceResult& service, int districts) {
  const auto& demand = service.indicator(service.headline_demand);
  const auto& capacity = service.indicator(service.headline_capacity);
  const int categories = demand.categories();
  const Index years = demand.values.rows();
  HeadlineTotals totals{Eigen::ArrayXXd::Zero(years, districts),
                        Eigen::ArrayXXd::Zero(years, districts),
                        Eigen::ArrayXXd::Zero(years, districts)};
  for (Index y = 0; y < years; ++y) {
    for (Index d = 0; d < districts; ++d) {
      for (int c = 0; c < categories; ++c) {
        const Index column = d * categories + c;
        const double want = demand.values(y, column);
        const double have = capacity.values(y, column);
        totals.demand(y, d) += want;
        totals.capacity(y, d) += have;
        totals.shortfall(y, d) += std::max(0.0, want - have);
      }
    }
  }
  return totals;
}

// What one thread keeps between draws.
struct DrawState {
  engine::ProjectionInputs inputs;  // a copy of the scenario's, rewritten per draw
  engine::PopulationWorkspace workspace;
  engine::CellMajorCube by_cell;  // the current year with districts innermost
  Eigen::ArrayXd men, women;      // its district totals by sex
  models::HeadlineDemand::Workspace services;
};

// Blocks of this many columns are transposed from draw rows for the quantiles.
constexpr std::size_t kColumnBlock = 16;

const char* distribution_note(const scenarios::UncertainRate& rate) {
  return rate.distribution == scenarios::MultiplierDistribution::kLognormal ? "lognormal"
                                                                            : "uniform";
}

std::string number(double value) {
  std::string text = std::to_string(value);
  while (text.size() > 1 && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

// Checks the inputs of every draw at once. A multiplier scales non-negative values whose checked
// ranges are [0, bound], so if the inputs under the smallest and under the largest multipliers
// of all draws pass check_inputs, every draw's do, and the draws need not be checked one by one.
void check_draw_extremes(const engine::ProjectionInputs& inputs,
                         const std::vector<DrawMultipliers>& draws) {
  DrawMultipliers low = draws.front();
  DrawMultipliers high = low;
  for (const DrawMultipliers& m : draws) {
    low = {std::min(low.tfr, m.tfr), std::min(low.in_migration, m.in_migration),
           std::min(low.out_migration, m.out_migration)};
    high = {std::max(high.tfr, m.tfr), std::max(high.in_migration, m.in_migration),
            std::max(high.out_migration, m.out_migration)};
  }
  engine::ProjectionInputs extreme = inputs;
  for (const DrawMultipliers& m : {low, high}) {
    apply_multipliers(inputs, m, extreme);
    try {
      engine::check_inputs(extreme);
    } catch (const InputError& error) {
      std::vector<std::string> problems;
      for (const std::string& problem : error.problems()) {
        problems.push_back("monte_carlo draws (multipliers tfr " + number(m.tfr) +
                           ", in_migration " + number(m.in_migration) + ", out_migration " +
                           number(m.out_migration) + "): " + problem);
      }
      throw InputError(problems);
    }
  }
}

}  // namespace

std::uint64_t ensemble_memory_bytes(const engine::Dimensions& dims, bool with_services, int draws) {
  const auto cells =
      static_cast<std::uint64_t>(dims.years()) * static_cast<std::uint64_t>(dims.district_count());
  const std::uint64_t quantities = with_services ? 5 : 1;
  return static_cast<std::uint64_t>(draws) * cells * (quantities * 8 + (with_services ? 4 : 0));
}

io::EnsembleStatistics run_ensemble(const engine::ProjectionInputs& inputs,
                                    const std::optional<models::ServiceParameters>& services,
                                    const scenarios::MonteCarloSpec& spec, ProgressLine* progress) {
  engine::check_inputs(inputs);
  const engine::Dimensions& dims = inputs.dims;
  const std::uint64_t memory = ensemble_memory_bytes(dims, services.has_value(), spec.draws);
  if (memory > kMaxEnsembleBytes) {
    throw InputError({"monte_carlo.draws = " + std::to_string(spec.draws) + " would keep " +
                      std::to_string(memory >> 20) +
                      " MiB of draws for exact quantiles, more than " +
                      std::to_string(kMaxEnsembleBytes >> 20) + " MiB: use fewer draws"});
  }
  const int districts = dims.district_count();
  const auto cells = static_cast<std::size_t>(dims.years()) * static_cast<std::size_t>(districts);
  const auto draws = static_cast<std::size_t>(spec.draws);
  std::vector<DrawMultipliers> multipliers;  // each draw's, derived once
  for (std::uint64_t k = 0; k < draws; ++k) multipliers.push_back(draw_multipliers(spec, k));
  if (!multipliers.empty()) check_draw_extremes(inputs, multipliers);

  // The services' names, units and capacities come from the central run (multipliers 1):
  // capacity does not depend on the draw, so gap quantiles are demand quantiles minus capacity.
  std::vector<models::ServiceResult> central;
  if (services) {
    central = models::compute_services(engine::project_cohort(inputs, {.threads = 1}), *services);
  }
  const std::size_t service_count = central.size();
  const std::size_t row_size = cells * (1 + service_count);

  // Row k holds draw k's values: population, then each service's demand, [year][district] each.
  std::vector<double> rows(draws * row_size);
  // Whether each service has a shortfall, by draw, service, year and district.
  std::vector<std::uint8_t> short_flags(draws * cells * service_count);

  // Each draw needs only the services' headline demand and shortfall flags: the lean path
  // computes them without the full ServiceResults (same numbers, tested).
  std::optional<models::HeadlineDemand> headline;
  if (services) headline.emplace(dims, *services);
  tbb::enumerable_thread_specific<DrawState> states(
      [&] { return DrawState{inputs, engine::PopulationWorkspace(districts), {}, {}, {}, {}}; });
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, draws, 4), [&](const auto& range) {
    DrawState& state = states.local();
    for (std::size_t k = range.begin(); k != range.end(); ++k) {
      apply_multipliers(inputs, multipliers[k], state.inputs);
      double* row = rows.data() + k * row_size;
      if (headline) headline->begin(state.services);
      // Each year is reduced as soon as it is made, while it is still in cache.
      engine::project_population(
          state.inputs, state.workspace,
          [&](int y, const engine::DistrictCube& cube) {
            // Districts innermost: every count below is a vector sum over ages (as
            // engine::count_ages adds them) for all districts at once.
            engine::to_cell_major(cube, state.by_cell);
            engine::count_sex_ages(state.by_cell, 0, engine::kOpenAge, state.men, state.women);
            for (int d = 0; d < districts; ++d) {
              row[static_cast<std::size_t>(y * districts + d)] = state.men(d) + state.women(d);
            }
            if (headline) headline->add_year(y, state.by_cell, state.services);
          },
          engine::InputCheck::kDoneByCaller);
      if (headline) {
        headline->finish(state.services, std::span<double>(row + cells, service_count * cells),
                         std::span<std::uint8_t>(short_flags.data() + k * service_count * cells,
                                                 service_count * cells));
      }
      if (progress != nullptr) progress->advance();
    }
  });

  // Quantiles column by column: each column's draws are gathered (a block of columns at a time,
  // so that reads of the draw rows stay contiguous) and selected; columns are independent.
  const std::vector<double> probabilities(std::begin(scenarios::kEnsembleQuantiles),
                                          std::end(scenarios::kEnsembleQuantiles));
  const std::size_t q_count = probabilities.size();
  std::vector<double> quantile_values(q_count * row_size);
  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, (row_size + kColumnBlock - 1) / kColumnBlock),
      [&](const auto& blocks) {
        // Every element is written before it is read: no need to zero 1.3 MB per task.
        const auto gathered = std::make_unique_for_overwrite<double[]>(kColumnBlock * draws);
        for (std::size_t b = blocks.begin(); b != blocks.end(); ++b) {
          const std::size_t first = b * kColumnBlock;
          const std::size_t width = std::min(kColumnBlock, row_size - first);
          for (std::size_t k = 0; k < draws; ++k) {
            const double* row = rows.data() + k * row_size + first;
            for (std::size_t c = 0; c < width; ++c) gathered[c * draws + k] = row[c];
          }
          for (std::size_t c = 0; c < width; ++c) {
            const auto values =
                quantiles(std::span<double>(gathered.get() + c * draws, draws), probabilities);
            for (std::size_t q = 0; q < q_count; ++q) {
              quantile_values[q * row_size + first + c] = values[q];
            }
          }
        }
      });

  io::EnsembleStatistics stats;
  stats.draws = spec.draws;
  stats.seed = spec.seed;
  stats.quantiles = probabilities;
  for (const auto& rate : spec.rates) {
    stats.multiplier_names.push_back(rate.rate);
    stats.multiplier_notes.push_back(
        std::string(distribution_note(rate)) +
        (rate.distribution == scenarios::MultiplierDistribution::kLognormal
             ? " sigma=" + number(rate.sigma)
             : " min=" + number(rate.min) + " max=" + number(rate.max)));
  }
  for (std::size_t k = 0; k < draws; ++k) {
    const DrawMultipliers& m = multipliers[k];
    for (const auto& rate : spec.rates) {
      stats.multipliers.push_back(rate.rate == "tfr"            ? m.tfr
                                  : rate.rate == "in_migration" ? m.in_migration
                                                                : m.out_migration);
    }
  }

  // Slices [quantile][year][district] of quantity `index` (0 = population, 1 + s = service s).
  const auto slice = [&](std::size_t index) {
    std::vector<double> values(q_count * cells);
    for (std::size_t q = 0; q < q_count; ++q) {
      std::copy_n(
          quantile_values.begin() + static_cast<std::ptrdiff_t>(q * row_size + index * cells),
          cells, values.begin() + static_cast<std::ptrdiff_t>(q * cells));
    }
    return values;
  };
  stats.indicators.push_back(
      {"population", "persons",
       "Population on 1 January (all ages, both sexes), quantiles over draws.", true, slice(0)});
  for (std::size_t s = 0; s < service_count; ++s) {
    const models::ServiceResult& service = central[s];
    const auto& demand_indicator = service.indicator(service.headline_demand);
    const HeadlineTotals capacity = headline_totals(service, districts);
    std::vector<double> demand = slice(1 + s);
    std::vector<double> gap = demand;
    for (std::size_t q = 0; q < q_count; ++q) {
      for (std::size_t c = 0; c < cells; ++c) {
        const auto y = static_cast<Index>(c / static_cast<std::size_t>(districts));
        const auto d = static_cast<Index>(c % static_cast<std::size_t>(districts));
        gap[q * cells + c] -= capacity.capacity(y, d);
      }
    }
    std::vector<std::uint64_t> count(cells, 0);
    for (std::size_t k = 0; k < draws; ++k) {
      const std::uint8_t* flags = short_flags.data() + (k * service_count + s) * cells;
      for (std::size_t c = 0; c < cells; ++c) count[c] += flags[c];
    }
    std::vector<double> risk(cells);
    for (std::size_t c = 0; c < cells; ++c) {
      risk[c] = static_cast<double>(count[c]) / static_cast<double>(draws);
    }
    const std::string prefix = service.name + "/";
    stats.indicators.push_back({prefix + "demand", demand_indicator.units,
                                "Headline demand '" + service.headline_demand +
                                    "' summed over categories, quantiles over draws.",
                                true, std::move(demand)});
    stats.indicators.push_back({prefix + "gap", demand_indicator.units,
                                "Headline demand minus capacity '" + service.headline_capacity +
                                    "' (summed over categories; capacity is the same in every "
                                    "draw), quantiles over draws.",
                                true, std::move(gap)});
    stats.indicators.push_back({prefix + "shortfall_probability", "probability",
                                "Share of draws with a shortfall: the sum over categories of "
                                "max(0, demand - capacity) is above zero (the risk of a waiting "
                                "list).",
                                false, std::move(risk)});
  }
  return stats;
}

}  // namespace wardsim::batch
