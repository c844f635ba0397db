"""Per-call time of Move's own Python SDK (move-ugc-python) for the same
retrieve, pointed at the benchmark server with endpoint_url. Prints JSON:
per-call times (ms) per round."""

import json
import sys
import time

from move_ugc import MoveUgc

url, key = sys.argv[1], sys.argv[2]
ugc = MoveUgc(api_key=key, endpoint_url=url)
# Hold one service: `ugc.jobs` makes a new client (and fetches the schema) on
# every access, which would only make the SDK look slower.
jobs = ugc.jobs
expand = ["client", "take", "outputs", "rig", "inputs"]
jobs.retrieve(id="job-1", expand=expand)  # warm up (and the schema round trip)

calls, rounds = 100, 15
per_call = []
for _ in range(rounds):
    start = time.perf_counter()
    for _ in range(calls):
        jobs.retrieve(id="job-1", expand=expand)
    per_call.append((time.perf_counter() - start) * 1000 / calls)
print(json.dumps({"retrieve": per_call}))
