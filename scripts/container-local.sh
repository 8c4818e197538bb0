#!/usr/bin/env bash
# Builds and starts Veileder's container where no container registry can be reached: makes the two
# base images the Dockerfile's BASE_IMAGE / BUILD_IMAGE stand for (node:20-bookworm-slim elsewhere)
# from Debian packages (debootstrap) with this machine's Node 20 copied in, then builds the real
# Dockerfile against them with Podman, runs the image and asks it a question.
# Needs root, podman and debootstrap (Debian packages), the Debian mirror and the npm registry.
#   bash scripts/container-local.sh            # build + smoke run
#   KEEP=1 bash scripts/container-local.sh     # leave the container running
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${WORK:-/var/tmp/veileder-container}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
PORT=${PORT:-3988}
PODMAN=(podman --storage-driver vfs --cgroup-manager cgroupfs)
mkdir -p "$WORK"

rootfs() { # name, extra packages
  local dir="$WORK/$1"
  if [ ! -x "$dir/bin/sh" ]; then
    debootstrap --variant=minbase --include="$2" bookworm "$dir" "$MIRROR"
  fi
  # Node's own shared libraries, and the same user as the node images (uid 1000).
  chroot "$dir" sh -c "dpkg -s $(echo "$2" | tr , ' ') >/dev/null 2>&1 || (apt-get update && apt-get install -y --no-install-recommends $(echo "$2" | tr , ' '))"
  chroot "$dir" sh -c 'id node >/dev/null 2>&1 || useradd --uid 1000 --create-home --shell /bin/sh node'
  install -D -m 0755 "$(command -v node)" "$dir/usr/local/bin/node"
  chroot "$dir" sh -c 'apt-get clean; rm -rf /var/lib/apt/lists/*'
}

rootfs runtime ca-certificates,libstdc++6
rootfs build ca-certificates,libstdc++6,python3,make,g++
# The build image also gets npm and node's headers (node-gyp compiles against them, offline).
rm -rf "$WORK/build/usr/local/lib/node_modules/npm" "$WORK/build/usr/local/include/node"
mkdir -p "$WORK/build/usr/local/lib/node_modules" "$WORK/build/usr/local/include"
cp -a "$(dirname "$(readlink -f "$(command -v npm)")")/.." "$WORK/build/usr/local/lib/node_modules/npm"
cp -a /usr/include/node "$WORK/build/usr/local/include/node"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$WORK/build/usr/local/bin/npm"

for name in runtime build; do
  tar -C "$WORK/$name" -c . | "${PODMAN[@]}" import --change 'CMD ["/bin/sh"]' - "localhost/veileder-base-$name:bookworm"
done

# npm inside the build reaches the registry the way this machine's npm does: its CA bundle and a
# user .npmrc naming it are mounted for the build only (volumes are not part of any image layer).
printf 'cafile=/etc/ssl/certs/ca-certificates.crt\nfund=false\naudit=false\n' > "$WORK/npmrc"
"${PODMAN[@]}" build --format docker --network host --isolation chroot \
  -v /etc/ssl/certs:/etc/ssl/certs:ro -v "$WORK/npmrc:/root/.npmrc:ro" \
  --build-arg BASE_IMAGE=localhost/veileder-base-runtime:bookworm \
  --build-arg BUILD_IMAGE=localhost/veileder-base-build:bookworm \
  -t localhost/veileder:latest .
"${PODMAN[@]}" images localhost/veileder

# Smoke run: the zero-credential default (web chat), configured only by environment variables.
# Where the OCI runtime may not set rlimits (crun: «setrlimit RLIMIT_NPROC: Operation not permitted»,
# as in this sandbox), the image's own filesystem is run instead: podman mount + chroot as uid 1000,
# with the image's environment — the same files and user, without a container runtime.
"${PODMAN[@]}" rm -f veileder-smoke veileder-fs >/dev/null 2>&1 || true
ask() {
  for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break; sleep 1; done
  echo "--- /healthz /readyz"; curl -fsS "http://127.0.0.1:$PORT/healthz"; echo; curl -fsS "http://127.0.0.1:$PORT/readyz"; echo
  echo "--- POST /api/ask"
  curl -fsS -X POST -H 'content-type: application/json' -d '{"question":"Hva er tiltak 10S?"}' "http://127.0.0.1:$PORT/api/ask" | head -c 400; echo
}
if "${PODMAN[@]}" run -d --name veileder-smoke --network host --ulimit host -e PORT="$PORT" -e HOST=127.0.0.1 localhost/veileder:latest; then
  trap '[ -n "${KEEP:-}" ] || "${PODMAN[@]}" rm -f veileder-smoke >/dev/null' EXIT
  ask
  "${PODMAN[@]}" exec veileder-smoke sh -c 'id; command -v g++ cc make npm || echo "no compiler, no npm"'
else
  echo "podman run failed; running the image's filesystem with chroot instead"
  "${PODMAN[@]}" create --name veileder-fs localhost/veileder:latest >/dev/null
  M=$("${PODMAN[@]}" mount veileder-fs)
  mount -t proc proc "$M/proc"; mount --bind /dev "$M/dev"
  chroot --userspec=1000:1000 "$M" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin NODE_ENV=production \
    HOST=127.0.0.1 PORT="$PORT" DATA_DIR=/app/.data FEEDBACK_DB=/data/feedback.sqlite HOME=/home/node \
    sh -c 'cd /app && id && (command -v g++ cc make npm || echo "no compiler, no npm") && exec node --import tsx src/server.ts' &
  PID=$!
  trap 'kill -TERM $PID 2>/dev/null; wait $PID 2>/dev/null; umount "$M/proc" "$M/dev"; "${PODMAN[@]}" umount veileder-fs >/dev/null; "${PODMAN[@]}" rm -f veileder-fs >/dev/null' EXIT
  ask
fi
