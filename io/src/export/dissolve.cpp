#include "wardsim/io/dissolve.h"

#include <cpl_string.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "../atomic_file.h"
#include "csv_rows.h"
#include "district_layer.h"
#include "gdal_support.h"
#include "wardsim/error.h"

namespace wardsim::io {
namespace {

namespace fs = std::filesystem;

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

struct District {
  std::vector<std::string> labels;  // district_id, name_ja, name_en, region_ja, region_en
  std::unique_ptr<OGRMultiPolygon> pieces = std::make_unique<OGRMultiPolygon>();
  int small_areas = 0;
};

constexpr const char* kLabelColumns[] = {"district_id", "name_ja", "name_en", "region_ja",
                                         "region_en"};

// The districts table, in its order; problems for missing columns or repeated ids.
std::vector<District> read_districts(const fs::path& file, std::vector<std::string>& problems) {
  const auto table = read_csv_rows(file);
  std::vector<int> columns;
  for (const char* name : kLabelColumns) {
    columns.push_back(table.column(name));
    if (columns.back() < 0) {
      problems.push_back("districts table " + quoted(file) + ": no column '" + name + "'");
    }
  }
  std::vector<District> districts;
  if (std::find(columns.begin(), columns.end(), -1) != columns.end()) return districts;
  std::map<std::string, int> first_line;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    District district;
    for (int column : columns) {
      district.labels.push_back(static_cast<std::size_t>(column) < row.size()
                                    ? row[static_cast<std::size_t>(column)]
                                    : "");
    }
    const auto& id = district.labels[0];
    const auto [it, fresh] = first_line.emplace(id, table.lines[r]);
    if (id.empty() || !fresh) {
      problems.push_back(
          "districts table " + quoted(file) + " line " + std::to_string(table.lines[r]) + ": " +
          (id.empty()
               ? "empty district_id"
               : "district '" + id + "' again (first on line " + std::to_string(it->second) + ")"));
      continue;
    }
    districts.push_back(std::move(district));
  }
  return districts;
}

struct SmallArea {
  std::unique_ptr<OGRGeometry> geometry;
  int feature = 0;  // 1-based feature number, for messages
};

}  // namespace

DissolveSummary dissolve_small_areas(const DissolveFiles& files) {
  std::vector<std::string> problems;
  auto districts = read_districts(files.districts, problems);
  std::map<std::string, std::size_t> district_index;
  for (std::size_t d = 0; d < districts.size(); ++d) district_index[districts[d].labels[0]] = d;

  // The small areas, by key.
  if (!fs::exists(files.small_areas)) {
    throw IoError("cannot open small areas " + quoted(files.small_areas) + ": no such file");
  }
  const auto source = gdal::open_vector(files.small_areas);
  if (!source || source->GetLayerCount() < 1) {
    throw InputError({"small areas " + quoted(files.small_areas) +
                      " is not a vector file GDAL can read (" + gdal::last_error() + ")"});
  }
  OGRLayer* layer = source->GetLayer(0);
  const auto crosswalk = read_csv_rows(files.crosswalk);
  const std::string key_name = crosswalk.header.empty() ? "" : crosswalk.header[0];
  const int district_column = crosswalk.column(kDistrictIdField);
  if (key_name.empty() || district_column <= 0) {
    throw InputError({"crosswalk " + quoted(files.crosswalk) +
                      ": expected a header whose first column names the small areas' key field, "
                      "and a column 'district_id'"});
  }
  const int key_field = layer->GetLayerDefn()->GetFieldIndex(key_name.c_str());
  if (key_field < 0) {
    std::string fields;
    for (int i = 0; i < layer->GetLayerDefn()->GetFieldCount(); ++i) {
      fields +=
          std::string(i == 0 ? "" : ", ") + layer->GetLayerDefn()->GetFieldDefn(i)->GetNameRef();
    }
    throw InputError({"small areas " + quoted(files.small_areas) + ": no field '" + key_name +
                      "' (named by the crosswalk's first column; it has: " + fields + ")"});
  }

  std::map<std::string, SmallArea> small_areas;
  int feature_number = 0;
  layer->ResetReading();
  for (gdal::Feature feature(layer->GetNextFeature()); feature;
       feature.reset(layer->GetNextFeature())) {
    ++feature_number;
    const std::string where =
        "small areas " + quoted(files.small_areas) + " feature " + std::to_string(feature_number);
    const std::string key =
        feature->IsFieldSetAndNotNull(key_field) ? feature->GetFieldAsString(key_field) : "";
    const OGRGeometry* geometry = feature->GetGeometryRef();
    const auto type = geometry == nullptr ? wkbUnknown : wkbFlatten(geometry->getGeometryType());
    if (key.empty()) {
      problems.push_back(where + ": empty " + key_name);
    } else if (type != wkbPolygon && type != wkbMultiPolygon) {
      problems.push_back(where + " (" + key_name + " '" + key + "'): geometry is not a polygon");
    } else if (const auto it = small_areas.find(key); it != small_areas.end()) {
      problems.push_back(where + ": " + key_name + " '" + key + "' again (first on feature " +
                         std::to_string(it->second.feature) + ")");
    } else {
      small_areas[key] = {std::unique_ptr<OGRGeometry>(geometry->clone()), feature_number};
    }
  }

  // The crosswalk: every small area once, to a known district.
  std::map<std::string, int> crosswalk_line;
  for (std::size_t r = 0; r < crosswalk.rows.size(); ++r) {
    const auto& row = crosswalk.rows[r];
    const int line = crosswalk.lines[r];
    const std::string where =
        "crosswalk " + quoted(files.crosswalk) + " line " + std::to_string(line);
    const std::string key = row[0];
    const std::string district = static_cast<std::size_t>(district_column) < row.size()
                                     ? row[static_cast<std::size_t>(district_column)]
                                     : "";
    if (key.empty()) {
      problems.push_back(where + ": empty " + key_name);
      continue;
    }
    if (const auto [it, fresh] = crosswalk_line.emplace(key, line); !fresh) {
      problems.push_back(where + ": small area '" + key + "' is listed again (first on line " +
                         std::to_string(it->second) + ")");
      continue;
    }
    const auto area = small_areas.find(key);
    if (area == small_areas.end()) {
      problems.push_back(where + ": small area '" + key + "' is not in " +
                         quoted(files.small_areas));
    }
    const auto target = district_index.find(district);
    if (target == district_index.end()) {
      problems.push_back(where + ": district '" + district + "' is not in districts table " +
                         quoted(files.districts));
    }
    if (area != small_areas.end() && target != district_index.end() && area->second.geometry) {
      auto& d = districts[target->second];
      // GEOS's cascaded union takes the polygons of one MultiPolygon.
      std::unique_ptr<OGRMultiPolygon> parts(
          OGRGeometryFactory::forceToMultiPolygon(area->second.geometry.release())
              ->toMultiPolygon());
      for (const auto* part : *parts) d.pieces->addGeometry(part);
      ++d.small_areas;
    }
  }
  for (const auto& [key, area] : small_areas) {
    if (!crosswalk_line.contains(key)) {
      problems.push_back("small areas " + quoted(files.small_areas) + " feature " +
                         std::to_string(area.feature) + ": " + key_name + " '" + key +
                         "' is not in crosswalk " + quoted(files.crosswalk));
    }
  }
  for (const auto& district : districts) {
    if (district.small_areas == 0) {
      problems.push_back("district '" + district.labels[0] + "' of districts table " +
                         quoted(files.districts) + " has no small area in crosswalk " +
                         quoted(files.crosswalk));
    }
  }
  if (!problems.empty()) throw InputError(std::move(problems));

  // Union per district, then write.
  std::vector<std::unique_ptr<OGRMultiPolygon>> shapes;
  for (const auto& district : districts) {
    std::unique_ptr<OGRGeometry> united(district.pieces->UnionCascaded());
    if (!united) {
      throw InputError({"district '" + district.labels[0] +
                        "': its small areas cannot be united (" + gdal::last_error() + ")"});
    }
    shapes.emplace_back(
        OGRGeometryFactory::forceToMultiPolygon(united.release())->toMultiPolygon());
  }
  const auto driver = gdal::vector_driver_for(files.out);
  if (driver.empty()) {
    throw InputError({"output " + quoted(files.out) + ": expected a .gpkg or .geojson file"});
  }
  write_atomically(files.out, driver + " file", [&](const fs::path& temporary) {
    auto dataset = gdal::create_vector(driver, temporary, files.out);
    const std::string description =
        "District boundaries dissolved from small areas " + files.small_areas.filename().string() +
        " with crosswalk " + files.crosswalk.filename().string() + " (wardsim geo dissolve).";
    CPLStringList options;
    options.SetNameValue("DESCRIPTION", description.c_str());
    OGRLayer* out =
        dataset->CreateLayer("districts", layer->GetSpatialRef(), wkbMultiPolygon, options.List());
    if (out == nullptr) {
      throw IoError("cannot create a layer in " + quoted(files.out) + ": " + gdal::last_error());
    }
    for (const char* name : kLabelColumns) {
      OGRFieldDefn field(name, OFTString);
      out->CreateField(&field);
    }
    OGRFieldDefn status(kGeometryStatusField, OFTString);
    out->CreateField(&status);
    OGRFieldDefn count("small_areas", OFTInteger);
    out->CreateField(&count);
    for (std::size_t d = 0; d < districts.size(); ++d) {
      gdal::Feature feature(OGRFeature::CreateFeature(out->GetLayerDefn()));
      for (int i = 0; i < 5; ++i) {
        feature->SetField(i, districts[d].labels[static_cast<std::size_t>(i)].c_str());
      }
      feature->SetField(5, "dissolved");
      feature->SetField(6, districts[d].small_areas);
      feature->SetGeometry(shapes[d].get());
      if (out->CreateFeature(feature.get()) != OGRERR_NONE) {
        throw IoError("cannot write district '" + districts[d].labels[0] + "' to " +
                      quoted(files.out) + ": " + gdal::last_error());
      }
    }
  });
  return {static_cast<int>(small_areas.size()), static_cast<int>(districts.size())};
}

}  // namespace wardsim::io
