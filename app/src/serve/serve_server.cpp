#include "serve_server.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "backcast_answer.h"
#include "base_catalog.h"
#include "http_library.h"
#include "indicator_catalog.h"
#include "job_registry.h"
#include "lever_catalog.h"
#include "result_download.h"
#include "result_json.h"
#include "temporary_directory.h"
#include "wardsim/error.h"
#include "wardsim/scenarios/targets_file.h"
#include "what_if_run.h"

namespace wardsim::app::serve {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Deeper JSON than this is refused before anything walks it recursively (the levers are at most
// four levels deep).
constexpr int kMaxJsonDepth = 32;

struct TooDeep : std::runtime_error {
  TooDeep() : std::runtime_error("nested deeper than 32 levels") {}
};

void send_json(httplib::Response& res, int status, const json& body) {
  res.status = status;
  // Text from the request (names, keys) may be invalid UTF-8: replaced, never an exception.
  // With a charset the type is not on cpp-httplib's list of types it compresses: Debian's build
  // would otherwise Brotli-compress every answer at its slowest setting (~2 s for 330 kB), far
  // slower than sending it uncompressed over loopback.
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace),
                  "application/json; charset=utf-8");
}

void send_input_error(httplib::Response& res, const std::vector<std::string>& problems) {
  send_json(res, 400, {{"error", "input"}, {"problems", problems}});
}

// The request body as a JSON object; InputError naming what is wrong otherwise.
json parse_body(const httplib::Request& req) {
  json body;
  try {
    body = json::parse(req.body, [](int depth, json::parse_event_t, json&) {
      if (depth > kMaxJsonDepth) throw TooDeep();
      return true;
    });
  } catch (const json::parse_error& error) {
    throw InputError({std::string("request body: not valid JSON (") + error.what() + ")"});
  } catch (const TooDeep& error) {
    throw InputError({std::string("request body: ") + error.what()});
  }
  if (body.is_null() && req.body.find_first_not_of(" \t\r\n") == std::string::npos) {
    return json::object();
  }
  if (!body.is_object()) {
    throw InputError(
        {"request body: expected a JSON object, found " + std::string(body.type_name())});
  }
  return body;
}

std::string string_field(const json& body, const char* field, const std::string& fallback,
                         std::vector<std::string>& problems) {
  if (!body.contains(field) || body[field].is_null()) return fallback;
  if (!body[field].is_string()) {
    problems.push_back(std::string("request: '") + field + "' must be a string, found " +
                       body[field].type_name());
    return fallback;
  }
  return body[field].get<std::string>();
}

}  // namespace

struct ServeServer::State {
  ServeOptions options;
  scenarios::FileCache cache;
  BaseCatalog bases;
  JobRegistry jobs;
  httplib::Server http;

  State(ServeOptions chosen, std::ostream& notes)
      : options(std::move(chosen)), bases(options.scenario, cache, notes) {}

  // The request's base scenario ("base", default: the first).
  const BaseScenario& base_of(const json& body, std::vector<std::string>& problems) const {
    const std::string id = string_field(body, "base", bases.default_base().id, problems);
    if (const BaseScenario* base = bases.find(id)) return *base;
    std::string known;
    for (const auto& base : bases.bases()) known += (known.empty() ? "" : ", ") + base.id;
    problems.push_back("request: unknown base scenario '" + id + "' (expected one of " + known +
                       ")");
    return bases.default_base();
  }

  // The levers object of a request (absent or null = none).
  static json levers_of(const json& body) {
    return body.contains("levers") ? body["levers"] : json::object();
  }

  PyramidView view_of(const json& body, std::vector<std::string>& problems) const {
    PyramidView view;
    if (!body.contains("view") || body["view"].is_null()) return view;
    const json& given = body["view"];
    if (!given.is_object()) {
      problems.push_back("request: 'view' must be an object {\"year\": …, \"district\": …}");
      return view;
    }
    if (given.contains("year") && !given["year"].is_null()) {
      if (given["year"].is_number_integer() &&
          given["year"].get<std::int64_t>() >= std::numeric_limits<int>::min() &&
          given["year"].get<std::int64_t>() <= std::numeric_limits<int>::max()) {
        view.year = given["year"].get<int>();
      } else {
        problems.push_back("view: 'year' must be an integer year, found " + given["year"].dump());
      }
    }
    view.district = string_field(given, "district", "ward", problems);
    return view;
  }

  json meta(const BaseScenario& base) {
    const scenarios::Scenario& scenario = *base.scenario;
    const engine::Dimensions& dims = scenario.inputs.dims;
    json answer;
    answer["version"] = WARDSIM_VERSION;
    json list = json::array();
    for (const auto& each : bases.bases()) {
      list.push_back({{"id", each.id},
                      {"file", each.file.string()},
                      {"name", each.scenario->name},
                      {"title", each.scenario->title}});
    }
    answer["base_scenarios"] = std::move(list);
    answer["default_base"] = bases.default_base().id;
    answer["base"] = base.id;
    json years = json::array();
    for (int year = dims.base_year; year <= dims.end_year; ++year) years.push_back(year);
    answer["years"] = std::move(years);
    answer["base_year"] = dims.base_year;
    json districts = json::array();
    for (const auto& district : dims.districts) {
      districts.push_back({{"id", district.id},
                           {"name_ja", district.name_ja},
                           {"name_en", district.name_en},
                           {"region_ja", district.region_ja},
                           {"region_en", district.region_en}});
    }
    answer["districts"] = std::move(districts);
    answer["levers"] = lever_catalog(scenario);
    json indicators = json::array();
    for (const auto& indicator : district_indicators()) {
      indicators.push_back({{"key", indicator.key},
                            {"label_en", indicator.label_en},
                            {"label_ja", indicator.label_ja},
                            {"unit", indicator.unit},
                            {"kind", indicator.kind}});
    }
    answer["indicators"] = std::move(indicators);
    answer["services"] = services_meta(base);
    answer["targets_presets"] = targets_presets(base);
    return answer;
  }

  json services_meta(const BaseScenario& base) {
    static const std::map<std::string, std::string> kJapanese = {
        {"childcare", "保育"},
        {"school", "区立小中学校"},
        {"elderly_care", "介護"},
        {"infrastructure", "世帯・インフラ・防災"}};
    json list = json::array();
    if (!base.scenario->services) return list;
    const auto run = run_what_if(base.file, json::object(), base.scenario->name, &cache, 1);
    for (const auto& service : run.services) {
      const models::Indicator& demand = service.indicator(service.headline_demand);
      const auto japanese = kJapanese.find(service.name);
      list.push_back({{"key", service.name},
                      {"label_en", service.title},
                      {"label_ja", japanese == kJapanese.end() ? service.title : japanese->second},
                      {"unit", demand.units},
                      {"demand_indicator", service.headline_demand},
                      {"capacity_indicator", service.headline_capacity},
                      {"categories", demand.category_labels}});
    }
    return list;
  }

  void project(const httplib::Request& req, httplib::Response& res) {
    const json body = parse_body(req);
    std::vector<std::string> problems;
    const BaseScenario& base = base_of(body, problems);
    const PyramidView view = view_of(body, problems);
    const std::string name = string_field(body, "name", "whatif", problems);
    if (!problems.empty()) throw InputError(std::move(problems));
    const WhatIfRun run = run_what_if(base.file, levers_of(body), name, &cache, options.threads);
    const auto base_projection = bases.base_projection(base, options.threads);
    send_json(res, 200, project_json(run, *base_projection, view));
  }

  void scenario_file(const httplib::Request& req, httplib::Response& res) {
    const json body = parse_body(req);
    std::vector<std::string> problems;
    const BaseScenario& base = base_of(body, problems);
    const std::string name = string_field(body, "name", "whatif", problems);
    if (!problems.empty()) throw InputError(std::move(problems));
    // Loaded and run like /api/project, so only a file that runs is handed out; the name is then
    // a valid scenario name (lowercase letters, digits, _) and safe in the header.
    const WhatIfRun run = run_what_if(base.file, levers_of(body), name, &cache, options.threads);
    res.set_header("Content-Disposition",
                   "attachment; filename=\"" + run.scenario.name + ".toml\"");
    res.set_content(run.scenario_toml, "text/plain; charset=utf-8");
  }

  // The backcasting presets: the targets files in targets/ beside the default base scenario.
  std::vector<fs::path> preset_files() const {
    std::vector<fs::path> files;
    std::error_code failed;
    const fs::path directory = bases.default_base().file.parent_path() / "targets";
    for (const auto& entry : fs::directory_iterator(directory, failed)) {
      if (entry.path().extension() == ".toml") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
  }

  json targets_presets(const BaseScenario& base) const {
    json list = json::array();
    for (const auto& file : preset_files()) {
      try {
        const auto targets = scenarios::read_targets(file, base.scenario->inputs.dims);
        list.push_back({{"id", file.stem().string()}, {"title", targets.targets.title}});
      } catch (const Error&) {
        // A targets file that does not fit this base is not offered for it.
      }
    }
    return list;
  }

  void backcast(const httplib::Request& req, httplib::Response& res) {
    const json body = parse_body(req);
    std::vector<std::string> problems;
    const BaseScenario& base = base_of(body, problems);
    const std::string name = string_field(body, "name", "whatif", problems);
    const std::string preset = string_field(body, "targets_preset", "", problems);
    const std::string targets_toml = string_field(body, "targets_toml", "", problems);
    fs::path preset_file;
    if (preset.empty() == targets_toml.empty()) {
      problems.push_back("request: give exactly one of 'targets_preset' and 'targets_toml'");
    } else if (!preset.empty()) {
      for (const auto& file : preset_files()) {
        if (file.stem().string() == preset) preset_file = file;
      }
      if (preset_file.empty()) {
        problems.push_back("request: unknown targets preset '" + preset + "'");
      }
    }
    if (!problems.empty()) throw InputError(std::move(problems));
    const WhatIfRun run = run_what_if(base.file, levers_of(body), name, &cache, options.threads);
    if (!preset_file.empty()) {
      send_json(res, 200,
                backcast_json(run, preset_file, preset_file.filename().string(), &cache,
                              options.threads));
      return;
    }
    // The page's own targets file is read from a private copy, named targets.toml in messages.
    const TemporaryDirectory directory;
    const fs::path file = directory.path() / "targets.toml";
    {
      std::ofstream out(file, std::ios::binary);
      out << targets_toml;
      if (!out) throw IoError("cannot write a temporary targets file");
    }
    try {
      send_json(res, 200, backcast_json(run, file, "targets.toml", &cache, options.threads));
    } catch (const InputError& error) {
      // Problems name the private copy; the page knows it as targets.toml.
      std::vector<std::string> renamed;
      for (std::string problem : error.problems()) {
        for (std::size_t at = problem.find(file.string()); at != std::string::npos;
             at = problem.find(file.string())) {
          problem.replace(at, file.string().size(), "targets.toml");
        }
        renamed.push_back(std::move(problem));
      }
      throw InputError(std::move(renamed));
    }
  }

  void submit_job(const httplib::Request& req, httplib::Response& res) {
    const json body = parse_body(req);
    std::vector<std::string> problems;
    const BaseScenario& base = base_of(body, problems);
    const std::string kind = string_field(body, "kind", "agent", problems);
    int replicates = 20;
    std::uint64_t seed = 1;
    if (body.contains("replicates")) {
      if (body["replicates"].is_number_integer() && body["replicates"].get<std::int64_t>() >= 1 &&
          body["replicates"].get<std::int64_t>() <= 1000) {
        replicates = body["replicates"].get<int>();
      } else {
        problems.push_back("request: 'replicates' must be an integer between 1 and 1000, found " +
                           body["replicates"].dump());
      }
    }
    if (body.contains("seed")) {
      if (body["seed"].is_number_unsigned() ||
          (body["seed"].is_number_integer() && body["seed"].get<std::int64_t>() >= 0)) {
        seed = body["seed"].get<std::uint64_t>();
      } else {
        problems.push_back("request: 'seed' must be an integer ≥ 0, found " + body["seed"].dump());
      }
    }
    if (kind != "agent" && kind != "ensemble") {
      problems.push_back("request: 'kind' must be \"agent\" or \"ensemble\", found \"" + kind +
                         "\"");
    }
    if (!problems.empty()) throw InputError(std::move(problems));
    WhatIfRun run = run_what_if(base.file, levers_of(body), "whatif", &cache, options.threads);
    if (kind == "ensemble") {
      scenarios::MonteCarloSpec spec = ensemble_spec(base.file, replicates, seed);
      send_json(res, 200,
                {{"id", jobs.submit_ensemble(std::move(run), std::move(spec),
                                             uncertainty_file(base.file))}});
      return;
    }
    send_json(res, 200, {{"id", jobs.submit_agent(std::move(run), replicates, seed)}});
  }

  void job_status(const httplib::Request& req, httplib::Response& res) {
    const auto status = jobs.status(req.matches[1].str());
    if (!status) {
      send_json(res, 404,
                {{"error", "not_found"}, {"message", "no job " + std::string(req.matches[1])}});
      return;
    }
    send_json(res, 200,
              {{"id", status->id},
               {"kind", status->kind},
               {"state", status->state},
               {"progress", status->progress},
               {"message", status->message},
               {"summary", status->summary.is_null() ? json::object() : status->summary}});
  }

  void job_results(const httplib::Request& req, httplib::Response& res) {
    const auto status = jobs.status(req.matches[1].str());
    if (!status || status->state != "done") {
      send_json(res, 404,
                {{"error", "not_found"},
                 {"message", "job " + std::string(req.matches[1]) + " has no results (yet)"}});
      return;
    }
    std::ifstream in(status->file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    res.set_header("Content-Disposition", "attachment; filename=\"" + status->id + ".h5\"");
    res.set_content(bytes.str(), "application/x-hdf5");
  }

  // The district layer beside the default base scenario.
  fs::path boundaries() const {
    return bases.default_base().file.parent_path() / "geo" / "districts_illustrative.geojson";
  }

  void download(const httplib::Request& req, httplib::Response& res) {
    const json body = parse_body(req);
    std::vector<std::string> problems;
    const BaseScenario& base = base_of(body, problems);
    const std::string name = string_field(body, "name", "whatif", problems);
    const std::string format = req.has_param("format") ? req.get_param_value("format") : "h5";
    if (!problems.empty()) throw InputError(std::move(problems));
    const WhatIfRun run = run_what_if(base.file, levers_of(body), name, &cache, options.threads);
    Download file = make_download(run, format, boundaries(), options.threads);
    res.set_header("Content-Disposition", "attachment; filename=\"" + file.filename + "\"");
    res.set_content(std::move(file.bytes), file.content_type);
  }

  void geo(httplib::Response& res) {
    const fs::path file = boundaries();
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      send_json(res, 404,
                {{"error", "not_found"},
                 {"message", "the scenario has no district boundaries (" + file.string() + ")"}});
      return;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    res.set_content(bytes.str(), "application/geo+json");
  }

  // Runs a handler: the errors of the contract as JSON, never an exception into the server.
  template <typename Handler>
  httplib::Server::Handler guarded(Handler handler) {
    return [this, handler](const httplib::Request& req, httplib::Response& res) {
      try {
        handler(req, res);
      } catch (const InputError& error) {
        send_input_error(res, error.problems());
      } catch (const std::exception& error) {
        send_json(res, 500, {{"error", "internal"}, {"message", error.what()}});
      } catch (...) {
        send_json(res, 500, {{"error", "internal"}, {"message", "unknown error"}});
      }
    };
  }

  void routes() {
    http.set_payload_max_length(options.max_body_bytes);
    http.Get("/api/meta", guarded([this](const httplib::Request& req, httplib::Response& res) {
               const std::string id =
                   req.has_param("base") ? req.get_param_value("base") : bases.default_base().id;
               const BaseScenario* base = bases.find(id);
               if (base == nullptr)
                 throw InputError({"request: unknown base scenario '" + id + "'"});
               send_json(res, 200, meta(*base));
             }));
    http.Post("/api/download", guarded([this](const httplib::Request& req, httplib::Response& res) {
                download(req, res);
              }));
    http.Post("/api/backcast", guarded([this](const httplib::Request& req, httplib::Response& res) {
                backcast(req, res);
              }));
    http.Post("/api/jobs", guarded([this](const httplib::Request& req, httplib::Response& res) {
                submit_job(req, res);
              }));
    http.Get(R"(/api/jobs/(j[0-9]+))",
             guarded([this](const httplib::Request& req, httplib::Response& res) {
               job_status(req, res);
             }));
    http.Get(R"(/api/jobs/(j[0-9]+)/results\.h5)",
             guarded([this](const httplib::Request& req, httplib::Response& res) {
               job_results(req, res);
             }));
    http.Get("/api/geo",
             guarded([this](const httplib::Request&, httplib::Response& res) { geo(res); }));
    http.Post("/api/project", guarded([this](const httplib::Request& req, httplib::Response& res) {
                project(req, res);
              }));
    http.Post("/api/scenario-file",
              guarded([this](const httplib::Request& req, httplib::Response& res) {
                scenario_file(req, res);
              }));

    const bool has_front_end = fs::exists(options.assets / "index.html");
    if (has_front_end) http.set_mount_point("/", options.assets.string());
    // Served uncompressed for the same reason as the JSON answers (see send_json).
    http.set_file_extension_and_mimetype_mapping("html", "text/html; charset=utf-8");
    http.set_file_extension_and_mimetype_mapping("js", "application/javascript; charset=utf-8");
    http.set_file_extension_and_mimetype_mapping("css", "text/css; charset=utf-8");
    http.Get("/", [has_front_end](const httplib::Request&, httplib::Response& res) {
      // Reached only when the mount point did not answer, i.e. index.html is missing.
      (void)has_front_end;
      res.status = 503;
      res.set_content(
          "wardsim serve: the front end is not built (no index.html in the assets directory; "
          "build the wardsim_web target or pass --assets DIR). The JSON API under /api/ works.\n",
          "text/plain; charset=utf-8");
    });
    // Errors without a body of their own (unknown path, body too large …) get the contract's JSON.
    const httplib::Server::HandlerWithResponse json_errors =
        [](const httplib::Request& req,
           httplib::Response& res) -> httplib::Server::HandlerResponse {
      if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
      if (res.status == 404) {
        send_json(res, 404, {{"error", "not_found"}, {"message", "no such path: " + req.path}});
      } else if (res.status == 413) {
        send_json(res, 413,
                  {{"error", "input"}, {"problems", {"request body: larger than the limit"}}});
      } else {
        send_json(res, res.status, {{"error", "http"}, {"status", res.status}});
      }
      return httplib::Server::HandlerResponse::Handled;
    };
    http.set_error_handler(json_errors);
  }
};

ServeServer::ServeServer(ServeOptions options, std::ostream& notes)
    : state_(std::make_unique<State>(std::move(options), notes)) {
  state_->routes();
  if (!fs::exists(state_->options.assets / "index.html")) {
    notes << "wardsim serve: no front end in " << state_->options.assets.string()
          << " (GET / answers 503; the JSON API works)\n";
  }
}

ServeServer::~ServeServer() = default;

int ServeServer::bind() {
  const int port = state_->options.port == 0
                       ? state_->http.bind_to_any_port(state_->options.host)
                       : (state_->http.bind_to_port(state_->options.host, state_->options.port)
                              ? state_->options.port
                              : -1);
  if (port < 0) {
    throw IoError("cannot listen on " + state_->options.host + ":" +
                  std::to_string(state_->options.port) +
                  " (in use, or not an address of this "
                  "machine)");
  }
  return port;
}

void ServeServer::run() { state_->http.listen_after_bind(); }

void ServeServer::stop() { state_->http.stop(); }

bool ServeServer::is_running() const { return state_->http.is_running(); }

}  // namespace wardsim::app::serve
