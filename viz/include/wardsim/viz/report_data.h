#pragma once
// The report-data JSON: every number the charts show, computed from a results file (read through
// io's reader only), with labels and provenance. The renderer (viz/render_report.py) only draws it.

#include <nlohmann/json.hpp>

#include "wardsim/viz/report_request.h"

namespace wardsim::viz {

inline constexpr const char* kReportDataFormat = "wardsim-report-data";
inline constexpr int kReportDataVersion = 1;

// Checks the request against the file first and throws InputError listing every problem
// (unknown scenarios, districts, indicators, a year outside the file's years, bad boundaries);
// the file itself being no results file is io's InputError. Layout: docs/report.md.
nlohmann::ordered_json build_report_data(const ReportRequest& request);

}  // namespace wardsim::viz
