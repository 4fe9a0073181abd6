#pragma once
// Tidy long CSV: one row per value, with every label spelled out (docs/export.md).

#include <cstddef>
#include <filesystem>

#include "wardsim/io/export_data.h"

namespace wardsim::io {

// How ages are written for indicators by sex and age (population and the age-indexed flows).
enum class AgeGrouping {
  kSingle,    // 0, 1, …, 99, 100+
  kFiveYear,  // 0-4, 5-9, …, 95-99, 100+
  kTotal,     // summed over age (the age column is empty)
};

struct CsvOptions {
  // A UTF-8 byte order mark first, so that Excel (which otherwise assumes the system's legacy
  // code page, Shift_JIS in Japan) shows the Japanese names correctly. Other readers (pandas with
  // encoding "utf-8-sig", R, LibreOffice) accept it; turn it off for tools that do not.
  bool byte_order_mark = true;
  AgeGrouping ages = AgeGrouping::kSingle;
};

// The CSV header, in column order.
inline constexpr const char* kCsvHeader =
    "scenario,year,district_id,district_name_ja,district_name_en,region_ja,region_en,sex,age,"
    "category,indicator,value,unit";

// Writes `data` to `file` (atomically); returns the number of data rows.
std::size_t write_csv(const ExportData& data, const std::filesystem::path& file,
                      const CsvOptions& options = {});

}  // namespace wardsim::io
