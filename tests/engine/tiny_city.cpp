#include "engine/tiny_city.h"

#include <cmath>
#include <string>

namespace wardsim::engine::testing {
namespace {

constexpr int kDistricts = 3;

Dimensions tiny_dims(int steps) {
  Dimensions dims;
  dims.base_year = 2025;
  dims.end_year = 2025 + steps;
  dims.districts = {{"A1", "甲一", "A-one", "甲", "A"},
                    {"A2", "甲二", "A-two", "甲", "A"},
                    {"B1", "乙一", "B-one", "乙", "B"}};
  return dims;
}

// A bell-shaped fertility schedule with its peak at 32 and the given total.
Eigen::Array<double, 1, kAges> fertility_schedule(double tfr) {
  Eigen::Array<double, 1, kAges> f = Eigen::Array<double, 1, kAges>::Zero();
  for (int age = 15; age <= 49; ++age) f(age) = std::exp(-0.5 * std::pow((age - 32) / 5.0, 2));
  return f * (tfr / f.sum());
}

YearRates closed_rates(double death_probability, double tfr) {
  YearRates rates;
  rates.death_probability.setConstant(death_probability);
  rates.fertility.resize(kDistricts, kAges);
  for (int d = 0; d < kDistricts; ++d) rates.fertility.row(d) = fertility_schedule(tfr);
  rates.male_birth_share = 1.05 / 2.05;
  rates.in_migrant_profile.setConstant(1.0 / kCells);
  rates.in_migrant_allocation = Eigen::ArrayXd::Constant(kDistricts, 1.0 / kDistricts);
  rates.mortality_multiplier = Eigen::ArrayXd::Ones(kDistricts);
  rates.out_migration_multiplier = Eigen::ArrayXd::Ones(kDistricts);
  rates.move_multiplier = Eigen::ArrayXd::Ones(kDistricts);
  rates.move_destination = Eigen::MatrixXd::Constant(kDistricts, kDistricts, 0.5);
  rates.move_destination.diagonal().setZero();
  return rates;
}

DistrictCube base_population() {
  DistrictCube population(kDistricts, kCells);
  for (int d = 0; d < kDistricts; ++d) {
    for (int sex = 0; sex < kSexes; ++sex) {
      for (int age = 0; age < kAges; ++age) {
        population(d, cell(sex, age)) = (1000.0 + 100.0 * d + 10.0 * sex) * std::exp(-age / 60.0);
      }
    }
  }
  return population;
}

}  // namespace

ProjectionInputs closed_city(int steps, double death_probability, double tfr) {
  ProjectionInputs inputs;
  inputs.dims = tiny_dims(steps);
  inputs.base_population = base_population();
  inputs.rates.assign(static_cast<std::size_t>(steps), closed_rates(death_probability, tfr));
  return inputs;
}

ProjectionInputs tiny_city(int steps) {
  ProjectionInputs inputs = closed_city(steps, 0.0, 1.2);
  for (int step = 0; step < steps; ++step) {
    YearRates& rates = inputs.rates[static_cast<std::size_t>(step)];
    for (int sex = 0; sex < kSexes; ++sex) {
      for (int age = 0; age < kAges; ++age) {
        rates.death_probability(sex, age) =
            std::min(1.0, 0.0005 * std::exp(0.09 * age) + 0.001 * sex);
        rates.out_migration_probability(sex, age) =
            0.02 + 0.05 * std::exp(-std::pow((age - 30) / 8.0, 2));
        rates.move_probability(sex, age) = 0.01 + 0.04 * std::exp(-std::pow((age - 28) / 10.0, 2));
        rates.in_migrant_profile(sex, age) = std::exp(-std::pow((age - 24) / 7.0, 2)) + 0.01;
      }
    }
    rates.in_migrant_profile /= rates.in_migrant_profile.sum();
    rates.in_migrants = 300.0 + 10.0 * step;
    rates.in_migrant_allocation << 0.5, 0.3, 0.2;
    rates.mortality_multiplier << 1.0, 0.9, 1.1;
    rates.out_migration_multiplier << 1.2, 1.0, 0.8;
    rates.move_multiplier << 1.0, 1.5, 0.5;
    rates.fertility.row(1) *= 1.1;
    rates.move_destination << 0.0, 0.7, 0.3,  //
        0.6, 0.0, 0.4,                        //
        0.2, 0.8, 0.0;
  }
  return inputs;
}

ProjectionInputs wide_city(int districts, int steps) {
  const ProjectionInputs tiny = tiny_city(steps);
  ProjectionInputs inputs = tiny;
  inputs.dims.districts.clear();
  for (int d = 0; d < districts; ++d) {
    const std::string code = "W" + std::to_string(d);
    inputs.dims.districts.push_back({code, code, code, "W", "W"});
  }
  inputs.base_population.resize(districts, kCells);
  for (int d = 0; d < districts; ++d) {
    inputs.base_population.row(d) = tiny.base_population.row(d % kDistricts) * (1.0 + 0.1 * d);
  }
  for (YearRates& rates : inputs.rates) {
    const Eigen::Array<double, Eigen::Dynamic, kAges, Eigen::RowMajor> fertility = rates.fertility;
    rates.fertility.resize(districts, kAges);
    rates.in_migrant_allocation.resize(districts);
    rates.mortality_multiplier.resize(districts);
    rates.out_migration_multiplier.resize(districts);
    rates.move_multiplier.resize(districts);
    rates.move_destination.resize(districts, districts);
    for (int d = 0; d < districts; ++d) {
      rates.fertility.row(d) = fertility.row(d % kDistricts) * (0.9 + 0.02 * d);
      rates.in_migrant_allocation(d) = 1.0 + d;
      rates.mortality_multiplier(d) = 0.8 + 0.05 * d;
      rates.out_migration_multiplier(d) = 1.3 - 0.05 * d;
      rates.move_multiplier(d) = 0.5 + 0.1 * d;
      for (int j = 0; j < districts; ++j) {
        rates.move_destination(d, j) = d == j ? 0.0 : 1.0 + ((d * 7 + j * 3) % 5);
      }
      rates.move_destination.row(d) /= rates.move_destination.row(d).sum();
    }
    rates.in_migrant_allocation /= rates.in_migrant_allocation.sum();
  }
  return inputs;
}

}  // namespace wardsim::engine::testing
