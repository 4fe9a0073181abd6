#include "district_layer.h"

#include <vector>

#include "gdal_support.h"
#include "wardsim/error.h"

namespace wardsim::io {

DistrictLayer read_district_layer(const std::filesystem::path& file) {
  const std::string name = "boundaries file '" + file.string() + "'";
  if (!std::filesystem::exists(file)) throw IoError("cannot open " + name + ": no such file");
  const auto dataset = gdal::open_vector(file);
  if (!dataset || dataset->GetLayerCount() < 1) {
    throw InputError({name + " is not a vector file GDAL can read (" + gdal::last_error() + ")"});
  }
  OGRLayer* layer = dataset->GetLayer(0);
  OGRFeatureDefn* definition = layer->GetLayerDefn();
  const int id_field = definition->GetFieldIndex(kDistrictIdField);
  if (id_field < 0) {
    throw InputError({name + ": no field '" + std::string(kDistrictIdField) +
                      "' (each feature must name its district)"});
  }
  const int status_field = definition->GetFieldIndex(kGeometryStatusField);

  DistrictLayer out;
  out.file = file;
  if (const OGRSpatialReference* srs = layer->GetSpatialRef()) out.srs.reset(srs->Clone());
  if (const char* description = layer->GetMetadataItem("DESCRIPTION")) {
    out.description = description;
  }
  out.illustrative = out.description.find("ILLUSTRATIVE") != std::string::npos;

  std::vector<std::string> problems;
  layer->ResetReading();
  int index = 0;
  for (gdal::Feature feature(layer->GetNextFeature()); feature;
       feature.reset(layer->GetNextFeature())) {
    ++index;
    const std::string where = name + " feature " + std::to_string(index);
    const std::string id =
        feature->IsFieldSetAndNotNull(id_field) ? feature->GetFieldAsString(id_field) : "";
    if (id.empty()) {
      problems.push_back(where + ": empty district_id");
      continue;
    }
    const OGRGeometry* geometry = feature->GetGeometryRef();
    const auto type = geometry == nullptr ? wkbUnknown : wkbFlatten(geometry->getGeometryType());
    if (type != wkbPolygon && type != wkbMultiPolygon) {
      problems.push_back(where + " (district '" + id + "'): geometry is not a polygon");
      continue;
    }
    if (out.geometry.contains(id)) {
      problems.push_back(where + ": district '" + id + "' appears again");
      continue;
    }
    out.geometry[id].reset(
        OGRGeometryFactory::forceToMultiPolygon(geometry->clone())->toMultiPolygon());
    const std::string status = status_field >= 0 && feature->IsFieldSetAndNotNull(status_field)
                                   ? feature->GetFieldAsString(status_field)
                                   : "";
    out.status[id] = status;
    if (status == kIllustrative) out.illustrative = true;
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return out;
}

}  // namespace wardsim::io
