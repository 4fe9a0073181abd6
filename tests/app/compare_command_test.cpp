// `wardsim compare` end to end: runs of the tiny test city through the command, exit codes,
// messages, and the table it prints.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "app/cli_runner.h"
#include "io/io_test_support.h"
#include "wardsim/app/cli.h"
#include "wardsim/app/exit_codes.h"
#include "wardsim/io/results_writer.h"

namespace wardsim::app {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const std::string kTiny = WARDSIM_SOURCE_DIR "/tests/scenarios/fixtures/tiny/tiny.toml";

using Result = test_support::CliResult;
using test_support::wardsim;

class CompareCommand : public io::testing::TempDirTest {
 protected:
  fs::path run_tiny(const std::string& name, const std::vector<std::string>& sets) {
    const fs::path out = dir_ / (name + ".h5");
    std::vector<std::string> args = {"run",   "--scenario",           kTiny, "--out", out.string(),
                                     "--set", "scenario.name=" + name};
    for (const auto& set : sets) {
      args.push_back("--set");
      args.push_back(set);
    }
    const Result run = wardsim(args);
    EXPECT_EQ(run.code, kExitOk) << run.err;
    return out;
  }

  // The line of `text` that starts with `label`.
  static std::string line_of(const std::string& text, const std::string& label) {
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      if (line.starts_with(label)) return line;
    }
    return {};
  }
};

TEST_F(CompareCommand, ShowsTheWardAndTheDistrictsAndWritesTheComparison) {
  const fs::path a = run_tiny("tiny", {});
  const fs::path b = run_tiny("more", {"migration.in_migration_multiplier=1.1"});
  const fs::path out = dir_ / "cmp.h5";
  const Result compare = wardsim({"compare", a.string(), b.string(), "--out", out.string()});
  ASSERT_EQ(compare.code, kExitOk) << compare.err;
  EXPECT_THAT(compare.out, HasSubstr("Comparison tiny__more (B - A)"));
  // Columns: the base year, 2030 (divisible by 10, also the last year).
  EXPECT_THAT(line_of(compare.out, "Ward, B - A"), ::testing::MatchesRegex(".* 2025 +2030"));
  // 1 January 2025 is the common base population; 10 more in-migrants arrive in every year.
  const std::string total = line_of(compare.out, "population/total");
  EXPECT_THAT(total, ::testing::MatchesRegex("population/total +0 \\(0\\.0%\\) +\\+[0-9]+ .*"));
  EXPECT_THAT(compare.out, HasSubstr("Districts with the largest difference in population/total, "
                                     "2030:"));
  EXPECT_THAT(compare.out, HasSubstr("A1 Asahi 1"));  // A1 takes half the in-migrants
  EXPECT_THAT(compare.out, HasSubstr("Wrote /comparisons/tiny__more to " + out.string()));
  EXPECT_TRUE(fs::exists(out));

  // `wardsim info` reads the comparison-only file: its districts and the comparison's runs.
  const Result info = wardsim({"info", out.string()});
  ASSERT_EQ(info.code, kExitOk) << info.err;
  EXPECT_THAT(info.out, HasSubstr("scenarios: 0\n"));
  EXPECT_THAT(info.out, HasSubstr("comparisons: 1\n\ncomparison tiny__more\n"));
  EXPECT_THAT(info.out,
              HasSubstr("  a: tiny (" + a.string() + ")\n  b: more (" + b.string() + ")"));
  EXPECT_THAT(info.out, HasSubstr(" (a, b, difference, percent by year and district)\n"));

  // The same pair again into the same file is refused, and the file is left as it was.
  const Result again = wardsim({"compare", a.string(), b.string(), "--out", out.string()});
  EXPECT_EQ(again.code, kExitInput);
  EXPECT_THAT(again.err, HasSubstr("already holds the comparison 'tiny__more'"));
  EXPECT_EQ(again.out, "");
}

TEST_F(CompareCommand, ARunAgainstItselfShowsNoDifference) {
  const fs::path a = run_tiny("tiny", {});
  const Result compare =
      wardsim({"compare", a.string(), a.string(), "--out", (dir_ / "self.h5").string()});
  ASSERT_EQ(compare.code, kExitOk) << compare.err;
  EXPECT_THAT(line_of(compare.out, "population/total"),
              ::testing::MatchesRegex("population/total +0 \\(0\\.0%\\) +0 \\(0\\.0%\\)"));
}

TEST_F(CompareCommand, RunsOfOtherYearsAreRefusedWithExitThreeAndNothingWritten) {
  const fs::path a = run_tiny("tiny", {});
  const fs::path b = run_tiny("short", {"scenario.end_year=2029"});
  const fs::path out = dir_ / "cmp.h5";
  const Result compare = wardsim({"compare", a.string(), b.string(), "--out", out.string()});
  EXPECT_EQ(compare.code, kExitInput);
  EXPECT_EQ(compare.err, "wardsim compare: 1 problem:\n  cannot compare scenario 'tiny' of '" +
                             a.string() + "' and scenario 'short' of '" + b.string() +
                             "': their years differ (2025..2030 and 2025..2029)\n");
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(CompareCommand, TwoScenariosOfOneFile) {
  const engine::Projection low = io::testing::make_projection(io::testing::make_dims(), 0);
  const engine::Projection high = io::testing::make_projection(io::testing::make_dims(), 2);
  const fs::path file = dir_ / "both.h5";
  io::write_results(file, {{&low, io::testing::make_provenance("low"), nullptr},
                           {&high, io::testing::make_provenance("high"), nullptr}});
  const fs::path cwd = fs::current_path();
  fs::current_path(dir_);
  const Result both = wardsim({"compare", file.string()});
  const Result named =
      wardsim({"compare", file.string(), "--scenario", "high", "--scenario", "low"});
  fs::current_path(cwd);
  ASSERT_EQ(both.code, kExitOk) << both.err;
  // Every cell is 2 persons higher: 202 cells a district, 3 districts.
  EXPECT_THAT(line_of(both.out, "population/total"), HasSubstr("+1,212 ("));
  EXPECT_TRUE(fs::exists(dir_ / "results" / "low__high.h5"));
  ASSERT_EQ(named.code, kExitOk) << named.err;
  EXPECT_THAT(line_of(named.out, "population/total"), HasSubstr("-1,212 ("));
  EXPECT_TRUE(fs::exists(dir_ / "results" / "high__low.h5"));

  const Result missing = wardsim({"compare", file.string(), file.string()});
  EXPECT_EQ(missing.code, kExitInput);
  EXPECT_THAT(missing.err, HasSubstr("holds 2 scenarios (low, high): name the one to compare "
                                     "with --scenario"));
  const Result usage = wardsim({"compare", file.string(), "--scenario", "low"});
  EXPECT_EQ(usage.code, kExitUsage);
}

}  // namespace
}  // namespace wardsim::app
