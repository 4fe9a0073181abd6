#pragma once
// Helpers for the scenarios tests: a writable copy of the tiny fixture scenario, and the problems
// an InputError carried.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "wardsim/error.h"

namespace wardsim::scenarios::testing {

inline std::filesystem::path tiny_fixture_dir() {
  return std::filesystem::path(WARDSIM_TEST_DATA_DIR) / "fixtures" / "tiny";
}

// A fresh copy of the tiny scenario in a temporary directory, removed at the end of the test.
// Bad inputs are made by editing the copy, so that no near-duplicate fixtures are committed.
class TinyCopy {
 public:
  TinyCopy() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "wardsim_scenarios_XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    dir_ = pattern;
    std::filesystem::copy(tiny_fixture_dir(), dir_, std::filesystem::copy_options::recursive);
  }
  ~TinyCopy() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  TinyCopy(const TinyCopy&) = delete;
  TinyCopy& operator=(const TinyCopy&) = delete;

  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path path(const std::string& relative) const { return dir_ / relative; }
  std::filesystem::path scenario() const { return path("tiny.toml"); }
  // How problems name a file of the copy: the scenario's path as given, joined with the relative.
  std::string shown(const std::string& relative) const { return path(relative).string(); }

  std::string read(const std::string& relative) const {
    std::ifstream in(path(relative), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }
  void write(const std::string& relative, const std::string& text) const {
    std::ofstream out(path(relative), std::ios::binary);
    out << text;
  }
  // Replaces the one occurrence of `from` (failing the test if it is not exactly once).
  void replace(const std::string& relative, const std::string& from, const std::string& to) const {
    std::string text = read(relative);
    const std::size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << "'" << from << "' not in " << relative;
    ASSERT_EQ(text.find(from, at + 1), std::string::npos)
        << "'" << from << "' twice in " << relative;
    text.replace(at, from.size(), to);
    write(relative, text);
  }

 private:
  std::filesystem::path dir_;
};

// The problems of the InputError that `action` throws (empty, with a test failure, if none).
inline std::vector<std::string> problems_thrown(const std::function<void()>& action) {
  try {
    action();
  } catch (const InputError& error) {
    return error.problems();
  }
  ADD_FAILURE() << "expected an InputError";
  return {};
}

}  // namespace wardsim::scenarios::testing
