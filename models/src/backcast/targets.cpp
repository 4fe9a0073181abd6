#include "wardsim/models/backcast/targets.h"

namespace wardsim::models::backcast {

bool is_service_target(TargetIndicator indicator) {
  switch (indicator) {
    case TargetIndicator::ChildcareNoShortfall:
    case TargetIndicator::CarePlacesPer1000Aged75Plus:
    case TargetIndicator::SchoolClassSizeLimit:
    case TargetIndicator::WelfareShelterForAll:
      return true;
    default:
      return false;
  }
}

std::string facility_of(TargetIndicator indicator) {
  switch (indicator) {
    case TargetIndicator::ChildcareNoShortfall:
      return "childcare";
    case TargetIndicator::CarePlacesPer1000Aged75Plus:
      return "elderly_care";
    case TargetIndicator::SchoolClassSizeLimit:
      return "school";
    case TargetIndicator::WelfareShelterForAll:
      return "welfare_shelter";
    default:
      return {};
  }
}

std::string indicator_name(TargetIndicator indicator) {
  switch (indicator) {
    case TargetIndicator::ChildcareNoShortfall:
      return "childcare_no_shortfall";
    case TargetIndicator::CarePlacesPer1000Aged75Plus:
      return "care_places_per_1000_aged_75_plus";
    case TargetIndicator::SchoolClassSizeLimit:
      return "school_class_size_limit";
    case TargetIndicator::WelfareShelterForAll:
      return "welfare_shelter_for_all";
    case TargetIndicator::ChildShare0To14:
      return "child_share_0_14";
    case TargetIndicator::WardTotal:
      return "ward_total";
    case TargetIndicator::PublishedPath:
      return "published_path";
  }
  return {};
}

}  // namespace wardsim::models::backcast
