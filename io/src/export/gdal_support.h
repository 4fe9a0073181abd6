#pragma once
// Private to wardsim::io: GDAL set up once (drivers registered, its messages kept instead of
// printed), datasets closed by RAII, and the driver that writes a file chosen by its extension.

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <memory>
#include <string>

namespace wardsim::io::gdal {

// Registers the drivers and installs a quiet error handler (once per process).
void initialise();

// GDAL's last error message, or "unknown GDAL error".
std::string last_error();

struct DatasetCloser {
  void operator()(GDALDataset* dataset) const { GDALClose(dataset); }
};
using Dataset = std::unique_ptr<GDALDataset, DatasetCloser>;

struct FeatureDeleter {
  void operator()(OGRFeature* feature) const { OGRFeature::DestroyFeature(feature); }
};
using Feature = std::unique_ptr<OGRFeature, FeatureDeleter>;

// "GPKG" for .gpkg, "GeoJSON" for .geojson and .json, "" otherwise.
std::string vector_driver_for(const std::filesystem::path& file);

// Opens a vector file read-only; nullptr when GDAL cannot read it as vector data.
Dataset open_vector(const std::filesystem::path& file);

// A new vector file written by `driver` at `path`; IoError naming `label` if it cannot be made.
Dataset create_vector(const std::string& driver, const std::filesystem::path& path,
                      const std::filesystem::path& label);

}  // namespace wardsim::io::gdal
