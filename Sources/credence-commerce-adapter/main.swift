import AdapterKit
import CommerceAdapter

// The commerce partner's adapter: the shared adapter command line (init, backfill, watch, push, status) over
// the commerce source reader.
await AdapterProgram.main(reader: CommerceSourceReader(), name: "credence-commerce-adapter")
