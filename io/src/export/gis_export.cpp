#include "wardsim/io/gis_export.h"

#include <cpl_string.h>

#include <set>

#include "../atomic_file.h"
#include "district_layer.h"
#include "gdal_support.h"
#include "wardsim/error.h"

namespace wardsim::io {
namespace {

namespace fs = std::filesystem;

// One attribute: its field name and how to get its value for a district.
struct Attribute {
  std::string field;
  const ExportIndicator* indicator;
  std::size_t year;
  int category;  // -1 = sum over the cells
};

std::vector<Attribute> attributes_of(const ExportScenario& scenario) {
  std::vector<Attribute> out;
  for (const auto& indicator : scenario.indicators) {
    const auto prefix = attribute_prefix(indicator.name);
    const bool per_category = indicator.breakdown == Breakdown::kCategory && !indicator.additive;
    for (std::size_t y = 0; y < indicator.years.size(); ++y) {
      const auto year = std::to_string(indicator.years[y]);
      if (!per_category) {
        out.push_back({prefix + "_" + year, &indicator, y, -1});
        continue;
      }
      for (std::size_t c = 0; c < indicator.category_labels.size(); ++c) {
        out.push_back({prefix + "_" + indicator.category_labels[c] + "_" + year, &indicator, y,
                       static_cast<int>(c)});
      }
    }
  }
  return out;
}

// Every results district must have a feature and every feature a results district.
void check_match(const ExportData& data, const DistrictLayer& layer) {
  std::vector<std::string> problems;
  std::set<std::string> ids;
  for (const auto& district : data.dims.districts) {
    ids.insert(district.id);
    if (!layer.geometry.contains(district.id)) {
      problems.push_back("boundaries file '" + layer.file.string() +
                         "': no feature for district '" + district.id + "' of results file '" +
                         data.source.string() + "'");
    }
  }
  for (const auto& [id, geometry] : layer.geometry) {
    if (!ids.contains(id)) {
      problems.push_back("boundaries file '" + layer.file.string() + "': district '" + id +
                         "' is not a district of results file '" + data.source.string() + "'");
    }
  }
  if (!problems.empty()) throw InputError(std::move(problems));
}

std::string layer_description(const ExportData& data, const ExportScenario& scenario,
                              const DistrictLayer& layer) {
  // The geometry's status first: it is what a map reader must not miss.
  std::string text = "Geometry from " + layer.file.filename().string() + ": ";
  if (layer.illustrative && layer.description.find("ILLUSTRATIVE") == std::string::npos) {
    text += "ILLUSTRATIVE, NOT the real district boundaries. ";
  }
  text += layer.description.empty() ? "as supplied." : layer.description;
  text += " Values: wardsim scenario '" + scenario.name + "'";
  if (!scenario.provenance.scenario_title.empty()) {
    text += " (" + scenario.provenance.scenario_title + ")";
  }
  text += " from results file " + data.source.filename().string() + "; attributes <prefix>_<year>:";
  for (const auto& indicator : scenario.indicators) {
    text += " " + attribute_prefix(indicator.name) + " = " + indicator.name + " [" +
            indicator.units + "]" + (indicator.flow ? " during the year" : "") + ";";
  }
  return text;
}

void add_field(OGRLayer* layer, const std::string& name, OGRFieldType type,
               const fs::path& target) {
  OGRFieldDefn field(name.c_str(), type);
  if (layer->CreateField(&field) != OGRERR_NONE) {
    throw IoError("cannot add field '" + name + "' to '" + target.string() +
                  "': " + gdal::last_error());
  }
}

void write_layer(GDALDataset& dataset, const ExportData& data, const ExportScenario& scenario,
                 const DistrictLayer& districts, GisFormat format, const fs::path& target) {
  const auto description = layer_description(data, scenario, districts);
  CPLStringList options;
  options.SetNameValue("DESCRIPTION", description.c_str());
  if (format == GisFormat::kGeoJson) {
    options.SetNameValue("RFC7946", "YES");  // WGS84 longitude/latitude, as web maps expect
  } else {
    options.SetNameValue("IDENTIFIER", scenario.name.c_str());
  }
  OGRLayer* layer = dataset.CreateLayer(scenario.name.c_str(), districts.srs.get(), wkbMultiPolygon,
                                        options.List());
  if (layer == nullptr) {
    throw IoError("cannot create layer '" + scenario.name + "' in '" + target.string() +
                  "': " + gdal::last_error());
  }
  layer->SetMetadataItem("wardsim_geometry_status",
                         districts.illustrative ? kIllustrative : "as supplied");
  layer->SetMetadataItem("wardsim_boundaries", districts.file.filename().string().c_str());
  layer->SetMetadataItem("wardsim_scenario", scenario.name.c_str());
  layer->SetMetadataItem("wardsim_results", data.source.filename().string().c_str());

  const char* labels[] = {"district_id", "name_ja",   "name_en",
                          "region_ja",   "region_en", kGeometryStatusField};
  for (const char* label : labels) add_field(layer, label, OFTString, target);
  const auto attributes = attributes_of(scenario);
  for (const auto& attribute : attributes) add_field(layer, attribute.field, OFTReal, target);

  const std::size_t count = data.dims.districts.size();
  if (layer->StartTransaction() != OGRERR_NONE) CPLErrorReset();  // GeoJSON has none: fine
  for (std::size_t d = 0; d < count; ++d) {
    const auto& district = data.dims.districts[d];
    gdal::Feature feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
    const auto& status = districts.status.at(district.id);
    const std::string values[] = {district.id,        district.name_ja,   district.name_en,
                                  district.region_ja, district.region_en, status};
    for (int i = 0; i < 6; ++i) feature->SetField(i, values[i].c_str());
    for (std::size_t a = 0; a < attributes.size(); ++a) {
      const auto& attribute = attributes[a];
      const double value =
          attribute.category < 0
              ? attribute.indicator->district_total(attribute.year, d, count)
              : attribute.indicator->at(attribute.year, d,
                                        static_cast<std::size_t>(attribute.category), count);
      feature->SetField(static_cast<int>(6 + a), value);
    }
    feature->SetGeometry(districts.geometry.at(district.id).get());
    if (layer->CreateFeature(feature.get()) != OGRERR_NONE) {
      throw IoError("cannot write district '" + district.id + "' to '" + target.string() +
                    "': " + gdal::last_error());
    }
  }
  if (layer->CommitTransaction() != OGRERR_NONE) CPLErrorReset();
}

}  // namespace

std::string attribute_prefix(const std::string& indicator) {
  if (indicator == "population") return "pop";
  std::string prefix = indicator;
  for (char& c : prefix) {
    if (c == '.') c = '_';
  }
  return prefix;
}

void write_gis(const ExportData& data, const fs::path& file, GisFormat format,
               const fs::path& boundaries) {
  if (format == GisFormat::kGeoJson && data.scenarios.size() != 1) {
    throw InputError({"a GeoJSON file holds one layer: export one scenario, not " +
                      std::to_string(data.scenarios.size())});
  }
  const auto districts = read_district_layer(boundaries);
  check_match(data, districts);
  const std::string driver = format == GisFormat::kGeoPackage ? "GPKG" : "GeoJSON";
  write_atomically(file, driver + " file", [&](const fs::path& temporary) {
    auto dataset = gdal::create_vector(driver, temporary, file);
    for (const auto& scenario : data.scenarios) {
      write_layer(*dataset, data, scenario, districts, format, file);
    }
    dataset.reset();  // closing flushes the file
    if (CPLGetLastErrorType() >= CE_Failure) {
      throw IoError("cannot write '" + file.string() + "': " + gdal::last_error());
    }
  });
}

}  // namespace wardsim::io
