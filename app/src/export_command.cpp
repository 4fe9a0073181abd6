#include <filesystem>
#include <string>
#include <vector>

#include "command_options.h"
#include "wardsim/error.h"
#include "wardsim/io/csv_export.h"
#include "wardsim/io/export_data.h"
#include "wardsim/io/gis_export.h"
#include "wardsim/io/results_reader.h"
#include "wardsim/io/xlsx_export.h"

namespace wardsim::app {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> strings(const po::variables_map& values, const char* name) {
  return values.count(name) != 0U ? values[name].as<std::vector<std::string>>()
                                  : std::vector<std::string>{};
}

io::AgeGrouping age_grouping(const std::string& text) {
  if (text == "single") return io::AgeGrouping::kSingle;
  if (text == "5y") return io::AgeGrouping::kFiveYear;
  if (text == "total") return io::AgeGrouping::kTotal;
  throw UsageError("--ages must be single, 5y or total, not '" + text + "'");
}

// Excel shows at most this many rows; a larger CSV opens truncated there.
constexpr std::size_t kExcelRows = 1'048'576;

}  // namespace

int export_command(const CommandContext& context) {
  CommandSpec spec(
      "wardsim export RESULTS.h5 --to csv|xlsx|gpkg|geojson [--scenario NAME]... "
      "[--indicator NAME]... [--out PATH] [--boundaries FILE]",
      "Exports a results file for spreadsheets and GIS: a tidy CSV, an Excel workbook (a sheet per "
      "indicator), or a GeoPackage / GeoJSON district layer with one attribute per indicator and "
      "year (docs/export.md).");
  spec.options.add_options()("results", po::value<std::string>()->required(),
                             "results file (HDF5)")("to", po::value<std::string>()->required(),
                                                    "csv, xlsx, gpkg or geojson")(
      "scenario", po::value<std::vector<std::string>>()->composing(),
      "scenario to export (repeatable; default: all; geojson: exactly one)")(
      "indicator", po::value<std::vector<std::string>>()->composing(),
      "indicator to export (repeatable): population, births, deaths, in_migration, "
      "out_migration, moves_in, moves_out or <service>.<indicator> (see --list). Default: "
      "population and every service indicator; gpkg/geojson: population and each service's "
      "headline demand and capacity")(
      "out,o", po::value<std::string>(),
      "file to write (default: RESULTS with the format's extension)")(
      "boundaries", po::value<std::string>()->default_value(WARDSIM_BUNDLED_BOUNDARIES),
      "district layer for gpkg/geojson (any vector file with a district_id field)")(
      "ages", po::value<std::string>()->default_value("single"),
      "csv: ages by single year, 5y groups, or total")(
      "no-bom", "csv: no UTF-8 byte order mark (it is there by default so Excel reads Japanese)")(
      "list", "list the indicators of each scenario and exit");
  spec.positional.add("results", 1);
  po::variables_map values;
  if (!parse_command(context, spec, values)) return 0;

  const fs::path results = values["results"].as<std::string>();
  const std::string format = values["to"].as<std::string>();
  const std::string extension = format == "csv"       ? ".csv"
                                : format == "xlsx"    ? ".xlsx"
                                : format == "gpkg"    ? ".gpkg"
                                : format == "geojson" ? ".geojson"
                                                      : "";
  if (extension.empty()) {
    throw UsageError("--to must be csv, xlsx, gpkg or geojson, not '" + format + "'");
  }
  const auto ages = age_grouping(values["ages"].as<std::string>());

  io::ExportSelection selection;
  selection.scenarios = strings(values, "scenario");
  selection.indicators = strings(values, "indicator");
  const bool gis = format == "gpkg" || format == "geojson";
  selection.defaults = gis ? io::DefaultIndicators::kHeadlines : io::DefaultIndicators::kAll;

  if (values.count("list") != 0U) {
    const auto scenarios =
        selection.scenarios.empty() ? io::list_scenarios(results) : selection.scenarios;
    for (const auto& scenario : scenarios) {
      context.out << scenario << ":\n";
      for (const auto& name : io::indicator_names(results, scenario)) {
        context.out << "  " << name << "\n";
      }
    }
    return 0;
  }

  fs::path out = results;
  out.replace_extension(extension);
  if (values.count("out") != 0U) out = values["out"].as<std::string>();
  std::error_code out_error;
  std::error_code results_error;
  const auto out_path = fs::weakly_canonical(out, out_error);
  const auto results_path = fs::weakly_canonical(results, results_error);
  if (!out_error && !results_error && out_path == results_path) {
    throw UsageError("--out must not be the results file itself ('" + results.string() + "')");
  }
  if (format == "geojson") {
    const auto count = selection.scenarios.empty() ? io::list_scenarios(results).size()
                                                   : selection.scenarios.size();
    if (count != 1) {
      throw UsageError(
          "a GeoJSON file holds one layer: choose one scenario with --scenario "
          "(or use --to gpkg, one layer per scenario)");
    }
  }

  const auto data = io::read_export_data(results, selection);
  std::size_t indicators = 0;
  for (const auto& scenario : data.scenarios) indicators += scenario.indicators.size();
  const std::string what = std::to_string(data.scenarios.size()) + " scenario(s), " +
                           std::to_string(indicators) + " indicator series";
  if (format == "csv") {
    io::CsvOptions options;
    options.byte_order_mark = values.count("no-bom") == 0U;
    options.ages = ages;
    const auto rows = io::write_csv(data, out, options);
    context.out << "wrote " << out.string() << ": " << rows << " rows, " << what << "\n";
    if (rows + 1 > kExcelRows) {
      context.err << "note: more rows than Excel shows (" << kExcelRows
                  << "); narrow it with --indicator, --scenario or --ages 5y\n";
    }
  } else if (format == "xlsx") {
    io::write_xlsx(data, out);
    context.out << "wrote " << out.string() << ": " << what << "\n";
  } else {
    const fs::path boundaries = values["boundaries"].as<std::string>();
    io::write_gis(data, out,
                  format == "gpkg" ? io::GisFormat::kGeoPackage : io::GisFormat::kGeoJson,
                  boundaries);
    context.out << "wrote " << out.string() << ": " << data.dims.districts.size() << " districts, "
                << what << "; geometry from " << boundaries.string() << "\n";
  }
  return 0;
}

}  // namespace wardsim::app
