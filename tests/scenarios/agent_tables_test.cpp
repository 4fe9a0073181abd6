#include "wardsim/scenarios/agent_tables.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "scenarios/scenario_test_support.h"
#include "wardsim/scenarios/scenario.h"

namespace wardsim::scenarios {
namespace {

using ::testing::ElementsAre;
using testing::problems_thrown;
using testing::TinyCopy;

TEST(AgentSection, TheTinyAgentScenarioLoadsItsHouseholdModel) {
  const Scenario scenario = load_scenario(testing::tiny_fixture_dir() / "tiny_agent.toml");
  ASSERT_TRUE(scenario.agent.has_value());
  EXPECT_THAT(scenario.agent->parameters.household_type_shares,
              ElementsAre(0.4, 0.2, 0.25, 0.08, 0.02, 0.05));
  EXPECT_EQ(scenario.agent->replicates, 12);
  EXPECT_EQ(scenario.agent->seed, 7U);
  EXPECT_EQ(scenario.agent->mode, "agent");
  EXPECT_DOUBLE_EQ(scenario.agent->parameters.leaving_home_rate, 0.1);
  EXPECT_DOUBLE_EQ(scenario.agent->parameters.union_rate, 0.15);
  EXPECT_DOUBLE_EQ(scenario.agent->parameters.in_migrant_couple_share, 0.3);
  bool recorded = false;
  for (const auto& input : scenario.input_files) {
    recorded |= input.path == "tables/households/household_types.csv";
  }
  EXPECT_TRUE(recorded) << "the household table's digest is in the provenance";
}

TEST(AgentSection, AScenarioWithoutItHasNoAgentModel) {
  const Scenario scenario = load_scenario(testing::tiny_fixture_dir() / "tiny.toml");
  EXPECT_FALSE(scenario.agent.has_value());
}

TEST(AgentSection, SharesNotSummingToOneAreReported) {
  const TinyCopy copy;
  copy.replace("tables/households/household_types.csv", "single,0.4", "single,0.5");
  const auto problems = problems_thrown([&] { load_scenario(copy.path("tiny_agent.toml")); });
  EXPECT_THAT(problems,
              ElementsAre(copy.shown("tables/households/household_types.csv") +
                          ": column 'share': the shares must sum to 1 (± 1e-6), found 1.1"));
}

TEST(AgentSection, EveryProblemOfTheTableAndKeysIsReportedAtOnce) {
  const TinyCopy copy;
  copy.replace("tables/households/household_types.csv", "other,0.05", "others,0.05");
  copy.replace("tables/households/household_types.csv", "couple,0.2", "couple,1.2");
  copy.replace("tiny_agent.toml", "replicates = 12", "replicates = 0");
  copy.replace("tiny_agent.toml", "mode = \"agent\"", "mode = \"agents\"");
  const auto problems = problems_thrown([&] { load_scenario(copy.path("tiny_agent.toml")); });
  const std::string table = copy.shown("tables/households/household_types.csv");
  const std::string toml = copy.shown("tiny_agent.toml");
  EXPECT_THAT(
      problems,
      ::testing::UnorderedElementsAre(
          toml + ": key 'agent.replicates' must be an integer between 1 and 1000000, found 0",
          toml + ": key 'agent.mode' must be \"cohort\" or \"agent\", found \"agents\"",
          table + ":3: column 'share': expected a share between 0 and 1, found '1.2'",
          ::testing::StartsWith(table + ":7: column 'household_type': expected"),
          table + ": missing row for household type 'other'"));
}

TEST(AgentSection, MissingKeysOfThePresentSectionAreReported) {
  const TinyCopy copy;
  copy.replace("tiny_agent.toml", "seed = 7\n", "");
  const auto problems = problems_thrown([&] { load_scenario(copy.path("tiny_agent.toml")); });
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_THAT(problems[0], ::testing::HasSubstr("missing required key 'agent.seed'"));
}

}  // namespace
}  // namespace wardsim::scenarios
