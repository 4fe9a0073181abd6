#pragma once
// Builds a real district layer from small-area polygons (e.g. census 町丁目 boundaries) and a
// small-area → district crosswalk, so that a ward can replace the illustrative layer.

#include <filesystem>

namespace wardsim::io {

struct DissolveFiles {
  std::filesystem::path small_areas;  // any vector file GDAL reads (first layer)
  // CSV: the first column's header names the small areas' key field and holds its values; a
  // column "district_id" names each one's district.
  std::filesystem::path crosswalk;
  // CSV with district_id, name_ja, name_en, region_ja, region_en (the dataset's districts.csv).
  std::filesystem::path districts;
  std::filesystem::path out;  // .gpkg or .geojson
};

struct DissolveSummary {
  int small_areas = 0;
  int districts = 0;
};

// Unions the small areas of each district and writes one MultiPolygon feature per district (in
// the districts table's order) with its id, names, region and the number of small areas, in the
// small areas' coordinate system. Every problem (unknown or repeated small areas, small areas
// missing from the crosswalk, unknown districts, districts without small areas, features without
// a polygon) is reported at once as an InputError before anything is written.
DissolveSummary dissolve_small_areas(const DissolveFiles& files);

}  // namespace wardsim::io
