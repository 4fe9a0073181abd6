#pragma once
// The HTTP server of `wardsim serve`: the JSON API of docs/serve.md and the built front end's
// static files. Every request builds its own scenario, projection and answer; what requests share
// (the file cache, the base scenarios and their projections) is read-mostly and mutex-protected.

#include <filesystem>
#include <memory>
#include <ostream>
#include <string>

namespace wardsim::app::serve {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0 = any free port
  std::filesystem::path scenario;
  std::filesystem::path assets;  // the front end's dist directory (index.html + assets)
  int threads = 1;               // engine threads of one projection (requests run side by side)
  std::size_t max_body_bytes = 1 << 20;
};

class ServeServer {
 public:
  // Loads the base scenarios (InputError if --scenario is invalid); `notes` gets remarks such as
  // skipped files or a missing front end.
  ServeServer(ServeOptions options, std::ostream& notes);
  ~ServeServer();
  ServeServer(const ServeServer&) = delete;
  ServeServer& operator=(const ServeServer&) = delete;

  // Binds the socket; returns the port (the free one chosen for port 0). IoError if it cannot.
  int bind();
  // Answers requests until stop(); call after bind(), on its own thread if needed.
  void run();
  // Thread-safe; makes run() return.
  void stop();
  bool is_running() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace wardsim::app::serve
