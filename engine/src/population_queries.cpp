#include "wardsim/engine/population_queries.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace wardsim::engine {
namespace {

// Doubles in one register of the build's processor: a wider vector type would be split by the
// compiler, through the stack.
#if defined(__AVX512F__)
constexpr Eigen::Index kLanes = 8;
#elif defined(__AVX__)
constexpr Eigen::Index kLanes = 4;
#else
constexpr Eigen::Index kLanes = 2;
#endif
using Lanes = double __attribute__((vector_size(kLanes * sizeof(double))));
// Rows of a CellMajorCube come in multiples of 8: whole registers of any width, whole 8 × 8
// blocks of the transpose.
constexpr Eigen::Index kRowMultiple = 8;

// Rows d .. d + Vectors × kLanes - 1 of each of `Streams` sets of columns (set s: column a at
// first[s] + a × stride) summed over `ages` columns in age order, in registers, into out[s] + d.
// Several sets at once keep more independent additions in flight.
template <std::size_t Streams, std::size_t Vectors>
void sum_over_ages(const std::array<const double*, Streams>& first,
                   const std::array<double*, Streams>& out, Eigen::Index d, Eigen::Index stride,
                   int ages) {
  Lanes sum[Streams][Vectors];
  for (std::size_t s = 0; s < Streams; ++s) std::memcpy(&sum[s], first[s] + d, sizeof sum[s]);
  for (int age = 1; age < ages; ++age) {
    for (std::size_t s = 0; s < Streams; ++s) {
      const double* column = first[s] + Eigen::Index{age} * stride + d;
      for (std::size_t v = 0; v < Vectors; ++v) {
        Lanes x;
        std::memcpy(&x, column + v * kLanes, sizeof x);
        sum[s][v] += x;
      }
    }
  }
  for (std::size_t s = 0; s < Streams; ++s) std::memcpy(out[s] + d, &sum[s], sizeof sum[s]);
}

// For each set s, the sum over `ages` columns from cell first_cell[s] of every row, into *out[s].
template <std::size_t Streams>
void sum_rows_over_ages(const CellMajorCube& population, const std::array<int, Streams>& first_cell,
                        int ages, const std::array<Eigen::ArrayXd*, Streams>& out) {
  const Eigen::Index districts = population.rows();
  std::array<const double*, Streams> first;
  std::array<double*, Streams> sums;
  for (std::size_t s = 0; s < Streams; ++s) {
    // Column c (one value per district) starts at data + c × districts.
    first[s] = population.data() + Eigen::Index{first_cell[s]} * districts;
    out[s]->resize(districts);
    sums[s] = out[s]->data();
  }
  Eigen::Index d = 0;
  for (; d + 4 * kLanes <= districts; d += 4 * kLanes) {
    sum_over_ages<Streams, 4>(first, sums, d, districts, ages);
  }
  for (; d + kLanes <= districts; d += kLanes) {
    sum_over_ages<Streams, 1>(first, sums, d, districts, ages);
  }
  for (; d < districts; ++d) {  // fewer than a register of districts left: one at a time
    for (std::size_t s = 0; s < Streams; ++s) {
      double sum = first[s][d];
      for (int age = 1; age < ages; ++age) sum += first[s][Eigen::Index{age} * districts + d];
      sums[s][d] = sum;
    }
  }
}

#if defined(__AVX512F__)
using Block = double __attribute__((vector_size(kRowMultiple * sizeof(double))));

// Writes the transpose of the 8 × 8 block `rows` (row i: 8 doubles) to `out`: column j at
// out + j × stride. Three rounds of pairwise shuffles, each one instruction per pair where the
// processor has 512-bit registers: far fewer instructions than copying element by element.
void transpose_block(const Block (&rows)[kRowMultiple], double* out, Eigen::Index stride) {
  // pairs[i], i even: columns 0, 2, 4, 6 of rows i, i + 1; i odd: columns 1, 3, 5, 7.
  Block pairs[kRowMultiple];
  for (int i = 0; i < kRowMultiple; i += 2) {
    pairs[i] = __builtin_shufflevector(rows[i], rows[i + 1], 0, 8, 2, 10, 4, 12, 6, 14);
    pairs[i + 1] = __builtin_shufflevector(rows[i], rows[i + 1], 1, 9, 3, 11, 5, 13, 7, 15);
  }
  Block quads[kRowMultiple];  // quads[4h + k]: columns k and k + 4 of rows 4h .. 4h + 3
  for (int h = 0; h < kRowMultiple; h += 4) {
    for (int k = 0; k < 2; ++k) {
      quads[h + k] =
          __builtin_shufflevector(pairs[h + k], pairs[h + k + 2], 0, 1, 8, 9, 4, 5, 12, 13);
      quads[h + k + 2] =
          __builtin_shufflevector(pairs[h + k], pairs[h + k + 2], 2, 3, 10, 11, 6, 7, 14, 15);
    }
  }
  for (int k = 0; k < 4; ++k) {
    const Block low = __builtin_shufflevector(quads[k], quads[k + 4], 0, 1, 2, 3, 8, 9, 10, 11);
    const Block high = __builtin_shufflevector(quads[k], quads[k + 4], 4, 5, 6, 7, 12, 13, 14, 15);
    std::memcpy(out + k * stride, &low, sizeof low);
    std::memcpy(out + (k + 4) * stride, &high, sizeof high);
  }
}

// Districts first .. first + 7 (those past `districts` are zero) of every cell, by 8 × 8 blocks.
void transpose_rows(const double* from, Eigen::Index districts, Eigen::Index first, double* to,
                    Eigen::Index rows) {
  constexpr int kBlockedCells = kCells / kRowMultiple * kRowMultiple;
  const Eigen::Index present = std::min(kRowMultiple, districts - first);
  for (int c = 0; c < kBlockedCells; c += kRowMultiple) {
    Block block[kRowMultiple];
    for (Eigen::Index i = 0; i < kRowMultiple; ++i) {
      block[i] = Block{};
      if (i < present) std::memcpy(&block[i], from + (first + i) * kCells + c, sizeof(Block));
    }
    transpose_block(block, to + c * rows + first, rows);
  }
  for (int c = kBlockedCells; c < kCells; ++c) {
    for (Eigen::Index i = 0; i < kRowMultiple; ++i) {
      to[c * rows + first + i] = i < present ? from[(first + i) * kCells + c] : 0.0;
    }
  }
}
#else
// Without 512-bit registers the shuffles above would go through the stack: plain copies.
void transpose_rows(const double* from, Eigen::Index districts, Eigen::Index first, double* to,
                    Eigen::Index rows) {
  for (Eigen::Index d = first; d < first + kRowMultiple; ++d) {
    for (int c = 0; c < kCells; ++c) to[c * rows + d] = d < districts ? from[d * kCells + c] : 0.0;
  }
}
#endif

}  // namespace

double count_ages(const DistrictCube& population, Eigen::Index district, int from, int to) {
  return count_sex_ages(population, district, kMale, from, to) +
         count_sex_ages(population, district, kFemale, from, to);
}

double count_sex_ages(const DistrictCube& population, Eigen::Index district, int sex, int from,
                      int to) {
  const double* ages = population.row(district).data() + cell(sex, 0);
  double total = ages[from];
  for (int age = from + 1; age <= to; ++age) total += ages[age];
  return total;
}

void to_cell_major(const DistrictCube& population, CellMajorCube& out) {
  const Eigen::Index districts = population.rows();
  const Eigen::Index rows = (districts + kRowMultiple - 1) / kRowMultiple * kRowMultiple;
  if (out.rows() != rows) out.resize(rows, kCells);
  // District d's cells are at population.data() + d × kCells, cell c's districts at
  // out.data() + c × rows.
  for (Eigen::Index first = 0; first < rows; first += kRowMultiple) {
    transpose_rows(population.data(), districts, first, out.data(), rows);
  }
}

void count_sex_ages(const CellMajorCube& population, int sex, int from, int to,
                    Eigen::ArrayXd& out) {
  sum_rows_over_ages<1>(population, {cell(sex, from)}, to - from + 1, {&out});
}

void count_sex_ages(const CellMajorCube& population, int from, int to, Eigen::ArrayXd& men,
                    Eigen::ArrayXd& women) {
  sum_rows_over_ages<2>(population, {cell(kMale, from), cell(kFemale, from)}, to - from + 1,
                        {&men, &women});
}

double count_ages(const DistrictCube& population, int from, int to) {
  double total = 0.0;
  for (Eigen::Index d = 0; d < population.rows(); ++d) {
    total += count_ages(population, d, from, to);
  }
  return total;
}

Peak ward_peak(const Projection& projection) {
  Peak peak;
  for (std::size_t i = 0; i < projection.population.size(); ++i) {
    const double total = projection.population[i].sum();
    if (total > peak.population) {
      peak = {projection.dims.base_year + static_cast<int>(i), total};
    }
  }
  return peak;
}

}  // namespace wardsim::engine
