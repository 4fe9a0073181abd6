#pragma once
// Private to wardsim::io: `wardsim info`'s description of the groups beside /scenarios — the batch
// record (/batch, docs/batch.md) and the comparisons (/comparisons, docs/results_format.md).

#include <ostream>

#include "h5_util.h"

namespace wardsim::io {

// Prints the sweep a batch file was made from; nothing if the file has no /batch group.
void describe_batch_group(const h5::File& h5, std::ostream& out);

// Prints each comparison's runs and indicators; nothing if the file has no /comparisons group.
void describe_comparisons(const h5::File& h5, std::ostream& out);

}  // namespace wardsim::io
