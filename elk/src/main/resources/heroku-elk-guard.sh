#!/bin/bash
# Starts Elasticsearch and stops it when our stdin reaches end of file, that is when the JVM that started us closes
# the pipe or dies in any way (kill -9 included). Elasticsearch alone keeps running after its parent dies.
set -u
/bin/bash "$ES_HOME/bin/elasticsearch" -p "$ES_PID_FILE" </dev/null &
es=$!
{ while read -r _; do :; done; kill -TERM "$es" 2>/dev/null; } <&0 &
watcher=$!
trap 'kill -TERM "$es" 2>/dev/null' TERM INT
wait "$es"
status=$?
# A trapped signal ends the first wait early: wait for Elasticsearch itself to finish.
while kill -0 "$es" 2>/dev/null; do
  wait "$es"
  status=$?
done
kill "$watcher" 2>/dev/null
exit "$status"
