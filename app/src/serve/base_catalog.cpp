#include "base_catalog.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "wardsim/error.h"
#include "what_if_run.h"

namespace wardsim::app::serve {
namespace {

namespace fs = std::filesystem;

std::shared_ptr<const scenarios::Scenario> load_base(const fs::path& file,
                                                     scenarios::FileCache& cache) {
  std::string error;
  const auto bytes = cache.get(file, error);
  if (!bytes) throw InputError({file.string() + ": cannot read file (" + error + ")"});
  return std::make_shared<const scenarios::Scenario>(
      scenarios::load_scenario_text(bytes->bytes, file, &cache));
}

}  // namespace

BaseCatalog::BaseCatalog(const fs::path& main_file, scenarios::FileCache& cache,
                         std::ostream& notes)
    : cache_(cache) {
  const fs::path main = fs::absolute(main_file).lexically_normal();
  bases_.push_back({main.stem().string(), main, load_base(main, cache)});
  std::vector<fs::path> others;
  std::error_code failed;
  for (const auto& entry : fs::directory_iterator(main.parent_path(), failed)) {
    if (entry.path().extension() == ".toml" && entry.path() != main) others.push_back(entry.path());
  }
  std::sort(others.begin(), others.end());
  for (const auto& other : others) {
    try {
      bases_.push_back({other.stem().string(), other, load_base(other, cache)});
    } catch (const Error& error) {
      notes << "wardsim serve: not offered as a base: " << other.string() << " (" << error.what()
            << ")\n";
    }
  }
  projections_.resize(bases_.size());
}

const BaseScenario* BaseCatalog::find(const std::string& id) const {
  const auto found =
      std::find_if(bases_.begin(), bases_.end(), [&](const auto& base) { return base.id == id; });
  return found == bases_.end() ? nullptr : &*found;
}

std::shared_ptr<const engine::Projection> BaseCatalog::base_projection(const BaseScenario& base,
                                                                       int threads) {
  const auto index = static_cast<std::size_t>(&base - bases_.data());
  {
    const std::lock_guard lock(mutex_);
    if (projections_.at(index)) return projections_[index];
  }
  // Computed outside the lock (a few milliseconds); two first requests at once both compute the
  // same numbers and one result is kept.
  auto projection = std::make_shared<const engine::Projection>(
      run_what_if(base.file, nlohmann::json::object(), base.scenario->name, &cache_, threads)
          .projection);
  const std::lock_guard lock(mutex_);
  if (!projections_[index]) projections_[index] = std::move(projection);
  return projections_[index];
}

}  // namespace wardsim::app::serve
