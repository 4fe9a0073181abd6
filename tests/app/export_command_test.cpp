// `wardsim export` and `wardsim geo dissolve` as a planner runs them: exit codes, exact messages,
// and no output left behind when the input is bad.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "app/cli_runner.h"
#include "io/export/export_fixture.h"
#include "wardsim/app/cli.h"
#include "wardsim/app/exit_codes.h"

namespace wardsim::app {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

using Result = test_support::CliResult;
using test_support::wardsim;

class ExportCommandTest : public io::testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    results_ = (dir_ / "tiny.h5").string();
    io::testing::write_tiny_results(results_);
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  std::string results_;
};

TEST_F(ExportCommandTest, WritesBesideTheResultsByDefault) {
  const Result csv = wardsim({"export", results_, "--to", "csv", "--indicator", "population"});
  EXPECT_EQ(csv.code, kExitOk) << csv.err;
  EXPECT_EQ(csv.out,
            "wrote " + path("tiny.csv") +
                ": 3636 rows, 2 scenario(s), 2 indicator series\n");  // scenarios × years ×
                                                                      // districts × (sex, age)
  const Result xlsx = wardsim({"export", results_, "--to", "xlsx", "--scenario", "high"});
  EXPECT_EQ(xlsx.code, kExitOk) << xlsx.err;
  EXPECT_TRUE(fs::exists(path("tiny.xlsx")));
  EXPECT_EQ(entries(dir_), (std::vector<std::string>{"tiny.csv", "tiny.h5", "tiny.xlsx"}));
}

TEST_F(ExportCommandTest, AFileThatIsNotAResultsFileExitsWithThreeAndWritesNothing) {
  std::ofstream(path("notes.h5")) << "not HDF5 at all\n";
  const Result result =
      wardsim({"export", path("notes.h5"), "--to", "csv", "--out", path("out.csv")});
  EXPECT_EQ(result.code, kExitInput);
  EXPECT_EQ(result.err, "wardsim export: 1 problem:\n  '" + path("notes.h5") +
                            "' is not a wardsim results file (not an HDF5 file)\n");
  EXPECT_FALSE(fs::exists(path("out.csv")));
}

TEST_F(ExportCommandTest, AnUnknownIndicatorExitsWithThreeAndWritesNothing) {
  const Result result = wardsim({"export", results_, "--to", "xlsx", "--scenario", "baseline",
                                 "--indicator", "population", "--indicator", "childcare.queue"});
  EXPECT_EQ(result.code, kExitInput);
  EXPECT_EQ(result.err,
            "wardsim export: 1 problem:\n  results file '" + results_ +
                "': no indicator 'childcare.queue' in scenario 'baseline' (it has: population, "
                "births, deaths, in_migration, out_migration, moves_in, moves_out, "
                "childcare.demand, childcare.capacity, childcare.gap, childcare.utilisation, "
                "school.classrooms_needed, school.classrooms)\n");
  EXPECT_EQ(entries(dir_), std::vector<std::string>{"tiny.h5"});
}

TEST_F(ExportCommandTest, GisExportOfTheTinyCityNamesTheDistrictsWithoutGeometry) {
  const Result result = wardsim({"export", results_, "--to", "gpkg", "--scenario", "baseline"});
  EXPECT_EQ(result.code, kExitInput);
  EXPECT_THAT(result.err, HasSubstr("no feature for district 'KT01' of results file"));
  EXPECT_EQ(entries(dir_), std::vector<std::string>{"tiny.h5"});
}

TEST_F(ExportCommandTest, CommandLineMistakesExitWithTwo) {
  EXPECT_EQ(wardsim({"export", results_, "--to", "pdf"}).code, kExitUsage);
  EXPECT_EQ(wardsim({"export", results_}).code, kExitUsage);
  EXPECT_EQ(wardsim({"export", results_, "--to", "csv", "--ages", "decades"}).code, kExitUsage);
  const Result geojson = wardsim({"export", results_, "--to", "geojson"});
  EXPECT_EQ(geojson.code, kExitUsage);
  EXPECT_THAT(geojson.err, HasSubstr("a GeoJSON file holds one layer"));
  EXPECT_EQ(wardsim({"export", results_, "--to", "csv", "--out", results_}).code, kExitUsage);
  EXPECT_EQ(entries(dir_), std::vector<std::string>{"tiny.h5"});
}

TEST_F(ExportCommandTest, ListShowsTheIndicators) {
  const Result result =
      wardsim({"export", results_, "--to", "csv", "--list", "--scenario", "high"});
  EXPECT_EQ(result.code, kExitOk);
  EXPECT_THAT(result.out, HasSubstr("high:\n  population\n  births\n"));
  EXPECT_THAT(result.out, HasSubstr("  school.classrooms\n"));
}

TEST_F(ExportCommandTest, DissolveWithABadCrosswalkExitsWithThreeAndWritesNothing) {
  std::ofstream(path("areas.geojson"))
      << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"A"},)"
      << R"("geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}}]})";
  std::ofstream(path("crosswalk.csv")) << "code,district_id\nA,SE01\nA,SE02\nZ,SE01\n";
  std::ofstream(path("districts.csv")) << "district_id,name_ja,name_en,region_ja,region_en\n"
                                       << "SE01,池尻,Ikejiri,世田谷地域,Setagaya\n";
  const Result result = wardsim({"geo", "dissolve", path("areas.geojson"), path("crosswalk.csv"),
                                 "--districts", path("districts.csv"), "--out", path("d.gpkg")});
  EXPECT_EQ(result.code, kExitInput);
  const std::string crosswalk = "crosswalk '" + path("crosswalk.csv") + "' line ";
  EXPECT_EQ(result.err, "wardsim geo: 2 problems:\n  " + crosswalk +
                            "3: small area 'A' is listed again (first on line 2)\n  " + crosswalk +
                            "4: small area 'Z' is not in '" + path("areas.geojson") + "'\n");
  EXPECT_FALSE(fs::exists(path("d.gpkg")));

  std::ofstream(path("crosswalk.csv")) << "code,district_id\nA,SE01\n";
  const Result good = wardsim({"geo", "dissolve", path("areas.geojson"), path("crosswalk.csv"),
                               "--districts", path("districts.csv"), "--out", path("d.gpkg")});
  EXPECT_EQ(good.code, kExitOk) << good.err;
  EXPECT_EQ(good.out, "wrote " + path("d.gpkg") + ": 1 districts dissolved from 1 small areas\n");
  EXPECT_EQ(wardsim({"geo", "merge", "a", "b"}).code, kExitUsage);
}

}  // namespace
}  // namespace wardsim::app
