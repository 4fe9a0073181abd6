#include "wardsim/scenarios/csv_table.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace wardsim::scenarios {
namespace {

using ::testing::ElementsAre;

constexpr std::string_view kColumns[] = {"id", "name", "value"};

TEST(CsvTable, ReadsQuotedFieldsBomAndCrLfWithLineNumbers) {
  ProblemList problems;
  const auto table = CsvTable::parse(
      "\xEF\xBB\xBFid,name,value\r\nA1,\"Bay, "
      "\"\"East\"\"\",1.5\r\nA2,\"two\nlines\",2\r\nA3,,3\r\n",
      "t.csv", kColumns, problems);
  ASSERT_TRUE(table);
  EXPECT_TRUE(problems.empty());
  ASSERT_EQ(table->rows().size(), 3u);
  EXPECT_THAT(table->rows()[0].cells, ElementsAre("A1", "Bay, \"East\"", "1.5"));
  EXPECT_EQ(table->rows()[0].line, 2);
  EXPECT_THAT(table->rows()[1].cells, ElementsAre("A2", "two\nlines", "2"));
  EXPECT_EQ(table->rows()[1].line, 3);
  EXPECT_EQ(table->rows()[2].line, 5);
  EXPECT_EQ(table->rows()[2].cells[1], "");
}

TEST(CsvTable, AWrongHeaderMakesTheTableUnusable) {
  ProblemList problems;
  EXPECT_FALSE(CsvTable::parse("id,nam,value\nA1,x,1\n", "t.csv", kColumns, problems));
  EXPECT_THAT(problems.messages(),
              ElementsAre("t.csv:1: header must be 'id,name,value', found 'id,nam,value'"));
}

TEST(CsvTable, ReportsRecordsWithTheWrongNumberOfFieldsAndEmptyLines) {
  ProblemList problems;
  const auto table =
      CsvTable::parse("id,name,value\nA1,x\n\nA2,y,2,9\nA3,z,3\n", "t.csv", kColumns, problems);
  ASSERT_TRUE(table);
  EXPECT_EQ(table->rows().size(), 1u);
  EXPECT_THAT(problems.messages(),
              ElementsAre("t.csv:2: expected 3 fields, found 2", "t.csv:3: empty line",
                          "t.csv:4: expected 3 fields, found 4"));
}

TEST(CsvTable, BrokenQuotingAndInvalidUtf8AreReportedWithTheirLine) {
  ProblemList problems;
  EXPECT_FALSE(CsvTable::parse("id,name,value\nA1,\"x,1\n", "a.csv", kColumns, problems));
  EXPECT_FALSE(CsvTable::parse("id,name,value\nA1,x\"y,1\n", "b.csv", kColumns, problems));
  EXPECT_FALSE(CsvTable::parse("id,name,value\nA1,\"x\"y,1\n", "c.csv", kColumns, problems));
  EXPECT_FALSE(CsvTable::parse("id,name,value\nA1,\xff,1\n", "d.csv", kColumns, problems));
  EXPECT_FALSE(CsvTable::parse("", "e.csv", kColumns, problems));
  EXPECT_THAT(
      problems.messages(),
      ElementsAre("a.csv:2: a quoted field is not closed before the end of the file",
                  "b.csv:2: a quote inside an unquoted field (quote the whole field and double "
                  "the quote)",
                  "c.csv:2: unexpected character after a closing quote (a quote inside a quoted "
                  "field must be doubled)",
                  "d.csv:2: not valid UTF-8 text",
                  "e.csv: the file is empty (expected the header 'id,name,value')"));
}

TEST(CsvTable, TypedAccessRecordsExpectedAndFound) {
  ProblemList problems;
  const auto table = CsvTable::parse("id,name,value\n,abc,1e400\nA2,3,-0.5\nA3,7.5,0.25\n", "t.csv",
                                     kColumns, problems);
  ASSERT_TRUE(table);
  const auto& rows = table->rows();
  EXPECT_FALSE(table->text(rows[0], 0, problems));
  EXPECT_FALSE(table->integer(rows[0], 1, 0, 100, "an integer age between 0 and 100", problems));
  EXPECT_FALSE(table->number(rows[0], 2, 0, 1, "a probability between 0 and 1", problems));
  EXPECT_EQ(table->integer(rows[1], 1, 0, 100, "an age", problems), 3);
  EXPECT_FALSE(table->number(rows[1], 2, 0, 1, "a probability between 0 and 1", problems));
  EXPECT_FALSE(table->integer(rows[2], 1, 0, 100, "an integer age between 0 and 100", problems));
  EXPECT_EQ(table->number(rows[2], 2, 0, 1, "a probability", problems), 0.25);
  constexpr std::string_view kChoices[] = {"male", "female"};
  EXPECT_FALSE(table->choice(rows[2], 0, kChoices, problems));
  EXPECT_THAT(
      problems.messages(),
      ElementsAre("t.csv:2: column 'id': expected a non-empty value, found ''",
                  "t.csv:2: column 'name': expected an integer age between 0 and 100, found 'abc'",
                  "t.csv:2: column 'value': expected a probability between 0 and 1, found '1e400'",
                  "t.csv:3: column 'value': expected a probability between 0 and 1, found '-0.5'",
                  "t.csv:4: column 'name': expected an integer age between 0 and 100, found '7.5'",
                  "t.csv:4: column 'id': expected 'male' or 'female', found 'A3'"));
}

TEST(CsvTable, NumbersMustBeWholeAndFinite) {
  EXPECT_EQ(parse_csv_number("0.25"), 0.25);
  EXPECT_EQ(parse_csv_number("-3"), -3.0);
  EXPECT_EQ(parse_csv_number("1e-3"), 1e-3);
  EXPECT_FALSE(parse_csv_number(""));
  EXPECT_FALSE(parse_csv_number(" 1"));
  EXPECT_FALSE(parse_csv_number("1 "));
  EXPECT_FALSE(parse_csv_number("nan"));
  EXPECT_FALSE(parse_csv_number("inf"));
  EXPECT_FALSE(parse_csv_number("1,5"));
}

}  // namespace
}  // namespace wardsim::scenarios
