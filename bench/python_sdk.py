"""Per-call time of Move's own Python SDK (move-ugc-python) for the same
retrieve, pointed at the benchmark server with endpoint_url. Prints JSON:
per-call times (ms) per round, two ways of calling it:

- "documented": as Move's README writes every call, `ugc.jobs.retrieve(...)`.
  Each `ugc.jobs` makes a new service, with a new GraphQL client that fetches
  the schema (an introspection round trip, answered by the benchmark server)
  before the retrieve.
- "held": one `jobs = ugc.jobs` kept and reused, the fastest way to call it
  (not shown in Move's documentation)."""

import json
import sys
import time

from move_ugc import MoveUgc

url, key = sys.argv[1], sys.argv[2]
ugc = MoveUgc(api_key=key, endpoint_url=url)
expand = ["client", "take", "outputs", "rig", "inputs"]
jobs = ugc.jobs
jobs.retrieve(id="job-1", expand=expand)  # warm up (and the schema round trip)
ugc.jobs.retrieve(id="job-1", expand=expand)


def per_call(call, calls, rounds=15):
    """Per-call times (ms) of `rounds` rounds of `calls` calls."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(calls):
            call()
        times.append((time.perf_counter() - start) * 1000 / calls)
    return times


print(
    json.dumps(
        {
            "documented": per_call(lambda: ugc.jobs.retrieve(id="job-1", expand=expand), 30),
            "held": per_call(lambda: jobs.retrieve(id="job-1", expand=expand), 100),
        }
    )
)
