#include "wardsim/app/cli.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "app/cli_runner.h"
#include "support/temp_dir_test.h"
#include "wardsim/app/exit_codes.h"
#include "wardsim/io/results_reader.h"
#include "wardsim/models/service_result.h"
#include "wardsim/scenarios/scenario.h"

namespace wardsim::app {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

const std::string kBaseline = WARDSIM_SOURCE_DIR "/scenarios/setagaya/baseline.toml";
const std::string kIpss = WARDSIM_SOURCE_DIR "/scenarios/setagaya/ipss2023.toml";

using Result = test_support::CliResult;
using test_support::wardsim;

class CliTest : public test_support::TempDirTest {};

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
  EXPECT_THAT(unknown.err, HasSubstr("(expected run, validate, info, export, geo, report, compare, "
                                     "backcast, batch or serve; see --help)"));
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
  const auto peak = run.out.find("Peak: ");
  ASSERT_NE(peak, std::string::npos) << run.out;
  const int year = std::stoi(run.out.substr(peak + 6, 4));
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

TEST_F(CliTest, BadServiceParametersExitWithThreeAndWriteNothing) {
  const fs::path out = dir_ / "bad-services.h5";
  const Result run =
      wardsim({"run", "--out", out.string(), "--set", "services.elderly_care.residential_rate=1.5",
               "--set", "services.childcare.uptake_multipler=1.1"});
  EXPECT_EQ(run.code, kExitInput);
  EXPECT_THAT(run.err,
              HasSubstr("'services.elderly_care.residential_rate' must be a rate between 0 "
                        "and 1, found 1.5"));
  EXPECT_THAT(run.err, HasSubstr("did you mean 'services.childcare.uptake_multiplier'?"));
  EXPECT_TRUE(fs::is_empty(dir_));
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

// The bundled baseline run once with its services, shared by the service tests below.
class CliServicesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scenario_ = new scenarios::Scenario(scenarios::load_scenario(kBaseline));
    if (!scenario_->services.has_value()) return;
    // One directory per process: ctest runs each test in its own process, in parallel.
    dir_ = new fs::path(fs::temp_directory_path() /
                        ("wardsim-cli-services-" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    run_ =
        new Result(wardsim({"run", "--out", (*dir_ / "baseline.h5").string(), "--threads", "2"}));
  }
  static void TearDownTestSuite() {
    if (dir_ != nullptr) fs::remove_all(*dir_);
    delete run_;
    delete dir_;
    delete scenario_;
    run_ = nullptr;
    dir_ = nullptr;
    scenario_ = nullptr;
  }
  void SetUp() override {
    if (!scenario_->services.has_value()) GTEST_SKIP() << "the bundled baseline has no services";
    ASSERT_EQ(run_->code, kExitOk) << run_->err;
  }
  static fs::path results() { return *dir_ / "baseline.h5"; }

  static inline scenarios::Scenario* scenario_ = nullptr;
  static inline fs::path* dir_ = nullptr;
  static inline Result* run_ = nullptr;
};

const models::Indicator& indicator_named(const models::ServiceResult& service,
                                         const std::string& name) {
  const auto found = std::find_if(service.indicators.begin(), service.indicators.end(),
                                  [&](const models::Indicator& i) { return i.name == name; });
  if (found == service.indicators.end()) {
    throw std::runtime_error("service '" + service.name + "' has no indicator '" + name + "'");
  }
  return *found;
}

TEST_F(CliServicesTest, RunWritesEveryServiceAndSummarisesIt) {
  const auto services = io::read_services(results(), "baseline");
  std::vector<std::string> names;
  for (const auto& service : services) names.push_back(service.name);
  EXPECT_THAT(names,
              ::testing::ElementsAre("childcare", "school", "elderly_care", "infrastructure"));
  const auto& dims = scenario_->inputs.dims;
  for (const auto& service : services) {
    SCOPED_TRACE(service.name);
    EXPECT_THAT(run_->out, HasSubstr("  " + service.title + " "));
    EXPECT_THAT(run_->out, HasSubstr("  " + service.title + ": "));  // its shortfall line
    EXPECT_EQ(service.markers.size(), static_cast<std::size_t>(dims.district_count()));
    for (const auto& indicator : service.indicators) {
      EXPECT_EQ(indicator.values.rows(), dims.years()) << indicator.name;
      EXPECT_EQ(indicator.values.cols(), dims.district_count() * indicator.categories())
          << indicator.name;
    }
  }
  EXPECT_THAT(run_->out, HasSubstr("Services: ward totals over 28 districts"));
  EXPECT_THAT(run_->out, HasSubstr("Districts with a shortfall"));

  const Result info = wardsim({"info", results().string()});
  EXPECT_EQ(info.code, kExitOk) << info.err;
  EXPECT_THAT(info.out, HasSubstr("  services: 4\n"));
  EXPECT_THAT(info.out, HasSubstr("    childcare — "));

  // Every parameter note of the services is in the results' provenance.
  const auto estimates = io::read_provenance(results(), "baseline").estimates;
  for (const auto& assumption : scenario_->services->assumptions) {
    EXPECT_NE(std::find(estimates.begin(), estimates.end(), assumption), estimates.end())
        << assumption;
  }
}

TEST_F(CliServicesTest, StoredGapIsDemandMinusCapacityInEveryCell) {
  // The gap of each service's headline pair (demand − capacity: positive = shortfall).
  const std::map<std::string, std::string> gap_of = {{"childcare", "gap"},
                                                     {"school", "gap"},
                                                     {"elderly_care", "residential_gap"},
                                                     {"infrastructure", "welfare_shelter_gap"}};
  for (const auto& service : io::read_services(results(), "baseline")) {
    SCOPED_TRACE(service.name);
    const auto gap_name = gap_of.contains(service.name) ? gap_of.at(service.name) : "gap";
    const auto& demand = indicator_named(service, service.headline_demand).values;
    const auto& capacity = indicator_named(service, service.headline_capacity).values;
    const auto& gap = indicator_named(service, gap_name).values;
    ASSERT_EQ(demand.rows(), gap.rows());
    ASSERT_EQ(demand.cols(), gap.cols());
    ASSERT_EQ(capacity.cols(), gap.cols());
    for (Eigen::Index y = 0; y < gap.rows(); ++y) {
      for (Eigen::Index c = 0; c < gap.cols(); ++c) {
        ASSERT_NEAR(gap(y, c), demand(y, c) - capacity(y, c), 1e-9 * (1.0 + std::abs(demand(y, c))))
            << "year index " << y << ", column " << c;
      }
    }
  }
}

TEST_F(CliServicesTest, BaseYearChildcareShortfallIsTensOfChildrenNotThousands) {
  // The ward reported tens of children without a place in 2023–2025 (actual-enrolment uptake).
  const auto services = io::read_services(results(), "baseline");
  const auto childcare = std::find_if(services.begin(), services.end(),
                                      [](const auto& s) { return s.name == "childcare"; });
  ASSERT_NE(childcare, services.end());
  const auto& shortfall = indicator_named(*childcare, "shortfall");
  const double base_year = shortfall.values.row(0).sum();  // over districts and age groups
  EXPECT_GE(base_year, 0.0);
  EXPECT_LT(base_year, 100.0);
}

}  // namespace
}  // namespace wardsim::app
