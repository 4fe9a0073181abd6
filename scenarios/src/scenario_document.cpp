#include "wardsim/scenarios/scenario_document.h"

#include <toml++/toml.h>

#include <sstream>
#include <utility>

#include "scenario_keys.h"

namespace wardsim::scenarios {
namespace {

namespace fs = std::filesystem;

struct LoadedFile {
  toml::table table;
  KeyOrigin origin;
};

// Reads `file` and, before it, every file it extends: `chain` ends up root-most ancestor first.
// Returns false if the chain cannot be formed (the problem is recorded).
bool load_chain(const fs::path& file, const std::string& display, const std::string& named_as,
                std::vector<std::pair<fs::path, std::string>>& visiting, InputReader& reader,
                ProblemList& problems, std::vector<LoadedFile>& chain) {
  std::error_code ignored;
  const fs::path identity = fs::weakly_canonical(file, ignored);
  for (std::size_t i = 0; i < visiting.size(); ++i) {
    if (visiting[i].first == identity) {
      std::string cycle;
      for (std::size_t k = i; k < visiting.size(); ++k) cycle += visiting[k].second + " → ";
      problems.add(visiting[i].second + ": extends cycle: " + cycle + display);
      return false;
    }
  }
  const std::optional<std::string> bytes = reader.read(file, display, named_as, problems);
  if (!bytes) return false;

  LoadedFile loaded;
  loaded.origin = {display, file.parent_path(), fs::path(display).parent_path()};
  try {
    loaded.table = toml::parse(*bytes, display);
  } catch (const toml::parse_error& error) {
    const toml::source_position where = error.source().begin;
    problems.add(display + ':' + std::to_string(where.line) + ':' + std::to_string(where.column) +
                 ": " + std::string(error.description()));
    return false;
  }

  if (const toml::node* extends = loaded.table.get("extends")) {
    const auto* parent = extends->as_string();
    if (parent == nullptr || parent->get().empty()) {
      problems.add(display + ": key 'extends' must be a path (a string), found " +
                   describe_value(*extends));
      return false;
    }
    const std::string parent_named_as = parent->get();
    visiting.emplace_back(identity, display);
    const bool loaded_parent =
        load_chain(file.parent_path() / parent_named_as,
                   (loaded.origin.display_directory / parent_named_as).lexically_normal().string(),
                   parent_named_as, visiting, reader, problems, chain);
    visiting.pop_back();
    if (!loaded_parent) return false;
    loaded.table.erase("extends");
  }
  chain.push_back(std::move(loaded));
  return true;
}

// Child over parent, key by key; a value key (even a year path's table) replaces as a whole.
void merge_into(toml::table& base, const toml::table& overlay, const std::string& prefix,
                const KeyOrigin& origin, KeyOrigins& origins) {
  for (auto&& [name, node] : overlay) {
    const std::string key =
        prefix.empty() ? std::string(name.str()) : prefix + '.' + std::string(name.str());
    toml::table* base_section = base.get_as<toml::table>(name.str());
    const auto* overlay_section = node.as_table();
    if (overlay_section != nullptr && !is_value_key(key)) {
      if (base_section == nullptr) {
        base.insert_or_assign(name.str(), toml::table{});
        base_section = base.get_as<toml::table>(name.str());
      }
      merge_into(*base_section, *overlay_section, key, origin, origins);
    } else {
      base.insert_or_assign(name.str(), node);
      origins.set(key, origin);
    }
  }
}

std::vector<std::string> split_key(std::string_view key) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t dot = key.find('.', start);
    parts.emplace_back(key.substr(start, dot - start));
    if (dot == std::string_view::npos) return parts;
    start = dot + 1;
  }
}

// VALUE as a TOML value when it is one (1.2, "text", { 2030 = 1.1 }), else as a string.
toml::table parse_override_value(const std::string& value) {
  try {
    toml::table parsed = toml::parse("v = " + value);
    if (parsed.size() == 1 && parsed.contains("v")) return parsed;
  } catch (const toml::parse_error&) {
    // Not a TOML value: taken as text, e.g. --set scenario.title=High growth.
  }
  toml::table text;
  text.insert("v", value);
  return text;
}

void apply_override(const std::string& text, const KeyOrigin& top, toml::table& merged,
                    KeyOrigins& origins, ProblemList& problems) {
  const std::string display = "--set " + text;
  const std::size_t equals = text.find('=');
  if (equals == std::string::npos) {
    problems.add(display + ": expected KEY=VALUE");
    return;
  }
  const std::string key = text.substr(0, equals);
  const std::vector<std::string> parts = split_key(key);
  for (const auto& part : parts) {
    if (part.empty()) {
      problems.add(display + ": '" + key + "' is not a dotted key such as fertility.tfr");
      return;
    }
  }
  if (parts.front() == "extends") {
    problems.add(display + ": 'extends' cannot be overridden");
    return;
  }
  toml::table section = parse_override_value(text.substr(equals + 1));
  toml::table* target = &merged;
  std::string reached;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    reached += (i == 0 ? "" : ".") + parts[i];
    toml::node* next = target->get(parts[i]);
    if (next == nullptr) {
      target->insert_or_assign(parts[i], toml::table{});
      next = target->get(parts[i]);
    } else if (!next->is_table()) {
      problems.add(display + ": '" + reached + "' is " + describe_value(*next) +
                   ", not a table; set '" + reached + "' as a whole");
      return;
    }
    target = next->as_table();
  }
  target->insert_or_assign(parts.back(), std::move(*section.get("v")));
  origins.set(key, KeyOrigin{display, top.directory, top.display_directory});
}

}  // namespace

std::optional<ScenarioDocument> read_scenario_document(const fs::path& file,
                                                       const std::vector<std::string>& overrides,
                                                       InputReader& reader, ProblemList& problems) {
  std::vector<LoadedFile> chain;
  std::vector<std::pair<fs::path, std::string>> visiting;
  if (!load_chain(file, file.string(), file.string(), visiting, reader, problems, chain)) {
    return std::nullopt;
  }
  const KeyOrigin& top = chain.back().origin;
  KeyOrigins origins(top);
  toml::table merged;
  for (const auto& loaded : chain) merge_into(merged, loaded.table, "", loaded.origin, origins);
  for (const auto& text : overrides) apply_override(text, top, merged, origins, problems);

  ScenarioDocument document;
  extract_settings(merged, origins, problems, document.settings);
  std::ostringstream resolved;
  resolved << toml::toml_formatter(merged) << '\n';
  document.resolved_text = resolved.str();
  return document;
}

}  // namespace wardsim::scenarios
