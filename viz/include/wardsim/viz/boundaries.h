#pragma once
// District boundaries for the maps: a GeoJSON FeatureCollection with one Polygon or MultiPolygon
// feature per district, keyed by the property `district_id`.

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace wardsim::viz {

struct DistrictBoundaries {
  std::filesystem::path source;
  // The layer says its geometry is illustrative (not surveyed boundaries): at its top, in its
  // `metadata` or in a feature's properties, `illustrative: true`, `geometry_status` or
  // `wardsim_geometry_status` = "illustrative", or a name/description/title mentioning it.
  bool illustrative = false;
  std::string note;  // the layer's own description of itself, if any
  // One per district of the results, in their order: {"district_id", "geometry"}.
  nlohmann::ordered_json features = nlohmann::ordered_json::array();
};

// Reads `file` and keeps the features of `district_ids`. Throws InputError listing every problem
// (not JSON, not a FeatureCollection, features without a district id or polygon geometry,
// districts without a feature) and IoError when the file cannot be read.
DistrictBoundaries load_boundaries(const std::filesystem::path& file,
                                   const std::vector<std::string>& district_ids);

}  // namespace wardsim::viz
