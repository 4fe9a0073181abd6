// `wardsim serve`: the planner's workstation (docs/serve.md). Parses the options, starts the
// server, prints the one "listening on" line and stops cleanly on SIGINT or SIGTERM.

#include <pthread.h>

#include <atomic>
#include <csignal>
#include <string>
#include <thread>

#include "../command_options.h"
#include "serve_server.h"
#include "wardsim/error.h"

namespace wardsim::app {
namespace {

// SIGINT and SIGTERM are blocked from construction on, in this thread and so in every thread
// started after it (the server's, the job worker, TBB's), and taken by one thread with sigwait,
// which stops the server: no work in a signal handler. Construct it before the server.
class StopOnSignals {
 public:
  StopOnSignals() {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGINT);
    sigaddset(&signals_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals_, &previous_);
  }
  void watch(serve::ServeServer& server) {
    waiter_ = std::thread([this, &server] {
      int received = 0;
      sigwait(&signals_, &received);
      if (!quitting_) server.stop();
    });
  }
  // Ends the waiter without touching the server again; call while the server still exists.
  void unwatch() {
    if (!waiter_.joinable()) return;
    quitting_ = true;
    pthread_kill(waiter_.native_handle(), SIGTERM);
    waiter_.join();
  }
  ~StopOnSignals() {
    unwatch();
    pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
  }
  StopOnSignals(const StopOnSignals&) = delete;
  StopOnSignals& operator=(const StopOnSignals&) = delete;

 private:
  sigset_t signals_{};
  sigset_t previous_{};
  std::atomic<bool> quitting_{false};
  std::thread waiter_;
};

}  // namespace

int serve_command(const CommandContext& context) {
  CommandSpec spec(
      "wardsim serve [--port 8080] [--host 127.0.0.1] [--scenario FILE] [--assets DIR] "
      "[--threads N]",
      "Starts the planner's workstation: a local web application with the levers of a scenario "
      "and its numbers redrawn on every change (docs/serve.md). Stop it with Ctrl-C.");
  spec.options.add_options()("port,p", po::value<int>()->default_value(8080),
                             "TCP port (0 = any free port)")(
      "host", po::value<std::string>()->default_value("127.0.0.1"),
      "address to listen on (only this machine by default)")(
      "scenario,s", po::value<std::string>()->default_value(WARDSIM_BUNDLED_SCENARIO),
      "base scenario file; the other scenarios in its directory are offered too")(
      "assets", po::value<std::string>()->default_value(WARDSIM_WEB_ASSETS_DIR),
      "the built front end (index.html and its assets)")(
      "threads,t", po::value<int>()->default_value(1),
      "engine threads per projection (requests run side by side; 0 = all cores)");
  po::variables_map values;
  if (!parse_command(context, spec, values)) return 0;
  const int port = values["port"].as<int>();
  if (port < 0 || port > 65535) throw UsageError("--port must be between 0 and 65535");
  if (values["threads"].as<int>() < 0) throw UsageError("--threads must be 0 or more");

  serve::ServeOptions options;
  options.host = values["host"].as<std::string>();
  options.port = port;
  options.scenario = values["scenario"].as<std::string>();
  options.assets = values["assets"].as<std::string>();
  options.threads = values["threads"].as<int>();

  StopOnSignals stop_on_signals;
  serve::ServeServer server(options, context.err);
  stop_on_signals.watch(server);
  const int bound = server.bind();
  context.out << "wardsim serve: listening on http://" << options.host << ":" << bound << "/"
              << std::endl;
  server.run();
  stop_on_signals.unwatch();
  return 0;
}

}  // namespace wardsim::app
