#pragma once
// Helpers for the batch tests: a temporary directory and sweeps over the tiny city with services.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace wardsim::batch::testing {

inline const std::string kTinyServices =
    WARDSIM_SOURCE_DIR "/tests/scenarios/fixtures/tiny/tiny_services.toml";

// A fresh directory named after the running test and the process (two build trees may run the
// same test at once), removed at the end.
class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::temp_directory_path() /
            (std::string("wardsim-batch-") + info->test_suite_name() + "-" + info->name() + "-" +
             std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

  // Writes a sweep file over the tiny city with services and returns its path.
  std::filesystem::path sweep(const std::string& body, const std::string& name = "sweep") const {
    const auto file = path_ / (name + ".toml");
    std::ofstream(file) << "[sweep]\nname = \"" << name << "\"\nbase = \"" << kTinyServices
                        << "\"\n"
                        << body;
    return file;
  }

 private:
  std::filesystem::path path_;
};

inline const std::string kThreeVariants =
    "[[variants]]\nname = \"low\"\nset = { \"fertility.tfr\" = 0.7 }\n"
    "[[variants]]\nname = \"central\"\n"
    "[[variants]]\nname = \"high\"\nset = { \"fertility.tfr\" = 1.6, "
    "\"migration.in_migrants\" = 180 }\n";

inline const std::string kMonteCarlo =
    "[monte_carlo]\ndraws = 40\nseed = 11\n"
    "multipliers = { tfr = { distribution = \"lognormal\", sigma = 0.2 }, "
    "in_migration = { distribution = \"uniform\", min = 0.5, max = 1.5 }, "
    "out_migration = { distribution = \"lognormal\", sigma = 0.1 } }\n";

}  // namespace wardsim::batch::testing
