#!/usr/bin/env python3
"""Writes the golden input files of this folder with exact octet counts.

Each case is a list of messages (str, or bytes for deliberate garbage). Run from this folder:
    python3 make_inputs.py
then regenerate the expectations with -Dgolden.update=true and review the diff.
"""
import json

T = "d.11111111-2222-4333-8444-555555555555"


def frame(msg: str, newline=True) -> bytes:
    b = (msg + ("\n" if newline else "")).encode("utf-8")
    return str(len(b)).encode() + b" " + b


def write(name, data: bytes):
    with open(name, "wb") as f:
        f.write(data)


# --- HTTPS drain layout: router lines of every shape ------------------------------------------------------------
router = [
    '<158>1 2026-11-26T10:00:00.123456+00:00 host heroku router - at=info method=POST path="/api/chat?x=1&y=two" host=myapp.herokuapp.com request_id=6f1c2b9e-8d7a-4c3b-9e2f-1a2b3c4d5e6f fwd="203.0.113.7" dyno=web.2 connect=0ms service=845ms status=200 bytes=1532 protocol=https',
    '<158>1 2026-11-26T10:00:01.456+00:00 host heroku router - at=error code=H12 desc="Request timeout" method=GET path="/report" host=myapp.herokuapp.com request_id=0b7c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3 fwd="198.51.100.4,10.1.2.3" dyno=web.1 connect=1ms service=30000ms status=503 bytes=0 protocol=https',
    '<158>1 2026-11-26T10:00:02+00:00 host heroku router - at=error code=H10 desc="App crashed" method=GET path="/" host=myapp.herokuapp.com request_id=9a8b7c6d-5e4f-4321-8765-43210fedcba9 fwd="198.51.100.4" dyno= connect= service= status=503 bytes= protocol=https',
    '<158>1 2026-11-26T10:00:03.000001+00:00 host heroku router - at=info method=GET path="/health" host=myapp.herokuapp.com request_id=11112222-3333-4444-5555-666677778888 fwd="192.0.2.10" dyno=web.1 connect=2 service=15 status=200 bytes=2 protocol=http',
    '<158>1 2026-11-26T10:00:04.250+00:00 host heroku router - at=error code=H27 desc="Client Request Interrupted" method=POST path="/upload" host=myapp.herokuapp.com request_id=aaaabbbb-cccc-4ddd-8eee-ffff00001111 fwd="203.0.113.9" dyno=web.3 connect=0ms service=5102ms status=499 bytes= protocol=https sock=client',
    '<158>1 2026-11-26T10:00:05.500+00:00 host heroku router - at=error code=H13 desc="Connection closed without response" method=GET path="/stream" host=myapp.herokuapp.com request_id=22223333-4444-4555-8666-777788889999 fwd="203.0.113.9" dyno=web.2 connect=0ms service=20ms status=503 bytes=0 protocol=https cause="backend closed the connection" tls_version=tls1.3',
    '<158>1 2026-11-26T10:00:06+00:00 host heroku router - at=info code=H81 desc="Blank app" method=GET path="/" host=blank-app.herokuapp.com request_id=33334444-5555-4666-8777-888899990000 fwd="198.51.100.20" dyno= connect= service= status=502 bytes= protocol=https',
]
write("router.logplex", b"".join(frame(m) for m in router))

# --- Runtime metrics and dyno lines (R14 sequence, crashes) ---------------------------------------------------------
dyno = [
    '<45>1 2026-11-26T10:01:00.123456+00:00 host heroku web.1 - source=web.1 dyno=heroku.123456789.0f0e0d0c-aaaa-bbbb-cccc-000000000001 sample#memory_total=909.12MB sample#memory_rss=880.02MB sample#memory_cache=29.10MB sample#memory_swap=0.00MB sample#memory_pgpgin=301234pages sample#memory_pgpgout=99321pages sample#memory_quota=512.00MB',
    '<45>1 2026-11-26T10:01:00.123456+00:00 host heroku web.1 - source=web.1 dyno=heroku.123456789.0f0e0d0c-aaaa-bbbb-cccc-000000000001 sample#load_avg_1m=0.42 sample#load_avg_5m=0.31 sample#load_avg_15m=0.20',
    '<45>1 2026-11-26T10:01:01+00:00 host heroku worker.1 - source=worker.1 dyno=heroku.123456789.0f0e0d0c-aaaa-bbbb-cccc-000000000002 sample#memory_total=301.50MB sample#memory_rss=290.25MB sample#memory_cache=8.25MB sample#memory_swap=3.00MB sample#memory_pgpgin=1200pages sample#memory_pgpgout=800pages',
    '<45>1 2026-11-26T10:01:02.345678+00:00 host heroku web.1 - Process running mem=909M(177.6%)',
    '<45>1 2026-11-26T10:01:02.345700+00:00 host heroku web.1 - Error R14 (Memory quota exceeded)',
    '<45>1 2026-11-26T10:01:03+00:00 host heroku web.2 - Process running mem=528MB(103.3%)',
    '<45>1 2026-11-26T10:01:04.100+00:00 host heroku web.1 - Error R15 (Memory quota vastly exceeded)',
    '<45>1 2026-11-26T10:01:04.200+00:00 host heroku web.1 - Stopping process with SIGKILL',
    '<45>1 2026-11-26T10:01:04.300+00:00 host heroku web.1 - Process exited with status 137',
    '<45>1 2026-11-26T10:01:04.400+00:00 host heroku web.1 - State changed from up to crashed',
    '<45>1 2026-11-26T10:01:10+00:00 host heroku web.3 - Error R10 (Boot timeout) -> Web process failed to bind to $PORT within 90 seconds of launch',
    '<45>1 2026-11-26T10:01:11+00:00 host heroku web.3 - Stopping process with SIGKILL',
    '<45>1 2026-11-26T10:01:12+00:00 host heroku worker.1 - Error R12 (Exit timeout) -> At least one process failed to exit within 30 seconds of SIGTERM',
    '<45>1 2026-11-26T10:01:12.500+00:00 host heroku worker.1 - Stopping remaining processes with SIGKILL',
    '<45>1 2026-11-26T10:01:13+00:00 host heroku web.2 - Error R99 (Platform error)',
    '<45>1 2026-11-26T10:01:14+00:00 host heroku web.2 - Stopping all processes with SIGTERM',
    '<45>1 2026-11-26T10:01:15+00:00 host heroku web.2 - State changed from starting to up',
    '<45>1 2026-11-26T10:01:16+00:00 host heroku run.1234 - Starting process with command `bin/rails console`',
]
write("dyno-lines.logplex", b"".join(frame(m) for m in dyno))

# --- Logplex's own L10 message without newline, frames back to back, an extra newline --------------------------------
l10 = (frame('<172>1 2026-11-26T10:02:00+00:00 host heroku logplex - Error L10 (output buffer overflow): 12 messages dropped since 2026-11-26T09:59:00+00:00.', newline=False)
       + frame('<190>1 2026-11-26T10:02:00.100000+00:00 host app web.1 - Started GET "/" for 203.0.113.7 at 2026-11-26 10:02:00 +0000')
       + b"\n"
       + frame('<190>1 2026-11-26T10:02:00.200000+00:00 host app web.1 - Completed 200 OK in 12ms')
       + frame('<172>1 2026-11-26T10:02:01+00:00 host heroku logplex - Error L11 (Tail buffer overflow) -> This tail session dropped 3 messages since 2026-11-26T10:01:00+00:00.', newline=False)
       + frame('<172>1 2026-11-26T10:02:02+00:00 host heroku logplex - Error L10 (output buffer overflow): 1 message dropped since 2026-11-26T10:01:59.500+00:00.', newline=False))
write("l10-concatenated.logplex", l10)

# --- Garbage between frames: every good frame must survive -----------------------------------------------------------
g = [
    frame('<190>1 2026-11-26T10:03:00.000001+00:00 host app web.1 - first good line'),
    b"this is not a frame\n",
    frame('<190>1 2026-11-26T10:03:00.000002+00:00 host app web.1 - second good line'),
    b"abc <190>1 not a length\n",
    frame('<190>1 2026-11-26T10:03:00.000003+00:00 host app web.1 - third good line'),
    b"99999999 <190>1 2026-11-26T10:03:00+00:00 host app web.1 - a huge declared length\n",
    frame('<190>1 2026-11-26T10:03:00.000004+00:00 host app web.1 - fourth good line'),
    b"120 <190>1 2026-11-26T10:03:00+00:00 host app web.1 - cut",
]
write("garbage-between-frames.logplex", b"".join(g))

# --- Older layout: HOSTNAME names the source, APP-NAME the dyno, PROCID the drain token ------------------------------
older = [
    '<190>1 2026-11-26T10:04:00+00:00 app web.1 ' + T + ' - Started GET "/orders"',
    '<158>1 2026-11-26T10:04:01.250+00:00 heroku router ' + T + ' - at=info method=GET path="/orders" host=myapp.herokuapp.com request_id=44445555-6666-4777-8888-999900001111 fwd="203.0.113.7" dyno=web.1 connect=1 service=23 status=200 bytes=5120',
    '<45>1 2026-11-26T10:04:02.500000+00:00 heroku web.1 ' + T + ' - Error R14 (Memory quota exceeded)',
]
write("older-layout.logplex", b"".join(frame(m) for m in older))

# --- App JSON from logstash-logback-encoder, and a line Heroku split at 10,000 bytes ---------------------------------
request_event = {"@timestamp": "2026-11-26T10:05:00.123Z", "@version": "1", "message": "GET /api/orders 200 in 42 ms",
                 "logger_name": "io.herokuelk.app.web.RequestLog", "thread_name": "http-nio-8080-exec-3", "level": "INFO",
                 "level_value": 20000, "event.dataset": "app.request", "http.request.method": "GET",
                 "url.path": "/api/orders", "http.response.status_code": 200, "event.duration": 42000000,
                 "http.request.id": "6f1c2b9e-8d7a-4c3b-9e2f-1a2b3c4d5e6f", "http.route": "/api/orders"}
memory_event = {"@timestamp": "2026-11-26T11:05:01.000+01:00", "@version": "1", "message": "memory sample",
                "logger_name": "io.herokuelk.app.MemorySampler", "thread_name": "memory-sampler", "level": "INFO",
                "level_value": 20000, "event.dataset": "app.memory", "app.memory.heap_used_mb": 301.5,
                "app.memory.heap_max_mb": 384, "app.memory.rss_mb": 480.25, "app.memory.dyno_quota_mb": 512}
stack = ("java.lang.IllegalStateException: order 42 not found\n\tat io.herokuelk.app.Orders.find(Orders.java:31)\n"
         "\tat io.herokuelk.app.web.OrderController.get(OrderController.java:18)\n")
error_event = {"@timestamp": "2026-11-26T10:05:02.5-08:00", "message": "request failed", "logger_name": "io.herokuelk.app.web.Errors",
               "thread_name": "http-nio-8080-exec-4", "level": "ERROR", "level_value": 40000, "stack_trace": stack,
               "event": {"action": "order-lookup"}, "service.name": "not-this", "tags": ["checkout"]}
# The app module's encoder writes ECS names itself (log.level, log.logger, process.thread.name).
ecs_event = {"@timestamp": "2026-11-26T10:05:02.750Z", "message": "dyno memory at 91% of the limit",
             "log.logger": "io.herokuelk.app.memory.MemoryWatch", "process.thread.name": "memory-sampler",
             "log.level": "WARN", "event.dataset": "app.memory", "app.memory.rss_mb": 466.0,
             "app.memory.limit_mb": 512, "app.memory.percent_of_limit": 91.0, "app.memory.within_limit": True,
             "http.response.body.bytes": 0}
compact = lambda o: json.dumps(o, separators=(",", ":"), ensure_ascii=False)
app = [
    frame('<190>1 2026-11-26T10:05:00.123456+00:00 host app web.1 - ' + compact(request_event)),
    frame('<190>1 2026-11-26T10:05:01.000000+00:00 host app web.1 - ' + compact(memory_event)),
    frame('<190>1 2026-11-26T10:05:02.500000+00:00 host app web.2 - ' + compact(error_event)),
    frame('<190>1 2026-11-26T10:05:02.600000+00:00 host app web.2 - \tat io.herokuelk.app.Orders.find(Orders.java:31)'),
    frame('<190>1 2026-11-26T10:05:02.700000+00:00 host app web.2 - {not json, just braces}'),
    frame('<190>1 2026-11-26T10:05:02.750000+00:00 host app web.1 - ' + compact(ecs_event)),
]
# A 23,000-byte JSON line, split into pieces of 10,000 bytes of text; a two-byte character straddles the first cut.
head = '<190>1 2026-11-26T10:05:03.000000+00:00 host app worker.1 - '
big = {"@timestamp": "2026-11-26T10:05:03.000Z", "message": "large payload", "level": "WARN", "payload": ""}
filler_len = 23000 - len(compact(big).encode())
prefix_len = len(('{"@timestamp":"2026-11-26T10:05:03.000Z","message":"large payload","level":"WARN","payload":"').encode())
first_cut_inside = 10000 - prefix_len - 1  # 'é' starts at byte 9999 of the text
big["payload"] = "x" * first_cut_inside + "é" + "y" * (filler_len - first_cut_inside - 2)
text = compact(big).encode("utf-8")
assert len(text) == 23000, len(text)
assert text[9999:10001] == "é".encode()
pieces = [text[i:i + 10000] for i in range(0, len(text), 10000)]
for i, p in enumerate(pieces):
    hdr = head if i == 0 else head.replace("03.000000", "03.000%03d" % i)
    b = hdr.encode() + p  # logplex adds no newline inside a split line
    app.append(str(len(b)).encode() + b" " + b)
app.append(frame('<190>1 2026-11-26T10:05:04.000000+00:00 host app worker.1 - after the large line'))
write("app-json.logplex", b"".join(app))

# --- One message per line: unknown and unparseable lines, other platform processes ------------------------------
lines = [
    '<190>1 2026-11-26T10:06:00.000000+00:00 host app api - Release v42 created by user dev@example.com',
    '<45>1 2026-11-26T10:06:01+00:00 host heroku api - Scale to web=2, worker=1 by user dev@example.com',
    '<134>1 2026-11-26T10:06:02+00:00 host app heroku-postgres - source=DATABASE addon=postgresql-curly-12345 sample#current_transaction=1873 sample#db_size=10457903bytes sample#tables=12 sample#active-connections=7',
    '<190>1 - host app web.1 - a line with a nil timestamp',
    '<190>1 2026-11-26 10:06:03 host app web.1 - a timestamp with a space is not RFC 3339',
    '<13>Nov 26 10:06:04 myhost myapp: an RFC 3164 line',
    'just some text without any header',
    '<190>1 2026-11-26T10:06:05.123+02:00 host app web.1 - an offset of two hours',
    '<190>1 2026-11-26T10:06:06Z host app web.1',
    '<190>1 2026-11-26T10:06:07+00:00 host app web.1 - - a text that starts with a dash is kept whole',
    '<190>1 2026-11-26T10:06:08+00:00 custom-sender myservice 4242 ID47 a sender with its own names',
]
write("unknown-lines.lines", ("\n".join(lines) + "\n").encode())

# --- Syslog drain: octet-counted stream, drain token in HOSTNAME, MSGID and SD both '-' --------------------------------
S = "d.1b2c3d4e-0000-4000-8000-000000000001"
syslog = [
    '<190>1 2026-11-26T10:00:00.123456+00:00 ' + S + ' app web.2 - - Started GET "/"',
    '<158>1 2026-11-26T10:00:00.200000+00:00 ' + S + ' heroku router - - at=info method=GET path="/" host=myapp.herokuapp.com request_id=55556666-7777-4888-9999-000011112222 fwd="203.0.113.7" dyno=web.2 connect=0ms service=3ms status=304 bytes=0 protocol=https',
    '<45>1 2026-11-26T10:00:01+00:00 ' + S + ' heroku web.2 - - Error R14 (Memory quota exceeded)',
    '<190>1 2026-11-26T10:00:02.000+00:00 ' + S + ' app web.2 - [exampleSDID@32473 iut="3" eventSource="Application"] with structured data',
]
write("syslog-drain.syslog", b"".join(frame(m) for m in syslog))

# --- Lines as `heroku logs` prints them, pasted by a user (the parse command's lines format) -------------------------
pasted = [
    '2026-12-03T22:10:01.123456+00:00 heroku[web.1]: Process running mem=909M(177.6%)',
    '2026-12-03T22:10:02.123456+00:00 heroku[web.1]: Error R14 (Memory quota exceeded)',
    '2026-12-03T22:10:03+00:00 heroku[router]: at=info method=GET path="/" host=myapp.herokuapp.com request_id=77778888-9999-4aaa-8bbb-ccccddddeeee fwd="203.0.113.7" dyno=web.1 connect=0ms service=12ms status=200 bytes=512 protocol=https',
    '2026-12-03T22:10:04.5-08:00 app[web.1]: Started GET "/" for 203.0.113.7',
    '2026-12-03T22:10:05+00:00 app[api]: Release v43 created by user dev@example.com',
    '2026-12-03T22:10:06+00:00 app web.1: not the heroku logs shape (no brackets)',
]
write("heroku-cli.lines", ("\n".join(pasted) + "\n").encode())

# --- What Heroku writes under the app's name, and an app that prints the same words ----------------------------------
app_sourced = [
    '<190>1 2026-11-26T10:07:00+00:00 host app run.4521 - Error R13 (Attach error) -> Failed to attach to process',
    '<190>1 2026-11-26T10:07:01+00:00 host app log-shuttle - Error L12: 222 messages dropped since 2026-11-26T10:06:30+00:00.',
    '<190>1 2026-11-26T10:07:02+00:00 host app log-shuttle - Error L13 (Local delivery error): 3 messages lost.',
    '<190>1 2026-11-26T10:07:03+00:00 host app web.1 - Error R14 (Memory quota exceeded)',
]
write("app-sourced-codes.logplex", b"".join(frame(m) for m in app_sourced))

# --- Datasets an app may not have: Heroku's own, unknown app.*, invalid names, non-strings ---------------------------
hostile = [{"message": "allowed", "event.dataset": "app.request"},
           {"message": "spoofs the router", "event.dataset": "heroku.router", "heroku.router.dyno": "web.9",
            "http.response.status_code": 503},
           {"message": "invents a dataset", "event.dataset": "app.made_up_" + "z" * 8},
           {"message": "not an app dataset", "event.dataset": "foo.bar"},
           {"message": "breaks the naming rules", "event.dataset": "App/Orders-2026"},
           {"message": "nested", "event": {"dataset": "heroku_elk.alert"}},
           {"message": "a number", "event.dataset": 42},
           {"message": "data stream fields are the shipper's", "data_stream.dataset": "heroku.router",
            "data_stream": {"namespace": "prod"}, "ecs.version": "1.0"}]
write("app-datasets.logplex", b"".join(
    frame('<190>1 2026-11-26T10:08:%02d+00:00 host app web.1 - ' % i + compact(e)) for i, e in enumerate(hostile)))
