#include "wardsim/engine/agent/agent_model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "engine/agent_fixture.h"
#include "wardsim/engine/agent/synthesis.h"
#include "wardsim/engine/cohort_kernel.h"
#include "wardsim/error.h"

namespace wardsim::engine::agent {
namespace {

using testing::household_parameters;
using testing::small_city;

std::size_t at(int year, int district, int c, int districts) {
  return (static_cast<std::size_t>(year) * static_cast<std::size_t>(districts) +
          static_cast<std::size_t>(district)) *
             kCells +
         static_cast<std::size_t>(c);
}

// P(t+1) = P(t) aged one year + births − deaths − out + in − moves out + moves in, in whole
// persons, in every cell of every year of a replicate; and moves sum to zero over the ward.
TEST(AgentModel, AccountingIdentityHoldsExactlyInEveryCell) {
  const ProjectionInputs inputs = small_city(8);
  const AgentModel model(inputs, household_parameters());
  ReplicateTrajectory r;
  model.run(7, 3, r);
  const int D = r.districts;
  long long moved = 0;
  for (int step = 0; step < r.steps(); ++step) {
    for (int d = 0; d < D; ++d) {
      for (int sex = 0; sex < kSexes; ++sex) {
        for (int age = 0; age < kAges; ++age) {
          const int c = cell(sex, age);
          long long before = 0;
          if (age == 0) {
            before = r.births[(static_cast<std::size_t>(step) * static_cast<std::size_t>(D) +
                               static_cast<std::size_t>(d)) *
                                  kSexes +
                              static_cast<std::size_t>(sex)];
          }
          if (age >= 1) before = r.population[at(step, d, cell(sex, age - 1), D)];
          if (age == kOpenAge) before += r.population[at(step, d, cell(sex, kOpenAge), D)];
          const std::size_t f = at(step, d, c, D);
          const long long expected = before - r.deaths[f] - r.out_migration[f] + r.in_migration[f] -
                                     r.moves_out[f] + r.moves_in[f];
          ASSERT_EQ(r.population[at(step + 1, d, c, D)], expected)
              << "step " << step << " district " << d << " sex " << sex << " cohort " << age;
          moved += r.moves_in[f];
        }
      }
    }
    for (int c = 0; c < kCells; ++c) {
      long long net = 0;
      for (int d = 0; d < D; ++d)
        net += r.moves_in[at(step, d, c, D)] - r.moves_out[at(step, d, c, D)];
      ASSERT_EQ(net, 0) << "step " << step << " cell " << c;
    }
  }
  EXPECT_GT(moved, 50);  // the fixture does move people
}

// Every person in exactly one household, no empty household, sizes as recorded, ids unique, on
// every 1 January of a run.
TEST(AgentModel, HouseholdsStayConsistentEveryYear) {
  const ProjectionInputs inputs = small_city(8);
  const AgentModel model(inputs, household_parameters());
  ReplicateTrajectory r;
  int checked = 0;
  model.run(11, 0, r, nullptr, [&](int year, const std::vector<DistrictState>& states) {
    std::vector<std::uint32_t> ids;
    for (std::size_t d = 0; d < states.size(); ++d) {
      const DistrictAgents& a = states[d].agents;
      std::vector<int> members(a.households(), 0);
      for (std::size_t i = 0; i < a.persons(); ++i) {
        ASSERT_LT(a.household[i], a.households()) << "year " << year << " district " << d;
        ASSERT_LE(a.age[i], kOpenAge);
        ++members[a.household[i]];
        ids.push_back(a.id[i]);
      }
      for (std::size_t h = 0; h < a.households(); ++h) {
        ASSERT_GT(members[h], 0) << "empty household, year " << year << " district " << d;
        ASSERT_EQ(members[h], a.household_size[h]) << "year " << year << " district " << d;
      }
    }
    std::sort(ids.begin(), ids.end());
    ASSERT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end())
        << "duplicate id, year " << year;
    ASSERT_NE(ids.back(), kNoId) << "a person without an id, year " << year;
    ++checked;
  });
  EXPECT_EQ(checked, inputs.dims.years());
}

// Without migration, a baby's household right after the births event holds a woman of the
// previous generation of childbearing age: the mother (she cannot have left in between).
TEST(AgentModel, NewbornsJoinTheirMothersHousehold) {
  ProjectionInputs inputs = small_city(1, 0.05);
  for (YearRates& rates : inputs.rates) {
    rates.out_migration_probability.setZero();
    rates.move_probability.setZero();
    rates.in_migrants = 0.0;
  }
  const AgentParameters parameters = household_parameters();
  const RandomStreams streams(5, 0);
  const YearTables tables = make_year_tables(inputs.rates[0], inputs.dims.district_count());
  const YearContext year{&streams, 0, &tables, &parameters};
  const IntegerCube counts = integerise(inputs.base_population);
  DistrictState state;
  state.outbox.resize(3);
  synthesise_district(state.agents, counts.data(), parameters, streams, 0, 0);
  DistrictSnapshot snapshot;
  settle_households(state, snapshot);
  DistrictFlowCounts flows;
  depart(state, 0, year, 3000.0, 1000.0, flows);  // three times the usual fertility: many babies
  const DistrictAgents& a = state.agents;
  int babies = 0;
  for (std::size_t i = 0; i < a.persons(); ++i) {
    if (a.age[i] != kBornThisYear) continue;
    ++babies;
    bool mother_present = false;
    for (std::size_t j = 0; j < a.persons(); ++j) {
      mother_present |= a.household[j] == a.household[i] && Traits::sex(a.traits[j]) == kFemale &&
                        a.age[j] >= 10 && a.age[j] <= 55 &&
                        Traits::generation(a.traits[j]) + 1 == Traits::generation(a.traits[i]);
    }
    ASSERT_TRUE(mother_present) << "baby " << i << " has no mother in household " << a.household[i];
  }
  EXPECT_GT(babies, 20);
  EXPECT_EQ(babies + flows.deaths[cell(kMale, 0)] + flows.deaths[cell(kFemale, 0)],
            flows.births[0] + flows.births[1]);
}

TEST(AgentModel, ReplicateDependsOnlyOnSeedAndReplicateNumber) {
  const ProjectionInputs inputs = small_city(5);
  const AgentModel model(inputs, household_parameters());
  ReplicateTrajectory a, b, c, other_seed;
  model.run(99, 4, a);
  model.run(99, 4, b);
  model.run(99, 5, c);
  model.run(100, 4, other_seed);
  EXPECT_EQ(a.population, b.population);
  EXPECT_EQ(a.indicators, b.indicators);
  EXPECT_NE(a.population, c.population);
  EXPECT_NE(a.population, other_seed.population);
}

TEST(AgentModel, BadParametersAreReportedTogether) {
  const ProjectionInputs inputs = small_city(2);
  AgentParameters parameters = household_parameters();
  parameters.household_type_shares[0] = 0.6;  // sums to 1.15
  parameters.leaving_home_rate = 1.5;
  try {
    const AgentModel model(inputs, parameters);
    FAIL() << "expected an InputError";
  } catch (const InputError& error) {
    ASSERT_EQ(error.problems().size(), 2U);
    EXPECT_EQ(error.problems()[0],
              "agent parameters: household type shares must sum to 1, found 1.150000");
    EXPECT_EQ(error.problems()[1],
              "agent parameters: leaving_home_rate must be between 0 and 1, found 1.500000");
  }
}

}  // namespace
}  // namespace wardsim::engine::agent
