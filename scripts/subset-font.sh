#!/usr/bin/env bash
# Rebuilds src/main/resources/fonts/wqy-microhei-gb2312.ttf: ASCII, GB 2312 and every character of the platform's
# Chinese texts, from Debian's fonts-wqy-microhei, with fontTools (Debian python3-fonttools).
set -euo pipefail
cd "$(dirname "$0")/.."
/usr/bin/python3 - <<'PY' > /tmp/jijinan-font-chars.txt
import glob
chars = {chr(c) for c in range(0x20, 0x7F)}
for b1 in range(0xA1, 0xF8):
    for b2 in range(0xA1, 0xFF):
        try:
            chars.add(bytes([b1, b2]).decode('gb2312'))
        except UnicodeDecodeError:
            pass
for name in glob.glob('src/main/resources/**/*', recursive=True):
    if name.endswith(('.properties', '.sql', '.csv', '.html', '.txt', '.json')):
        chars.update(open(name, encoding='utf-8').read())
print(''.join(sorted(c for c in chars if ord(c) >= 0x20)), end='')
PY
/usr/bin/python3 -m fontTools.subset /usr/share/fonts/truetype/wqy/wqy-microhei.ttc --font-number=0 \
	--text-file=/tmp/jijinan-font-chars.txt --output-file=src/main/resources/fonts/wqy-microhei-gb2312.ttf \
	--layout-features='*' --name-IDs='*' --name-languages='*'
