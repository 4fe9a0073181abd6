// Labels of the page in English and Japanese. Lever, indicator, service and district labels come
// from /api/meta (label_en / label_ja, name_en / name_ja); everything else is here.
const LABELS = {
  title: ["wardsim — what-if workstation", "wardsim — 将来人口シミュレーター"],
  language: ["日本語", "English"],
  base_scenario: ["Base scenario", "基準シナリオ"],
  levers: ["Levers", "前提条件"],
  reset: ["Reset levers", "前提条件をリセット"],
  year: ["Year", "年"],
  district: ["District", "地区"],
  ward: ["Whole ward", "区全体"],
  indicator: ["Indicator", "指標"],
  service: ["Service", "サービス"],
  ward_total: ["Ward population", "区の総人口"],
  ward_total_help: ["Ward total on 1 January; dashed: base scenario", "各年1月1日の総人口（破線：基準シナリオ）"],
  peak: ["Peak", "ピーク"],
  final_year: ["Final year", "最終年"],
  age_0_5: ["Age 0–5", "0〜5歳"],
  age_65_plus: ["Age 65+", "65歳以上"],
  vs_base: ["vs base", "基準比"],
  server_time: ["Server", "サーバー"],
  round_trip: ["Round trip", "往復"],
  map: ["District map", "地区別地図"],
  illustrative: ["illustrative boundaries", "境界は概略（説明用）"],
  pyramid: ["Population pyramid", "人口ピラミッド"],
  pyramid_help: ["Bars: chosen year; outline: base year", "棒：選択年、線：基準年"],
  male: ["Male", "男性"],
  female: ["Female", "女性"],
  services: ["Service demand vs capacity", "サービス需要と定員"],
  services_help: ["Bars: demand; tick: capacity; red: shortfall", "棒：需要、目盛：定員、赤：不足"],
  demand: ["Demand", "需要"],
  capacity: ["Capacity", "定員"],
  shortfall: ["Shortfall", "不足"],
  ward_shortfall: ["Ward shortfall", "区全体の不足"],
  diff: ["Difference from baseline", "基準シナリオとの差"],
  diff_help: ["Population with these levers minus the base scenario without them", "前提条件適用後の人口 − 基準シナリオの人口"],
  backcast: ["Backcasting", "バックキャスティング"],
  targets: ["Targets", "目標"],
  run_backcast: ["Find the schedule", "スケジュールを算出"],
  met: ["met", "達成"],
  not_met: ["not met", "未達成"],
  col_target: ["Target", "目標"],
  col_service: ["Service", "サービス"],
  col_district: ["District", "地区"],
  col_category: ["Category", "区分"],
  col_year_needed: ["Needed by", "必要年"],
  col_decide_by: ["Decide by", "決定期限"],
  col_places: ["Places", "定員数"],
  col_lead_time: ["Lead time", "準備期間"],
  decisions: ["Capacity decisions (sorted as the server gives them)", "定員整備の決定（サーバーの順）"],
  too_late: ["too late", "間に合わない"],
  files: ["Save and download", "保存とダウンロード"],
  scenario_name: ["Scenario name", "シナリオ名"],
  save_scenario: ["Save scenario file", "シナリオファイルを保存"],
  download: ["Download results", "結果をダウンロード"],
  format: ["Format", "形式"],
  jobs: ["Background runs", "バックグラウンド実行"],
  job_kind: ["Kind", "種類"],
  agent: ["Agent-based", "エージェント"],
  ensemble: ["Ensemble", "アンサンブル"],
  replicates: ["Replicates", "反復回数"],
  seed: ["Seed", "乱数シード"],
  start_job: ["Start", "開始"],
  job_results: ["Download job results", "結果をダウンロード"],
  errors: ["The server rejected the input", "入力エラー"],
  dismiss: ["Dismiss", "閉じる"],
  busy: ["computing…", "計算中…"],
  path: ["change over time", "年ごとに変化"],
  reaches: ["reaches", "到達値"],
  by_year: ["by", "年"],
  enabled: ["on", "有効"],
  from_year: ["from", "開始年"],
  to_year: ["to", "終了年"],
  years: ["years", "年"],
  in_multiplier: ["in-migration ×", "転入 ×"],
  out_multiplier: ["out-migration ×", "転出 ×"],
  persons_per_dwelling: ["persons/dwelling", "1戸あたり人数"],
  share_from_outside: ["share from outside the ward", "区外からの転入割合"],
  dwellings_per_year: ["dwellings/year", "戸/年"],
  add: ["add", "追加"],
  add_row: ["+ add", "＋ 追加"],
  remove: ["remove", "削除"],
  category: ["category", "区分"],
  persons: ["persons", "人"],
};

let language = "en";

export function setLanguage(lang) {
  language = lang === "ja" ? "ja" : "en";
  document.documentElement.lang = language;
}

export function currentLanguage() {
  return language;
}

export function t(key) {
  const pair = LABELS[key];
  if (!pair) return key;
  return language === "ja" ? pair[1] : pair[0];
}

// Picks label_en / label_ja (or name_en / name_ja) from a metadata object.
export function label(item, field = "label") {
  if (!item) return "";
  return item[`${field}_${language}`] ?? item[`${field}_en`] ?? item.key ?? item.id ?? "";
}

const integerFormat = { en: new Intl.NumberFormat("en-GB"), ja: new Intl.NumberFormat("ja-JP") };

export function formatCount(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  return integerFormat[language].format(Math.round(value));
}

export function formatSigned(value) {
  const text = formatCount(Math.abs(value));
  return Math.round(value) > 0 ? `+${text}` : Math.round(value) < 0 ? `−${text}` : text;
}

// Replaces the text of every element carrying data-i18n="key".
export function translatePage(root = document) {
  for (const element of root.querySelectorAll("[data-i18n]")) {
    element.textContent = t(element.dataset.i18n);
  }
}
