#include <string>
#include <vector>

#include "atomic_file.h"
#include "file_messages.h"
#include "h5_util.h"
#include "results_layout.h"
#include "utc_timestamp.h"
#include "wardsim/error.h"
#include "wardsim/io/comparison.h"

namespace wardsim::io {
namespace {

namespace fs = std::filesystem;

constexpr int kComparisonFormatVersion = 1;
constexpr const char* kComparisons = "/comparisons";

std::vector<std::string> district_field(const Comparison& comparison,
                                        std::string engine::District::*field) {
  std::vector<std::string> values;
  for (const auto& district : comparison.districts) values.push_back(district.*field);
  return values;
}

// Why an existing `file` cannot take `comparison`, or nothing.
std::vector<std::string> existing_file_problems(const fs::path& file,
                                                const Comparison& comparison) {
  const std::string where = "cannot add the comparison to " + quoted(file) + ": ";
  if (!h5::File::is_hdf5(file)) return {where + "it is not an HDF5 file"};
  const h5::File h5 = h5::File::open_read_only(file);
  const std::string format =
      h5.is_string_attribute("/", "format") ? h5.read_string_attribute("/", "format") : "";
  if (format != layout::kFormatName && format != layout::kComparisonFormatName) {
    return {where + "it is not a wardsim results or comparison file"};
  }
  std::vector<std::string> problems;
  if (!h5.is_dataset("/dims/year") ||
      h5.read_ints("/dims/year") !=
          std::vector<std::int32_t>(comparison.years.begin(), comparison.years.end())) {
    problems.push_back(where + "its years differ from the compared runs'");
  }
  if (!h5.is_dataset("/dims/district") ||
      h5.read_strings("/dims/district") != district_field(comparison, &engine::District::id)) {
    problems.push_back(where + "its districts differ from the compared runs'");
  }
  if (h5.exists(std::string(kComparisons) + "/" + comparison.name())) {
    problems.push_back(where + "it already holds the comparison '" + comparison.name() +
                       "' (choose another --out)");
  }
  return problems;
}

void write_new_file_header(h5::File& h5, const Comparison& comparison) {
  h5.write_string_attribute("/", "format", layout::kComparisonFormatName);
  h5.write_int_attribute("/", "format_version", kComparisonFormatVersion);
  h5.write_string_attribute("/", "created", utc_timestamp());
  h5.write_ints("/dims/year",
                std::vector<std::int32_t>(comparison.years.begin(), comparison.years.end()));
  h5.write_strings("/dims/district", district_field(comparison, &engine::District::id));
  h5.write_strings("/dims/district_name", district_field(comparison, &engine::District::name_ja));
  h5.write_strings("/dims/district_name_en",
                   district_field(comparison, &engine::District::name_en));
  h5.write_strings("/dims/region", district_field(comparison, &engine::District::region_ja));
  h5.write_strings("/dims/region_en", district_field(comparison, &engine::District::region_en));
}

void write_values(h5::File& h5, const std::string& path, const YearDistrictValues& values,
                  const std::string& units) {
  const h5::Shape shape = {static_cast<std::uint64_t>(values.rows()),
                           static_cast<std::uint64_t>(values.cols())};
  h5.write_doubles(path, shape,
                   std::span<const double>(values.data(), static_cast<std::size_t>(values.size())));
  h5.write_string_attribute(path, "dims", "year,district");
  h5.write_string_attribute(path, "units", units);
}

void write_group(h5::File& h5, const Comparison& comparison) {
  if (!h5.exists(kComparisons)) h5.create_group(kComparisons, /*track_order=*/true);
  const std::string group = std::string(kComparisons) + "/" + comparison.name();
  h5.create_group(group, /*track_order=*/true);
  h5.write_string_attribute(group, "a_file", comparison.a.file.string());
  h5.write_string_attribute(group, "a_scenario", comparison.a.scenario);
  h5.write_string_attribute(group, "b_file", comparison.b.file.string());
  h5.write_string_attribute(group, "b_scenario", comparison.b.scenario);
  h5.write_string_attribute(group, "created", utc_timestamp());
  h5.write_string_attribute(group, "note",
                            "difference = b - a; percent = 100 (b - a) / |a|, NaN where a = 0");
  std::vector<std::string> paths;
  for (const auto& indicator : comparison.indicators) {
    const std::string path = group + "/" + indicator.path;
    write_values(h5, path + "/a", indicator.a, indicator.units);
    write_values(h5, path + "/b", indicator.b, indicator.units);
    write_values(h5, path + "/difference", indicator.difference(), indicator.units);
    write_values(h5, path + "/percent", indicator.percent(), "%");
    paths.push_back(indicator.path);
  }
  h5.write_strings(group + "/indicators", paths);
}

}  // namespace

void write_comparison(const fs::path& file, const Comparison& comparison) {
  const bool existing = fs::exists(file);
  if (existing) {
    if (auto problems = existing_file_problems(file, comparison); !problems.empty()) {
      throw InputError(std::move(problems));
    }
  }
  write_atomically(file, "results file", [&](const fs::path& temporary) {
    if (existing) {
      std::error_code error;
      fs::copy_file(file, temporary, fs::copy_options::overwrite_existing, error);
      if (error) {
        throw IoError("cannot copy " + quoted(file) + " to add the comparison: " + error.message());
      }
    }
    {
      h5::File h5 =
          existing ? h5::File::open_read_write(temporary, file) : h5::File::create(temporary, file);
      if (!existing) write_new_file_header(h5, comparison);
      write_group(h5, comparison);
      h5.close();
    }
  });
}

}  // namespace wardsim::io
