#include "wardsim/io/ensemble_demand_reader.h"

#include <algorithm>
#include <stdexcept>

#include "reader_support.h"
#include "wardsim/error.h"

namespace wardsim::io {
namespace {

// Why the ensemble's dimensions cannot be matched with the projection's, or "" when they can.
std::string dims_difference(const engine::Dimensions& found, const engine::Dimensions& expected) {
  if (found.base_year != expected.base_year || found.end_year != expected.end_year) {
    return "its years are " + std::to_string(found.base_year) + "-" +
           std::to_string(found.end_year) + ", the backcast's " +
           std::to_string(expected.base_year) + "-" + std::to_string(expected.end_year);
  }
  if (found.district_count() != expected.district_count()) {
    return "it has " + std::to_string(found.district_count()) + " districts, the backcast " +
           std::to_string(expected.district_count());
  }
  for (std::size_t d = 0; d < found.districts.size(); ++d) {
    if (found.districts[d].id != expected.districts[d].id) {
      return "its district " + std::to_string(d + 1) + " is '" + found.districts[d].id +
             "', the backcast's '" + expected.districts[d].id + "'";
    }
  }
  return {};
}

}  // namespace

engine::Projection EnsembleDemand::replicate(std::size_t r, const engine::Dimensions& dims) const {
  engine::Projection projection{dims, {}, {}};
  const auto per_year = static_cast<std::size_t>(dims.district_count()) * engine::kCells;
  const auto per_replicate = per_year * static_cast<std::size_t>(dims.years());
  if (r >= static_cast<std::size_t>(kept_replicates)) {
    throw std::out_of_range("EnsembleDemand::replicate: no replicate " + std::to_string(r));
  }
  for (int y = 0; y < dims.years(); ++y) {
    engine::DistrictCube cube(dims.district_count(), engine::kCells);
    const std::int32_t* first =
        trajectories.data() + r * per_replicate + static_cast<std::size_t>(y) * per_year;
    for (std::size_t i = 0; i < per_year; ++i) cube.data()[i] = first[i];  // row-major, as stored
    projection.population.push_back(std::move(cube));
  }
  return projection;
}

EnsembleDemand read_ensemble_demand(const std::filesystem::path& file, const std::string& scenario,
                                    const engine::Dimensions& expected) {
  const h5::File h5 = open_results(file);
  const std::string group = require_scenario(h5, scenario) + "/ensemble";
  if (!h5.is_group(group)) {
    malformed(file, "scenario '" + scenario +
                        "' has no ensemble (make one with `wardsim batch` and [monte_carlo], or "
                        "`wardsim run --mode agent --keep-trajectories`)");
  }
  const std::string difference = dims_difference(read_dims(h5), expected);
  if (!difference.empty()) {
    malformed(file, "the ensemble of scenario '" + scenario +
                        "' does not fit the projection being backcast: " + difference);
  }
  const auto years = static_cast<std::uint64_t>(expected.years());
  const auto districts = static_cast<std::uint64_t>(expected.district_count());

  EnsembleDemand ensemble;
  if (h5.has_attribute(group, "draws")) {  // a batch Monte Carlo ensemble
    ensemble.source = "monte_carlo";
    ensemble.draws = static_cast<int>(h5.read_int_attribute(group, "draws"));
    require_dataset(h5, group + "/quantile");
    ensemble.levels = h5.read_doubles(group + "/quantile");
    const auto levels = static_cast<std::uint64_t>(ensemble.levels.size());
    for (const std::string& child : h5.children(group)) {
      const std::string demand = group + "/" + child + "/demand";
      if (!h5.is_group(group + "/" + child) || !h5.exists(demand)) continue;
      require_shape(h5, demand, {levels, years, districts});
      ensemble.demand_quantiles[child] = h5.read_doubles(demand);
    }
  } else {  // an agent ensemble
    ensemble.source = "agent";
    ensemble.draws = h5.has_attribute(group, "replicates")
                         ? static_cast<int>(h5.read_int_attribute(group, "replicates"))
                         : 0;
    if (h5.exists(group + "/quantile_levels")) {
      ensemble.levels = h5.read_doubles(group + "/quantile_levels");
    }
    const std::string kept = group + "/trajectories/population";
    if (h5.exists(kept)) {
      const h5::Shape shape = h5.shape(kept);
      const std::uint64_t replicates = shape.empty() ? 0 : shape.front();
      require_shape(h5, kept, {replicates, years, districts, engine::kSexes, engine::kAges});
      ensemble.trajectories = h5.read_ints(kept);
      ensemble.kept_replicates = static_cast<int>(replicates);
      ensemble.draws = ensemble.kept_replicates;
    }
  }
  std::sort(ensemble.levels.begin(), ensemble.levels.end());
  return ensemble;
}

}  // namespace wardsim::io
