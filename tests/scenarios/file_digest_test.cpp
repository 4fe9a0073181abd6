#include "wardsim/scenarios/file_digest.h"

#include <gtest/gtest.h>

#include "scenarios/scenario_test_support.h"
#include "wardsim/error.h"

namespace wardsim::scenarios {
namespace {

TEST(FileDigest, MatchesTheFips180Examples) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(FileDigest, DigestsAFilesBytes) {
  testing::TinyCopy copy;
  copy.write("abc.txt", "abc");
  EXPECT_EQ(file_sha256_hex(copy.path("abc.txt")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(FileDigest, AMissingFileIsAnIoError) {
  testing::TinyCopy copy;
  try {
    file_sha256_hex(copy.path("absent.txt"));
    FAIL() << "expected an IoError";
  } catch (const IoError& error) {
    EXPECT_EQ(std::string(error.what()),
              copy.shown("absent.txt") + ": cannot read file (No such file or directory)");
  }
}

}  // namespace
}  // namespace wardsim::scenarios
