#include "result_download.h"

#include <algorithm>
#include <fstream>
#include <mutex>
#include <sstream>
#include <system_error>

#include "temporary_directory.h"
#include "wardsim/error.h"
#include "wardsim/io/csv_export.h"
#include "wardsim/io/export_data.h"
#include "wardsim/io/gis_export.h"
#include "wardsim/io/results_writer.h"
#include "wardsim/io/xlsx_export.h"

namespace wardsim::app::serve {
namespace {

namespace fs = std::filesystem;

std::string file_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw IoError(file.string() + ": cannot read the file just written");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

std::mutex& file_library_lock() {
  static std::mutex lock;
  return lock;
}

io::Provenance what_if_provenance(const WhatIfRun& run, int threads) {
  io::Provenance provenance;
  provenance.wardsim_version = WARDSIM_VERSION;
  provenance.scenario_name = run.scenario.name;
  provenance.scenario_title = run.scenario.title;
  provenance.scenario_file = std::string(kLeversFileName) + " (levers of wardsim serve)";
  provenance.scenario_text = run.scenario.resolved_text;
  for (const auto& input : run.scenario.input_files) {
    provenance.inputs.push_back({input.path, input.sha256});
  }
  provenance.estimates = run.scenario.estimates;
  for (const auto& service : run.services) {
    for (const auto& assumption : service.assumptions) {
      if (std::find(provenance.estimates.begin(), provenance.estimates.end(), assumption) ==
          provenance.estimates.end()) {
        provenance.estimates.push_back(assumption);
      }
    }
  }
  provenance.mode = "cohort";
  provenance.threads = threads;
  return provenance;
}

Download make_download(const WhatIfRun& run, const std::string& format, const fs::path& boundaries,
                       int threads) {
  if (format != "h5" && format != "csv" && format != "xlsx" && format != "gpkg") {
    throw InputError({"request: 'format' must be h5, csv, xlsx or gpkg, found '" + format + "'"});
  }
  const std::lock_guard lock(file_library_lock());
  const TemporaryDirectory directory;
  const fs::path results = directory.path() / (run.scenario.name + ".h5");
  io::write_results(results, {{&run.projection, what_if_provenance(run, threads),
                               run.scenario.services ? &run.services : nullptr}});
  if (format == "h5") {
    return {file_bytes(results), "application/x-hdf5", results.filename().string()};
  }
  io::ExportSelection selection;
  selection.defaults =
      format == "gpkg" ? io::DefaultIndicators::kHeadlines : io::DefaultIndicators::kAll;
  const io::ExportData data = io::read_export_data(results, selection);
  const fs::path out = directory.path() / (run.scenario.name + "." + format);
  std::string type;
  if (format == "csv") {
    // Five-year age groups: single years would make millions of rows for the whole ward.
    io::write_csv(data, out, {.byte_order_mark = true, .ages = io::AgeGrouping::kFiveYear});
    type = "text/csv; charset=utf-8";
  } else if (format == "xlsx") {
    io::write_xlsx(data, out);
    type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  } else {
    io::write_gis(data, out, io::GisFormat::kGeoPackage, boundaries);
    type = "application/geopackage+sqlite3";
  }
  return {file_bytes(out), type, out.filename().string()};
}

}  // namespace wardsim::app::serve
