#include "wardsim/app/cli.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "wardsim/app/exit_codes.h"

namespace wardsim::app {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

const std::string kBaseline = WARDSIM_SOURCE_DIR "/scenarios/setagaya/baseline.toml";
const std::string kIpss = WARDSIM_SOURCE_DIR "/scenarios/setagaya/ipss2023.toml";

struct Result {
  int code;
  std::string out;
  std::string err;
};

Result wardsim(const std::vector<std::string>& args) {
  std::ostringstream out;
  std::ostringstream err;
  const int code = run_cli(args, out, err);
  return {code, out.str(), err.str()};
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("wardsim-cli-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(CliTest, VersionAndHelp) {
  EXPECT_THAT(wardsim({"--version"}).out, HasSubstr("wardsim 0.1.0"));
  const Result help = wardsim({"--help"});
  EXPECT_EQ(help.code, kExitOk);
  EXPECT_THAT(help.out, HasSubstr("Exit codes"));
  for (const char* command : {"run", "validate", "info"}) {
    const Result sub = wardsim({command, "--help"});
    EXPECT_EQ(sub.code, kExitOk) << command;
    EXPECT_THAT(sub.out, HasSubstr(std::string("Usage: wardsim ") + command));
  }
}

TEST_F(CliTest, UsageErrorsExitWithTwo) {
  EXPECT_EQ(wardsim({}).code, kExitUsage);
  const Result unknown = wardsim({"simulate"});
  EXPECT_EQ(unknown.code, kExitUsage);
  EXPECT_THAT(unknown.err, HasSubstr("unknown command 'simulate'"));
  const Result option = wardsim({"run", "--bogus"});
  EXPECT_EQ(option.code, kExitUsage);
  EXPECT_THAT(option.err, HasSubstr("unrecognised option '--bogus'"));
  EXPECT_EQ(wardsim({"run", "--threads", "-3"}).code, kExitUsage);
  EXPECT_EQ(wardsim({"info"}).code, kExitUsage);
}

TEST_F(CliTest, RunsTheBundledBaselineAndPeaksAround2039) {
  const fs::path out = dir_ / "baseline.h5";
  const Result run = wardsim({"run", "--out", out.string(), "--threads", "2"});
  ASSERT_EQ(run.code, kExitOk) << run.err;
  EXPECT_TRUE(fs::exists(out));
  EXPECT_THAT(run.out, HasSubstr("2025     923,210"));
  std::smatch peak;
  ASSERT_TRUE(std::regex_search(run.out, peak, std::regex("Peak: (\\d{4}), ")));
  const int year = std::stoi(peak[1]);
  EXPECT_GE(year, 2037);
  EXPECT_LE(year, 2041);
  for (const char* group : {"0-5", "6-14", "65+", "75+"}) EXPECT_THAT(run.out, HasSubstr(group));

  const Result info = wardsim({"info", out.string()});
  EXPECT_EQ(info.code, kExitOk) << info.err;
  EXPECT_THAT(info.out, HasSubstr("baseline"));
  EXPECT_THAT(info.out, HasSubstr("2025"));
}

TEST_F(CliTest, RunsTheIpssScenarioToItsDefaultName) {
  const fs::path cwd = fs::current_path();
  fs::current_path(dir_);
  const Result run = wardsim({"run", "--scenario", kIpss});
  fs::current_path(cwd);
  ASSERT_EQ(run.code, kExitOk) << run.err;
  EXPECT_TRUE(fs::exists(dir_ / "results" / "ipss2023.h5"));
}

TEST_F(CliTest, BadInputExitsWithThreeAndWritesNothing) {
  const fs::path out = dir_ / "bad.h5";
  const Result run = wardsim({"run", "--scenario", kBaseline, "--out", out.string(), "--set",
                              "fertility.tfr=\"high\"", "--set", "migration.in_migrantz=5"});
  EXPECT_EQ(run.code, kExitInput);
  EXPECT_THAT(run.err, HasSubstr("fertility.tfr"));
  EXPECT_THAT(run.err, HasSubstr("migration.in_migrantz"));
  EXPECT_FALSE(fs::exists(out));
  EXPECT_TRUE(fs::is_empty(dir_)) << "no temporary file may be left behind";

  const Result missing = wardsim({"run", "--scenario", (dir_ / "nope.toml").string()});
  EXPECT_EQ(missing.code, kExitInput);
  EXPECT_THAT(missing.err, HasSubstr("nope.toml"));
}

TEST_F(CliTest, ValidateReportsEveryProblemOfABrokenScenario) {
  const fs::path broken = dir_ / "broken.toml";
  std::ofstream(broken) << "extends = \"" << kBaseline << "\"\n"
                        << "[scenario]\nname = \"broken\"\n"
                        << "[fertility]\ntfr = -1.0\nsex_ratio_at_birht = 1.05\n";
  const Result result = wardsim({"validate", broken.string()});
  EXPECT_EQ(result.code, kExitInput);
  EXPECT_THAT(result.err, HasSubstr("fertility.tfr"));
  EXPECT_THAT(result.err, HasSubstr("sex_ratio_at_birht"));
  EXPECT_THAT(result.err, HasSubstr("2 problems"));

  const Result good = wardsim({"validate", kBaseline});
  EXPECT_EQ(good.code, kExitOk) << good.err;
  EXPECT_THAT(good.out, HasSubstr("28 districts"));
}

TEST_F(CliTest, UnwritableOutputExitsWithFour) {
  const fs::path blocker = dir_ / "a-file";
  std::ofstream(blocker) << "not a directory";
  const Result run = wardsim({"run", "--out", (blocker / "x.h5").string()});
  EXPECT_EQ(run.code, kExitIo) << run.err;
}

TEST_F(CliTest, InfoRejectsWhatIsNotAResultsFile) {
  const fs::path text = dir_ / "notes.h5";
  std::ofstream(text) << "plain text";
  const Result wrong = wardsim({"info", text.string()});
  EXPECT_EQ(wrong.code, kExitInput);
  EXPECT_THAT(wrong.err, HasSubstr("not a wardsim results file"));
  EXPECT_EQ(wardsim({"info", (dir_ / "missing.h5").string()}).code, kExitIo);
}

}  // namespace
}  // namespace wardsim::app
