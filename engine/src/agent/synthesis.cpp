#include "wardsim/engine/agent/synthesis.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace wardsim::engine::agent {
namespace {

// Typical household sizes used only to turn the type shares into a number of households to build
// (an assumption; single-person households absorb the difference).
constexpr std::array<double, kHouseholdTypes> kNominalSize = {1.0, 2.0, 3.6, 2.5, 5.0, 2.0};

// What is left of one district's table, by sex and age.
class AgePool {
 public:
  explicit AgePool(const std::int32_t* counts) {
    std::copy(counts, counts + kCells, left_.begin());
  }

  // Takes a person of `sex` aged in [lo, hi], as close to `target` as the table allows; -1 if none.
  int take(int sex, int target, int lo, int hi) {
    lo = std::max(lo, 0);
    hi = std::min(hi, kOpenAge);
    if (lo > hi) return -1;
    target = std::clamp(target, lo, hi);
    for (int r = 0; target - r >= lo || target + r <= hi; ++r) {
      for (const int age : {target - r, target + r}) {
        if (age >= lo && age <= hi && left(sex, age) > 0) {
          remove(sex, age);
          return age;
        }
      }
    }
    return -1;
  }

  std::int32_t left(int sex, int age) const {
    return left_[static_cast<std::size_t>(cell(sex, age))];
  }
  void remove(int sex, int age) { --left_[static_cast<std::size_t>(cell(sex, age))]; }

 private:
  std::array<std::int32_t, kCells> left_{};
};

class Builder {
 public:
  Builder(DistrictAgents& agents, AgePool& pool, DrawSequence& draws, std::uint32_t first_id)
      : agents_(agents), pool_(pool), draws_(draws), next_id_(first_id) {}

  int between(int lo, int hi) {
    return lo + static_cast<int>(draws_.below(static_cast<std::uint32_t>(hi - lo + 1)));
  }
  bool chance(double p) { return draws_.uniform() < p; }

  void add(std::uint32_t slot, int sex, int age, bool partnered, int generation) {
    agents_.add_person(next_id_++, slot, static_cast<std::uint8_t>(age),
                       Traits::make(sex, partnered, generation));
  }

  // A partner of the opposite sex about `gap` years younger (women) or older (men).
  int partner_for(int sex, int age) {
    const int target = sex == kMale ? age - 2 : age + 2;
    return pool_.take(1 - sex, target, target - 8, target + 8);
  }

  // A family household built with a parent of this age: where leftover children go first.
  struct Family {
    std::uint32_t slot;
    int parent_age;
    int child_generation;
  };
  const std::vector<Family>& families() const { return families_; }

  // Children of a mother (or father) aged `parent`: ages drawn parent − 20..parent − 40.
  void children(std::uint32_t slot, int parent, int count, int generation) {
    families_.push_back({slot, parent, generation});
    for (int k = 0; k < count; ++k) {
      const int sex = between(0, 1);
      const int age = pool_.take(sex, parent - between(20, 40), 0, parent - 16);
      if (age >= 0) add(slot, sex, age, false, generation);
    }
  }

  void build(HouseholdType type) {
    switch (type) {
      case HouseholdType::kCouple: {
        const int man = pool_.take(kMale, between(30, 90), 20, kOpenAge);
        if (man < 0) return;
        const std::uint32_t slot = agents_.add_household();
        const int woman = partner_for(kMale, man);
        add(slot, kMale, man, woman >= 0, 0);
        if (woman >= 0) add(slot, kFemale, woman, true, 0);
        return;
      }
      case HouseholdType::kCoupleWithChildren: {
        const int mother = pool_.take(kFemale, between(28, 55), 20, 70);
        if (mother < 0) return;
        const std::uint32_t slot = agents_.add_household();
        const int father = partner_for(kFemale, mother);
        add(slot, kFemale, mother, father >= 0, 0);
        if (father >= 0) add(slot, kMale, father, true, 0);
        children(slot, mother, 1 + chance(0.55) + chance(0.15), 1);
        return;
      }
      case HouseholdType::kSingleParent: {
        const int sex = chance(0.8) ? kFemale : kMale;
        const int parent = pool_.take(sex, between(35, 85), 25, kOpenAge);
        if (parent < 0) return;
        const std::uint32_t slot = agents_.add_household();
        add(slot, sex, parent, false, 0);
        children(slot, parent, 1 + chance(0.3), 1);
        return;
      }
      case HouseholdType::kThreeGenerations: {
        const int grandmother = pool_.take(kFemale, between(65, 85), 55, kOpenAge);
        if (grandmother < 0) return;
        const std::uint32_t slot = agents_.add_household();
        const int grandfather = chance(0.5) ? partner_for(kFemale, grandmother) : -1;
        add(slot, kFemale, grandmother, grandfather >= 0, 0);
        if (grandfather >= 0) add(slot, kMale, grandfather, true, 0);
        const int sex = between(0, 1);
        const int middle = pool_.take(sex, grandmother - between(24, 36), 18, grandmother - 16);
        if (middle < 0) return;
        const int partner = chance(0.6) ? partner_for(sex, middle) : -1;
        add(slot, sex, middle, partner >= 0, 1);
        if (partner >= 0) add(slot, 1 - sex, partner, true, 1);
        const int mother = sex == kFemale || partner < 0 ? middle : partner;
        children(slot, mother, 1 + chance(0.5), 2);
        return;
      }
      case HouseholdType::kOther: {  // two adults of one generation who are not partners
        const int sex = between(0, 1);
        const int first = pool_.take(sex, between(20, 90), 18, kOpenAge);
        if (first < 0) return;
        const std::uint32_t slot = agents_.add_household();
        add(slot, sex, first, false, 0);
        const int other_sex = between(0, 1);
        const int second = pool_.take(other_sex, first + between(-5, 5), first - 10, first + 10);
        if (second >= 0) add(slot, other_sex, second, false, 0);
        return;
      }
      case HouseholdType::kSingle:
        return;
    }
  }

 private:
  DistrictAgents& agents_;
  AgePool& pool_;
  DrawSequence& draws_;
  std::uint32_t next_id_;
  std::vector<Family> families_;
};

}  // namespace

IntegerCube integerise(const DistrictCube& population) {
  IntegerCube out(static_cast<std::size_t>(population.size()));
  std::vector<int> order(kCells);
  for (Eigen::Index d = 0; d < population.rows(); ++d) {
    std::int32_t* row = out.data() + d * kCells;
    double floor_sum = 0.0;
    std::array<double, kCells> fraction{};
    for (int c = 0; c < kCells; ++c) {
      const double value = std::max(0.0, population(d, c));
      const double whole = std::floor(value);
      row[c] = static_cast<std::int32_t>(whole);
      fraction[static_cast<std::size_t>(c)] = value - whole;
      floor_sum += whole;
    }
    const auto missing = static_cast<int>(std::llround(std::max(0.0, population.row(d).sum())) -
                                          static_cast<long long>(floor_sum));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
      return fraction[static_cast<std::size_t>(x)] > fraction[static_cast<std::size_t>(y)];
    });
    for (int k = 0; k < missing && k < kCells; ++k) ++row[order[static_cast<std::size_t>(k)]];
  }
  return out;
}

namespace {

// Builds the district's households with `households` households in all planned (single-person
// households are what is left over) and returns the number of persons left to live alone.
std::size_t build_households(DistrictAgents& agents, const std::int32_t* counts,
                             const AgentParameters& parameters, DrawSequence& draws,
                             std::uint32_t first_id, double households) {
  AgePool pool(counts);
  // The types are built in a shuffled order so that none gets first pick of the ages.
  std::vector<HouseholdType> plan;
  for (int t = 1; t < kHouseholdTypes; ++t) {
    const auto count =
        std::llround(households * parameters.household_type_shares[static_cast<std::size_t>(t)]);
    plan.insert(plan.end(), static_cast<std::size_t>(count), static_cast<HouseholdType>(t));
  }
  for (std::size_t k = plan.size(); k > 1; --k) {
    std::swap(plan[k - 1], plan[draws.below(static_cast<std::uint32_t>(k))]);
  }
  Builder builder(agents, pool, draws, first_id);
  for (const HouseholdType type : plan) builder.build(type);

  // Leftover children join a family household whose parent is 18-45 years older (searched from a
  // random start), else any household with someone that much older; leftover adults live alone.
  const auto& families = builder.families();
  std::size_t alone = 0;
  const std::size_t built = agents.persons();
  for (int sex = 0; sex < kSexes; ++sex) {
    for (int age = 0; age < kAges; ++age) {
      while (pool.left(sex, age) > 0) {
        pool.remove(sex, age);
        std::uint32_t slot = kGone;
        int generation = 0;
        const auto fits = [&](int parent_age) {
          return parent_age >= age + 18 && parent_age <= age + 45;
        };
        if (age < 18 && !families.empty()) {
          const std::size_t start = draws.below(static_cast<std::uint32_t>(families.size()));
          for (std::size_t k = 0; k < families.size() && slot == kGone; ++k) {
            const auto& family = families[(start + k) % families.size()];
            if (fits(family.parent_age)) {
              slot = family.slot;
              generation = family.child_generation;
            }
          }
        }
        if (age < 18 && slot == kGone && built > 0) {
          const std::size_t start = draws.below(static_cast<std::uint32_t>(built));
          for (std::size_t k = 0; k < built && slot == kGone; ++k) {
            const std::size_t i = (start + k) % built;
            if (fits(agents.age[i])) {
              slot = agents.household[i];
              generation =
                  std::min(Traits::generation(agents.traits[i]) + 1, Traits::kMaxGeneration);
            }
          }
        }
        if (slot == kGone) {
          slot = agents.add_household();
          generation = 0;
          ++alone;
        }
        builder.add(slot, sex, age, false, generation);
      }
    }
  }
  return alone;
}

}  // namespace

void synthesise_district(DistrictAgents& agents, const std::int32_t* counts,
                         const AgentParameters& parameters, const RandomStreams& streams,
                         int district, std::uint32_t first_id) {
  const auto persons = static_cast<double>(std::accumulate(counts, counts + kCells, 0LL));
  agents.reserve(static_cast<std::size_t>(persons), static_cast<std::size_t>(persons));
  const auto& shares = parameters.household_type_shares;
  const double single = shares[static_cast<std::size_t>(HouseholdType::kSingle)];

  // First pass: the number of households the nominal sizes imply. The family households take more
  // or fewer persons than nominal (adult children at home, children left over), so the second pass
  // rescales the planned households with the persons per family household the first pass found,
  // aiming at `single` for the share of one-person households.
  double mean_size = 0.0;
  for (int t = 0; t < kHouseholdTypes; ++t) {
    mean_size += shares[static_cast<std::size_t>(t)] * kNominalSize[static_cast<std::size_t>(t)];
  }
  double households = mean_size > 0.0 ? persons / mean_size : 0.0;
  DrawSequence first_draws(streams, 0, Event::kSynthesis, static_cast<std::uint32_t>(district));
  const auto alone = static_cast<double>(
      build_households(agents, counts, parameters, first_draws, first_id, households));
  const double families = static_cast<double>(agents.households()) - alone;
  if (families > 0.0 && single < 1.0) {
    const double per_family = (persons - alone) / families;
    const double planned_families = persons / (per_family + single / (1.0 - single));
    households = planned_families / (1.0 - single);
    agents = DistrictAgents{};
    agents.reserve(static_cast<std::size_t>(persons), static_cast<std::size_t>(persons));
    DrawSequence draws(streams, 1, Event::kSynthesis, static_cast<std::uint32_t>(district));
    build_households(agents, counts, parameters, draws, first_id, households);
  }
}

}  // namespace wardsim::engine::agent
