# Sourced by the build scripts: the environment Debian's Emscripten needs.
# em++'s JavaScript optimizer imports acorn from Debian's node modules.
export NODE_PATH="${NODE_PATH:+$NODE_PATH:}/usr/share/nodejs"
GRADSCOPE_JOBS="${GRADSCOPE_JOBS:-$(nproc)}"
