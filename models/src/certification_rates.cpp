#include "certification_rates.h"

namespace wardsim::models {

CertificationRates certification_rates_in_year(const CertificationRates& base, double multiplier) {
  CertificationRates rates = base * multiplier;
  for (int band = 0; band < kCareAgeBands; ++band) {
    const double total = rates.row(band).sum();
    if (total > 1.0) rates.row(band) /= total;
  }
  return rates;
}

}  // namespace wardsim::models
