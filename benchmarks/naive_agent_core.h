#pragma once
// A straightforward reference of the agent kernel's demographic core (deaths, births, leaving home,
// out-migration, moves): an array of person structs, std::mt19937_64 and one Bernoulli draw per
// person and event, probabilities recomputed from the rates for every person. Same events and
// probabilities as engine::agent::depart; kept here only to measure what the engine's layout and
// counter-based thresholds buy.

#include <cstdint>
#include <vector>

#include "wardsim/engine/agent/agent_year.h"
#include "wardsim/engine/year_rates.h"

namespace wardsim::benchmarks {

struct NaivePerson {
  std::uint32_t id;
  int district;
  int sex;
  int age;
  int household;  // unique over the ward
  int generation;
  bool partnered;
  bool present;
};

struct NaiveCoreCounts {
  long long deaths = 0;
  long long births = 0;
  long long out_migrants = 0;
  long long movers = 0;
};

std::vector<NaivePerson> to_naive(const std::vector<engine::agent::DistrictState>& states);

// One year's core events for the whole ward. `expected_births` and `women_weight` by district as
// for engine::agent::depart.
NaiveCoreCounts naive_core_year(std::vector<NaivePerson>& persons, const engine::YearRates& rates,
                                const std::vector<double>& expected_births,
                                const std::vector<double>& women_weight, double leaving_home_rate,
                                std::uint64_t seed);

}  // namespace wardsim::benchmarks
