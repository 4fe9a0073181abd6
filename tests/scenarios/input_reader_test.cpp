#include "wardsim/scenarios/input_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "scenarios/scenario_test_support.h"
#include "wardsim/scenarios/file_digest.h"

namespace wardsim::scenarios {
namespace {

using ::testing::ElementsAre;

TEST(InputReader, ReturnsTheBytesAndRecordsTheDigestUnderTheNameAsWritten) {
  testing::TinyCopy copy;
  copy.write("x.csv", "a,b\n1,2\n");
  InputReader reader;
  ProblemList problems;
  const auto bytes = reader.read(copy.path("x.csv"), "shown/x.csv", "x.csv", problems);
  ASSERT_TRUE(bytes);
  EXPECT_EQ(*bytes, "a,b\n1,2\n");
  EXPECT_TRUE(problems.empty());
  ASSERT_EQ(reader.files_read().size(), 1u);
  EXPECT_EQ(reader.files_read()[0].path, "x.csv");
  EXPECT_EQ(reader.files_read()[0].sha256, sha256_hex("a,b\n1,2\n"));
}

TEST(InputReader, AnUnreadableFileIsAProblemNamingTheReason) {
  testing::TinyCopy copy;
  InputReader reader;
  ProblemList problems;
  EXPECT_FALSE(reader.read(copy.path("absent.csv"), "tables/absent.csv", "absent.csv", problems));
  EXPECT_FALSE(reader.read(copy.path("tables"), "tables", "tables", problems));
  EXPECT_THAT(problems.messages(),
              ElementsAre("tables/absent.csv: cannot read file (No such file or directory)",
                          "tables: cannot read file (Is a directory)"));
  EXPECT_TRUE(reader.files_read().empty());
}

}  // namespace
}  // namespace wardsim::scenarios
