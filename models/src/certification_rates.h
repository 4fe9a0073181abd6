#pragma once
// Private to wardsim::models: the care-certification rates of one year, shared by the elderly-care
// model and the ensembles' headline demand so that both use exactly the same arithmetic.

#include "wardsim/models/service_parameters.h"

namespace wardsim::models {

// Base rates × the year's certification lever, capped so that no age band has more than everyone
// certified (the levels of a band sum to at most 1, so each rate is at most 1).
CertificationRates certification_rates_in_year(const CertificationRates& base, double multiplier);

}  // namespace wardsim::models
