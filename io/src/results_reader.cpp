#include "wardsim/io/results_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iomanip>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include "describe_groups.h"
#include "h5_util.h"
#include "reader_support.h"
#include "results_layout.h"
#include "service_reader.h"
#include "wardsim/error.h"

namespace wardsim::io {
namespace {

namespace fs = std::filesystem;
using engine::kAges;
using engine::kCells;
using engine::kSexes;

// Splits a row-major [n][rows][cols] block into n arrays of rows × cols.
template <class Array>
std::vector<Array> split_years(const std::vector<double>& values, std::size_t years,
                               Eigen::Index rows) {
  std::vector<Array> out;
  out.reserve(years);
  const auto block =
      static_cast<std::size_t>(rows) * static_cast<std::size_t>(Array::ColsAtCompileTime);
  for (std::size_t y = 0; y < years; ++y) {
    Array array(rows, Array::ColsAtCompileTime);
    std::copy(values.begin() + static_cast<std::ptrdiff_t>(y * block),
              values.begin() + static_cast<std::ptrdiff_t>((y + 1) * block), array.data());
    out.push_back(std::move(array));
  }
  return out;
}

Provenance read_provenance_from(const h5::File& h5, const std::string& group) {
  Provenance provenance;
  provenance.wardsim_version = h5.read_string_attribute(group, "wardsim_version");
  provenance.scenario_name = h5.read_string_attribute(group, "scenario_name");
  provenance.scenario_title = h5.read_string_attribute(group, "scenario_title");
  provenance.scenario_file = h5.read_string_attribute(group, "scenario_file");
  provenance.scenario_text = h5.read_string_attribute(group, "scenario_text");
  provenance.overrides = h5.read_strings_attribute(group, "overrides");
  provenance.mode = h5.read_string_attribute(group, "mode");
  provenance.threads = static_cast<int>(h5.read_int_attribute(group, "threads"));
  provenance.seed = h5.read_uint64_attribute(group, "seed");
  provenance.created = h5.read_string_attribute(group, "created");
  provenance.estimates = h5.read_strings_attribute(group, "estimates");

  const std::string paths = group + "/provenance/input_path";
  const std::string digests = group + "/provenance/input_sha256";
  require_dataset(h5, paths);
  const auto input_paths = h5.read_strings(paths);
  const auto input_digests = read_labels(h5, digests, input_paths.size());
  for (std::size_t i = 0; i < input_paths.size(); ++i) {
    provenance.inputs.push_back({input_paths[i], input_digests[i]});
  }
  return provenance;
}

// ---- describe_results ----

// 1234567.25 → "1,234,567.3"
std::string persons_text(double value) {
  std::ostringstream fixed;
  fixed << std::fixed << std::setprecision(1) << std::abs(value);
  const std::string digits = fixed.str();
  const auto point = digits.find('.');
  std::string grouped;
  for (std::size_t i = 0; i < point; ++i) {
    if (i > 0 && (point - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return (value < 0 ? "-" : "") + grouped + digits.substr(point);
}

void collect_datasets(const h5::File& h5, const std::string& group, const std::string& prefix,
                      std::vector<std::string>& out) {
  for (const auto& child : h5.children(group)) {
    const auto path = h5::join(group, child);
    if (h5.is_group(path)) {
      collect_datasets(h5, path, prefix + child + "/", out);
    } else if (h5.is_dataset(path)) {
      out.push_back(prefix + child);
    }
  }
}

void describe_scenario(const h5::File& h5, const std::string& name, const engine::Dimensions& dims,
                       std::ostream& out) {
  const auto group = layout::scenario_group(name);
  const auto provenance = read_provenance_from(h5, group);
  out << "\nscenario " << name;
  if (!provenance.scenario_title.empty()) out << " — " << provenance.scenario_title;
  out << "\n";
  out << "  mode " << provenance.mode << ", threads " << provenance.threads << ", seed "
      << provenance.seed << ", created " << provenance.created << ", wardsim "
      << provenance.wardsim_version << "\n";
  if (!provenance.scenario_file.empty())
    out << "  scenario file: " << provenance.scenario_file << "\n";
  for (const auto& override_text : provenance.overrides) {
    out << "  override: " << override_text << "\n";
  }

  const std::string population = group + "/population";
  if (h5.is_dataset(population)) {
    const auto shape = h5.shape(population);
    if (!shape.empty() && shape.front() > 0) {
      const auto first = h5.read_doubles_slice(population, 0);
      const auto last = h5.read_doubles_slice(population, shape.front() - 1);
      auto sum = [](const std::vector<double>& v) {
        double total = 0.0;
        for (double x : v) total += x;
        return total;
      };
      out << "  ward total: " << dims.base_year << " " << persons_text(sum(first)) << " → "
          << dims.base_year + static_cast<int>(shape.front()) - 1 << " " << persons_text(sum(last))
          << "\n";
    }
  }

  std::vector<std::string> datasets;
  collect_datasets(h5, group, "", datasets);
  // The provenance datasets are shown as inputs, the services in their own section below.
  std::erase_if(datasets, [](const std::string& d) {
    return d.starts_with("provenance/") || d.starts_with(std::string(layout::kServices) + "/");
  });
  std::size_t width = 0;
  for (const auto& dataset : datasets) width = std::max(width, dataset.size());
  out << "  datasets:\n";
  for (const auto& dataset : datasets) {
    const auto path = h5::join(group, dataset);
    out << "    " << std::left << std::setw(static_cast<int>(width)) << dataset << "  "
        << h5.type_name(path) << " " << shape_text(h5.shape(path));
    const auto dims_text = read_optional_string(h5, path, "dims");
    if (!dims_text.empty()) out << " (" << dims_text << ")";
    const auto units = read_optional_string(h5, path, "units");
    if (!units.empty()) out << " " << units;
    out << "\n";
  }
  out << std::right;
  describe_services(h5, group, out);

  out << "  inputs: " << provenance.inputs.size() << "\n";
  for (const auto& input : provenance.inputs) {
    out << "    " << input.sha256.substr(0, 12) << "  " << input.path << "\n";
  }
  out << "  estimates: " << provenance.estimates.size() << "\n";
  for (const auto& estimate : provenance.estimates) out << "    - " << estimate << "\n";
}

}  // namespace

std::vector<std::string> list_scenarios(const fs::path& file) {
  return scenario_names(open_results(file));
}

engine::Dimensions read_dimensions(const fs::path& file) { return read_dims(open_results(file)); }

engine::Projection read_projection(const fs::path& file, const std::string& scenario) {
  const auto h5 = open_results(file);
  const auto group = require_scenario(h5, scenario);

  engine::Projection projection;
  projection.dims = read_dims(h5);
  const auto& dims = projection.dims;
  const auto years = static_cast<std::uint64_t>(dims.years());
  const auto steps = static_cast<std::uint64_t>(dims.steps());
  const auto districts = static_cast<std::uint64_t>(dims.district_count());
  const auto rows = static_cast<Eigen::Index>(districts);

  const std::string population = group + "/population";
  require_shape(h5, population, {years, districts, kSexes, kAges});
  projection.population =
      split_years<engine::DistrictCube>(h5.read_doubles(population), years, rows);

  projection.flows.assign(steps, engine::YearFlows(dims.district_count()));
  const std::string births = group + "/flows/births";
  require_shape(h5, births, {steps, districts, kSexes});
  auto births_by_year = split_years<engine::DistrictSexTable>(h5.read_doubles(births), steps, rows);
  for (std::size_t y = 0; y < steps; ++y) projection.flows[y].births = std::move(births_by_year[y]);

  for (const auto& flow : layout::kFlowCubes) {
    const std::string path = group + "/flows/" + flow.name;
    require_shape(h5, path, {steps, districts, kSexes, kAges});
    auto cubes = split_years<engine::DistrictCube>(h5.read_doubles(path), steps, rows);
    for (std::size_t y = 0; y < steps; ++y) projection.flows[y].*flow.member = std::move(cubes[y]);
  }
  return projection;
}

std::vector<models::ServiceResult> read_services(const fs::path& file,
                                                 const std::string& scenario) {
  const auto h5 = open_results(file);
  const auto group = require_scenario(h5, scenario);
  return read_services_from(h5, group, read_dims(h5));
}

Provenance read_provenance(const fs::path& file, const std::string& scenario) {
  const auto h5 = open_results(file);
  return read_provenance_from(h5, require_scenario(h5, scenario));
}

void describe_results(const fs::path& file, std::ostream& out) {
  const auto h5 = open_results(file, /*comparison_files_too=*/true);
  const auto dims = read_dims(h5);
  const auto names = scenario_names(h5);

  out << "results file " << file.string() << "\n";
  out << "format " << layout::kFormatName << " version " << layout::kFormatVersion << ", wardsim "
      << read_optional_string(h5, "/", "wardsim_version") << ", created "
      << read_optional_string(h5, "/", "created") << "\n";
  out << "dims:\n";
  out << "  year      " << dims.years() << " snapshots, " << dims.base_year << ".." << dims.end_year
      << " (1 January); flows " << dims.steps() << " years";
  if (dims.steps() > 0) out << ", " << dims.base_year << ".." << dims.end_year - 1;
  out << "\n";
  out << "  district  " << dims.district_count() << ":";
  constexpr std::size_t kShown = 5;
  for (std::size_t d = 0; d < dims.districts.size() && d < kShown; ++d) {
    const auto& district = dims.districts[d];
    out << (d == 0 ? " " : ", ") << district.id;
    if (!district.name_ja.empty()) out << " " << district.name_ja;
  }
  if (dims.districts.size() > kShown) out << ", … (" << dims.districts.size() - kShown << " more)";
  out << "\n";
  // A comparison-only file has no sex and age dimensions.
  if (h5.is_dataset(layout::kSex)) {
    const auto sexes = h5.read_strings(layout::kSex);
    out << "  sex       " << sexes.size() << ":";
    for (std::size_t s = 0; s < sexes.size(); ++s) out << (s == 0 ? " " : ", ") << sexes[s];
    out << "\n";
    out << "  age       " << kAges << ": 0.." << engine::kOpenAge << " ("
        << read_optional_string(h5, layout::kAge, "note") << ")\n";
  }
  describe_batch_group(h5, out);
  out << "scenarios: " << names.size() << "\n";
  for (const auto& name : names) describe_scenario(h5, name, dims, out);
  describe_comparisons(h5, out);
}

}  // namespace wardsim::io
