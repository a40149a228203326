-- wrk script of scripts/bench-scoring: the same script loads the aggregator and nginx.
--
--   wrk ... -s score_load.lua URL -- post BODIES API_KEY_FILE RESULT.json
--       POSTs to URL's path, one query body per line of BODIES in turn (each thread starting at its own
--       offset), with the consumer's API key;
--   wrk ... -s score_load.lua URL -- get - - RESULT.json
--       GETs URL.
--
-- Every response that is not 200 is counted (wrk itself counts only >= 400); `done` writes requests, bytes,
-- duration, socket errors, non-200 responses and latency percentiles (microseconds) to RESULT.json.

local threads = {}

function setup(thread)
    thread:set("thread_number", #threads)
    table.insert(threads, thread)
end

local prepared = {}
local next_request = 0
-- Globals of each thread's Lua state, read by `done` in the main state (which never runs `init`).
non_200 = 0
result_path = nil

local function read_first_line(path)
    local file = assert(io.open(path, "r"), "cannot open " .. path)
    local line = file:read("*l")
    file:close()
    return line
end

function init(args)
    local mode, bodies, key_file = args[1], args[2], args[3]
    result_path = assert(args[4], "the fourth script argument is the result file")
    if mode == "post" then
        local headers = {
            ["Authorization"] = "Bearer " .. read_first_line(key_file),
            ["Content-Type"] = "application/json",
        }
        for body in io.lines(bodies) do
            if body ~= "" then
                prepared[#prepared + 1] = wrk.format("POST", nil, headers, body)
            end
        end
        assert(#prepared > 0, bodies .. " has no query bodies")
    elseif mode == "get" then
        prepared[1] = wrk.format("GET")
    else
        error("the first script argument is post or get, not " .. tostring(mode))
    end
    -- Threads start far apart in the rotation, so they ask about different persons at the same moment.
    next_request = math.floor(thread_number * #prepared / 8) % #prepared
end

function request()
    next_request = next_request % #prepared + 1
    return prepared[next_request]
end

function response(status, headers, body)
    if status ~= 200 then
        non_200 = non_200 + 1
    end
end

function done(summary, latency, requests)
    local not_200 = 0
    for _, thread in ipairs(threads) do
        not_200 = not_200 + thread:get("non_200")
    end
    local errors = summary.errors
    local file = assert(io.open(threads[1]:get("result_path"), "w"))
    file:write(string.format(
        '{"requests": %d, "bytes": %d, "duration_us": %d, "non_200": %d, ' ..
        '"socket_errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d}, ' ..
        '"latency_us": {"p50": %d, "p90": %d, "p99": %d, "max": %d, "mean": %.1f}}\n',
        summary.requests, summary.bytes, summary.duration, not_200,
        errors.connect, errors.read, errors.write, errors.timeout,
        latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
    file:close()
end
