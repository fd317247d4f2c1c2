# Shared by the scripts that start `tarikh serve` (source it; not run alone).

# Waits until the server started as $SERVER_PID writes its address to
# $WORK/serve.out ("tarikh listening on http://..."), then sets BASE to it.
# Exits the calling script, naming it ($1), if the server dies or never says.
wait_for_server() {
    local name=$1
    for _ in $(seq 1 100); do
        grep -q "listening on" "$WORK/serve.out" 2>/dev/null && break
        kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/serve.err" >&2; echo "$name: server exited" >&2; exit 1; }
        sleep 0.1
    done
    BASE=$(grep -o 'http://[0-9.:]*' "$WORK/serve.out" | head -1)
    [[ -n "$BASE" ]] || { echo "$name: server did not report its address" >&2; exit 1; }
}
