#include "reader_support.h"

#include <algorithm>
#include <system_error>

#include "results_layout.h"
#include "wardsim/error.h"

namespace wardsim::io {

namespace fs = std::filesystem;
using engine::kAges;
using engine::kSexes;

namespace {

[[noreturn]] void not_results(const fs::path& file, const std::string& why) {
  throw InputError({quoted(file) + " is not a wardsim results file (" + why + ")"});
}

}  // namespace

[[noreturn]] void malformed(const fs::path& file, const std::string& why) {
  throw InputError({"results file " + quoted(file) + ": " + why});
}

h5::File open_results(const fs::path& file, bool comparison_files_too) {
  std::error_code error;
  const auto status = fs::status(file, error);
  if (status.type() == fs::file_type::not_found) {
    throw IoError("cannot open results file " + quoted(file) + ": no such file");
  }
  if (error) throw IoError("cannot open results file " + quoted(file) + ": " + error.message());
  if (status.type() == fs::file_type::directory) {
    throw IoError("cannot open results file " + quoted(file) + ": it is a directory");
  }
  if (!h5::File::is_hdf5(file)) not_results(file, "not an HDF5 file");

  auto h5 = h5::File::open_read_only(file);
  if (!h5.is_string_attribute("/", "format")) {
    not_results(file,
                std::string("no 'format' attribute \"") + layout::kFormatName + "\" at its root");
  }
  const auto format = h5.read_string_attribute("/", "format");
  if (comparison_files_too && format == layout::kComparisonFormatName) return h5;
  if (format != layout::kFormatName) {
    not_results(
        file, "its 'format' attribute is \"" + format + "\", not \"" + layout::kFormatName + "\"");
  }
  if (!h5.has_attribute("/", "format_version")) {
    malformed(file, "no 'format_version' attribute at its root");
  }
  const auto version = h5.read_int_attribute("/", "format_version");
  if (version != layout::kFormatVersion) {
    malformed(file, "format version " + std::to_string(version) +
                        " cannot be read: this wardsim reads version " +
                        std::to_string(layout::kFormatVersion));
  }
  return h5;
}

std::string shape_text(const h5::Shape& shape) {
  std::string text = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (i > 0) text += ", ";
    text += std::to_string(shape[i]);
  }
  return text + "]";
}

void require_dataset(const h5::File& h5, const std::string& path) {
  if (!h5.is_dataset(path)) malformed(h5.label(), "missing dataset '" + path + "'");
}

void require_shape(const h5::File& h5, const std::string& path, const h5::Shape& expected) {
  require_dataset(h5, path);
  const auto shape = h5.shape(path);
  if (shape != expected) {
    malformed(h5.label(), "dataset '" + path + "' has shape " + shape_text(shape) + ", expected " +
                              shape_text(expected));
  }
}

std::vector<std::string> scenario_names(const h5::File& h5) {
  if (!h5.is_group(layout::kScenarios)) return {};
  return h5.children(layout::kScenarios);
}

std::string require_scenario(const h5::File& h5, const std::string& scenario) {
  const auto names = scenario_names(h5);
  if (std::find(names.begin(), names.end(), scenario) == names.end()) {
    std::string have;
    for (const auto& name : names) have += (have.empty() ? "" : ", ") + name;
    malformed(h5.label(),
              "no scenario '" + scenario + "' (it has: " + (have.empty() ? "none" : have) + ")");
  }
  return layout::scenario_group(scenario);
}

std::vector<std::string> read_labels(const h5::File& h5, const std::string& path,
                                     std::size_t count) {
  require_shape(h5, path, {count});
  return h5.read_strings(path);
}

engine::Dimensions read_dims(const h5::File& h5) {
  require_dataset(h5, layout::kYear);
  const auto years = h5.read_ints(layout::kYear);
  if (years.empty()) malformed(h5.label(), "dataset '/dims/year' is empty");
  for (std::size_t i = 1; i < years.size(); ++i) {
    if (years[i] != years[i - 1] + 1) {
      malformed(h5.label(), "dataset '/dims/year' does not hold consecutive years");
    }
  }
  engine::Dimensions dims;
  dims.base_year = years.front();
  dims.end_year = years.back();

  require_dataset(h5, layout::kDistrict);
  const auto ids = h5.read_strings(layout::kDistrict);
  const auto names_ja = read_labels(h5, layout::kDistrictName, ids.size());
  const auto names_en = read_labels(h5, layout::kDistrictNameEn, ids.size());
  const auto regions_ja = read_labels(h5, layout::kRegion, ids.size());
  const auto regions_en = read_labels(h5, layout::kRegionEn, ids.size());
  for (std::size_t d = 0; d < ids.size(); ++d) {
    dims.districts.push_back({ids[d], names_ja[d], names_en[d], regions_ja[d], regions_en[d]});
  }
  // Comparison files (the only other format open_results lets through) have no sex and age.
  if (read_optional_string(h5, "/", "format") != layout::kComparisonFormatName) {
    require_shape(h5, layout::kSex, {kSexes});
    require_shape(h5, layout::kAge, {kAges});
  }
  return dims;
}

std::string read_optional_string(const h5::File& h5, const std::string& object,
                                 const std::string& name) {
  return h5.has_attribute(object, name) ? h5.read_string_attribute(object, name) : std::string();
}

}  // namespace wardsim::io
