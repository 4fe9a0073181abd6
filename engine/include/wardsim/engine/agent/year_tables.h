#pragma once
// One year's rates turned into what the agent kernel compares random words with: thresholds by
// district and cell, cumulative thresholds for destinations and the in-migrant profile. Computed
// once per run and shared by every replicate.

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "wardsim/engine/dimensions.h"
#include "wardsim/engine/year_rates.h"

namespace wardsim::engine::agent {

struct DistrictThresholds {
  // By cell(sex, cohort age): the cohort kernel's probabilities × the district's multipliers,
  // capped at 1, exactly as cohort_step applies them.
  std::array<double, kCells> death_probability{};
  std::array<std::uint64_t, kCells> death{};
  std::array<std::uint64_t, kCells> out_migration{};
  std::array<std::uint64_t, kCells> move{};
  // Relative birth weight of a woman by her age on 1 January: the mean of the district's ASFR at
  // that age and the next (her exposure over the year).
  std::array<double, kAges> birth_weight{};
  // Cumulative destination thresholds: the destination of a word w is the first district k with
  // w < cumulative[k] (shares of the origin's row of move_destination). Set together with a
  // guide, as for the in-migrants' profile below: destination_guide[b] is the destination of the
  // word b × 2^kGuideShift, so that finding a word's destination scans a few districts from
  // there instead of a binary search.
  static constexpr int kGuideShift = 22;
  void set_destination(std::vector<std::uint64_t> cumulative);

  // The destination of a mover's word: the first k with word < cumulative[k]
  // (std::upper_bound as an index); 0 if no destination is set. The cumulative thresholds end
  // with 2^32 (set_destination checks), which stops the scan.
  std::size_t destination_of(std::uint32_t word) const {
    if (destination_.empty()) return 0;
    std::size_t k = destination_guide_[word >> kGuideShift];
    while (destination_[k] <= word) ++k;
    return k;
  }

 private:
  std::vector<std::uint64_t> destination_;
  std::array<std::uint16_t, std::size_t{1} << (32 - kGuideShift)> destination_guide_{};
};

struct YearTables {
  std::vector<DistrictThresholds> districts;
  std::uint64_t male_birth = 0;
  // Expected in-migrants by district (the year's total × allocation) and the cumulative profile
  // over cells: the cell of a word w is the first c with w < profile[c].
  std::vector<double> in_migrants;
  std::array<std::uint64_t, kCells> profile{};
  // profile_guide[b]: the cell of the word b × 2^22 (the first c with b × 2^22 < profile[c]), so
  // that finding a word's cell scans a few cells from there instead of a binary search.
  static constexpr int kGuideShift = 22;
  std::array<std::uint8_t, std::size_t{1} << (32 - kGuideShift)> profile_guide{};

  // The cell of an in-migrant whose profile word is `word`: the first c with word < profile[c].
  int in_migrant_cell(std::uint32_t word) const {
    std::size_t c = profile_guide[word >> kGuideShift];
    while (profile[c] <= word) ++c;
    return static_cast<int>(c);
  }
};

YearTables make_year_tables(const YearRates& rates, int districts);

}  // namespace wardsim::engine::agent
