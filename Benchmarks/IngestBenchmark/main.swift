// Filled in by the ingest benchmark.
print("credence-bench-ingest")
