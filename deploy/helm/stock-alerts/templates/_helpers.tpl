{{/* The Kafka cluster (Strimzi): its bootstrap Service is <name>-kafka-bootstrap. */}}
{{- define "stockalerts.kafka" -}}{{ .Release.Name }}{{- end }}
{{- define "stockalerts.bootstrap" -}}{{ include "stockalerts.kafka" . }}-kafka-bootstrap:{{ .Values.kafka.port }}{{- end }}

{{/* The PostgreSQL cluster (CloudNativePG): its primary's Service is <name>-rw. */}}
{{- define "stockalerts.db" -}}{{ .Release.Name }}-db{{- end }}

{{/* The database roles: service -> schema of docs/operations.md, "Database roles" (analytics-consumer has none). */}}
{{- define "stockalerts.schemas" -}}
api-service: api
alert-consumer: alerting
persistence-consumer: persistence
{{- end }}

{{- define "stockalerts.labels" -}}
app.kubernetes.io/part-of: stock-alerts
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end }}

{{/* The labels of one component's resources and pods: the common ones and its name. */}}
{{- define "stockalerts.componentLabels" -}}
{{ include "stockalerts.labels" .root }}
app.kubernetes.io/name: {{ .name }}
{{- end }}

{{/* Selector of one component's pods; call with (dict "root" $ "name" "api-service"). */}}
{{- define "stockalerts.selector" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{/* The image of a service, pinned by digest when one is given, else by tag; a service's own image.tag or
image.digest (services.<name>.image) replaces the global pair, for upgrades that roll the services in turn. */}}
{{- define "stockalerts.image" -}}
{{- $image := .root.Values.image -}}
{{- $own := (get .root.Values.services .name).image | default dict -}}
{{- $pin := ternary $own $image (or (not (empty $own.tag)) (not (empty $own.digest))) -}}
{{- $repo := printf "%s/%s/stock-alerts-%s" $image.registry $image.namespace .name -}}
{{- if $pin.digest -}}{{ $repo }}@{{ $pin.digest }}{{- else -}}{{ $repo }}:{{ required "image.tag must pin a version" $pin.tag }}{{- end -}}
{{- end }}

{{/* Pod and container security: uid 10001 of the Dockerfile, nothing else. */}}
{{- define "stockalerts.podSecurity" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
seccompProfile:
  type: RuntimeDefault
{{- end }}
{{- define "stockalerts.containerSecurity" -}}
runAsNonRoot: true
runAsUser: 10001
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: [ALL]
{{- end }}

{{/* The Secret holding a role's login (kubernetes.io/basic-auth, username and password). */}}
{{- define "stockalerts.roleSecret" -}}{{ .root.Release.Name }}-db-{{ .schema }}{{- end }}
{{- define "stockalerts.secretsKeySecret" -}}
{{- .Values.secretsKey.existingSecret | default (printf "%s-secrets-key" .Release.Name) -}}
{{- end }}

{{/* A DNS-1123 name for a topic's KafkaTopic resource (topic names may hold '.' and capitals). */}}
{{- define "stockalerts.topicResource" -}}{{ . | lower | replace "." "-" }}{{- end }}
