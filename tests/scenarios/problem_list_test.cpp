#include "wardsim/scenarios/problem_list.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace wardsim::scenarios {
namespace {

using ::testing::ElementsAre;

TEST(ProblemList, KeepsProblemsInTheOrderFound) {
  ProblemList problems;
  problems.add("a.toml: first");
  problems.add_cell("b.csv", 3, "age", "expected an integer, found 'x'");
  EXPECT_THAT(
      problems.messages(),
      ElementsAre("a.toml: first", "b.csv:3: column 'age': expected an integer, found 'x'"));
}

TEST(ProblemList, CapsRepeatsOfOneKindPerFileAndCountsTheRest) {
  ProblemList problems;
  for (int line = 2; line < 2 + ProblemList::kMaxPerKind + 5; ++line) {
    problems.add_cell("p.csv", line, "population", "bad");
  }
  problems.add_cell("q.csv", 2, "population", "bad");
  const auto messages = problems.messages();
  ASSERT_EQ(messages.size(), static_cast<std::size_t>(ProblemList::kMaxPerKind + 2));
  EXPECT_EQ(messages[19], "p.csv:21: column 'population': bad");
  EXPECT_EQ(messages[20], "p.csv: … and 5 more problems in column 'population'");
  EXPECT_EQ(messages[21], "q.csv:2: column 'population': bad");
}

}  // namespace
}  // namespace wardsim::scenarios
