#include "renderer_process.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "wardsim/error.h"

extern char** environ;

namespace wardsim::viz {
namespace {

namespace fs = std::filesystem;

// The last few lines of the renderer's output: where Python puts the error that matters.
std::string log_tail(const fs::path& log) {
  std::ifstream in(log);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  constexpr std::size_t kLines = 8;
  std::string tail;
  for (std::size_t i = lines.size() > kLines ? lines.size() - kLines : 0; i < lines.size(); ++i) {
    tail += "\n  " + lines[i];
  }
  return tail;
}

}  // namespace

void run_renderer(const RendererCommand& renderer, const fs::path& data, const fs::path& out_dir,
                  const fs::path& log) {
  std::vector<std::string> args = {renderer.python.string(), renderer.script.string(),
                                   data.string(), out_dir.string()};
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  const std::string command = "'" + args[0] + " " + args[1] + "'";
  if (spawned != 0) {
    throw IoError("cannot render the report: cannot start " + command + ": " +
                  std::strerror(spawned));
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      throw IoError("cannot render the report: lost the renderer: " +
                    std::string(std::strerror(errno)));
    }
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    const std::string how = WIFEXITED(status)
                                ? "exited with status " + std::to_string(WEXITSTATUS(status))
                                : "was stopped by signal " + std::to_string(WTERMSIG(status));
    throw IoError("cannot render the report: " + command + " " + how + ":" + log_tail(log));
  }
}

}  // namespace wardsim::viz
