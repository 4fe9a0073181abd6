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
  // w < destination[k] (shares of the origin's row of move_destination).
  std::vector<std::uint64_t> destination;

  // The destination of a mover's word: the first k with word < destination[k] (std::upper_bound as
  // an index), by a binary search without branches, which would be mispredicted about every other
  // comparison.
  std::size_t destination_of(std::uint64_t word) const {
    std::size_t length = destination.size();
    if (length == 0) return 0;
    const std::uint64_t* base = destination.data();
    // The answer is in [base, base + length]; halve the range each step.
    while (length > 1) {
      const std::size_t half = length / 2;
      base = base[half] <= word ? base + half : base;
      length -= half;
    }
    return static_cast<std::size_t>(base - destination.data()) + (*base <= word ? 1U : 0U);
  }
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
