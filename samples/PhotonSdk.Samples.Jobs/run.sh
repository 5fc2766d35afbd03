#!/usr/bin/env bash
# Two silos on loopback with the emulator: starts a throwaway Redis (its append-only file in a temporary folder), the
# WaveSpeed emulator and two nodes of this sample, then sends a few jobs through the front end and prints them as they
# finish. Open http://127.0.0.1:5101/ (or :5102) to start more; Ctrl+C stops all.
#   ./run.sh           keep running after the demo jobs
#   ./run.sh --smoke   send the demo jobs, print them, stop (exit status 0 only when every job completed)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
smoke=false
[ "${1:-}" = "--smoke" ] && smoke=true

emulator_port=5100
pids=()
work_dir="$(mktemp -d)"
redis_port=$((20000 + RANDOM % 20000))
command -v redis-server >/dev/null || { echo "Redis is not installed: apt-get install -y redis-server" >&2; exit 1; }

stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work_dir"
}
trap stop_all EXIT

echo "== Redis on 127.0.0.1:$redis_port"
# Every write is in the append-only file before Redis answers it, as a job's state must be.
redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$work_dir" --save '' --appendonly yes --appendfsync always \
  >"$work_dir/redis.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done

echo "== build"
dotnet build "$repo/src/PhotonSdk.Emulator" -v:q -nologo >/dev/null
dotnet build "$here" -v:q -nologo >/dev/null
emulator_dll="$repo/src/PhotonSdk.Emulator/bin/Debug/net10.0/PhotonSdk.Emulator.dll"
node_dll="$here/bin/Debug/net10.0/PhotonSdk.Samples.Jobs.dll"

echo "== emulator on 127.0.0.1:$emulator_port (Silver tier, a fifth of webhooks dropped: the reminders poll those)"
dotnet "$emulator_dll" --urls "http://127.0.0.1:$emulator_port" --rate-limit-tier silver --latency-scale 0.5 --webhook-drop-rate 0.2 >"$work_dir/emulator.log" 2>&1 &
pids+=($!)

for n in 1 2; do
  echo "== node $n: http://127.0.0.1:510$n/ (silo port 1111$n, gateway 3000$n)"
  # Both nodes give WaveSpeed node 1's endpoint; a delivery there reaches each job wherever it lives. In production,
  # put the nodes behind one load-balanced URL.
  Logging__LogLevel__Default=Warning dotnet "$node_dll" --urls "http://127.0.0.1:510$n" \
    --Jobs:Redis "127.0.0.1:$redis_port" --Jobs:SiloPort "1111$n" --Jobs:GatewayPort "3000$n" \
    --Jobs:WebhookUrl "http://127.0.0.1:5101/photon/webhooks" --Jobs:Tier Silver --Jobs:MaxCostUsd 5 \
    --Photon:BaseUrl "http://127.0.0.1:$emulator_port/" --Photon:ApiKey local >"$work_dir/node$n.log" 2>&1 &
  pids+=($!)
done

for n in 1 2; do
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:510$n/jobs/ping" >/dev/null 2>&1 && break; sleep 0.5; done
done

echo "== 10 jobs, alternating between the nodes' front ends"
for i in $(seq 1 10); do
  curl -fs -X POST "http://127.0.0.1:510$((i % 2 + 1))/jobs" -H 'content-type: application/json' \
    -d "{\"id\":\"demo-$i\",\"prompt\":\"A paper lantern, number $i\"}" >/dev/null
done
completed=0
for i in $(seq 1 10); do
  job="$(curl -fs --max-time 120 "http://127.0.0.1:5102/jobs/demo-$i?wait=true")"
  echo "$job"
  if grep -q '"status":"Completed"' <<<"$job"; then completed=$((completed + 1)); fi
done
echo "$completed of 10 jobs completed"

if $smoke; then
  [ "$completed" -eq 10 ]
  exit
fi
echo "Open http://127.0.0.1:5101/ or http://127.0.0.1:5102/; Ctrl+C stops everything."
wait
