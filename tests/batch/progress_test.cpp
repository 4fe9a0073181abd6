#include "wardsim/batch/progress.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

namespace wardsim::batch {
namespace {

using ::testing::HasSubstr;

TEST(ProgressLine, EstimatesTheTimeLeftAtTheAveragePace) {
  // 25 of 100 in 10 s: 75 more at 0.4 s each.
  EXPECT_EQ(ProgressLine::describe(25, 100, "draws", 10.0),
            "25/100 draws · 10.0 s · about 30.0 s left");
  EXPECT_EQ(ProgressLine::describe(3, 4, "scenarios", 90.0),
            "3/4 scenarios · 1 min 30 s · about 30.0 s left");
  EXPECT_EQ(ProgressLine::describe(4, 4, "scenarios", 2.0), "4/4 scenarios · 2.0 s");
}

TEST(ProgressLine, FinishPrintsTheCountAndANewline) {
  std::ostringstream out;
  ProgressLine line(&out, "batch", 3, "scenarios");
  line.advance();
  line.advance(2);
  line.finish();
  EXPECT_THAT(out.str(), HasSubstr("\rbatch: 3/3 scenarios"));
  EXPECT_EQ(out.str().back(), '\n');
}

}  // namespace
}  // namespace wardsim::batch
