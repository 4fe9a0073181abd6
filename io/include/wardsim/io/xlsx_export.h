#pragma once
// An Excel workbook: a README sheet (provenance, units, what each sheet holds) and one sheet per
// indicator with districts as rows and years as columns (docs/export.md).

#include <filesystem>
#include <string>
#include <vector>

#include "wardsim/io/export_data.h"

namespace wardsim::io {

// Excel's limit on sheet names.
inline constexpr std::size_t kMaxSheetName = 31;

// Sheet name of each indicator of `indicators`, in order: the indicator's name, cut to 31
// characters and made unique with "~N" when it is longer.
std::vector<std::string> sheet_names(const std::vector<std::string>& indicators);

// Writes `data` to `file` (atomically) with libxlsxwriter.
void write_xlsx(const ExportData& data, const std::filesystem::path& file);

}  // namespace wardsim::io
