#include "wardsim/engine/dimensions.h"

namespace wardsim::engine {

const char* sex_name(int sex) { return sex == kMale ? "male" : "female"; }

}  // namespace wardsim::engine
