#include "job_registry.h"

#include <algorithm>
#include <sstream>

#include "../agent_run.h"
#include "result_download.h"
#include "wardsim/error.h"

namespace wardsim::app::serve {

constexpr int kMaxJobReplicates = 1000;

JobRegistry::JobRegistry() : worker_([this] { work(); }) {}

JobRegistry::~JobRegistry() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

std::string JobRegistry::submit_agent(WhatIfRun run, int replicates, std::uint64_t seed) {
  std::vector<std::string> problems;
  if (!run.scenario.agent) {
    problems.push_back("request: an agent job needs a scenario with an [agent] section; '" +
                       run.scenario.name + "' has none");
  }
  if (replicates < 1 || replicates > kMaxJobReplicates) {
    problems.push_back("request: 'replicates' must be an integer between 1 and " +
                       std::to_string(kMaxJobReplicates) + ", found " + std::to_string(replicates));
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  auto job = std::make_shared<Job>();
  job->run = std::move(run);
  job->replicates = replicates;
  job->seed = seed;
  return enqueue(job, "agent");
}

std::string JobRegistry::submit_ensemble(WhatIfRun run, scenarios::MonteCarloSpec spec,
                                         std::filesystem::path uncertainty) {
  if (spec.draws < 1 || spec.draws > kMaxJobReplicates) {
    throw InputError(
        {"request: 'replicates' (the ensemble's draws) must be an integer between 1 "
         "and " +
         std::to_string(kMaxJobReplicates) + ", found " + std::to_string(spec.draws)});
  }
  auto job = std::make_shared<Job>();
  job->run = std::move(run);
  job->replicates = spec.draws;
  job->seed = spec.seed;
  job->ensemble = std::move(spec);
  job->uncertainty = std::move(uncertainty);
  return enqueue(job, "ensemble");
}

std::string JobRegistry::enqueue(const std::shared_ptr<Job>& job, const std::string& kind) {
  {
    const std::lock_guard lock(mutex_);
    job->id = "j" + std::to_string(next_id_++);
    jobs_[job->id] = JobStatus{job->id, kind, "queued", 0.0, "waiting for the worker", {}, {}};
    queue_.push_back(job);
  }
  wake_.notify_all();
  return job->id;
}

std::optional<JobStatus> JobRegistry::status(const std::string& id) const {
  const std::lock_guard lock(mutex_);
  const auto found = jobs_.find(id);
  if (found == jobs_.end()) return std::nullopt;
  JobStatus status = found->second;
  if (live_progress_ && live_id_ == id && status.state == "running") {
    // Below 1 until the results file is written.
    status.progress = std::min(
        0.99, static_cast<double>(live_progress_->done()) / static_cast<double>(live_total_));
  }
  return status;
}

void JobRegistry::update(const std::string& id, const std::function<void(JobStatus&)>& change) {
  const std::lock_guard lock(mutex_);
  change(jobs_.at(id));
}

void JobRegistry::work() {
  for (;;) {
    std::shared_ptr<Job> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      job = queue_.front();
      queue_.pop_front();
      jobs_.at(job->id).state = "running";
      jobs_.at(job->id).message = "running " + std::to_string(job->replicates) + " replicate(s)";
    }
    const std::filesystem::path file = directory_.path() / (job->id + ".h5");
    try {
      std::ostringstream summary;
      run_job(*job, file, summary);
      const auto bytes = std::filesystem::file_size(file);
      update(job->id, [&](JobStatus& status) {
        status.state = "done";
        status.progress = 1.0;
        status.message = summary.str();
        status.summary = {{job->ensemble ? "draws" : "replicates", job->replicates},
                          {"seed", job->seed},
                          {"scenario", job->run.scenario.name},
                          {"results_bytes", bytes}};
        status.file = file;
      });
    } catch (const InputError& error) {
      std::string message;
      for (const auto& problem : error.problems()) message += problem + "\n";
      update(job->id, [&](JobStatus& status) {
        status.state = "failed";
        status.message = message;
      });
    } catch (const std::exception& error) {
      update(job->id, [&](JobStatus& status) {
        status.state = "failed";
        status.message = error.what();
      });
    }
  }
}

void JobRegistry::run_job(Job& job, const std::filesystem::path& file, std::ostream& summary) {
  if (job.ensemble) {
    auto progress =
        std::make_shared<batch::ProgressLine>(nullptr, "ensemble", job.replicates, "draws");
    {
      const std::lock_guard lock(mutex_);
      live_progress_ = progress;
      live_id_ = job.id;
      live_total_ = job.replicates;
    }
    const auto forget_progress = [&] {
      const std::lock_guard lock(mutex_);
      live_progress_.reset();
    };
    try {
      write_ensemble_results(job.run, *job.ensemble, job.uncertainty, file, *progress);
    } catch (...) {
      forget_progress();
      throw;
    }
    forget_progress();
    summary << "cohort Monte Carlo ensemble of " << job.run.scenario.name << ": " << job.replicates
            << " draws, seed " << job.seed << ", uncertainty from " << job.uncertainty.string()
            << "\n";
    return;
  }
  AgentRunRequest request;
  request.replicates = job.replicates;
  request.seed = job.seed;
  request.threads = 1;  // one core: the request threads keep the other
  const std::lock_guard files(file_library_lock());
  run_agent_mode(job.run.scenario, request, what_if_provenance(job.run, 1), file, summary);
}

}  // namespace wardsim::app::serve
