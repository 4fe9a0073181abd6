#include "wardsim/batch/rate_draws.h"

#include <Random123/philox.h>

#include <algorithm>
#include <boost/math/special_functions/erf.hpp>
#include <cmath>
#include <string_view>

namespace wardsim::batch {
namespace {

int rate_index(std::string_view rate) {
  for (int i = 0; i < static_cast<int>(std::size(scenarios::kUncertainRates)); ++i) {
    if (rate == scenarios::kUncertainRates[i]) return i;
  }
  return -1;
}

double multiplier(const scenarios::UncertainRate& rate, double u) {
  if (rate.distribution == scenarios::MultiplierDistribution::kUniform) {
    return rate.min + u * (rate.max - rate.min);
  }
  // Lognormal with median 1: exp(sigma z), z the standard normal quantile of u.
  const double z = -std::sqrt(2.0) * boost::math::erfc_inv(2.0 * u);
  return std::exp(rate.sigma * z);
}

}  // namespace

double draw_uniform(std::uint64_t seed, std::uint64_t draw, int rate) {
  using Philox = r123::Philox4x32;
  const Philox::key_type key = {
      {static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}};
  const Philox::ctr_type counter = {{static_cast<std::uint32_t>(draw),
                                     static_cast<std::uint32_t>(draw >> 32),
                                     static_cast<std::uint32_t>(rate), 0x4d43U /* "MC" */}};
  const Philox::ctr_type bits = Philox()(counter, key);
  const std::uint64_t word = (std::uint64_t{bits[0]} << 32) | bits[1];
  // 53 bits, centred in their interval: never 0 or 1, so the normal quantile stays finite.
  return (static_cast<double>(word >> 11) + 0.5) * 0x1.0p-53;
}

DrawMultipliers draw_multipliers(const scenarios::MonteCarloSpec& spec, std::uint64_t draw) {
  DrawMultipliers result;
  for (const auto& rate : spec.rates) {
    const int index = rate_index(rate.rate);
    const double value = multiplier(rate, draw_uniform(spec.seed, draw, index));
    if (index == 0) result.tfr = value;
    if (index == 1) result.in_migration = value;
    if (index == 2) result.out_migration = value;
  }
  return result;
}

void apply_multipliers(const engine::ProjectionInputs& base, const DrawMultipliers& multipliers,
                       engine::ProjectionInputs& out) {
  for (std::size_t i = 0; i < base.rates.size(); ++i) {
    const engine::YearRates& from = base.rates[i];
    engine::YearRates& to = out.rates[i];
    to.fertility_multiplier = from.fertility_multiplier * multipliers.tfr;
    to.in_migrants = from.in_migrants * multipliers.in_migration;
    to.out_migration_multiplier = from.out_migration_multiplier * multipliers.out_migration;
  }
}

}  // namespace wardsim::batch
