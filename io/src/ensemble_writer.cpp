#include "wardsim/io/ensemble_writer.h"

#include <string>
#include <system_error>
#include <vector>

#include "atomic_file.h"
#include "file_messages.h"
#include "h5_util.h"
#include "results_layout.h"
#include "wardsim/error.h"

namespace wardsim::io {
namespace {

namespace fs = std::filesystem;
namespace agent = engine::agent;

std::uint64_t product(const std::vector<std::uint64_t>& shape) {
  std::uint64_t n = 1;
  for (const auto extent : shape) n *= extent;
  return n;
}

void check(const fs::path& file, const engine::Projection& projection,
           const agent::EnsembleResult& ensemble) {
  std::vector<std::string> problems;
  const auto years = static_cast<std::uint64_t>(projection.dims.years());
  const auto districts = static_cast<std::uint64_t>(projection.dims.district_count());
  const auto expect = [&](const agent::CellStatistics& s, const std::vector<std::uint64_t>& shape,
                          const std::string& name) {
    bool ok = s.shape == shape && s.mean.size() == product(shape) && s.sd.size() == product(shape);
    for (const auto& q : s.quantiles) ok = ok && q.size() == product(shape);
    if (!ok)
      problems.push_back("ensemble statistics '" + name + "' do not match the projection's " +
                         std::to_string(years) + " years and " + std::to_string(districts) +
                         " districts");
  };
  expect(ensemble.population_by_band, {years, districts, engine::kSexes, agent::kAgeBands},
         "population_by_band");
  expect(ensemble.district_population, {years, districts}, "district_population");
  expect(ensemble.ward_population, {years}, "ward_population");
  if (ensemble.indicators.size() != agent::kIndicators) {
    problems.push_back("ensemble has " + std::to_string(ensemble.indicators.size()) +
                       " household indicators, expected " + std::to_string(agent::kIndicators));
  } else {
    for (std::size_t k = 0; k < ensemble.indicators.size(); ++k) {
      expect(ensemble.indicators[k], {years, districts}, std::string(agent::kIndicatorNames[k]));
    }
  }
  if (ensemble.replicates <= 0) problems.push_back("ensemble has no replicates");
  for (const auto& trajectory : ensemble.trajectories) {
    if (trajectory.size() != years * districts * engine::kCells) {
      problems.push_back("a kept trajectory does not match the projection's shape");
      break;
    }
  }
  if (problems.empty()) return;
  for (auto& problem : problems) problem = "results file " + quoted(file) + ": " + problem;
  throw InputError(std::move(problems));
}

void write_statistics(h5::File& h5, const std::string& group, const agent::CellStatistics& s,
                      const char* dims, const char* units, const std::string& description) {
  h5.create_group(group, /*track_order=*/true);
  h5.write_string_attribute(group, "dims", dims);
  h5.write_string_attribute(group, "units", units);
  h5.write_string_attribute(group, "description", description);
  const auto write = [&](const char* name, const std::vector<double>& values, const char* what) {
    const std::string path = group + "/" + name;
    h5.write_doubles(path, s.shape, values);
    h5.write_string_attribute(path, "dims", dims);
    h5.write_string_attribute(path, "units", units);
    h5.write_string_attribute(path, "statistic", what);
  };
  write("mean", s.mean, "mean over replicates");
  write("sd", s.sd, "sample standard deviation over replicates (n - 1)");
  for (std::size_t q = 0; q < agent::kQuantiles.size(); ++q) {
    const std::string what = "quantile " + std::to_string(agent::kQuantiles[q]).substr(0, 4) +
                             " over replicates (linear interpolation between order statistics)";
    write(agent::kQuantileNames[q], s.quantiles[q], what.c_str());
  }
}

void write_ensemble(h5::File& h5, const std::string& scenario_group, const engine::Dimensions& dims,
                    const agent::EnsembleResult& ensemble) {
  const std::string group = scenario_group + "/ensemble";
  h5.create_group(group, /*track_order=*/true);
  h5.write_int_attribute(group, "replicates", ensemble.replicates);
  h5.write_uint64_attribute(group, "seed", ensemble.seed);
  h5.write_string_attribute(
      group, "note",
      "statistics over independent replicates of the agent kernel; the scenario's population and "
      "flows are the means of the same replicates");

  std::vector<std::string> bands;
  for (int b = 0; b < agent::kAgeBands; ++b) bands.push_back(agent::age_band_label(b));
  h5.write_strings(group + "/age_band", bands);
  h5.write_string_attribute(group + "/age_band", "note", "age on 1 January; 100+ is open");
  h5.write_doubles(group + "/quantile_levels", {agent::kQuantiles.size()},
                   std::vector<double>(agent::kQuantiles.begin(), agent::kQuantiles.end()));

  write_statistics(h5, group + "/population_by_band", ensemble.population_by_band,
                   "year,district,sex,age_band", "persons",
                   "population on 1 January by district, sex and five-year age band");
  write_statistics(h5, group + "/district_population", ensemble.district_population,
                   "year,district", "persons", "population of each district on 1 January");
  write_statistics(h5, group + "/ward_population", ensemble.ward_population, "year", "persons",
                   "population of the ward on 1 January");
  for (std::size_t k = 0; k < ensemble.indicators.size(); ++k) {
    const std::string name(agent::kIndicatorNames[k]);
    const bool persons = k == static_cast<std::size_t>(agent::Indicator::kPersons75PlusAlone);
    write_statistics(h5, group + "/households/" + name, ensemble.indicators[k], "year,district",
                     persons ? "persons" : "households",
                     name + " on 1 January (docs/agent_model.md, \"Household indicators\")");
  }

  if (!ensemble.trajectories.empty()) {
    const auto years = static_cast<std::uint64_t>(dims.years());
    const auto districts = static_cast<std::uint64_t>(dims.district_count());
    std::vector<std::int32_t> all;
    all.reserve(ensemble.trajectories.size() * ensemble.trajectories.front().size());
    for (const auto& trajectory : ensemble.trajectories) {
      all.insert(all.end(), trajectory.begin(), trajectory.end());
    }
    const std::string path = group + "/trajectories/population";
    h5.write_ints(
        path, {ensemble.trajectories.size(), years, districts, engine::kSexes, engine::kAges}, all);
    h5.write_string_attribute(path, "dims", "replicate,year,district,sex,age");
    h5.write_string_attribute(path, "units", "persons");
  }
}

}  // namespace

void write_ensemble_results(const fs::path& file, const ScenarioResults& scenario,
                            const engine::agent::EnsembleResult& ensemble) {
  if (scenario.projection == nullptr) {
    throw InputError({"results file " + quoted(file) + ": the scenario has no projection"});
  }
  check(file, *scenario.projection, ensemble);
  write_atomically(file, "results file", [&](const fs::path& temporary) {
    write_results(temporary, {scenario});
    {
      auto h5 = h5::File::open_read_write(temporary, file);
      write_ensemble(h5, layout::scenario_group(scenario.provenance.scenario_name),
                     scenario.projection->dims, ensemble);
      h5.close();
    }
  });
}

}  // namespace wardsim::io
