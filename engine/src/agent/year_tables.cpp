#include "wardsim/engine/agent/year_tables.h"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <utility>

#include "wardsim/engine/agent/random_streams.h"

namespace wardsim::engine::agent {
namespace {

// Shares sum to 1, but their rounded running sum may stop short of 2^32: the last category with a
// positive share takes every word from there on, so no word falls on a category of share 0.
template <typename Thresholds>
void close_cumulative(Thresholds& cumulative) {
  std::size_t last = cumulative.size() - 1;
  while (last > 0 && cumulative[last] == cumulative[last - 1]) --last;
  for (std::size_t k = last; k < cumulative.size(); ++k) cumulative[k] = std::uint64_t{1} << 32;
}

}  // namespace

void DistrictThresholds::set_destination(std::vector<std::uint64_t> cumulative) {
  if (!cumulative.empty() && cumulative.back() != std::uint64_t{1} << 32) {
    throw std::invalid_argument("cumulative destination thresholds must end with 2^32");
  }
  if (cumulative.size() > std::numeric_limits<std::uint16_t>::max()) {
    throw std::invalid_argument("more destinations than the guide can hold");
  }
  destination_ = std::move(cumulative);
  // One walk up both: bucket b's word b × 2^kGuideShift grows with b (the tables are built for
  // every district and year of a run).
  std::size_t k = 0;
  for (std::size_t b = 0; b < destination_guide_.size(); ++b) {
    const std::uint64_t word = std::uint64_t{b} << kGuideShift;
    while (k < destination_.size() && destination_[k] <= word) ++k;
    destination_guide_[b] = static_cast<std::uint16_t>(k);
  }
}

YearTables make_year_tables(const YearRates& rates, int districts) {
  YearTables tables;
  tables.districts.resize(static_cast<std::size_t>(districts));
  for (int d = 0; d < districts; ++d) {
    DistrictThresholds& t = tables.districts[static_cast<std::size_t>(d)];
    for (int sex = 0; sex < kSexes; ++sex) {
      for (int age = 0; age < kAges; ++age) {
        const auto c = static_cast<std::size_t>(cell(sex, age));
        const double q =
            std::min(1.0, rates.death_probability(sex, age) * rates.mortality_multiplier(d));
        t.death_probability[c] = q;
        t.death[c] = threshold_of(q);
        t.out_migration[c] = threshold_of(std::min(
            1.0, rates.out_migration_probability(sex, age) * rates.out_migration_multiplier(d)));
        t.move[c] = threshold_of(
            std::min(1.0, rates.move_probability(sex, age) * rates.move_multiplier(d)));
      }
    }
    const auto fertility = [&](int age) {
      return rates.fertility(d, age) * rates.fertility_multiplier;
    };
    for (int age = 0; age < kAges; ++age) {
      const double next = age + 1 < kAges ? fertility(age + 1) : fertility(age);
      t.birth_weight[static_cast<std::size_t>(age)] = 0.5 * (fertility(age) + next);
    }
    double cumulative = 0.0;
    std::vector<std::uint64_t> destination;
    for (int k = 0; k < districts; ++k) {
      cumulative += rates.move_destination(d, k);
      destination.push_back(threshold_of(cumulative));
    }
    close_cumulative(destination);
    t.set_destination(std::move(destination));
  }
  tables.male_birth = threshold_of(rates.male_birth_share);
  tables.in_migrants.resize(static_cast<std::size_t>(districts));
  for (int d = 0; d < districts; ++d) {
    tables.in_migrants[static_cast<std::size_t>(d)] =
        rates.in_migrants * rates.in_migrant_allocation(d);
  }
  double cumulative = 0.0;
  for (int c = 0; c < kCells; ++c) {
    cumulative += rates.in_migrant_profile(c / kAges, c % kAges);
    tables.profile[static_cast<std::size_t>(c)] = threshold_of(cumulative);
  }
  close_cumulative(tables.profile);
  static_assert(kCells <= 256, "profile_guide holds cells in bytes");
  for (std::size_t b = 0; b < tables.profile_guide.size(); ++b) {
    const std::uint64_t word = std::uint64_t{b} << YearTables::kGuideShift;
    tables.profile_guide[b] = static_cast<std::uint8_t>(
        std::upper_bound(tables.profile.begin(), tables.profile.end(), word) -
        tables.profile.begin());
  }
  return tables;
}

}  // namespace wardsim::engine::agent
