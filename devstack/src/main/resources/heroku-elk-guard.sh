#!/bin/bash
# Runs a service ("$@") and stops it when our stdin reaches end of file, that is when the JVM that started us closes
# the pipe or dies in any way (kill -9 included). Services such as Elasticsearch keep running after their parent dies.
set -u
"$@" </dev/null &
service=$!
{ while read -r _; do :; done; kill -TERM "$service" 2>/dev/null; } <&0 &
watcher=$!
trap 'kill -TERM "$service" 2>/dev/null' TERM INT
wait "$service"
status=$?
# A trapped signal ends the first wait early: wait for the service itself to finish.
while kill -0 "$service" 2>/dev/null; do
  wait "$service"
  status=$?
done
kill "$watcher" 2>/dev/null
exit "$status"
