#!/usr/bin/env sh
# Install Debian's chromium for tests/test_report_html.py (driven by playwright, whose own
# `playwright install` download is never used). Only as root with apt; otherwise the
# browser tests skip, so this never fails a run.
set -u
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "install-browser: not root or no apt-get; the browser tests will skip" >&2
    exit 0
fi
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null; then
    echo "install-browser: apt-get install chromium failed; the browser tests will skip" >&2
fi
exit 0
