#include "models/example_parameters.h"

#include <utility>
#include <vector>

namespace wardsim::models::testing {
namespace {

CapacityPlan plan(Eigen::ArrayXXd base, std::vector<CapacityPlan::Change> changes = {}) {
  CapacityPlan p;
  p.base = std::move(base);
  p.changes = std::move(changes);
  return p;
}

Eigen::ArrayXXd column(double a, double b, double c) {
  Eigen::ArrayXXd values(3, 1);
  values << a, b, c;
  return values;
}

}  // namespace

ChildcareParameters example_childcare() {
  ChildcareParameters p;
  p.uptake << 0.3, 0.5, 0.6;
  p.uptake_multiplier = {1.0, 1.1, 0.9};
  Eigen::ArrayXXd places(3, 3);
  places << 50, 210, 400,  //
      10, 0, 0,            //
      0, 0, 30;
  p.places = plan(places, {{.year = 2026, .district = 0, .category = 0, .capacity = 70}});
  return p;
}

SchoolParameters example_school() {
  SchoolParameters p;
  p.public_share = {0.9, 0.7};
  p.class_size_limit = {35, 35};
  Eigen::ArrayXXd classrooms = Eigen::ArrayXXd::Zero(3, 2);
  classrooms.row(0) << 30, 12;
  p.classrooms = plan(classrooms, {{.year = 2027, .district = 0, .category = 0, .capacity = 40}});
  return p;
}

ElderlyCareParameters example_elderly_care() {
  ElderlyCareParameters p;
  p.certification[0] = CertificationRates::Zero();
  p.certification[0].col(4).setConstant(0.1);  // men: care_3 in every band
  p.certification[1] = CertificationRates::Zero();
  p.certification[1](4, 6) = 0.2;  // women 85-89: care_5
  p.certification[1](5, 0) = 0.5;  // women 90+: support_1
  p.certification_multiplier = {1.0, 2.0, 3.0};
  p.residential_rate = 0.5;
  p.home_care_rate = 0.4;
  p.day_care_rate = 0.25;
  p.residents_per_care_worker = 2.0;
  p.community_users_per_care_worker = 10.0;
  p.residential_places =
      plan(column(260, 20, 0), {{.year = 2027, .district = 0, .category = 0, .capacity = 700}});
  return p;
}

InfrastructureParameters example_infrastructure() {
  InfrastructureParameters p;
  p.headship_rate[0].setConstant(0.5);
  p.headship_rate[1].setConstant(0.3);
  p.single_person_rate[0].setConstant(0.2);
  p.single_person_rate[1].setConstant(0.2);
  p.housing_units_per_household = 1.1;
  p.water_litres_per_person_day = 200.0;
  p.waste_kg_per_person_day = 0.8;
  p.evacuation_help_rate_75_plus = 0.3;
  p.evacuation_help_rate_under_75 = 0.05;
  p.welfare_shelter_places = plan(column(2400, 0, 10));
  p.shelter_places = plan(column(20000, 100, 50));
  return p;
}

ServiceParameters example_parameters() {
  ServiceParameters p;
  p.childcare = example_childcare();
  p.school = example_school();
  p.elderly_care = example_elderly_care();
  p.infrastructure = example_infrastructure();
  return p;
}

}  // namespace wardsim::models::testing
