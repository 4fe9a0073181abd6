#pragma once
// The exact distribution of a whole-number quantity over replicates, kept as counts per value.
// Memory grows with the spread of the values, not with the number of replicates, and adding is
// integer counting: the result does not depend on the order replicates are added in.

#include <cstdint>
#include <vector>

namespace wardsim::engine::agent {

class IntegerHistogram {
 public:
  void add(std::int64_t value);
  void merge(const IntegerHistogram& other);

  std::uint64_t count() const { return count_; }
  double mean() const;
  // Sample standard deviation (n − 1 in the denominator); 0 for fewer than two values.
  double sd() const;
  // The p-quantile interpolated linearly between order statistics (NumPy's default "linear",
  // Hyndman-Fan type 7), exact for the values added. 0 ≤ p ≤ 1; NaN if empty.
  double quantile(double p) const;

 private:
  // The k-th smallest value (0-based).
  std::int64_t order_statistic(std::uint64_t k) const;

  std::int64_t lowest_ = 0;            // value of counts_[0]
  std::vector<std::uint32_t> counts_;  // counts_[k] = number of values equal to lowest_ + k
  std::uint64_t count_ = 0;
};

}  // namespace wardsim::engine::agent
