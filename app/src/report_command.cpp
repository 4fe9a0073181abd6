#include <string>
#include <vector>

#include "command_options.h"
#include "wardsim/error.h"
#include "wardsim/viz/report_writer.h"

namespace wardsim::app {
namespace {

std::vector<std::string> strings_of(const po::variables_map& values, const char* name) {
  return values.count(name) != 0U ? values[name].as<std::vector<std::string>>()
                                  : std::vector<std::string>{};
}

}  // namespace

int report_command(const CommandContext& context) {
  CommandSpec spec(
      "wardsim report RESULTS.h5 [--out DIR] [--scenario NAME]... [--year Y] [--district ID]... "
      "[--indicator NAME]... [--boundaries FILE]",
      "Draws the charts of a results file (PNG and SVG) and writes a self-contained HTML report "
      "with their explanation and the provenance.");
  spec.options.add_options()("file", po::value<std::string>()->required(), "results file (HDF5)")(
      "out,o", po::value<std::string>(), "report directory (default: reports/<results name>)")(
      "scenario,s", po::value<std::vector<std::string>>()->composing(),
      "scenario to show (repeatable; default: all)")(
      "year,y", po::value<int>(), "year of the pyramids and maps (default: the last year)")(
      "district,d", po::value<std::vector<std::string>>()->composing(),
      "district of the per-district charts (repeatable; default: all)")(
      "indicator,i", po::value<std::vector<std::string>>()->composing(),
      "map indicator (repeatable; default: population_change and share_65_plus)")(
      "boundaries,b", po::value<std::string>(),
      "district boundaries, GeoJSON (default: the bundled Setagaya layer)");
  spec.positional.add("file", 1);
  po::variables_map values;
  if (!parse_command(context, spec, values)) return 0;

  viz::ReportRequest request;
  request.results = values["file"].as<std::string>();
  request.scenarios = strings_of(values, "scenario");
  if (values.count("year") != 0U) request.year = values["year"].as<int>();
  request.districts = strings_of(values, "district");
  request.indicators = strings_of(values, "indicator");
  request.boundaries_required = values.count("boundaries") != 0U;
  request.boundaries = request.boundaries_required ? values["boundaries"].as<std::string>()
                                                   : std::string(WARDSIM_BUNDLED_BOUNDARIES);
  const std::filesystem::path out = values.count("out") != 0U
                                        ? std::filesystem::path(values["out"].as<std::string>())
                                        : std::filesystem::path("reports") / request.results.stem();

  const auto written = viz::write_report(request, out, {WARDSIM_PYTHON, WARDSIM_REPORT_RENDERER});
  context.out << "Wrote the report to " << written.directory.string() << " ("
              << written.files.size() << " files):\n";
  for (const auto& file : written.files) context.out << "  " << file.string() << "\n";
  return 0;
}

}  // namespace wardsim::app
