{{- define "redline.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "redline.labels" -}}
app.kubernetes.io/name: redline-operator
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "redline.selectorLabels" -}}
app.kubernetes.io/name: redline-operator
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "redline.serviceAccountName" -}}
{{- default (include "redline.fullname" .) .Values.serviceAccount.name -}}
{{- end -}}

{{/* Namespaces watched in namespaced mode: the list, or the release namespace. */}}
{{- define "redline.watchedNamespaces" -}}
{{- if .Values.watch.namespaces -}}
{{- join "," .Values.watch.namespaces -}}
{{- else -}}
{{- .Release.Namespace -}}
{{- end -}}
{{- end -}}

{{/*
The operator's permissions, least privilege:
- benchmarks: read and watch; delete only for ttlSecondsAfterFinished. Status is its own subresource.
- configmaps: create the spec and results ConfigMaps and watch them. get/update/patch are listed
  because Kubernetes only lets the operator grant runner pods a Role it holds itself (no escalate verb).
- jobs: create and watch the runner Job; patch to suspend it on cancel.
- services, serviceaccounts, roles, rolebindings: create-if-absent per Benchmark (get + create); roles and
  rolebindings also update, when a new run needs other rules or binds runners.serviceAccountName.
- events: record condition transitions.
- pods: watch the runner pods (a Job counts a Pending pod as active; only the pod says Unschedulable or
  ImagePullBackOff); get/list also so that it may grant runners the DCGM discovery rule.
*/}}
{{- define "redline.operatorRules" -}}
- apiGroups: ["redline.dev"]
  resources: ["benchmarks"]
  verbs: ["get", "list", "watch", "create", "patch", "delete"]
- apiGroups: ["redline.dev"]
  resources: ["benchmarks/status"]
  verbs: ["get", "patch", "update"]
- apiGroups: ["redline.dev"]
  resources: ["searches"]
  verbs: ["get", "list", "watch"]
- apiGroups: ["redline.dev"]
  resources: ["searches/status"]
  verbs: ["get", "patch", "update"]
- apiGroups: ["redline.dev"]
  resources: ["sweeps"]
  verbs: ["get", "list", "watch"]
- apiGroups: ["redline.dev"]
  resources: ["sweeps/status"]
  verbs: ["get", "patch", "update"]
- apiGroups: [""]
  resources: ["configmaps"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
- apiGroups: ["batch"]
  resources: ["jobs"]
  verbs: ["get", "list", "watch", "create", "patch", "delete"]
- apiGroups: [""]
  resources: ["services", "serviceaccounts"]
  verbs: ["get", "create"]
- apiGroups: ["rbac.authorization.k8s.io"]
  resources: ["roles", "rolebindings"]
  verbs: ["get", "create", "update"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create"]
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get", "list", "watch"]
{{- end -}}
