#include "wardsim/io/xlsx_export.h"

#include "io/io_test_support.h"

namespace wardsim::io::testing {
namespace {

TEST(XlsxSheetNames, LongNamesAreCutTo31CharactersAndStayUnique) {
  const auto names =
      sheet_names({"population", "elderly_care.residential_shortfall",
                   "elderly_care.residential_surplus", "infrastructure.welfare_shelter_places",
                   "infrastructure.welfare_shelter_gap", "school.gap"});
  EXPECT_EQ(names, (std::vector<std::string>{"population", "elderly_care.residential_shor~1",
                                             "elderly_care.residential_surp~1",
                                             "infrastructure.welfare_shelte~1",
                                             "infrastructure.welfare_shelte~2", "school.gap"}));
  for (const auto& name : names) EXPECT_LE(name.size(), kMaxSheetName);
}

}  // namespace
}  // namespace wardsim::io::testing
