#include "wardsim/io/gis_export.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "io/export/export_fixture.h"
#include "wardsim/error.h"

namespace wardsim::io::testing {
namespace {

namespace fs = std::filesystem;

struct Closer {
  void operator()(GDALDataset* dataset) const { GDALClose(dataset); }
};
using Dataset = std::unique_ptr<GDALDataset, Closer>;

Dataset open(const fs::path& file) {
  GDALAllRegister();
  return Dataset(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
}

class GisExportTest : public TempDirTest {};

TEST_F(GisExportTest, GeoPackageHas28DistrictsWithTheirAttributesAndSaysIllustrative) {
  const auto dims = setagaya_dims();
  ASSERT_EQ(dims.districts.size(), 28U);
  const auto results = dir_ / "setagaya.h5";
  write_tiny_results(results, dims);
  ExportSelection selection;
  selection.indicators = {"population", "births", "childcare.demand", "childcare.utilisation"};
  const auto data = read_export_data(results, selection);
  write_gis(data, dir_ / "out.gpkg", GisFormat::kGeoPackage, kBundledBoundaries);

  const auto dataset = open(dir_ / "out.gpkg");
  ASSERT_TRUE(dataset);
  ASSERT_EQ(dataset->GetLayerCount(), 2);  // one per scenario
  OGRLayer* layer = dataset->GetLayerByName("high");
  ASSERT_NE(layer, nullptr);
  EXPECT_EQ(layer->GetFeatureCount(), 28);
  EXPECT_STREQ(layer->GetMetadataItem("wardsim_geometry_status"), "illustrative");
  EXPECT_THAT(layer->GetMetadataItem("DESCRIPTION"),
              ::testing::HasSubstr("ILLUSTRATIVE geometry, NOT the real district boundaries"));
  EXPECT_EQ(wkbFlatten(layer->GetGeomType()), wkbMultiPolygon);

  int seen = 0;
  for (auto& feature : *layer) {
    const std::string id = feature->GetFieldAsString("district_id");
    const auto it = std::find_if(dims.districts.begin(), dims.districts.end(),
                                 [&](const engine::District& d) { return d.id == id; });
    ASSERT_NE(it, dims.districts.end()) << id;
    const auto d = static_cast<std::size_t>(it - dims.districts.begin());
    EXPECT_STREQ(feature->GetFieldAsString("name_ja"), it->name_ja.c_str());
    EXPECT_STREQ(feature->GetFieldAsString("region_en"), it->region_en.c_str());
    EXPECT_STREQ(feature->GetFieldAsString("geometry_status"), "illustrative");
    // pop_2026 = the district's population summed over sex and age, from the fixture's formula.
    double pop = 0.0;
    for (int s = 0; s < engine::kSexes; ++s) {
      for (int a = 0; a < engine::kAges; ++a) {
        pop += cell_value(0, 1, static_cast<int>(d), s, a) + 1000;
      }
    }
    EXPECT_NEAR(feature->GetFieldAsDouble("pop_2026"), pop, 1e-9 * pop) << id;
    EXPECT_EQ(feature->GetFieldAsDouble("births_2025"),
              cell_value(1, 0, static_cast<int>(d), 0, 0) +
                  cell_value(1, 0, static_cast<int>(d), 1, 0) + 2000)
        << id;
    // A count with categories is summed; a ratio keeps one attribute per category.
    double demand = 0.0;
    for (int c = 0; c < 3; ++c) demand += service_value(1, 2, static_cast<int>(d), c);
    EXPECT_NEAR(feature->GetFieldAsDouble("childcare_demand_2027"), demand, 1e-9) << id;
    EXPECT_EQ(feature->GetFieldAsDouble("childcare_utilisation_2025"),
              service_value(4, 0, static_cast<int>(d), 0));
    EXPECT_GT(feature->GetGeometryRef()->toMultiPolygon()->get_Area(), 0.0);
    ++seen;
  }
  EXPECT_EQ(seen, 28);
  EXPECT_EQ(layer->GetLayerDefn()->GetFieldIndex("pop_2028"), -1);  // the fixture ends in 2027
  EXPECT_EQ(entries(dir_), (std::vector<std::string>{"out.gpkg", "setagaya.h5"}));
}

TEST_F(GisExportTest, GeoJsonCarriesTheIllustrativeDescription) {
  const auto results = dir_ / "setagaya.h5";
  write_tiny_results(results, setagaya_dims());
  ExportSelection selection;
  selection.scenarios = {"baseline"};
  selection.indicators = {"population"};
  write_gis(read_export_data(results, selection), dir_ / "out.geojson", GisFormat::kGeoJson,
            kBundledBoundaries);
  const auto dataset = open(dir_ / "out.geojson");
  ASSERT_TRUE(dataset);
  OGRLayer* layer = dataset->GetLayer(0);
  EXPECT_EQ(layer->GetFeatureCount(), 28);
  EXPECT_THAT(layer->GetMetadataItem("DESCRIPTION"), ::testing::HasSubstr("ILLUSTRATIVE"));
  EXPECT_GE(layer->GetLayerDefn()->GetFieldIndex("pop_2025"), 0);
}

TEST_F(GisExportTest, DistrictsWithoutAFeatureAndFeaturesWithoutADistrictAreListed) {
  auto dims = setagaya_dims();
  dims.districts.pop_back();  // KR03 has a feature but no results
  dims.districts.push_back({"XX01", "架空", "Nowhere", "架空地域", "None"});  // no feature
  const auto results = dir_ / "mismatch.h5";
  write_tiny_results(results, dims);
  ExportSelection selection;
  selection.scenarios = {"baseline"};
  const auto data = read_export_data(results, selection);
  const std::string boundaries = "boundaries file '" + kBundledBoundaries.string() + "': ";
  EXPECT_THAT(
      [&] { write_gis(data, dir_ / "out.gpkg", GisFormat::kGeoPackage, kBundledBoundaries); },
      ::testing::Throws<InputError>(::testing::Property(
          &InputError::problems,
          ::testing::ElementsAre(boundaries + "no feature for district 'XX01' of results file '" +
                                     results.string() + "'",
                                 boundaries +
                                     "district 'KR03' is not a district of results file '" +
                                     results.string() + "'"))));
  EXPECT_EQ(entries(dir_), std::vector<std::string>{"mismatch.h5"});
}

}  // namespace
}  // namespace wardsim::io::testing
