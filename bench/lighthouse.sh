#!/usr/bin/env bash
# Lighthouse (pinned in bench/lighthouse/package-lock.json) on the dev server's article, home and
# contact pages, mobile and desktop: prints the median of RUNS runs (default 3) of the four category
# scores of each and exits 1 if any is below 100. Chromium headless, no network beyond 127.0.0.1.
# Scores are timing-sensitive: run it on a quiet machine.
# Usage: [RUNS=5] bench/lighthouse.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
LH="$ROOT/bench/lighthouse"
RUNS="${RUNS:-3}"

(cd "$LH" && npm ci --no-audit --no-fund --loglevel=error >&2)
(cd "$ROOT" && ./mvnw -B -q -pl devserver -am compile >&2)
if [ "${BENCH_BUILD_ONLY:-}" = 1 ]; then
  echo "built: $(basename "$0")" >&2
  exit 0
fi

CHROME_PATH="${CHROME_PATH:-$(command -v chromium || command -v chromium-browser || command -v google-chrome)}"
export CHROME_PATH
work="$(mktemp -d)"
server=""
stop() {
  if [ -n "$server" ]; then
    kill -- "-$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop EXIT

# The README's run command, on a free port with data of its own; its own process group, so the
# JVM under mvnw stops with it.
(cd "$ROOT" && exec setsid ./mvnw -q -pl devserver -am compile exec:java \
  -Dexec.args="--port 0 --data $work/data") > "$work/server.log" 2>&1 &
server=$!
base=""
for _ in $(seq 1 600); do
  base="$(grep -oE 'running at http://127\.0\.0\.1:[0-9]+' "$work/server.log" | head -1 | cut -d' ' -f3 || true)"
  [ -n "$base" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.5
done
[ -n "$base" ] || { echo "the dev server did not start" >&2; exit 1; }

# The seed article's page is written by the site publisher shortly after start.
article="$base/articles/us-bombers-hit-iran-backed-militias-hard-in-syria-and-iraq/"
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "$article" && break
  sleep 0.5
done

failed=0
printf '%-10s %-8s %12s %14s %15s %6s\n' page form performance accessibility best-practices seo
for page in article home contact; do
  case "$page" in
    article) url="$article" ;;
    home) url="$base/" ;;
    contact) url="$base/contact/" ;;
  esac
  for form in mobile desktop; do
    preset=()
    [ "$form" = desktop ] && preset=(--preset=desktop)
    # Lighthouse's own advice for its run-to-run variance: several runs, the median.
    for run in $(seq 1 "$RUNS"); do
      "$LH/node_modules/.bin/lighthouse" "$url" "${preset[@]}" --quiet \
        --only-categories=performance,accessibility,best-practices,seo \
        --chrome-flags="--headless=new --no-sandbox --disable-gpu" \
        --output=json --output-path="$work/$page-$form-$run.json"
    done
    scores="$(node -e '
      const runs = process.argv.slice(1).map(f => require(f));
      const ids = ["performance", "accessibility", "best-practices", "seo"];
      const median = xs => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      console.log(ids.map(id => Math.round(median(runs.map(r => r.categories[id].score)) * 100)).join(" "));
      for (const r of runs) {
        for (const id of ids) {
          for (const ref of r.categories[id].auditRefs) {
            const a = r.audits[ref.id];
            if (ref.weight > 0 && a.score !== null && a.score < 1) {
              console.error(`  (one run) ${id}: ${a.id} ${a.score} ${a.displayValue || ""}`);
            }
          }
        }
      }' $(ls "$work/$page-$form-"*.json))"
    read -r perf a11y bp seo <<< "$scores"
    printf '%-10s %-8s %12s %14s %15s %6s\n' "$page" "$form" "$perf" "$a11y" "$bp" "$seo"
    for s in $perf $a11y $bp $seo; do
      [ "$s" -eq 100 ] || failed=1
    done
  done
done
if [ "$failed" -ne 0 ]; then
  echo "Lighthouse: a score is below 100 (failing audits above)" >&2
  exit 1
fi
echo "Lighthouse: 100 in all four categories on every page, mobile and desktop"
