import AdapterKit
import LendingAdapter

// The lending partner's adapter: the shared adapter command line (init, backfill, watch, push, status) over
// the lending source reader.
await AdapterProgram.main(reader: LendingSourceReader(), name: "credence-lending-adapter")
