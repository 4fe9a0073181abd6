// `wardsim run --mode agent` end to end on the tiny fixture city (7,070 persons).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/cli_runner.h"
#include "support/temp_dir_test.h"
#include "wardsim/app/cli.h"
#include "wardsim/app/exit_codes.h"
#include "wardsim/io/results_reader.h"

namespace wardsim::app {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const fs::path kTiny = fs::path(WARDSIM_SOURCE_DIR) / "tests/scenarios/fixtures/tiny";

using Result = test_support::CliResult;
using test_support::wardsim;

class AgentRun : public test_support::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    fs::copy(kTiny, dir_, fs::copy_options::recursive);
  }
  std::string scenario() const { return (dir_ / "tiny_agent.toml").string(); }
  std::string out() const { return (dir_ / "out" / "agent.h5").string(); }
};

TEST_F(AgentRun, WritesTheEnsembleWithAgentProvenance) {
  const Result r = wardsim({"run", "--scenario", scenario(), "--out", out(), "--replicates", "3",
                            "--seed", "99", "--threads", "2"});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_THAT(r.out, HasSubstr("agent kernel, 3 replicate(s), seed 99, 2 thread(s)"));
  EXPECT_THAT(r.out, HasSubstr("75+ alone"));
  const io::Provenance provenance = io::read_provenance(out(), "tiny");
  EXPECT_EQ(provenance.mode, "agent");
  EXPECT_EQ(provenance.seed, 99U);
  EXPECT_THAT(provenance.estimates,
              ::testing::Contains(HasSubstr("an unpartnered woman's fertility is 0.05 of")));
  // The mean population is the scenario's population: a whole number times 1/3 in every cell.
  const engine::Projection mean = io::read_projection(out(), "tiny");
  const double base_total = mean.population.front().sum();
  EXPECT_DOUBLE_EQ(base_total, 7070.0);  // the synthesis takes the table exactly
  std::ostringstream description;
  io::describe_results(out(), description);
  EXPECT_THAT(description.str(), HasSubstr("ensemble"));
}

TEST_F(AgentRun, TheScenarioKeyChoosesTheKernelAndTheCommandLineOverridesIt) {
  const Result cohort =
      wardsim({"run", "--scenario", scenario(), "--out", out(), "--mode", "cohort"});
  ASSERT_EQ(cohort.code, kExitOk) << cohort.err;
  EXPECT_THAT(cohort.out, HasSubstr("cohort-component kernel"));
  const Result agent =
      wardsim({"run", "--scenario", scenario(), "--out", out(), "--replicates", "2"});
  ASSERT_EQ(agent.code, kExitOk) << agent.err;
  EXPECT_THAT(agent.out, HasSubstr("agent kernel, 2 replicate(s), seed 7"));  // agent.seed = 7
}

TEST_F(AgentRun, ZeroReplicatesIsInvalidInputAndWritesNothing) {
  const Result r = wardsim({"run", "--scenario", scenario(), "--out", out(), "--replicates", "0"});
  EXPECT_EQ(r.code, kExitInput);
  EXPECT_THAT(r.err, HasSubstr("the number of replicates must be at least 1, found 0"));
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}

TEST_F(AgentRun, AHouseholdTableNotSummingToOneIsInvalidInput) {
  const fs::path table = dir_ / "tables/households/household_types.csv";
  std::ofstream(table) << "household_type,share\nsingle,0.5\ncouple,0.2\ncouple_with_children,"
                          "0.25\nsingle_parent,0.08\nthree_generations,0.02\nother,0.05\n";
  const Result r = wardsim({"run", "--scenario", scenario(), "--out", out()});
  EXPECT_EQ(r.code, kExitInput);
  EXPECT_THAT(r.err, HasSubstr("household_types.csv: column 'share': the shares must sum to 1 "
                               "(± 1e-6), found 1.1"));
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}

TEST_F(AgentRun, AgentModeNeedsAnAgentSection) {
  const Result r = wardsim(
      {"run", "--scenario", (dir_ / "tiny.toml").string(), "--out", out(), "--mode", "agent"});
  EXPECT_EQ(r.code, kExitInput);
  EXPECT_THAT(r.err, HasSubstr("agent mode needs an [agent] section"));
}

}  // namespace
}  // namespace wardsim::app
