// `wardsim backcast` end to end on the tiny city (2025-2030) and, for the published path, on the
// bundled Setagaya baseline against IPSS 2023.

#include <H5Cpp.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iomanip>
#include <map>
#include <sstream>

#include "app/cli_runner.h"
#include "support/h5_reads.h"
#include "support/temp_dir_test.h"
#include "wardsim/app/cli.h"
#include "wardsim/app/exit_codes.h"
#include "wardsim/engine/cohort_kernel.h"
#include "wardsim/models/backcast/demographic_indicator.h"
#include "wardsim/scenarios/scenario.h"

namespace wardsim::app {
namespace {

namespace fs = std::filesystem;
using test_support::read_doubles;
using test_support::read_strings;
namespace bc = models::backcast;
using ::testing::HasSubstr;

const std::string kTiny = WARDSIM_SOURCE_DIR "/tests/scenarios/fixtures/tiny/tiny_services.toml";
const std::string kBaseline = WARDSIM_SOURCE_DIR "/scenarios/setagaya/baseline.toml";
const std::string kIpssTotals =
    WARDSIM_SOURCE_DIR "/scenarios/setagaya/sources/setagaya_ipss_r5_projection_total.csv";

constexpr const char* kChildcareTerms = R"(
[facilities.childcare]
build_lead_time = 2
temporary_lead_time = 1
convert_lead_time = 1
build_cost = 5000
temporary_cost = 800
convert_cost = 1500
)";

using Result = test_support::CliResult;
using test_support::wardsim;

engine::Projection project(const std::string& scenario, const std::vector<std::string>& sets) {
  return engine::project_cohort(scenarios::load_scenario(scenario, sets).inputs, {.threads = 1});
}

class BackcastCommandTest : public test_support::TempDirTest {
 protected:
  std::string targets(const std::string& text) const {
    const fs::path file = dir_ / "targets.toml";
    std::ofstream(file) << text;
    return file.string();
  }
};

TEST_F(BackcastCommandTest, SolvedLeverReproducesTheTarget) {
  const fs::path out = dir_ / "b.h5";
  const Result result = wardsim({"backcast", targets(R"(
[[targets]]
name = "kids"
indicator = "child_share_0_14"
at_least = 15.0
year = 2030
lever = { key = "fertility.tfr", low = 0.5, high = 4.0 }
)"),
                                 "--scenario", kTiny, "--out", out.string(), "--threads", "1"});
  ASSERT_EQ(result.code, kExitOk) << result.err;
  EXPECT_THAT(result.out, HasSubstr("[1] kids (child_share_0_14, all districts, 2030)"));
  EXPECT_THAT(result.out, HasSubstr("needs fertility.tfr ≥ "));
  const auto value = read_doubles(out, "/scenarios/tiny/backcast/levers/value");
  ASSERT_EQ(value.size(), 1u);
  // Re-running the scenario with the solved value meets the target within tolerance.
  std::ostringstream set;
  set << "fertility.tfr=" << std::setprecision(17) << value[0];
  const engine::Projection solved = project(kTiny, {set.str()});
  bc::Target kids;
  kids.indicator = bc::TargetIndicator::ChildShare0To14;
  kids.districts = {0, 1, 2};
  EXPECT_NEAR(bc::demographic_value(kids, solved, 2030), 15.0, 1e-4);
  EXPECT_EQ(read_strings(out, "/scenarios/tiny/backcast/targets/status"),
            (std::vector<std::string>{"needs_action"}));
}

TEST_F(BackcastCommandTest, ServiceTargetGetsAScheduleWithDecisionDates) {
  const fs::path out = dir_ / "b.h5";
  const Result result = wardsim({"backcast", targets(std::string(kChildcareTerms) + R"(
[[targets]]
name = "no_waiting"
indicator = "childcare_no_shortfall"
from = 2025
to = 2030
)"),
                                 "--scenario", kTiny, "--out", out.string(), "--threads", "1"});
  ASSERT_EQ(result.code, kExitOk) << result.err;
  EXPECT_THAT(result.out, HasSubstr("[1] no_waiting (childcare_no_shortfall"));
  EXPECT_THAT(result.out, HasSubstr("Least-cost plan (GLPK, whole places): optimal"));
  const std::string group = "/scenarios/tiny/backcast/schedules/no_waiting/";
  EXPECT_FALSE(read_doubles(out, group + "decisions/places").empty());
  H5::H5File h5(out.string(), H5F_ACC_RDONLY);
  H5::DataSet needs = h5.openDataSet(group + "decisions/need_year");
  H5::DataSet decides = h5.openDataSet(group + "decisions/decide_by");
  hsize_t count = 0;
  needs.getSpace().getSimpleExtentDims(&count);
  std::vector<int> need(count), decide(count);
  if (count > 0) {
    needs.read(need.data(), H5::PredType::NATIVE_INT);
    decides.read(decide.data(), H5::PredType::NATIVE_INT);
  }
  for (std::size_t i = 0; i < count; ++i) EXPECT_EQ(decide[i], need[i] - 2);
}

TEST_F(BackcastCommandTest, AnUnreachableTargetIsAFindingNotAFailure) {
  const fs::path out = dir_ / "b.h5";
  const Result result = wardsim({"backcast", targets(R"(
[[targets]]
name = "kids"
indicator = "child_share_0_14"
at_least = 90.0
year = 2030
lever = { key = "fertility.tfr", low = 0.5, high = 2.0 }
)"),
                                 "--scenario", kTiny, "--out", out.string(), "--threads", "1"});
  ASSERT_EQ(result.code, kExitOk) << result.err;
  EXPECT_THAT(result.out, HasSubstr("kids (child_share_0_14, all districts, 2030): INFEASIBLE"));
  EXPECT_THAT(result.out, HasSubstr("cannot be reached with fertility.tfr in 0.5..2: the "
                                    "indicator stays between "));
  EXPECT_TRUE(fs::exists(out));
}

TEST_F(BackcastCommandTest, TargetsThatAskOneLeverForDisjointValuesContradict) {
  const double total = project(kTiny, {}).total(5);  // 2030
  std::ostringstream text;
  text.precision(17);
  text << "[[targets]]\nname = \"big\"\nindicator = \"ward_total\"\nat_least = " << total + 50
       << "\nyear = 2030\nlever = { key = \"migration.in_migrants\", low = 0, high = 2000 }\n"
       << "[[targets]]\nname = \"small\"\nindicator = \"ward_total\"\nat_most = " << total - 50
       << "\nyear = 2030\nlever = { key = \"migration.in_migrants\", low = 0, high = 2000 }\n";
  const Result result = wardsim({"backcast", targets(text.str()), "--scenario", kTiny, "--out",
                                 (dir_ / "b.h5").string(), "--threads", "1"});
  ASSERT_EQ(result.code, kExitOk) << result.err;
  EXPECT_THAT(result.out, HasSubstr("[1] big (ward_total, all districts, 2030): CONTRADICTORY"));
  EXPECT_THAT(result.out, HasSubstr("[2] small (ward_total, all districts, 2030): CONTRADICTORY"));
  EXPECT_THAT(result.out, HasSubstr("contradicts 'small': migration.in_migrants must be ≥ "));
}

TEST_F(BackcastCommandTest, BadTargetsAreExitThreeAndWriteNothing) {
  const fs::path out = dir_ / "b.h5";
  const std::string file = targets(R"(
[[targets]]
name = "x"
indicator = "ward_totl"
)");
  const Result result =
      wardsim({"backcast", file, "--scenario", kTiny, "--out", out.string(), "--threads", "1"});
  EXPECT_EQ(result.code, kExitInput);
  EXPECT_EQ(result.err,
            "wardsim backcast: 1 problem:\n  " + file +
                ": targets[1] ('x').indicator: unknown indicator 'ward_totl' (did you mean "
                "'ward_total'?); expected one of childcare_no_shortfall, "
                "care_places_per_1000_aged_75_plus, school_class_size_limit, "
                "welfare_shelter_for_all, child_share_0_14, ward_total, published_path\n");
  EXPECT_FALSE(fs::exists(out));
  EXPECT_EQ(wardsim({"backcast", "--scenario", kTiny}).code, kExitUsage);
}

TEST_F(BackcastCommandTest, ConstrainedProjectionReproducesTheIpssGrowthPath) {
  const fs::path out = dir_ / "b.h5";
  const Result result = wardsim({"backcast", targets(R"(
[[targets]]
name = "ipss"
indicator = "published_path"
path = { file = ")" + kIpssTotals + R"(", value_column = "population_total" }
from = 2025
to = 2050
)"),
                                 "--scenario", kBaseline, "--out", out.string(), "--threads", "1"});
  ASSERT_EQ(result.code, kExitOk) << result.err;
  const auto achieved = read_doubles(out, "/scenarios/baseline/backcast/paths/ipss/achieved_ratio");
  // IPSS R5 totals for Setagaya relative to 2025 (946,010).
  const std::map<int, double> ipss = {
      {2030, 964718.0}, {2035, 979143.0}, {2040, 987357.0}, {2045, 989492.0}, {2050, 987144.0}};
  for (const auto& [year, total] : ipss) {
    EXPECT_NEAR(achieved[static_cast<std::size_t>(year - 2025)], total / 946010.0, 1e-6) << year;
  }
}

}  // namespace
}  // namespace wardsim::app
