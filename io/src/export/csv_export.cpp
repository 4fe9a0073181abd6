#include "wardsim/io/csv_export.h"

#include <array>
#include <charconv>
#include <fstream>
#include <string>
#include <vector>

#include "../atomic_file.h"
#include "wardsim/error.h"

namespace wardsim::io {
namespace {

using engine::kAges;
using engine::kOpenAge;
using engine::kSexes;

// A field quoted only when it must be (RFC 4180): commas, quotes or line breaks.
std::string field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

// Shortest text that reads back as the same double (round-trip exact).
std::string number(double value) {
  std::array<char, 32> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return std::string(buffer.data(), result.ptr);
}

// Age groups: their labels and, per single age, the group it belongs to.
struct AgeGroups {
  std::vector<std::string> labels;
  std::array<std::size_t, kAges> group_of{};
};

AgeGroups age_groups(AgeGrouping grouping) {
  AgeGroups groups;
  for (int age = 0; age < kAges; ++age) {
    std::string label;
    if (grouping == AgeGrouping::kTotal) {
      label = "";
    } else if (age == kOpenAge) {
      label = std::to_string(kOpenAge) + "+";
    } else if (grouping == AgeGrouping::kSingle) {
      label = std::to_string(age);
    } else {
      const int first = age - age % 5;
      label = std::to_string(first) + "-" + std::to_string(first + 4);
    }
    if (groups.labels.empty() || groups.labels.back() != label) groups.labels.push_back(label);
    groups.group_of[static_cast<std::size_t>(age)] = groups.labels.size() - 1;
  }
  return groups;
}

}  // namespace

std::size_t write_csv(const ExportData& data, const std::filesystem::path& file,
                      const CsvOptions& options) {
  const auto groups = age_groups(options.ages);
  const auto districts = data.dims.districts.size();
  std::size_t rows = 0;
  write_atomically(file, "CSV file", [&](const std::filesystem::path& temporary) {
    std::ofstream out(temporary, std::ios::binary);
    if (!out) throw IoError("cannot create CSV file '" + file.string() + "'");
    if (options.byte_order_mark) out << "\xEF\xBB\xBF";
    out << kCsvHeader << "\n";

    std::string row;
    for (const auto& scenario : data.scenarios) {
      for (const auto& indicator : scenario.indicators) {
        const std::string unit = field(indicator.units);
        const std::string name = field(indicator.name);
        for (std::size_t y = 0; y < indicator.years.size(); ++y) {
          for (std::size_t d = 0; d < districts; ++d) {
            const auto& district = data.dims.districts[d];
            const std::string prefix =
                field(scenario.name) + "," + std::to_string(indicator.years[y]) + "," +
                field(district.id) + "," + field(district.name_ja) + "," + field(district.name_en) +
                "," + field(district.region_ja) + "," + field(district.region_en) + ",";
            const auto emit = [&](const std::string& sex, const std::string& age,
                                  const std::string& category, double value) {
              row = prefix;
              row += sex + "," + field(age) + "," + field(category) + "," + name + ",";
              row += number(value) + "," + unit + "\n";
              out << row;
              ++rows;
            };
            switch (indicator.breakdown) {
              case Breakdown::kSexAge:
                for (int s = 0; s < kSexes; ++s) {
                  std::vector<double> sums(groups.labels.size(), 0.0);
                  for (int a = 0; a < kAges; ++a) {
                    sums[groups.group_of[static_cast<std::size_t>(a)]] +=
                        indicator.at(y, d, static_cast<std::size_t>(engine::cell(s, a)), districts);
                  }
                  for (std::size_t g = 0; g < sums.size(); ++g) {
                    emit(engine::sex_name(s), groups.labels[g], "", sums[g]);
                  }
                }
                break;
              case Breakdown::kSex:
                for (int s = 0; s < kSexes; ++s) {
                  emit(engine::sex_name(s), "", "",
                       indicator.at(y, d, static_cast<std::size_t>(s), districts));
                }
                break;
              case Breakdown::kCategory:
                for (std::size_t c = 0; c < indicator.category_labels.size(); ++c) {
                  emit("", "", indicator.category_labels[c], indicator.at(y, d, c, districts));
                }
                break;
              case Breakdown::kNone:
                emit("", "", "", indicator.at(y, d, 0, districts));
                break;
            }
          }
        }
      }
    }
    out.close();
    if (!out) throw IoError("cannot write CSV file '" + file.string() + "'");
  });
  return rows;
}

}  // namespace wardsim::io
