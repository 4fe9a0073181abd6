#pragma once
// Private to wardsim::io: a district layer (one polygon feature per district id) read from any
// vector file GDAL reads: the bundled illustrative layer, or one built by `wardsim geo dissolve`.

#include <ogr_geometry.h>
#include <ogr_spatialref.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>

namespace wardsim::io {

// The field naming each feature's district.
inline constexpr const char* kDistrictIdField = "district_id";
// The field (and status value) that marks geometry as not the real boundaries.
inline constexpr const char* kGeometryStatusField = "geometry_status";
inline constexpr const char* kIllustrative = "illustrative";

struct DistrictLayer {
  std::filesystem::path file;
  std::map<std::string, std::unique_ptr<OGRMultiPolygon>> geometry;  // by district id
  std::map<std::string, std::string> status;  // geometry_status by district id ("" if none)
  std::unique_ptr<OGRSpatialReference> srs;   // null when the file has none
  std::string description;                    // the layer's DESCRIPTION metadata, if any
  bool illustrative = false;  // any feature is marked illustrative, or the description says so
};

// Reads the first layer of `file`. InputError listing every problem (not a vector file, no
// district_id field, features without an id or a polygon, repeated ids).
DistrictLayer read_district_layer(const std::filesystem::path& file);

}  // namespace wardsim::io
