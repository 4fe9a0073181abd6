#include "wardsim/io/dissolve.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <fstream>

#include "io/io_test_support.h"
#include "wardsim/error.h"

namespace wardsim::io::testing {
namespace {

namespace fs = std::filesystem;

void write_text(const fs::path& file, const std::string& text) {
  std::ofstream(file, std::ios::binary) << text;
}

// A unit square with its lower-left corner at (x, y), as a GeoJSON feature keyed by `code`.
std::string square(const std::string& code, int x, int y) {
  const auto p = [](int px, int py) {
    return "[" + std::to_string(px) + "," + std::to_string(py) + "]";
  };
  return R"({"type":"Feature","properties":{"code":")" + code +
         R"("},"geometry":{"type":"Polygon","coordinates":[[)" + p(x, y) + "," + p(x + 1, y) + "," +
         p(x + 1, y + 1) + "," + p(x, y + 1) + "," + p(x, y) + "]]}}";
}

class DissolveTest : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    // A 2 × 2 tiling: A (0,0), B (1,0) on the bottom row; C (0,1), D (1,1) on the top row.
    write_text(dir_ / "areas.geojson", R"({"type":"FeatureCollection","features":[)" +
                                           square("A", 0, 0) + "," + square("B", 1, 0) + "," +
                                           square("C", 0, 1) + "," + square("D", 1, 1) + "]}");
    write_text(dir_ / "districts.csv",
               "district_id,name_ja,name_en,region_ja,region_en,approx_lat,approx_lon\n"
               "S1,南,South,下,Low,0,0\n"
               "N1,北,North,上,High,0,0\n");
    files_ = {dir_ / "areas.geojson", dir_ / "crosswalk.csv", dir_ / "districts.csv",
              dir_ / "districts.gpkg"};
  }
  DissolveFiles files_;
};

TEST_F(DissolveTest, FourUnitSquaresBecomeTwoRectangles) {
  write_text(dir_ / "crosswalk.csv",
             "\xEF\xBB\xBF"
             "code,district_id\nA,S1\nB,S1\nC,N1\nD,N1\n");
  const auto summary = dissolve_small_areas(files_);
  EXPECT_EQ(summary.small_areas, 4);
  EXPECT_EQ(summary.districts, 2);

  GDALAllRegister();
  std::unique_ptr<GDALDataset> dataset(
      GDALDataset::Open(files_.out.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  ASSERT_TRUE(dataset);
  OGRLayer* layer = dataset->GetLayer(0);
  ASSERT_EQ(layer->GetFeatureCount(), 2);
  struct Expected {
    const char* id;
    const char* name_en;
    double min_y;
  };
  const Expected expected[] = {{"S1", "South", 0.0}, {"N1", "North", 1.0}};
  int i = 0;
  for (auto& feature : *layer) {
    EXPECT_STREQ(feature->GetFieldAsString("district_id"), expected[i].id);
    EXPECT_STREQ(feature->GetFieldAsString("name_en"), expected[i].name_en);
    EXPECT_EQ(feature->GetFieldAsInteger("small_areas"), 2);
    EXPECT_STREQ(feature->GetFieldAsString("geometry_status"), "dissolved");
    const auto* shape = feature->GetGeometryRef()->toMultiPolygon();
    // One piece of area 2 inside the 2 × 1 box: the rectangle, the shared edge gone.
    ASSERT_EQ(shape->getNumGeometries(), 1);
    EXPECT_DOUBLE_EQ(shape->get_Area(), 2.0);
    OGREnvelope box;
    shape->getEnvelope(&box);
    EXPECT_DOUBLE_EQ(box.MinX, 0.0);
    EXPECT_DOUBLE_EQ(box.MaxX, 2.0);
    EXPECT_DOUBLE_EQ(box.MinY, expected[i].min_y);
    EXPECT_DOUBLE_EQ(box.MaxY, expected[i].min_y + 1.0);
    ++i;
  }
  EXPECT_EQ(i, 2);
}

TEST_F(DissolveTest, EveryCrosswalkProblemIsReportedAndNothingIsWritten) {
  // B listed twice, E unknown, D missing, X9 an unknown district; N1 then has no small area.
  write_text(dir_ / "crosswalk.csv", "code,district_id\nA,S1\nB,S1\nB,N1\nC,X9\nE,S1\n");
  const std::string crosswalk = "crosswalk '" + (dir_ / "crosswalk.csv").string() + "' line ";
  const std::string areas = "'" + (dir_ / "areas.geojson").string() + "'";
  EXPECT_THAT([&] { dissolve_small_areas(files_); },
              ::testing::Throws<InputError>(::testing::Property(
                  &InputError::problems,
                  ::testing::ElementsAre(
                      crosswalk + "4: small area 'B' is listed again (first on line 3)",
                      crosswalk + "5: district 'X9' is not in districts table '" +
                          (dir_ / "districts.csv").string() + "'",
                      crosswalk + "6: small area 'E' is not in " + areas,
                      "small areas " + areas + " feature 4: code 'D' is not in crosswalk '" +
                          (dir_ / "crosswalk.csv").string() + "'",
                      "district 'N1' of districts table '" + (dir_ / "districts.csv").string() +
                          "' has no small area in crosswalk '" + (dir_ / "crosswalk.csv").string() +
                          "'"))));
  EXPECT_FALSE(fs::exists(files_.out));
  EXPECT_EQ(entries(dir_),
            (std::vector<std::string>{"areas.geojson", "crosswalk.csv", "districts.csv"}));
}

TEST_F(DissolveTest, ACrosswalkWhoseKeyIsNotAFieldIsRefused) {
  write_text(dir_ / "crosswalk.csv", "KEY_CODE,district_id\nA,S1\n");
  WARDSIM_EXPECT_THROW_MSG(dissolve_small_areas(files_), InputError,
                           "small areas '" + (dir_ / "areas.geojson").string() +
                               "': no field 'KEY_CODE' (named by the crosswalk's first column; it "
                               "has: code)");
}

}  // namespace
}  // namespace wardsim::io::testing
