import AdapterKit
import SocialAdapter

// The social partner's adapter: the shared adapter command line (init, backfill, watch, push, status) over
// the social source reader.
await AdapterProgram.main(reader: SocialSourceReader(), name: "credence-social-adapter")
