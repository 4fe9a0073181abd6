#include "gdal_support.h"

#include <cpl_error.h>

#include <algorithm>
#include <cctype>
#include <mutex>

#include "wardsim/error.h"

namespace wardsim::io::gdal {

void initialise() {
  static std::once_flag once;
  std::call_once(once, [] {
    GDALAllRegister();
    // GDAL would print its errors to stderr; wardsim reports them in its own messages instead.
    CPLSetErrorHandler(CPLQuietErrorHandler);
  });
}

std::string last_error() {
  const char* message = CPLGetLastErrorMsg();
  return message != nullptr && *message != '\0' ? message : "unknown GDAL error";
}

std::string vector_driver_for(const std::filesystem::path& file) {
  std::string extension = file.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (extension == ".gpkg") return "GPKG";
  if (extension == ".geojson" || extension == ".json") return "GeoJSON";
  return "";
}

Dataset open_vector(const std::filesystem::path& file) {
  initialise();
  CPLErrorReset();
  return Dataset(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
}

Dataset create_vector(const std::string& driver_name, const std::filesystem::path& path,
                      const std::filesystem::path& label) {
  initialise();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name.c_str());
  if (driver == nullptr) {
    throw IoError("cannot write '" + label.string() + "': GDAL has no " + driver_name + " driver");
  }
  CPLErrorReset();
  Dataset dataset(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!dataset) throw IoError("cannot create '" + label.string() + "': " + last_error());
  return dataset;
}

}  // namespace wardsim::io::gdal
