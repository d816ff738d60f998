#!/usr/bin/env bash
# Creates, once, the Secrets the Helm chart reads but does not hold (so no password lands in Helm's release history):
# the three database roles' logins, which CloudNativePG sets on the roles and each service reads, and the key that
# encrypts webhook secrets. A Secret that exists is left as it is. docs/operations.md, "Deploying to Kubernetes".
#   deploy/create-secrets.sh [release] [namespace]      (defaults: stock-alerts, the current namespace)
set -euo pipefail

release="${1:-stock-alerts}"
namespace_args=()
if [ -n "${2:-}" ]; then
  namespace_args=(--namespace "$2")
fi

exists() { kubectl "${namespace_args[@]}" get secret "$1" >/dev/null 2>&1; }

for schema in api alerting persistence; do
  name="$release-db-$schema"
  if exists "$name"; then
    echo "kept    $name"
  else
    kubectl "${namespace_args[@]}" create secret generic "$name" --type=kubernetes.io/basic-auth \
      --from-literal=username="stockalerts_$schema" --from-literal=password="$(openssl rand -hex 24)" >/dev/null
    echo "created $name"
  fi
  # CloudNativePG applies a changed password to its role only from Secrets with this label
  kubectl "${namespace_args[@]}" label secret "$name" cnpg.io/reload=true --overwrite >/dev/null
done

name="$release-secrets-key"
if exists "$name"; then
  echo "kept    $name"
else
  kubectl "${namespace_args[@]}" create secret generic "$name" --from-literal=key="$(openssl rand -base64 32)" >/dev/null
  echo "created $name (keep a copy with the database's backups: without it the stored webhook secrets are lost)"
fi
