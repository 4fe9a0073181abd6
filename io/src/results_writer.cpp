#include "wardsim/io/results_writer.h"

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "atomic_file.h"
#include "backcast_group.h"
#include "file_messages.h"
#include "h5_util.h"
#include "results_layout.h"
#include "service_writer.h"
#include "utc_timestamp.h"
#include "wardsim/error.h"

namespace wardsim::io {
namespace {

namespace fs = std::filesystem;
using engine::kAges;
using engine::kCells;
using engine::kSexes;

std::string describe_years(const engine::Dimensions& dims) {
  return std::to_string(dims.base_year) + ".." + std::to_string(dims.end_year);
}

// ---- validation: every problem is collected before anything is written ----

void check_shapes(const engine::Projection& projection, const std::string& who,
                  std::vector<std::string>& problems) {
  const auto& dims = projection.dims;
  const auto districts = static_cast<Eigen::Index>(dims.district_count());
  if (dims.end_year < dims.base_year) {
    problems.push_back(who + " has end year " + std::to_string(dims.end_year) +
                       " before its base year " + std::to_string(dims.base_year));
    return;
  }
  if (districts == 0) problems.push_back(who + " has no districts");
  if (projection.population.size() != static_cast<std::size_t>(dims.years())) {
    problems.push_back(who + " has " + std::to_string(projection.population.size()) +
                       " population snapshots, expected " + std::to_string(dims.years()) +
                       " (years " + describe_years(dims) + ")");
  }
  for (std::size_t y = 0; y < projection.population.size(); ++y) {
    if (projection.population[y].rows() != districts) {
      problems.push_back(who + " population of " +
                         std::to_string(dims.base_year + static_cast<int>(y)) + " has " +
                         std::to_string(projection.population[y].rows()) + " districts, expected " +
                         std::to_string(districts));
      break;
    }
  }
  if (projection.flows.size() != static_cast<std::size_t>(dims.steps())) {
    problems.push_back(who + " has " + std::to_string(projection.flows.size()) +
                       " years of flows, expected " + std::to_string(dims.steps()));
  }
  for (std::size_t y = 0; y < projection.flows.size(); ++y) {
    const auto& flows = projection.flows[y];
    bool ok = flows.births.rows() == districts;
    for (const auto& cube : layout::kFlowCubes) ok = ok && (flows.*cube.member).rows() == districts;
    if (!ok) {
      problems.push_back(who + " flows of " + std::to_string(dims.base_year + static_cast<int>(y)) +
                         " do not have " + std::to_string(districts) + " districts");
      break;
    }
  }
}

void check_same_dims(const engine::Dimensions& dims, const std::string& who,
                     const engine::Dimensions& first, const std::string& first_who,
                     std::vector<std::string>& problems) {
  const std::string rule = ": all scenarios in one results file must share years and districts";
  if (dims.base_year != first.base_year || dims.end_year != first.end_year) {
    problems.push_back(who + " has years " + describe_years(dims) + " but " + first_who + " has " +
                       describe_years(first) + rule);
  }
  if (dims.districts.size() != first.districts.size()) {
    problems.push_back(who + " has " + std::to_string(dims.districts.size()) + " districts but " +
                       first_who + " has " + std::to_string(first.districts.size()) + rule);
    return;
  }
  for (std::size_t d = 0; d < dims.districts.size(); ++d) {
    const auto& a = dims.districts[d];
    const auto& b = first.districts[d];
    if (a.id != b.id || a.name_ja != b.name_ja || a.name_en != b.name_en ||
        a.region_ja != b.region_ja || a.region_en != b.region_en) {
      problems.push_back(who + " district " + std::to_string(d + 1) + " is '" + a.id + "' (" +
                         a.name_en + ") but in " + first_who + " it is '" + b.id + "' (" +
                         b.name_en + ")" + rule);
      return;
    }
  }
}

bool valid_group_name(const std::string& name) {
  return name != "." && name != ".." && name.find('/') == std::string::npos;
}

void validate(const fs::path& file, const std::vector<ScenarioResults>& scenarios) {
  std::vector<std::string> problems;
  if (scenarios.empty()) problems.push_back("no scenarios to write");
  std::set<std::string> names;
  const engine::Projection* first = nullptr;
  std::string first_who;
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    const auto& name = scenarios[i].provenance.scenario_name;
    const std::string who =
        name.empty() ? "scenario #" + std::to_string(i + 1) : "scenario '" + name + "'";
    if (name.empty()) {
      problems.push_back(who + " has no name (provenance.scenario_name)");
    } else if (!valid_group_name(name)) {
      problems.push_back(who +
                         ": the name cannot name an HDF5 group (it contains '/' or is a dot)");
    } else if (!names.insert(name).second) {
      problems.push_back(who + " appears more than once: each scenario needs its own name");
    }
    const auto* projection = scenarios[i].projection;
    if (projection == nullptr) {
      problems.push_back(who + " has no projection");
      continue;
    }
    const auto before = problems.size();
    check_shapes(*projection, who, problems);
    if (scenarios[i].services != nullptr && problems.size() == before) {
      check_services(*scenarios[i].services, projection->dims, who, problems);
    }
    if (first == nullptr) {
      first = projection;
      first_who = who;
    } else {
      check_same_dims(projection->dims, who, first->dims, first_who, problems);
    }
  }
  if (problems.empty()) return;
  for (auto& problem : problems) problem = "results file " + quoted(file) + ": " + problem;
  throw InputError(std::move(problems));
}

// ---- writing ----

void write_dims(h5::File& h5, const engine::Dimensions& dims) {
  h5.create_group(layout::kDims, /*track_order=*/true);
  std::vector<std::int32_t> years;
  for (int year = dims.base_year; year <= dims.end_year; ++year) years.push_back(year);
  h5.write_ints(layout::kYear, years);
  h5.write_string_attribute(layout::kYear, "note", "population snapshots on 1 January");

  years.pop_back();
  h5.write_ints(layout::kFlowYear, years);
  h5.write_string_attribute(layout::kFlowYear, "note",
                            "flows during the year: 1 January to 1 January of the next year");

  std::vector<std::string> ids, names_ja, names_en, regions_ja, regions_en;
  for (const auto& district : dims.districts) {
    ids.push_back(district.id);
    names_ja.push_back(district.name_ja);
    names_en.push_back(district.name_en);
    regions_ja.push_back(district.region_ja);
    regions_en.push_back(district.region_en);
  }
  h5.write_strings(layout::kDistrict, ids);
  h5.write_strings(layout::kDistrictName, names_ja);
  h5.write_strings(layout::kDistrictNameEn, names_en);
  h5.write_strings(layout::kRegion, regions_ja);
  h5.write_strings(layout::kRegionEn, regions_en);

  std::vector<std::string> sexes;
  for (int sex = 0; sex < kSexes; ++sex) sexes.emplace_back(engine::sex_name(sex));
  h5.write_strings(layout::kSex, sexes);

  std::vector<std::int32_t> ages;
  for (int age = 0; age < kAges; ++age) ages.push_back(age);
  h5.write_ints(layout::kAge, ages);
  h5.write_string_attribute(layout::kAge, "note", layout::kOpenAgeNote);
}

void write_attributes(h5::File& h5, const std::string& path, const char* dims) {
  h5.write_string_attribute(path, "dims", dims);
  h5.write_string_attribute(path, "units", layout::kUnits);
}

void write_provenance_attributes(h5::File& h5, const std::string& group,
                                 const Provenance& provenance) {
  h5.write_string_attribute(group, "wardsim_version", provenance.wardsim_version);
  h5.write_string_attribute(group, "scenario_name", provenance.scenario_name);
  h5.write_string_attribute(group, "scenario_title", provenance.scenario_title);
  h5.write_string_attribute(group, "scenario_file", provenance.scenario_file);
  h5.write_string_attribute(group, "scenario_text", provenance.scenario_text);
  h5.write_strings_attribute(group, "overrides", provenance.overrides);
  h5.write_string_attribute(group, "mode", provenance.mode);
  h5.write_int_attribute(group, "threads", provenance.threads);
  h5.write_uint64_attribute(group, "seed", provenance.seed);
  // A run that does not say when it was made is stamped with the time of writing.
  h5.write_string_attribute(group, "created",
                            provenance.created.empty() ? utc_timestamp() : provenance.created);
  h5.write_strings_attribute(group, "estimates", provenance.estimates);
}

void write_inputs(h5::File& h5, const std::string& group, const Provenance& provenance) {
  std::vector<std::string> paths, digests;
  for (const auto& input : provenance.inputs) {
    paths.push_back(input.path);
    digests.push_back(input.sha256);
  }
  h5.create_group(group + "/provenance", /*track_order=*/true);
  h5.write_strings(group + "/provenance/input_path", paths);
  h5.write_strings(group + "/provenance/input_sha256", digests);
  h5.write_string_attribute(group + "/provenance/input_sha256", "note",
                            "SHA-256 of the file's bytes, lowercase hex; same order as input_path");
}

void write_scenario(h5::File& h5, const ScenarioResults& scenario) {
  const auto& projection = *scenario.projection;
  const auto& dims = projection.dims;
  const auto years = static_cast<std::uint64_t>(dims.years());
  const auto steps = static_cast<std::uint64_t>(dims.steps());
  const auto districts = static_cast<std::uint64_t>(dims.district_count());
  const std::size_t cube_size = static_cast<std::size_t>(districts) * kCells;
  const std::string group = layout::scenario_group(scenario.provenance.scenario_name);

  // Children listed in the order written: population, flows (births first), services, provenance.
  h5.create_group(group, /*track_order=*/true);
  write_provenance_attributes(h5, group, scenario.provenance);

  // DistrictCube is row-major [district][sex * kAges + age]: each year is one contiguous block.
  std::vector<double> buffer(years * cube_size);
  for (std::size_t y = 0; y < years; ++y) {
    const auto& cube = projection.population[y];
    std::copy(cube.data(), cube.data() + cube.size(),
              buffer.begin() + static_cast<std::ptrdiff_t>(y * cube_size));
  }
  const std::string population = group + "/population";
  h5.write_doubles(population, {years, districts, kSexes, kAges}, buffer);
  write_attributes(h5, population, layout::kPopulationDims);
  h5.write_string_attribute(population, "date", "1 January of each year");

  const std::size_t births_size = static_cast<std::size_t>(districts) * kSexes;
  buffer.assign(steps * births_size, 0.0);
  for (std::size_t y = 0; y < steps; ++y) {
    const auto& births = projection.flows[y].births;
    std::copy(births.data(), births.data() + births.size(),
              buffer.begin() + static_cast<std::ptrdiff_t>(y * births_size));
  }
  h5.create_group(group + "/flows", /*track_order=*/true);
  const std::string births = group + "/flows/births";
  h5.write_doubles(births, {steps, districts, kSexes}, buffer);
  write_attributes(h5, births, layout::kBirthsDims);
  h5.write_string_attribute(births, "note",
                            "live births during the flow year, by sex of the child");

  for (const auto& flow : layout::kFlowCubes) {
    buffer.assign(steps * cube_size, 0.0);
    for (std::size_t y = 0; y < steps; ++y) {
      const auto& cube = projection.flows[y].*flow.member;
      std::copy(cube.data(), cube.data() + cube.size(),
                buffer.begin() + static_cast<std::ptrdiff_t>(y * cube_size));
    }
    const std::string path = group + "/flows/" + flow.name;
    h5.write_doubles(path, {steps, districts, kSexes, kAges}, buffer);
    write_attributes(h5, path, layout::kFlowDims);
    h5.write_string_attribute(path, "age_convention", layout::kAgeConvention);
  }

  if (scenario.services != nullptr) write_services(h5, group, dims, *scenario.services);
  if (scenario.backcast != nullptr) write_backcast_group(h5, group, dims, *scenario.backcast);
  write_inputs(h5, group, scenario.provenance);
}

void write_contents(h5::File& h5, const std::vector<ScenarioResults>& scenarios) {
  h5.write_string_attribute("/", "format", layout::kFormatName);
  h5.write_int_attribute("/", "format_version", layout::kFormatVersion);
  h5.write_string_attribute("/", "wardsim_version", scenarios.front().provenance.wardsim_version);
  h5.write_string_attribute("/", "created", utc_timestamp());
  write_dims(h5, scenarios.front().projection->dims);
  h5.create_group(layout::kScenarios, /*track_order=*/true);
  for (const auto& scenario : scenarios) write_scenario(h5, scenario);
}

}  // namespace

void write_results(const fs::path& file, const std::vector<ScenarioResults>& scenarios) {
  validate(file, scenarios);

  write_atomically(file, "results file", [&](const fs::path& temporary) {
    auto h5 = h5::File::create(temporary, file);
    write_contents(h5, scenarios);
    h5.close();
  });
}

}  // namespace wardsim::io
