#pragma once
// Private to wardsim::io: every export is written under a temporary name beside its target and
// renamed into place when complete, so a failure never leaves a half-written file.

#include <filesystem>
#include <functional>
#include <string>

namespace wardsim::io {

// Calls `write(temporary)`, then renames the temporary file to `target` (creating the target's
// directory first). The temporary name keeps the target's extension (GDAL and spreadsheet
// programs go by it): "out.gpkg" is written as "out.tmp-<pid>.gpkg". On any failure the temporary
// file is removed and the error passed on; an existing target is left untouched. `what` names the
// file in messages, e.g. "CSV file".
void write_atomically(const std::filesystem::path& target, const std::string& what,
                      const std::function<void(const std::filesystem::path&)>& write);

}  // namespace wardsim::io
