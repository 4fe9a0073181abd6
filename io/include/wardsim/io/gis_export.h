#pragma once
// GIS layers for QGIS and friends: one feature per district (id, names, region, geometry from a
// district layer) with one attribute per indicator and year (docs/export.md).

#include <filesystem>
#include <string>
#include <vector>

#include "wardsim/io/export_data.h"

namespace wardsim::io {

enum class GisFormat {
  kGeoPackage,  // one layer per scenario, named after it
  kGeoJson,     // a single layer: exactly one scenario
};

// Attribute name prefix of an indicator: "pop" for population, else the name with '.' → '_'
// ("childcare.demand" → "childcare_demand"). Attributes are "<prefix>_<year>", and
// "<prefix>_<category>_<year>" for ratios with categories (which are not summed).
std::string attribute_prefix(const std::string& indicator);

// Writes `data` to `file` (atomically) with geometry from `boundaries` (any vector file with a
// district_id field). Every district of the results needs a feature, and every feature a district
// of the results: otherwise InputError listing them all, before anything is written. The layer's
// description says whether the geometry is illustrative.
void write_gis(const ExportData& data, const std::filesystem::path& file, GisFormat format,
               const std::filesystem::path& boundaries);

}  // namespace wardsim::io
