#pragma once
// Background jobs of `wardsim serve` (an agent-based ensemble of a what-if): one worker thread
// runs them in the order they were submitted, never on a request thread, so a long run cannot
// block /api/project. Each job's results file goes to a private temporary directory that is
// removed when the registry is destroyed (the server stops).

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>

#include "ensemble_job.h"
#include "temporary_directory.h"
#include "what_if_run.h"

namespace wardsim::app::serve {

struct JobStatus {
  std::string id;
  std::string kind;            // "agent"
  std::string state;           // queued, running, done, failed
  double progress = 0.0;       // 0..1, never decreasing
  std::string message;         // the run's summary text when done, the error when failed
  nlohmann::json summary;      // replicates, seed, results file size
  std::filesystem::path file;  // the results file, once done
};

class JobRegistry {
 public:
  JobRegistry();
  ~JobRegistry();  // finishes the running job, drops the queued ones, removes every results file
  JobRegistry(const JobRegistry&) = delete;
  JobRegistry& operator=(const JobRegistry&) = delete;

  // Queues an agent ensemble of `run`'s scenario; returns its id ("j1", "j2" …). InputError if
  // the scenario has no [agent] section or `replicates` is not 1..1000.
  std::string submit_agent(WhatIfRun run, int replicates, std::uint64_t seed);
  // Queues a cohort Monte Carlo ensemble (ensemble_job.h) of `run`'s scenario with `spec`'s
  // draws, drawn from `uncertainty`; InputError if draws is not 1..1000.
  std::string submit_ensemble(WhatIfRun run, scenarios::MonteCarloSpec spec,
                              std::filesystem::path uncertainty);

  std::optional<JobStatus> status(const std::string& id) const;

 private:
  struct Job {
    std::string id;
    WhatIfRun run;
    int replicates = 0;
    std::uint64_t seed = 0;
    std::optional<scenarios::MonteCarloSpec> ensemble;  // set for a cohort ensemble job
    std::filesystem::path uncertainty;
  };
  std::string enqueue(const std::shared_ptr<Job>& job, const std::string& kind);
  void run_job(Job& job, const std::filesystem::path& file, std::ostream& summary);
  void work();
  void update(const std::string& id, const std::function<void(JobStatus&)>& change);

  TemporaryDirectory directory_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::shared_ptr<Job>> queue_;
  std::map<std::string, JobStatus> jobs_;
  // The running ensemble's draw counter and total, read by status() for its progress.
  std::shared_ptr<batch::ProgressLine> live_progress_;
  std::string live_id_;
  int live_total_ = 0;
  int next_id_ = 1;
  bool stopping_ = false;
  std::thread worker_;  // last: started when everything above exists
};

}  // namespace wardsim::app::serve
