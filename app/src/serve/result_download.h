#pragma once
// POST /api/download: a what-if run as a results file (HDF5, io's writer) or as one of the
// exports of `wardsim export` (CSV, Excel, GeoPackage), made in a private temporary directory that
// is removed before the answer is sent.

#include <filesystem>
#include <mutex>
#include <string>

#include "wardsim/io/provenance.h"
#include "what_if_run.h"

namespace wardsim::app::serve {

struct Download {
  std::string bytes;
  std::string content_type;
  std::string filename;  // <scenario name>.<extension>
};

// HDF5 (and GDAL's drivers) are not built to be called from several threads at once: every
// results file or export the server makes (downloads, jobs) is made under this lock.
// /api/project never takes it.
std::mutex& file_library_lock();

// What `wardsim run` records in a results file, for a scenario that came from the page's levers.
io::Provenance what_if_provenance(const WhatIfRun& run, int threads);

// `format` is h5, csv, xlsx or gpkg (InputError otherwise). `boundaries` is the district layer of
// the GeoPackage. `threads` is recorded in the provenance.
Download make_download(const WhatIfRun& run, const std::string& format,
                       const std::filesystem::path& boundaries, int threads);

}  // namespace wardsim::app::serve
