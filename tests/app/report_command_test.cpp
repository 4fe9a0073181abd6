// `wardsim report` at the command line: bad input is refused with exit code 3, every problem
// listed, and no report directory left behind. (Rendering itself is tested in tests/viz.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/cli_runner.h"
#include "support/temp_dir_test.h"
#include "wardsim/app/cli.h"
#include "wardsim/app/exit_codes.h"

namespace wardsim::app {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const std::string kTiny = WARDSIM_SOURCE_DIR "/tests/scenarios/fixtures/tiny/tiny_services.toml";
// The tiny city's own districts (the bundled default layer is Setagaya's).
const std::string kTinyBoundaries = WARDSIM_SOURCE_DIR "/tests/viz/fixtures/tiny_districts.geojson";

using Result = test_support::CliResult;
using test_support::wardsim;

class ReportCommandTest : public test_support::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    results_ = (dir_ / "tiny.h5").string();
    ASSERT_EQ(wardsim({"run", "--scenario", kTiny, "--out", results_}).code, kExitOk);
    out_ = (dir_ / "report").string();
  }
  // Nothing but the results file (and what a test put there) may be left in the directory.
  void expect_nothing_written() const {
    EXPECT_FALSE(fs::exists(out_));
    for (const auto& entry : fs::directory_iterator(dir_)) {
      EXPECT_THAT(entry.path().filename().string(), ::testing::Not(HasSubstr("report")));
    }
  }

  std::string results_;
  std::string out_;
};

TEST_F(ReportCommandTest, IsListedInTheHelp) {
  EXPECT_THAT(wardsim({"--help"}).out, HasSubstr("report    draw the charts"));
  const Result help = wardsim({"report", "--help"});
  EXPECT_EQ(help.code, kExitOk);
  EXPECT_THAT(help.out, HasSubstr("Usage: wardsim report RESULTS.h5 [--out DIR]"));
}

TEST_F(ReportCommandTest, AFileThatIsNotAResultsFileExitsWithThree) {
  const std::string text = (dir_ / "notes.h5").string();
  std::ofstream(text) << "not HDF5\n";
  const Result result = wardsim({"report", text, "--out", out_});
  EXPECT_EQ(result.code, kExitInput);
  EXPECT_EQ(result.err, "wardsim report: 1 problem:\n  '" + text +
                            "' is not a wardsim results file (not an HDF5 file)\n");
  expect_nothing_written();
}

TEST_F(ReportCommandTest, UnknownScenarioYearDistrictAndIndicatorAreAllReported) {
  const Result result =
      wardsim({"report", results_, "--out", out_, "--scenario", "tiny", "--scenario", "other",
               "--year", "2031", "--district", "A1", "--district", "Z9", "--indicator", "wealth",
               "--boundaries", kTinyBoundaries});
  EXPECT_EQ(result.code, kExitInput);
  const std::string file = "results file '" + results_ + "'";
  EXPECT_EQ(result.err,
            "wardsim report: 4 problems:\n"
            "  " +
                file +
                ": no scenario 'other' (it has: tiny)\n"
                "  " +
                file +
                ": no year 2031 (it has 2025-2030)\n"
                "  " +
                file +
                ": no district 'Z9' (it has: A1, A2, B1)\n"
                "  " +
                file +
                ": scenario 'tiny' has no map indicator 'wealth' (it has: "
                "population, population_change, share_0_14, share_65_plus, share_75_plus, "
                "childcare.children, childcare.demand, childcare.capacity, childcare.gap, "
                "childcare.shortfall, childcare.surplus, school.pupils, "
                "school.public_pupils, school.classes, school.classrooms_needed, "
                "school.classrooms, school.gap, school.shortfall, school.surplus, "
                "elderly_care.certified, elderly_care.certified_total, "
                "elderly_care.residential_demand, elderly_care.home_care_users, "
                "elderly_care.day_care_users, elderly_care.care_workers_needed, "
                "elderly_care.residential_places, elderly_care.residential_gap, "
                "elderly_care.residential_shortfall, elderly_care.residential_surplus, "
                "elderly_care.places_per_1000_aged_75_plus, infrastructure.households, "
                "infrastructure.single_person_households, "
                "infrastructure.aged_75_plus_living_alone, "
                "infrastructure.housing_units_needed, infrastructure.water_m3_per_day, "
                "infrastructure.waste_tonnes_per_day, "
                "infrastructure.evacuation_help_needed, "
                "infrastructure.welfare_shelter_places, "
                "infrastructure.welfare_shelter_gap, "
                "infrastructure.welfare_shelter_shortfall, infrastructure.residents, "
                "infrastructure.shelter_places, infrastructure.shelter_gap, "
                "infrastructure.shelter_shortfall)\n");
  expect_nothing_written();
}

TEST_F(ReportCommandTest, ANamedBoundariesFileMustCoverEveryDistrict) {
  const std::string layer = (dir_ / "partial.geojson").string();
  std::ofstream(layer) << R"({"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"district_id": "A1"},
     "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}}]})";
  const Result partial = wardsim({"report", results_, "--out", out_, "--boundaries", layer});
  EXPECT_EQ(partial.code, kExitInput);
  EXPECT_EQ(partial.err, "wardsim report: 1 problem:\n  boundaries file '" + layer +
                             "' has no feature for district(s) A2, B1\n");
  const std::string missing = (dir_ / "missing.geojson").string();
  const Result absent = wardsim({"report", results_, "--out", out_, "--boundaries", missing});
  EXPECT_EQ(absent.code, kExitInput);
  EXPECT_EQ(absent.err, "wardsim report: 1 problem:\n  cannot open boundaries file '" + missing +
                            "': no such file\n");
  fs::remove(layer);
  expect_nothing_written();
}

}  // namespace
}  // namespace wardsim::app
