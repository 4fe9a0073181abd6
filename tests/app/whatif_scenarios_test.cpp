// The bundled what-if scenarios through the command: each validates; a circular `extends` and an
// out-of-range lever are refused with exit 3 and a message naming the files and the key.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/cli_runner.h"
#include "io/io_test_support.h"
#include "wardsim/app/cli.h"
#include "wardsim/app/exit_codes.h"

namespace wardsim::app {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const fs::path kSetagaya = fs::path(WARDSIM_SOURCE_DIR) / "scenarios" / "setagaya";

using Result = test_support::CliResult;
using test_support::wardsim;

class WhatIfScenarios : public io::testing::TempDirTest {};

TEST_F(WhatIfScenarios, EveryBundledWhatIfValidates) {
  for (const char* name : {"whatif_childrearing", "whatif_hub_redevelopment", "whatif_pandemic",
                           "whatif_low_young_inmigration", "whatif_ageing_in_place"}) {
    const Result validate =
        wardsim({"validate", (kSetagaya / (std::string(name) + ".toml")).string()});
    EXPECT_EQ(validate.code, kExitOk) << name << "\n" << validate.err;
  }
}

TEST_F(WhatIfScenarios, ACircularExtendsIsRefusedWithExitThree) {
  std::ofstream(dir_ / "a.toml") << "extends = \"b.toml\"\n";
  std::ofstream(dir_ / "b.toml") << "extends = \"a.toml\"\n";
  const std::string a = (dir_ / "a.toml").string();
  const std::string b = (dir_ / "b.toml").string();
  const Result validate = wardsim({"validate", a});
  EXPECT_EQ(validate.code, kExitInput);
  EXPECT_EQ(validate.err, "wardsim validate: 1 problem:\n  " + a + ": extends cycle: " + a + " → " +
                              b + " → " + a + "\n");
  const Result run = wardsim({"run", "--scenario", a, "--out", (dir_ / "x.h5").string()});
  EXPECT_EQ(run.code, kExitInput);
  EXPECT_FALSE(fs::exists(dir_ / "x.h5"));
}

TEST_F(WhatIfScenarios, AnOutOfRangeLeverOfAWhatIfIsRefusedWithExitThree) {
  const std::string file = (kSetagaya / "whatif_pandemic.toml").string();
  const fs::path out = dir_ / "x.h5";
  const Result run = wardsim({"run", "--scenario", file, "--out", out.string(), "--set",
                              "migration.in_migration_age_shift=16"});
  EXPECT_EQ(run.code, kExitInput);
  EXPECT_EQ(run.err,
            "wardsim run: 1 problem:\n  --set migration.in_migration_age_shift=16: key "
            "'migration.in_migration_age_shift' must be a number of years between -15 and 15, "
            "found 16\n");
  EXPECT_FALSE(fs::exists(out));
}

}  // namespace
}  // namespace wardsim::app
