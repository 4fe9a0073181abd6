#include "wardsim/viz/boundaries.h"

#include <fstream>

#include "viz/viz_test_support.h"
#include "wardsim/error.h"

namespace wardsim::viz {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;
namespace fs = std::filesystem;

class BoundariesTest : public testing::TempDirTest {
 protected:
  fs::path write_file(const std::string& name, const std::string& text) {
    const auto path = dir_ / name;
    std::ofstream(path) << text;
    return path;
  }
};

std::vector<std::string> problems_of(const fs::path& file, const std::vector<std::string>& ids) {
  try {
    load_boundaries(file, ids);
  } catch (const InputError& error) {
    return error.problems();
  }
  return {};
}

TEST_F(BoundariesTest, KeepsTheResultsDistrictsInTheirOrderAndSeesTheIllustrativeFlag) {
  const auto boundaries = load_boundaries(testing::kBoundaries, {"KT01", "SE01"});
  ASSERT_EQ(boundaries.features.size(), 2U);  // SE02 and XX99 are not asked for
  EXPECT_EQ(boundaries.features[0]["district_id"], "KT01");
  EXPECT_EQ(boundaries.features[0]["geometry"]["type"], "MultiPolygon");
  EXPECT_EQ(boundaries.features[1]["district_id"], "SE01");
  EXPECT_EQ(boundaries.features[1]["geometry"]["coordinates"][0][1][0], 139.61);
  EXPECT_TRUE(boundaries.illustrative);
  EXPECT_EQ(boundaries.note, "Invented squares for the viz tests (illustrative).");
}

TEST_F(BoundariesTest, ALayerThatDoesNotSayItIsIllustrativeIsNot) {
  const auto file =
      write_file("plain.geojson", R"({"type": "FeatureCollection", "name": "districts",
    "features": [{"type": "Feature", "properties": {"district_id": "A"},
      "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}}]})");
  const auto boundaries = load_boundaries(file, {"A"});
  EXPECT_FALSE(boundaries.illustrative);
  EXPECT_EQ(boundaries.note, "districts");
}

TEST_F(BoundariesTest, AGeometryStatusOfIllustrativeMarksTheLayer) {
  const auto file = write_file("status.geojson", R"({"type": "FeatureCollection",
    "features": [{"type": "Feature",
      "properties": {"district_id": "A", "geometry_status": "illustrative"},
      "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}}]})");
  EXPECT_TRUE(load_boundaries(file, {"A"}).illustrative);
}

TEST_F(BoundariesTest, ReportsEveryProblemAtOnce) {
  const auto file = write_file("bad.geojson", R"({"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"name": "no id"},
     "geometry": {"type": "Polygon", "coordinates": []}},
    {"type": "Feature", "properties": {"district_id": "A"},
     "geometry": {"type": "Point", "coordinates": [0, 0]}},
    {"type": "Feature", "properties": {"district_id": "B"},
     "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}},
    {"type": "Feature", "properties": {"district_id": "B"},
     "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}}]})");
  const std::string where = "boundaries file '" + file.string() + "'";
  EXPECT_THAT(problems_of(file, {"A", "B", "C"}),
              ElementsAre(where + ", feature 0: no string property 'district_id'",
                          where + ", feature 1 (district A): geometry is 'Point', expected "
                                  "Polygon or MultiPolygon",
                          where + ", feature 3: district B appears more than once",
                          where + " has no feature for district(s) A, C"));
}

TEST_F(BoundariesTest, RefusesWhatIsNotAGeoJsonFeatureCollection) {
  const auto not_json = write_file("text.geojson", "district,geometry\n");
  const auto problems = problems_of(not_json, {"A"});
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_THAT(problems[0],
              StartsWith("boundaries file '" + not_json.string() + "' is not valid GeoJSON: "));
  const auto geometry = write_file("geometry.geojson", R"({"type": "Polygon", "coordinates": []})");
  EXPECT_THAT(problems_of(geometry, {"A"}),
              ElementsAre("boundaries file '" + geometry.string() +
                          "' is not a GeoJSON FeatureCollection with a 'features' array"));
  WARDSIM_EXPECT_THROW_MSG(
      load_boundaries(dir_ / "missing.geojson", {"A"}), IoError,
      "cannot open boundaries file '" + (dir_ / "missing.geojson").string() + "': no such file");
}

}  // namespace
}  // namespace wardsim::viz
