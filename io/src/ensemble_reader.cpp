#include "wardsim/io/ensemble_reader.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "h5_util.h"
#include "reader_support.h"

namespace wardsim::io {
namespace {

// "q05" → 0.05; nullopt for any other name.
std::optional<double> quantile_level(const std::string& name) {
  if (name.size() != 3 || name[0] != 'q' ||
      std::isdigit(static_cast<unsigned char>(name[1])) == 0 ||
      std::isdigit(static_cast<unsigned char>(name[2])) == 0) {
    return std::nullopt;
  }
  return ((name[1] - '0') * 10 + (name[2] - '0')) / 100.0;
}

}  // namespace

std::optional<EnsembleSummary> read_ensemble_summary(const std::filesystem::path& file,
                                                     const std::string& scenario) {
  const auto h5 = open_results(file);
  const auto group = require_scenario(h5, scenario) + "/ensemble";
  const auto ward = group + "/ward_population";
  if (!h5.is_group(ward)) return std::nullopt;
  const auto years = static_cast<std::uint64_t>(read_dims(h5).years());

  EnsembleSummary summary;
  if (h5.has_attribute(group, "replicates")) {
    summary.replicates = static_cast<int>(h5.read_int_attribute(group, "replicates"));
  }
  for (const auto& child : h5.children(ward)) {
    const auto path = h5::join(ward, child);
    const auto level = quantile_level(child);
    if (level.has_value()) {
      require_shape(h5, path, {years});
      summary.quantiles.push_back({child, *level, h5.read_doubles(path)});
    } else if (child == "mean") {
      require_shape(h5, path, {years});
      summary.mean = h5.read_doubles(path);
    }
  }
  if (summary.quantiles.empty()) return std::nullopt;
  std::sort(summary.quantiles.begin(), summary.quantiles.end(),
            [](const WardQuantiles& a, const WardQuantiles& b) { return a.level < b.level; });
  return summary;
}

}  // namespace wardsim::io
