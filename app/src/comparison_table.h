#pragma once
// What `wardsim compare` prints: ward-level differences (B − A) of every indicator for selected
// years, then the districts where the population differs most.

#include <ostream>
#include <vector>

#include "wardsim/io/comparison.h"

namespace wardsim::app {

// The base year, every year divisible by 10 and the last year.
std::vector<int> comparison_years(const std::vector<int>& years);

// "-1,234 (-0.1%)": B − A and 100 (B − A) / |A| ("n/a" when A is 0); two decimals when both
// values are below 100 in size (shares, rates).
std::string difference_text(double a, double b);

void print_comparison(const io::Comparison& comparison, std::ostream& out,
                      std::size_t district_count = 5);

}  // namespace wardsim::app
