#include "wardsim/io/batch_results.h"

#include <system_error>

#include "atomic_file.h"
#include "file_messages.h"
#include "h5_util.h"
#include "results_layout.h"
#include "utc_timestamp.h"
#include "wardsim/error.h"

namespace wardsim::io {
namespace {

namespace fs = std::filesystem;

constexpr const char* kBatch = "/batch";
constexpr const char* kEnsemble = "ensemble";
constexpr const char* kSweepDigest = "batch_sweep_sha256";

void write_ensemble(h5::File& h5, const std::string& scenario_group,
                    const EnsembleStatistics& ensemble, std::uint64_t years,
                    std::uint64_t districts) {
  const std::string group = h5::join(scenario_group, kEnsemble);
  h5.create_group(group, /*track_order=*/true);
  h5.write_int_attribute(group, "draws", ensemble.draws);
  h5.write_uint64_attribute(group, "seed", ensemble.seed);
  h5.write_string_attribute(group, "description",
                            "Monte Carlo ensemble: each draw multiplies the uncertain rates by its "
                            "multipliers; statistics over draws by quantile, year and district");

  const auto quantiles = static_cast<std::uint64_t>(ensemble.quantiles.size());
  h5.write_doubles(group + "/quantile", {quantiles}, ensemble.quantiles);
  h5.write_string_attribute(group + "/quantile", "note",
                            "probability of each quantile (type 7: linear between order "
                            "statistics, as R's default and NumPy's 'linear')");

  const auto draws = static_cast<std::uint64_t>(ensemble.draws);
  const auto rates = static_cast<std::uint64_t>(ensemble.multiplier_names.size());
  h5.write_doubles(group + "/multipliers", {draws, rates}, ensemble.multipliers);
  h5.write_string_attribute(group + "/multipliers", "dims", "draw,rate");
  h5.write_strings_attribute(group + "/multipliers", "rates", ensemble.multiplier_names);
  h5.write_strings_attribute(group + "/multipliers", "distributions", ensemble.multiplier_notes);

  for (const auto& indicator : ensemble.indicators) {
    const std::string path = group + "/" + indicator.name;
    if (indicator.by_quantile) {
      h5.write_doubles(path, {quantiles, years, districts}, indicator.values);
      h5.write_string_attribute(path, "dims", "quantile,year,district");
    } else {
      h5.write_doubles(path, {years, districts}, indicator.values);
      h5.write_string_attribute(path, "dims", "year,district");
    }
    h5.write_string_attribute(path, "units", indicator.units);
    h5.write_string_attribute(path, "description", indicator.description);
  }
}

}  // namespace

void write_batch_part(const fs::path& part, const ScenarioResults& scenario,
                      const EnsembleStatistics* ensemble, const std::string& sweep_digest) {
  write_atomically(part, "batch part", [&](const fs::path& staging) {
    write_results(staging, {scenario});
    {
      auto h5 = h5::File::open_read_write(staging, part);
      const std::string group = layout::scenario_group(scenario.provenance.scenario_name);
      if (ensemble != nullptr) {
        const auto& dims = scenario.projection->dims;
        write_ensemble(h5, group, *ensemble, static_cast<std::uint64_t>(dims.years()),
                       static_cast<std::uint64_t>(dims.district_count()));
      }
      // Written last: a part without it is not complete.
      h5.write_string_attribute("/", kSweepDigest, sweep_digest);
      h5.close();
    }
  });
}

std::string read_part_digest(const fs::path& part) noexcept {
  try {
    std::error_code error;
    if (!fs::is_regular_file(part, error) || !h5::File::is_hdf5(part)) return {};
    const auto h5 = h5::File::open_read_only(part);
    if (!h5.has_attribute("/", kSweepDigest)) return {};
    return h5.read_string_attribute("/", kSweepDigest);
  } catch (...) {
    return {};  // unreadable: not a usable part
  }
}

void assemble_batch_results(const fs::path& file, const std::vector<fs::path>& parts,
                            const BatchRecord& record) {
  if (parts.empty()) throw InputError({"results file " + quoted(file) + ": no scenarios to write"});
  write_atomically(file, "results file", [&](const fs::path& temporary) {
    {
      auto out = h5::File::create(temporary, file);
      out.write_string_attribute("/", "format", layout::kFormatName);
      out.write_int_attribute("/", "format_version", layout::kFormatVersion);
      out.write_string_attribute("/", "wardsim_version", record.wardsim_version);
      out.write_string_attribute("/", "created", utc_timestamp());
      out.create_group(layout::kScenarios, /*track_order=*/true);
      std::vector<std::string> names;
      for (std::size_t i = 0; i < parts.size(); ++i) {
        const auto part = h5::File::open_read_only(parts[i]);
        // Every part holds the same /dims (the batch shares one base scenario's dimensions).
        if (i == 0) out.copy_from(part, layout::kDims, layout::kDims);
        for (const auto& name : part.children(layout::kScenarios)) {
          out.copy_from(part, layout::scenario_group(name), layout::scenario_group(name));
          names.push_back(name);
        }
      }
      out.create_group(kBatch, /*track_order=*/true);
      out.write_string_attribute(kBatch, "sweep_name", record.sweep_name);
      out.write_string_attribute(kBatch, "sweep_title", record.sweep_title);
      out.write_string_attribute(kBatch, "sweep_file", record.sweep_file);
      out.write_string_attribute(kBatch, "sweep_text", record.sweep_text);
      out.write_string_attribute(kBatch, "resolved_text", record.resolved_text);
      out.write_string_attribute(kBatch, "design", record.design);
      out.write_strings_attribute(kBatch, "scenarios", names);
      out.write_int_attribute(kBatch, "ranks", record.ranks);
      out.write_int_attribute(kBatch, "threads", record.threads);
      out.close();
    }
  });
}

BatchRecord read_batch_record(const fs::path& file) {
  const auto h5 = h5::File::open_read_only(file);
  if (!h5.is_group(kBatch)) {
    throw InputError(
        {"results file " + quoted(file) + ": no /batch group (not written by wardsim batch)"});
  }
  BatchRecord record;
  record.wardsim_version = h5.read_string_attribute("/", "wardsim_version");
  record.sweep_name = h5.read_string_attribute(kBatch, "sweep_name");
  record.sweep_title = h5.read_string_attribute(kBatch, "sweep_title");
  record.sweep_file = h5.read_string_attribute(kBatch, "sweep_file");
  record.sweep_text = h5.read_string_attribute(kBatch, "sweep_text");
  record.resolved_text = h5.read_string_attribute(kBatch, "resolved_text");
  record.design = h5.read_string_attribute(kBatch, "design");
  record.ranks = static_cast<int>(h5.read_int_attribute(kBatch, "ranks"));
  record.threads = static_cast<int>(h5.read_int_attribute(kBatch, "threads"));
  return record;
}

EnsembleStatistics read_ensemble(const fs::path& file, const std::string& scenario) {
  EnsembleStatistics ensemble;
  const auto h5 = h5::File::open_read_only(file);
  const std::string group = h5::join(layout::scenario_group(scenario), kEnsemble);
  if (!h5.is_group(group)) return ensemble;
  ensemble.draws = static_cast<int>(h5.read_int_attribute(group, "draws"));
  ensemble.seed = h5.read_uint64_attribute(group, "seed");
  ensemble.quantiles = h5.read_doubles(group + "/quantile");
  ensemble.multipliers = h5.read_doubles(group + "/multipliers");
  ensemble.multiplier_names = h5.read_strings_attribute(group + "/multipliers", "rates");
  ensemble.multiplier_notes = h5.read_strings_attribute(group + "/multipliers", "distributions");
  // Indicators: every dataset below the group (services one level down), in the order written.
  const auto add = [&](const std::string& name) {
    const std::string path = group + "/" + name;
    EnsembleIndicator indicator;
    indicator.name = name;
    indicator.units = h5.read_string_attribute(path, "units");
    indicator.description = h5.read_string_attribute(path, "description");
    indicator.by_quantile = h5.read_string_attribute(path, "dims") == "quantile,year,district";
    indicator.values = h5.read_doubles(path);
    ensemble.indicators.push_back(std::move(indicator));
  };
  for (const auto& child : h5.children(group)) {
    if (child == "quantile" || child == "multipliers") continue;
    if (h5.is_group(group + "/" + child)) {
      for (const auto& leaf : h5.children(group + "/" + child)) add(child + "/" + leaf);
    } else {
      add(child);
    }
  }
  return ensemble;
}

}  // namespace wardsim::io
