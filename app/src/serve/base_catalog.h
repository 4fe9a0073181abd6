#pragma once
// The base scenarios a page can start from: the scenario given to `wardsim serve` and the other
// scenario files in its directory. Each base is loaded once at start (through the shared file
// cache); its projection without levers, which every answer's baseline_diff needs, is computed on
// first use and then shared read-only.

#include <filesystem>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <vector>

#include "wardsim/engine/projection.h"
#include "wardsim/scenarios/file_cache.h"
#include "wardsim/scenarios/scenario.h"

namespace wardsim::app::serve {

struct BaseScenario {
  std::string id;              // the file's stem, e.g. "baseline"
  std::filesystem::path file;  // absolute
  std::shared_ptr<const scenarios::Scenario> scenario;
};

class BaseCatalog {
 public:
  // Loads `main_file` (InputError if it is invalid) and every other *.toml beside it that loads
  // as a scenario; files that do not (sweeps, targets, broken files) are skipped with a note on
  // `notes`.
  BaseCatalog(const std::filesystem::path& main_file, scenarios::FileCache& cache,
              std::ostream& notes);

  const std::vector<BaseScenario>& bases() const { return bases_; }
  const BaseScenario& default_base() const { return bases_.front(); }
  // The base with this id; nullptr if there is none.
  const BaseScenario* find(const std::string& id) const;

  // The base's projection without levers (the same run as a request with no levers), computed
  // once. Throws what the run throws.
  std::shared_ptr<const engine::Projection> base_projection(const BaseScenario& base, int threads);

 private:
  std::vector<BaseScenario> bases_;
  scenarios::FileCache& cache_;
  std::mutex mutex_;
  std::vector<std::shared_ptr<const engine::Projection>> projections_;  // by index of bases_
};

}  // namespace wardsim::app::serve
