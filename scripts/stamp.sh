# Sourced by the build scripts: make-style "is this artefact current?" checks for the steps that
# are not already incremental (tsc + copy into wasm/dist, tsc + vite into dist/).
#
# A stamp records one fingerprint of a step's inputs AND outputs (every file's path, size and
# modification time). The step is skipped only when the fingerprint is unchanged: an edited,
# added or removed input, or a touched or missing output, makes it run again, so a stale artefact
# is never tested.

# fingerprint <path>...: a hash over every file under the paths (missing paths count as empty).
# A path written "!<path>" is left out (e.g. '!dist/elements', which another step writes).
fingerprint() {
  local p
  local skip=()
  for p in "$@"; do
    if [[ $p == '!'* ]]; then skip+=(-path "${p:1}" -prune -o); fi
  done
  for p in "$@"; do
    [[ $p == '!'* ]] && continue
    if [ -e "$p" ]; then find "$p" "${skip[@]}" -type f -printf '%p %s %T@\n'; else echo "missing $p"; fi
  done | LC_ALL=C sort | sha256sum | cut -d' ' -f1
}

# stamp_current <name> <path>...: true when build/stamps/<name> holds the paths' fingerprint.
stamp_current() {
  local name="$1"
  shift
  [ -f "build/stamps/$name" ] && [ "$(cat "build/stamps/$name")" = "$(fingerprint "$@")" ]
}

# stamp_write <name> <path>...: records the paths' fingerprint after the step succeeded.
stamp_write() {
  local name="$1"
  shift
  mkdir -p build/stamps
  fingerprint "$@" > "build/stamps/$name"
}
