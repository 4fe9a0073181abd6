#include "wardsim/viz/boundaries.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <sstream>

#include "wardsim/error.h"

namespace wardsim::viz {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool says_illustrative(const Json& object) {
  if (!object.is_object()) return false;
  const auto flag = object.find("illustrative");
  if (flag != object.end() && flag->is_boolean() && flag->get<bool>()) return true;
  for (const char* key : {"geometry_status", "wardsim_geometry_status"}) {
    const auto status = object.find(key);
    if (status != object.end() && status->is_string() &&
        lower(status->get<std::string>()) == "illustrative") {
      return true;
    }
  }
  for (const char* key : {"name", "description", "title"}) {
    const auto text = object.find(key);
    if (text != object.end() && text->is_string() &&
        lower(text->get<std::string>()).find("illustrative") != std::string::npos) {
      return true;
    }
  }
  return false;
}

// The layer's own words about itself: a description (or note) at the top or in its metadata,
// else its name.
std::string describe(const Json& collection) {
  const Json empty = Json::object();
  const Json& metadata = collection.contains("metadata") && collection.at("metadata").is_object()
                             ? collection.at("metadata")
                             : empty;
  for (const char* key : {"description", "note", "name"}) {
    for (const Json* object : {&collection, &metadata}) {
      const auto text = object->find(key);
      if (text != object->end() && text->is_string()) return text->get<std::string>();
    }
  }
  return {};
}

Json parse(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw IoError("cannot open boundaries file '" + file.string() + "'" +
                  (fs::exists(file) ? "" : ": no such file"));
  }
  std::stringstream text;
  text << in.rdbuf();
  try {
    return Json::parse(text.str());
  } catch (const Json::parse_error& error) {
    throw InputError({"boundaries file '" + file.string() +
                      "' is not valid GeoJSON: " + std::string(error.what())});
  }
}

}  // namespace

DistrictBoundaries load_boundaries(const fs::path& file,
                                   const std::vector<std::string>& district_ids) {
  const Json collection = parse(file);
  const std::string where = "boundaries file '" + file.string() + "'";
  if (!collection.is_object() || collection.value("type", "") != "FeatureCollection" ||
      !collection.contains("features") || !collection.at("features").is_array()) {
    throw InputError({where + " is not a GeoJSON FeatureCollection with a 'features' array"});
  }

  std::vector<std::string> problems;
  std::map<std::string, const Json*> by_id;
  const auto& features = collection.at("features");
  for (std::size_t i = 0; i < features.size(); ++i) {
    const auto& feature = features[i];
    const std::string which = where + ", feature " + std::to_string(i);
    const Json* properties = feature.contains("properties") ? &feature.at("properties") : nullptr;
    if (properties == nullptr || !properties->is_object() || !properties->contains("district_id") ||
        !properties->at("district_id").is_string()) {
      problems.push_back(which + ": no string property 'district_id'");
      continue;
    }
    const auto id = properties->at("district_id").get<std::string>();
    const auto type = feature.contains("geometry") && feature.at("geometry").is_object()
                          ? feature.at("geometry").value("type", "")
                          : std::string();
    if (type != "Polygon" && type != "MultiPolygon") {
      problems.push_back(which + " (district " + id + "): geometry is '" + type +
                         "', expected Polygon or MultiPolygon");
      continue;
    }
    if (!by_id.emplace(id, &feature).second) {
      problems.push_back(which + ": district " + id + " appears more than once");
    }
  }

  DistrictBoundaries boundaries;
  boundaries.source = file;
  std::string missing;
  for (const auto& id : district_ids) {
    const auto found = by_id.find(id);
    if (found == by_id.end()) {
      missing += (missing.empty() ? "" : ", ") + id;
      continue;
    }
    boundaries.features.push_back(
        Json{{"district_id", id}, {"geometry", found->second->at("geometry")}});
    boundaries.illustrative =
        boundaries.illustrative || says_illustrative(found->second->at("properties"));
  }
  if (!missing.empty()) problems.push_back(where + " has no feature for district(s) " + missing);
  if (!problems.empty()) throw InputError(std::move(problems));

  boundaries.illustrative =
      boundaries.illustrative || says_illustrative(collection) ||
      (collection.contains("metadata") && says_illustrative(collection.at("metadata")));
  boundaries.note = describe(collection);
  return boundaries;
}

}  // namespace wardsim::viz
