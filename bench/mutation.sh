#!/usr/bin/env bash
# Mutation testing with PIT over the unit tests of web, shared, articles, subscriptions and contact
# (handlers and SnapStart priming left out: their tests replay events, in infra-tests too), then
# test strength per package: killed / (killed + survived), the mutants some test runs.
# Usage: bench/mutation.sh [PIT options], e.g. to iterate on one class:
#   bench/mutation.sh -DtargetClasses=dev.newsroom.shared.EmailAddress \
#     -DtargetTests='dev.newsroom.shared.*Test'
# PIT_THREADS (default 1) sets PIT's worker threads. CPU-heavy: the whole scope takes minutes.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SCOPE="dev.newsroom.web.*,dev.newsroom.shared.*,dev.newsroom.articles.*,dev.newsroom.subscriptions.*,dev.newsroom.contact.*"
EXCLUDED="dev.newsroom.*.*Handler,dev.newsroom.*.*Priming,dev.newsroom.web.Priming"

cd "$ROOT"
if [ "${BENCH_BUILD_ONLY:-}" = 1 ]; then
  # What the run needs: compiled tests, and PIT with its JUnit 5 plugin fetched.
  ./mvnw -B -q -pl functions -Pmutation test-compile dependency:resolve-plugins >&2
  echo "built: $(basename "$0")" >&2
  exit 0
fi
./mvnw -B -q -pl functions -Pmutation test-compile org.pitest:pitest-maven:mutationCoverage \
  -DtargetClasses="$SCOPE" -DtargetTests="$SCOPE" -DexcludedClasses="$EXCLUDED" \
  -Dthreads="${PIT_THREADS:-1}" "$@" >&2

python3 - "$ROOT/functions/target/pit-reports/mutations.xml" <<'PY'
import collections, sys, xml.etree.ElementTree as ET
rows = collections.defaultdict(collections.Counter)
for m in ET.parse(sys.argv[1]).getroot():
    package = m.findtext("mutatedClass").rsplit(".", 1)[0].removeprefix("dev.newsroom.")
    rows[package][m.get("status")] += 1
def line(name, c):
    total = sum(c.values()); killed = c["KILLED"] + c["TIMED_OUT"] + c["MEMORY_ERROR"]
    covered = killed + c["SURVIVED"]
    strength = 100.0 * killed / covered if covered else 0.0
    print(f"{name:<16} {total:>7} {killed:>7} {c['SURVIVED']:>8} {c['NO_COVERAGE']:>11}"
          f" {100.0 * killed / total if total else 0:>7.1f}% {strength:>8.1f}%")
print(f"{'package':<16} {'mutants':>7} {'killed':>7} {'survived':>8} {'no coverage':>11}"
      f" {'score':>8} {'strength':>9}")
for package in sorted(rows):
    line(package, rows[package])
line("all", sum(rows.values(), collections.Counter()))
PY
