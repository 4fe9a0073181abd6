#pragma once
// Private to wardsim::io: every file io writes (results, batch parts, comparisons, exports) is
// written under a temporary name beside its target and renamed into place when complete, so a
// failure never leaves a half-written file and readers never see one.

#include <filesystem>
#include <functional>
#include <string>

namespace wardsim::io {

// Calls `write(temporary)`, then renames the temporary file to `target` (creating the target's
// directory first). The temporary name keeps the target's extension (HDF5, GDAL and spreadsheet
// programs go by it) and names this process and call: "out.gpkg" is written as
// "out.tmp-<pid>-<n>.gpkg", so concurrent writers in one process (the server) never share one.
// On any failure the temporary file is removed and the error passed on; an existing target is
// left untouched. `what` names the file in messages, e.g. "CSV file".
void write_atomically(const std::filesystem::path& target, const std::string& what,
                      const std::function<void(const std::filesystem::path&)>& write);

}  // namespace wardsim::io
