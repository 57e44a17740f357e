#!/usr/bin/env bash
# Installs what the tests need beyond npm: Dovecot (IMAP + LMTP) and Postfix for the
# end-to-end tests, and Chromium for the test that opens report.html in a real browser
# (playwright-core drives Debian's chromium; it never downloads a browser).
# Idempotent: does nothing when everything is present.
# The tests start their own mail server instances on loopback, so the system services are
# not needed; the install must succeed even where they cannot be started (containers).
set -euo pipefail

PACKAGES=(dovecot-imapd dovecot-lmtpd postfix chromium)

fail() {
  echo "install-test-deps: $*" >&2
  exit 1
}

installed() {
  command -v dovecot >/dev/null 2>&1 || [ -x /usr/sbin/dovecot ] || return 1
  command -v postfix >/dev/null 2>&1 || [ -x /usr/sbin/postfix ] || return 1
  [ -x /usr/lib/dovecot/lmtp ] || return 1
  [ -x /usr/bin/chromium ] || return 1
}

if installed; then
  echo "install-test-deps: dovecot, dovecot lmtp, postfix and chromium already installed; nothing to do"
  exit 0
fi

# Root for apt-get; fall back to sudo (CI runners) when available.
SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || fail "must run as root (or have sudo) to install ${PACKAGES[*]}"
  SUDO=(sudo)
fi
command -v apt-get >/dev/null 2>&1 || fail "apt-get not found; install ${PACKAGES[*]} by hand"

# Keep the package scripts from starting system services (they may not start in a
# container, and the tests do not use them). Only add a policy-rc.d if none exists.
POLICY=/usr/sbin/policy-rc.d
ADDED_POLICY=no
cleanup() {
  if [ "$ADDED_POLICY" = yes ]; then "${SUDO[@]}" rm -f "$POLICY"; fi
}
trap cleanup EXIT
if [ ! -e "$POLICY" ]; then
  printf '#!/bin/sh\nexit 101\n' | "${SUDO[@]}" tee "$POLICY" >/dev/null
  "${SUDO[@]}" chmod 755 "$POLICY"
  ADDED_POLICY=yes
fi

# "Local only" still writes /etc/postfix/main.cf but never relays anything off the machine.
if command -v debconf-set-selections >/dev/null 2>&1; then
  printf '%s\n' \
    "postfix postfix/main_mailer_type select Local only" \
    "postfix postfix/mailname string localhost" | "${SUDO[@]}" debconf-set-selections
fi

echo "install-test-deps: installing ${PACKAGES[*]}"
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update \
  || fail "apt-get update failed"
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${PACKAGES[@]}" \
  || fail "apt-get install ${PACKAGES[*]} failed"

installed || fail "packages installed but dovecot, /usr/lib/dovecot/lmtp, postfix or /usr/bin/chromium is still missing"
echo "install-test-deps: done (dovecot $(/usr/sbin/dovecot --version 2>/dev/null | cut -d' ' -f1 || echo '?') / postfix $(/usr/sbin/postconf -h mail_version 2>/dev/null || echo '?') / $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium ?'))"
