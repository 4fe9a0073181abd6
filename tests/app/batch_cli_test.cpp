// `wardsim batch` from the command line: exit codes, messages, and what is (not) left on disk.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
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

const std::string kTinyServices =
    WARDSIM_SOURCE_DIR "/tests/scenarios/fixtures/tiny/tiny_services.toml";

using Result = test_support::CliResult;
using test_support::wardsim;

class BatchCliTest : public test_support::TempDirTest {
 protected:
  void TearDown() override {
    unsetenv("WARDSIM_BATCH_STOP_AFTER");
    TempDirTest::TearDown();
  }
  std::string sweep(const std::string& body) const {
    const fs::path file = dir_ / "sweep.toml";
    std::ofstream(file) << "[sweep]\nname = \"cli\"\nbase = \"" << kTinyServices << "\"\n" << body;
    return file.string();
  }
  std::string out() const { return (dir_ / "batch.h5").string(); }
};

const std::string kTwoVariants =
    "[[variants]]\nname = \"a\"\n[[variants]]\nname = \"b\"\nset = { \"fertility.tfr\" = 1.3 }\n";

TEST_F(BatchCliTest, RunsASweepIntoOneFile) {
  const Result result = wardsim({"batch", sweep(kTwoVariants), "--out", out(), "--threads", "2"});
  ASSERT_EQ(result.code, kExitOk) << result.err;
  EXPECT_THAT(result.out, HasSubstr("batch 'cli', 2 scenario(s) (variants)"));
  EXPECT_THAT(result.out, HasSubstr("Computed 2, reused 0"));
  EXPECT_THAT(result.err, HasSubstr("2/2 scenarios"));  // the progress line
  EXPECT_EQ(io::list_scenarios(out()), (std::vector<std::string>{"a", "b"}));
  EXPECT_THAT(wardsim({"batch", "--help"}).out, HasSubstr("Usage: wardsim batch SWEEP.toml"));

  // `wardsim info` describes the batch record as well as the scenarios.
  const Result info = wardsim({"info", out()});
  ASSERT_EQ(info.code, kExitOk) << info.err;
  EXPECT_THAT(info.out, HasSubstr("batch (wardsim batch)\n  sweep_name: cli\n"));
  EXPECT_THAT(info.out, HasSubstr("  design: variants\n"));
  EXPECT_THAT(info.out, HasSubstr("computed by 1 process(es) × 2 thread(s)"));
  EXPECT_THAT(info.out, HasSubstr("scenarios: 2 (listed below)"));
  EXPECT_THAT(info.out, HasSubstr("\nscenario a"));
  EXPECT_THAT(info.out, HasSubstr("\nscenario b"));
}

TEST_F(BatchCliTest, BadInputExitsWithThreeAndWritesNothing) {
  const Result typo =
      wardsim({"batch",
               sweep("[[variants]]\nname = \"a\"\n"
                     "set = { \"fertility.tfr\" = 9, \"migration.in_migrnts\" = 5 }\n"),
               "--out", out()});
  EXPECT_EQ(typo.code, kExitInput);
  EXPECT_THAT(typo.err, HasSubstr("2 problems"));
  EXPECT_THAT(typo.err, HasSubstr("key 'fertility.tfr' must be a number between 0.1 and 5"));
  EXPECT_THAT(typo.err, HasSubstr("(did you mean 'migration.in_migrants'?)"));
  EXPECT_FALSE(fs::exists(out()));
  EXPECT_FALSE(fs::exists(out() + ".parts"));

  const Result empty = wardsim({"batch", sweep(""), "--out", out()});
  EXPECT_EQ(empty.code, kExitInput);
  EXPECT_THAT(empty.err, HasSubstr("the sweep has no scenarios"));

  const Result unknown =
      wardsim({"batch", sweep("[gird]\n\"fertility.tfr\" = [1]\n"), "--out", out()});
  EXPECT_EQ(unknown.code, kExitInput);
  EXPECT_THAT(unknown.err, HasSubstr("unknown key 'gird' (did you mean 'grid'?)"));

  EXPECT_EQ(wardsim({"batch"}).code, kExitUsage);
  EXPECT_EQ(wardsim({"batch", (dir_ / "missing.toml").string()}).code, kExitInput);
}

TEST_F(BatchCliTest, AnInterruptedBatchResumes) {
  setenv("WARDSIM_BATCH_STOP_AFTER", "1", 1);
  const Result stopped = wardsim({"batch", sweep(kTwoVariants), "--out", out(), "--threads", "1"});
  ASSERT_EQ(stopped.code, kExitOk) << stopped.err;
  EXPECT_THAT(stopped.out, HasSubstr("Stopped after 1 new scenario(s)"));
  EXPECT_FALSE(fs::exists(out()));
  unsetenv("WARDSIM_BATCH_STOP_AFTER");
  const Result resumed = wardsim({"batch", sweep(kTwoVariants), "--out", out(), "--resume"});
  ASSERT_EQ(resumed.code, kExitOk) << resumed.err;
  EXPECT_THAT(resumed.out, HasSubstr("Computed 1, reused 1"));
  EXPECT_EQ(io::list_scenarios(out()).size(), 2U);
}

}  // namespace
}  // namespace wardsim::app
