#include <string>

#include "command_options.h"
#include "wardsim/error.h"
#include "wardsim/io/dissolve.h"

namespace wardsim::app {

int geo_command(const CommandContext& context) {
  CommandSpec spec(
      "wardsim geo dissolve SMALL_AREAS CROSSWALK.csv [--out FILE] [--districts FILE]",
      "Builds a district layer from small-area polygons (any vector file GDAL reads, e.g. census "
      "町丁目 boundaries) and a small-area → district crosswalk: the crosswalk's first column "
      "names "
      "the small areas' key field, a 'district_id' column gives each one's district "
      "(docs/export.md). The result replaces the illustrative layer in `wardsim export "
      "--boundaries`.");
  spec.options.add_options()("action", po::value<std::string>()->required(), "dissolve")(
      "small-areas", po::value<std::string>()->required(), "small-area polygons")(
      "crosswalk", po::value<std::string>()->required(), "small area → district CSV")(
      "out,o", po::value<std::string>()->default_value("districts.gpkg"),
      "district layer to write (.gpkg or .geojson)")(
      "districts", po::value<std::string>()->default_value(WARDSIM_BUNDLED_DISTRICTS),
      "districts table (district_id, name_ja, name_en, region_ja, region_en)");
  spec.positional.add("action", 1).add("small-areas", 1).add("crosswalk", 1);
  po::variables_map values;
  if (!parse_command(context, spec, values)) return 0;
  if (values["action"].as<std::string>() != "dissolve") {
    throw UsageError("unknown geo action '" + values["action"].as<std::string>() +
                     "' (expected dissolve)\nUsage: " + spec.usage);
  }
  io::DissolveFiles files;
  files.small_areas = values["small-areas"].as<std::string>();
  files.crosswalk = values["crosswalk"].as<std::string>();
  files.districts = values["districts"].as<std::string>();
  files.out = values["out"].as<std::string>();
  const auto summary = io::dissolve_small_areas(files);
  context.out << "wrote " << files.out.string() << ": " << summary.districts
              << " districts dissolved from " << summary.small_areas << " small areas\n";
  return 0;
}

}  // namespace wardsim::app
