#include "naive_agent_core.h"

#include <algorithm>
#include <map>
#include <random>

namespace wardsim::benchmarks {

using engine::kAges;
using engine::kFemale;

std::vector<NaivePerson> to_naive(const std::vector<engine::agent::DistrictState>& states) {
  std::vector<NaivePerson> persons;
  int household_base = 0;
  for (std::size_t d = 0; d < states.size(); ++d) {
    const auto& a = states[d].agents;
    for (std::size_t i = 0; i < a.persons(); ++i) {
      persons.push_back({a.id[i], static_cast<int>(d), engine::agent::Traits::sex(a.traits[i]),
                         a.age[i], household_base + static_cast<int>(a.household[i]),
                         engine::agent::Traits::generation(a.traits[i]),
                         engine::agent::Traits::partnered(a.traits[i]), true});
    }
    household_base += static_cast<int>(a.households());
  }
  return persons;
}

NaiveCoreCounts naive_core_year(std::vector<NaivePerson>& persons, const engine::YearRates& rates,
                                const std::vector<double>& expected_births,
                                const std::vector<double>& women_weight, double leaving_home_rate,
                                std::uint64_t seed) {
  std::mt19937_64 random(seed);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  NaiveCoreCounts counts;
  const auto cohort = [](int age) { return std::min(age + 1, kAges - 1); };
  const auto death_probability = [&](const NaivePerson& p, int c) {
    return std::min(1.0,
                    rates.death_probability(p.sex, c) * rates.mortality_multiplier(p.district));
  };
  std::map<int, std::pair<int, int>> generations;  // household → lowest, highest generation
  for (const auto& p : persons) {
    auto [it, inserted] = generations.try_emplace(p.household, p.generation, p.generation);
    it->second.first = std::min(it->second.first, p.generation);
    it->second.second = std::max(it->second.second, p.generation);
  }
  std::vector<NaivePerson> newborns;
  int next_household = static_cast<int>(generations.size()) + 1000000;
  for (auto& p : persons) {
    const int c = cohort(p.age);
    const double q = death_probability(p, c);
    if (std::bernoulli_distribution(q)(random)) {
      p.present = false;
      ++counts.deaths;
      continue;
    }
    if (p.sex == kFemale) {
      const double next = p.age + 1 < kAges ? rates.fertility(p.district, p.age + 1) : 0.0;
      const double weight = 0.5 * (rates.fertility(p.district, p.age) + next) *
                            rates.fertility_multiplier *
                            (p.partnered ? 1.0 : engine::agent::kUnpartneredRelativeFertility);
      const auto d = static_cast<std::size_t>(p.district);
      const double scale = women_weight[d] > 0.0 ? expected_births[d] / women_weight[d] : 0.0;
      if (q < 1.0 &&
          std::bernoulli_distribution(std::min(1.0, scale * weight / (1.0 - q)))(random)) {
        ++counts.births;
        const int sex = std::bernoulli_distribution(rates.male_birth_share)(random) ? 0 : 1;
        const double q0 =
            std::min(1.0, rates.death_probability(sex, 0) * rates.mortality_multiplier(p.district));
        if (std::bernoulli_distribution(q0)(random)) {
          ++counts.deaths;
        } else {
          newborns.push_back({0, p.district, sex, -1, p.household, p.generation + 1, false, true});
        }
        continue;
      }
    }
    if (p.age >= 18 && p.age <= 34 && !p.partnered &&
        std::bernoulli_distribution(leaving_home_rate)(random)) {
      const auto [lowest, highest] = generations[p.household];
      if (p.generation > lowest && p.generation == highest) {
        p.household = next_household++;
        p.generation = 0;
      }
    }
  }
  persons.insert(persons.end(), newborns.begin(), newborns.end());

  std::map<int, std::pair<double, double>> household_draws;
  for (auto& p : persons) {
    if (!p.present) continue;
    auto [it, inserted] = household_draws.try_emplace(p.household, 0.0, 0.0);
    if (inserted) it->second = {uniform(random), uniform(random)};
    const int c = cohort(p.age);
    const double o = std::min(1.0, rates.out_migration_probability(p.sex, c) *
                                       rates.out_migration_multiplier(p.district));
    const double m =
        std::min(1.0, rates.move_probability(p.sex, c) * rates.move_multiplier(p.district));
    if (it->second.first < o) {
      p.present = false;
      ++counts.out_migrants;
    } else if (it->second.second < m) {
      double u = uniform(random);
      int destination = 0;
      while (destination + 1 < rates.move_destination.cols() &&
             u >= rates.move_destination(p.district, destination)) {
        u -= rates.move_destination(p.district, destination++);
      }
      p.district = destination;
      ++counts.movers;
    }
  }
  std::erase_if(persons, [](const NaivePerson& p) { return !p.present; });
  return counts;
}

}  // namespace wardsim::benchmarks
