#include "wardsim/engine/population_queries.h"

#include <cstring>

namespace wardsim::engine {
namespace {

constexpr Eigen::Index kLanes = 8;  // doubles in one AVX-512 register (two AVX, four SSE2)
using Lanes = double __attribute__((vector_size(kLanes * sizeof(double))));

// `Vectors` registers of districts (starting at `first`, columns `stride` apart) summed over
// `ages` columns in age order, in registers, into `out`.
template <std::size_t Vectors>
void sum_over_ages(const double* first, Eigen::Index stride, int ages, double* out) {
  Lanes sum[Vectors];
  std::memcpy(&sum, first, sizeof sum);
  for (int age = 1; age < ages; ++age) {
    const double* column = first + Eigen::Index{age} * stride;
    for (std::size_t v = 0; v < Vectors; ++v) {
      Lanes x;
      std::memcpy(&x, column + v * kLanes, sizeof x);
      sum[v] += x;
    }
  }
  std::memcpy(out, &sum, sizeof sum);
}

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
  const Eigen::Index rows = (districts + kLanes - 1) / kLanes * kLanes;
  if (out.rows() != rows) out.resize(rows, kCells);
  out.topRows(districts) = population;
  out.bottomRows(rows - districts).setZero();
}

void count_sex_ages(const CellMajorCube& population, int sex, int from, int to,
                    Eigen::ArrayXd& out) {
  const Eigen::Index districts = population.rows();
  out.resize(districts);
  // Column c (one value per district) starts at data + c × districts.
  const double* first = population.data() + Eigen::Index{cell(sex, from)} * districts;
  const int ages = to - from + 1;
  Eigen::Index d = 0;
  for (; d + 4 * kLanes <= districts; d += 4 * kLanes) {
    sum_over_ages<4>(first + d, districts, ages, out.data() + d);
  }
  for (; d + kLanes <= districts; d += kLanes) {
    sum_over_ages<1>(first + d, districts, ages, out.data() + d);
  }
  for (; d < districts; ++d) {  // fewer than a register of districts left: one at a time
    double sum = first[d];
    for (int age = 1; age < ages; ++age) sum += first[Eigen::Index{age} * districts + d];
    out(d) = sum;
  }
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
