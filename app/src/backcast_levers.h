#pragma once
// The demographic side of `wardsim backcast`: checks the demographic targets on the scenario's
// projection, solves their levers by re-running the scenario with the lever key overridden,
// follows published paths with the constrained projection, and finds targets that contradict
// each other.

#include <functional>
#include <string>

#include "wardsim/engine/projection.h"
#include "wardsim/engine/projection_inputs.h"
#include "wardsim/models/backcast/backcast_report.h"

namespace wardsim::app {

// The scenario re-projected with `key` set to `value` (as --set KEY=VALUE would).
using LeverRun = std::function<engine::Projection(const std::string& key, double value)>;

void backcast_demography(const engine::ProjectionInputs& inputs,
                         const engine::Projection& projection, const LeverRun& rerun,
                         models::backcast::BackcastReport& report);

// Marks targets whose solved levers ask the same key for disjoint values, and ward-total ranges
// that a published path leaves, as contradictory (with the reason).
void find_contradictions(const engine::Projection& projection,
                         models::backcast::BackcastReport& report);

// "1.2345" — the shortest text that reads back as `value` (for --set and for messages).
std::string lever_text(double value);

}  // namespace wardsim::app
