#!/usr/bin/env bash
# Renders a `yubei solve` report.html in headless Chromium and checks the picture is not blank.
#
#   scripts/check-report-render.sh [REPORT_DIR] [PNG]
#
# Without REPORT_DIR it solves Tests/YubeiSitingTests/Fixtures/hillside-county.yaml first.
# Installs Debian's `chromium` when missing. Exit 0 when the PNG is non-trivial.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:-}"
png="${2:-}"
if [ -z "$dir" ]; then
  dir="$(mktemp -d)/report"
  bin="$root/.build/debug/yubei"
  [ -x "$bin" ] || (cd "$root" && swift build)
  "$bin" solve "$root/Tests/YubeiSitingTests/Fixtures/hillside-county.yaml" --out "$dir" --lang zh >/dev/null
fi
[ -f "$dir/report.html" ] || { echo "no report.html in $dir" >&2; exit 1; }
png="${png:-$dir/report.png}"

if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  echo "Installing chromium from Debian's packages..." >&2
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi

html="$(cd "$dir" && pwd)/report.html"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot="$png" \
  --window-size=1400,2000 "file://$html" >/dev/null 2>&1 || true
[ -s "$png" ] || { echo "chromium produced no screenshot" >&2; exit 1; }

# Non-trivial: a real PNG, of the window's size, with many distinct colours (not a blank page).
python3 - "$png" <<'PY'
import struct, sys, zlib
path = sys.argv[1]
data = open(path, 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
pos, chunks = 8, {}
idat = b''
while pos < len(data):
    length, kind = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b'IHDR': chunks['IHDR'] = body
    if kind == b'IDAT': idat += body
    pos += 12 + length
width, height, depth, colour = struct.unpack('>IIBB', chunks['IHDR'][:10])
raw = zlib.decompress(idat)
channels = {2: 3, 6: 4, 0: 1, 4: 2}.get(colour, 3)
stride = width * channels + 1
colours, non_white = set(), 0
prev = bytearray(stride - 1)
for y in range(0, height):
    line = bytearray(raw[y * stride + 1:(y + 1) * stride])
    f = raw[y * stride]
    for i in range(len(line)):
        a = line[i - channels] if i >= channels else 0
        b = prev[i]
        c = prev[i - channels] if i >= channels else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    prev = line
    if y % 4 == 0:
        for x in range(0, width, 4):
            px = bytes(line[x * channels:x * channels + 3])
            colours.add(px)
            if px != b'\xff\xff\xff': non_white += 1
ok = width >= 1000 and height >= 1000 and len(colours) >= 20 and non_white > 2000
print(f'{path}: {width}x{height}, {len(colours)} colours sampled, {non_white} non-white samples: ' + ('ok' if ok else 'TRIVIAL'))
sys.exit(0 if ok else 1)
PY
