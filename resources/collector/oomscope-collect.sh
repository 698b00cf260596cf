#!/bin/sh
# oomscope-collect.sh: gathers, on one Linux/Kubernetes node, the files OOMScope needs to explain
# where a container's memory went, and packs them into one .tar.gz (layout and manifest.json:
# MANIFEST.md beside this script). POSIX sh: runs under dash, bash and busybox ash.
#
# Read-only on the node: it reads /sys/fs/cgroup, /proc and the kernel log and runs read-only
# commands of the tools it finds (kubectl get/describe/top, crictl/docker inspect, fincore, jcmd);
# the only thing it writes is a scratch folder under $TMPDIR (removed on exit) and the archive.
set -u
LC_ALL=C
export LC_ALL
umask 077

VERSION=0.1.0
ME=oomscope-collect.sh
SCHEMA=oomscope-bundle/1
NL='
'

usage() {
	cat <<'EOF'
oomscope-collect.sh: collect a container-memory bundle for OOMScope (read-only; writes one .tar.gz)

Usage:
  oomscope-collect.sh TARGET... [OPTIONS]

Targets (at least one; they combine):
  --pod NAME [-n NAMESPACE]   a pod, resolved with kubectl (namespace "default" if omitted);
                              add --pod-uid UID where kubectl does not work
  --pod-uid UID               a pod by UID: its cgroup is found by scanning the cgroup tree
  --container ID              a container by id (or a unique prefix of at least 4 hex digits)
  --pid PID                   a process (and its cgroup); repeatable
  --cgroup PATH               a cgroup, as in /proc/PID/cgroup (/kubepods/burstable/pod...)
                              or as a path under the cgroup mount; repeatable
  --all-pods                  every pod cgroup on this node (the whole kubepods tree)

Options:
  --samples N                 capture the cgroup and /proc part N times (default 1)
  --interval S                seconds between samples (default 10)
  --since TIME                kernel log since TIME (journalctl syntax: "-2h", "2024-11-11 06:00";
                              passed to dmesg --since where supported)
  --full-kernel-log           keep the whole kernel log (default: OOM reports and the lines around them)
  --smaps                     also copy /proc/PID/smaps (large)
  --tmpfs DIR                 also run fincore on the files under DIR (a memory-backed mount); repeatable
  --redact                    replace host names, IP addresses and environment variable values
  --node NAME                 Kubernetes node name (default: the pod's node, else this host's name)
  --host-root DIR             read the host through DIR (e.g. /host in a pod that mounts / there)
  --skip LIST                 comma list of parts to skip: kubectl,runtime,kernel-log,fincore,jcmd
  --timeout S                 time limit for each external command (default 20)
  -o, --output DIR            where to write the .tar.gz (default ${TMPDIR:-/tmp})
  -q, --quiet                 no progress messages
  -h, --help                  this help
  --version                   print the version

The path of the archive is printed on stdout when it is written; progress goes to stderr.
Examples:
  oomscope-collect.sh --pod api-7f8c9d6b5-h7j2k -n ml --samples 6 --interval 10
  oomscope-collect.sh --pod-uid 8053180c-b0f1-4cb6-9d6d-c68c5af49d48 --redact
  oomscope-collect.sh --container 5e5f644350da --since -2h
  oomscope-collect.sh --all-pods -o /var/tmp
EOF
}

say() { [ "$QUIET" = 1 ] || printf '%s: %s\n' "$ME" "$*" >&2; }
die() { printf '%s: error: %s\n' "$ME" "$*" >&2; exit 1; }
usage_error() { printf '%s: %s (see --help)\n' "$ME" "$*" >&2; exit 2; }
have() { command -v "$1" >/dev/null 2>&1; }
is_uint() { case $1 in '' | *[!0-9]*) return 1 ;; *) return 0 ;; esac; }
is_number() { case $1 in '' | . | *[!0-9.]* | *.*.*) return 1 ;; *) return 0 ;; esac; }
skipped() { case ",$SKIP," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }

# ---------------------------------------------------------------- arguments
POD_NAME='' POD_NS='' POD_UID='' ALL_PODS=0 SAMPLES=1 INTERVAL=10 SINCE='' FULL_KLOG=0
WITH_SMAPS=0 REDACT=0 OUTDIR=${TMPDIR:-/tmp} HOST_ROOT='' NODE_NAME='' CMD_TIMEOUT=20 SKIP=''
QUIET=0 TARGETS='' EXTRA_TMPFS='' ARGS_TEXT=$*

add_target() { TARGETS="$TARGETS$1|$2$NL"; }
need_value() { [ $# -ge 2 ] || usage_error "$1 needs a value"; }

while [ $# -gt 0 ]; do
	case $1 in
	--*=*)
		opt=${1%%=*} val=${1#*=}
		shift
		set -- "$opt" "$val" "$@"
		continue
		;;
	esac
	case $1 in
	--pod) need_value "$@"; POD_NAME=$2; shift 2 ;;
	-n | --namespace) need_value "$@"; POD_NS=$2; shift 2 ;;
	--pod-uid) need_value "$@"; POD_UID=$2; shift 2 ;;
	--container)
		need_value "$@"
		case $2 in *[!0-9a-f]* | '' | ? | ?? | ???) usage_error "--container wants a hex id (at least 4 digits): $2" ;; esac
		add_target container "$2"
		shift 2
		;;
	--pid)
		need_value "$@"
		is_uint "$2" || usage_error "--pid wants a number: $2"
		add_target pid "$2"
		shift 2
		;;
	--cgroup) need_value "$@"; add_target cgroup "$2"; shift 2 ;;
	--all-pods) ALL_PODS=1; shift ;;
	--samples)
		need_value "$@"
		if ! is_uint "$2" || [ "$2" -lt 1 ] || [ "$2" -gt 10000 ]; then usage_error "--samples wants a number from 1 to 10000: $2"; fi
		SAMPLES=$2
		shift 2
		;;
	--interval) need_value "$@"; is_number "$2" || usage_error "--interval wants seconds: $2"; INTERVAL=$2; shift 2 ;;
	--since) need_value "$@"; SINCE=$2; shift 2 ;;
	--full-kernel-log) FULL_KLOG=1; shift ;;
	--smaps) WITH_SMAPS=1; shift ;;
	--tmpfs) need_value "$@"; EXTRA_TMPFS="$EXTRA_TMPFS$2$NL"; shift 2 ;;
	--redact) REDACT=1; shift ;;
	--node) need_value "$@"; NODE_NAME=$2; shift 2 ;;
	--host-root) need_value "$@"; HOST_ROOT=${2%/}; shift 2 ;;
	--skip) need_value "$@"; SKIP=$2; shift 2 ;;
	--timeout) need_value "$@"; is_uint "$2" || usage_error "--timeout wants seconds: $2"; CMD_TIMEOUT=$2; shift 2 ;;
	-o | --output) need_value "$@"; OUTDIR=$2; shift 2 ;;
	-q | --quiet) QUIET=1; shift ;;
	-h | --help) usage; exit 0 ;;
	--version) echo "$ME $VERSION"; exit 0 ;;
	*) usage_error "unknown argument: $1" ;;
	esac
done

[ -n "$POD_NAME" ] && [ -z "$POD_NS" ] && POD_NS=default
[ -n "$POD_NS" ] && [ -z "$POD_NAME" ] && usage_error "-n needs --pod"
if [ -n "$POD_NAME" ]; then add_target pod "$POD_NS/$POD_NAME"; elif [ -n "$POD_UID" ]; then add_target pod "$POD_UID"; fi
[ "$ALL_PODS" = 1 ] && add_target all-pods kubepods
[ -n "$TARGETS" ] || usage_error "give a target: --pod, --pod-uid, --container, --pid, --cgroup or --all-pods"
if [ ! -d "$OUTDIR" ] || [ ! -w "$OUTDIR" ]; then die "output folder is not a writable folder: $OUTDIR"; fi

PROC=$HOST_ROOT/proc
CG_FS=$HOST_ROOT/sys/fs/cgroup
[ -r "$PROC/meminfo" ] || die "cannot read $PROC/meminfo (is /proc mounted? --host-root?)"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/oomscope-collect.XXXXXX") || die "cannot create a scratch folder under ${TMPDIR:-/tmp}"
cleanup() { [ -n "${WORK:-}" ] && rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM HUP
META=$WORK/meta
mkdir -p "$META" || die "cannot write to $WORK"

# ---------------------------------------------------------------- small helpers
now_iso() {
	t=$(date -u +%Y-%m-%dT%H:%M:%S.%NZ 2>/dev/null)
	case $t in
	*T??:??:??.[0-9][0-9][0-9]*Z) printf '%s' "${t%"${t#*.???}"}Z" ;;
	*) date -u +%Y-%m-%dT%H:%M:%SZ ;;
	esac
}

TIMEOUT_BIN=''
if have timeout && timeout 5 true >/dev/null 2>&1; then TIMEOUT_BIN=timeout; fi

# run_cmd OUTFILE CMD...: runs CMD with the time limit, stdout to OUTFILE; sets RUN_ERR on failure.
run_cmd() {
	rc_out=$1
	shift
	if [ "$1" = kc ]; then
		shift
		set -- kubectl --request-timeout="${CMD_TIMEOUT}s" "$@"
	fi
	if [ -n "$TIMEOUT_BIN" ]; then
		"$TIMEOUT_BIN" "$CMD_TIMEOUT" "$@" >"$rc_out" 2>"$WORK/stderr" </dev/null
	else
		"$@" >"$rc_out" 2>"$WORK/stderr" </dev/null
	fi
	rc=$?
	RUN_ERR=''
	if [ "$rc" -ne 0 ]; then
		if [ "$rc" -eq 124 ] && [ -n "$TIMEOUT_BIN" ]; then
			RUN_ERR="timed out after ${CMD_TIMEOUT}s"
		else
			RUN_ERR="exit status $rc: $(sed -n '1,2p' "$WORK/stderr" | tr '\n\t' '  ' | cut -c1-240)"
		fi
	fi
	return "$rc"
}

# Record files: one line per file, fields separated by "|":
# path|role|format|source|cgroupPath|pid|containerId|capturedAt|note
record_file() { printf '%s|%s|%s|%s|%s|%s|%s|%s|%s\n' "$2" "$3" "$4" "$5" "${6:-}" "${7:-}" "${8:-}" "${9:-}" "${10:-}" >>"$META/$1.files"; }
record_missing() { printf '%s|%s\n' "$2" "$(printf '%s' "$3" | tr '|\n' '/ ')" >>"$META/$1.missing"; }
record_tool() { printf '%s|%s\n' "$1" "$2" >>"$META/tools"; }

# copy_file SCOPE SNAPDIR SRC REL ROLE FORMAT [cgroupPath pid]: a plain read of one kernel file.
copy_file() {
	cf_dst=$2/$4
	if cat "$3" >"$cf_dst" 2>"$WORK/stderr"; then
		record_file "$1" "$4" "$5" "$6" "${3#"$HOST_ROOT"}" "${7:-}" "${8:-}"
		return 0
	fi
	rm -f "$cf_dst"
	record_missing "$1" "$4" "cannot read ${3#"$HOST_ROOT"}: $(tr '\n' ' ' <"$WORK/stderr" | cut -c1-200)"
	return 1
}

# ---------------------------------------------------------------- the node
HOSTNAME_=$(cat "$PROC/sys/kernel/hostname" 2>/dev/null || uname -n)
KERNEL=$(uname -r)
BTIME=$(awk '$1 == "btime" { print $2 }' "$PROC/stat" 2>/dev/null)

CG_VERSION=0 CG_MODE=none CG_MNT='' CG_UNIFIED=''
if [ -f "$CG_FS/memory/memory.usage_in_bytes" ]; then
	CG_VERSION=1 CG_MNT=$CG_FS/memory
elif [ -f "$CG_FS/cgroup.controllers" ] && grep -q memory "$CG_FS/cgroup.controllers"; then
	CG_VERSION=2 CG_MNT=$CG_FS
else
	# A memory controller mounted somewhere other than the usual place (older distributions).
	m=$(awk '$3 == "cgroup" && $4 ~ /(^|,)memory(,|$)/ { print $2; exit }' "$PROC/self/mounts" 2>/dev/null)
	if [ -n "$m" ]; then
		CG_VERSION=1 CG_MNT=$HOST_ROOT$m
	else
		m=$(awk '$3 == "cgroup2" { print $2; exit }' "$PROC/self/mounts" 2>/dev/null)
		[ -n "$m" ] && CG_VERSION=2 CG_MNT=$HOST_ROOT$m
	fi
fi
case $CG_VERSION in
1)
	CG_MODE=v1
	for u in "$CG_FS/unified" "$CG_FS/systemd"; do
		if [ -f "$u/cgroup.controllers" ]; then CG_MODE=hybrid CG_UNIFIED=$u && break; fi
	done
	;;
2) CG_MODE=v2 CG_UNIFIED=$CG_MNT ;;
*) say "no memory cgroup hierarchy found under $CG_FS: only node-level files will be collected" ;;
esac

cg_rel() {
	case $1 in
	"$CG_MNT" | "$CG_MNT/") echo / ;;
	"$CG_MNT"/*) echo "${1#"$CG_MNT"}" ;;
	*) echo "$1" ;;
	esac
}

tool_state() { if have "$1"; then echo present; else echo missing; fi; }
HAVE_KUBECTL=$(tool_state kubectl) HAVE_CRICTL=$(tool_state crictl) HAVE_DOCKER=$(tool_state docker)
HAVE_JCMD=$(tool_state jcmd) HAVE_FINCORE=$(tool_state fincore) HAVE_DMESG=$(tool_state dmesg)
HAVE_JOURNALCTL=$(tool_state journalctl)

KUBECTL_STATE=missing
if skipped kubectl; then
	KUBECTL_STATE=skipped
elif [ "$HAVE_KUBECTL" = present ]; then
	if run_cmd "$WORK/kver" kc get --raw /version; then
		KUBECTL_STATE=ok
	else
		KUBECTL_STATE="not working ($RUN_ERR)"
	fi
fi
record_tool kubectl "$KUBECTL_STATE"
tool_or_skip() { if skipped "$2"; then record_tool "$1" skipped; else record_tool "$1" "$3"; fi; }
tool_or_skip crictl runtime "$HAVE_CRICTL"
tool_or_skip docker runtime "$HAVE_DOCKER"
tool_or_skip jcmd jcmd "$HAVE_JCMD"
tool_or_skip fincore fincore "$HAVE_FINCORE"
tool_or_skip dmesg kernel-log "$HAVE_DMESG"
tool_or_skip journalctl kernel-log "$HAVE_JOURNALCTL"

kubectl_ok() { [ "$KUBECTL_STATE" = ok ]; }

# ---------------------------------------------------------------- cgroup naming
is_hex64() { [ "${#1}" -eq 64 ] && case $1 in *[!0-9a-f]*) return 1 ;; *) return 0 ;; esac; }

pod_uid_of() {
	case $1 in
	pod*-*-*-*-*) printf '%s' "${1#pod}" ;;
	kubepods-*pod*.slice)
		pu=${1%.slice}
		printf '%s' "${pu##*-pod}" | tr _ -
		;;
	esac
}

# container_of BASENAME: prints "id|runtime" for a container's cgroup name (kubelet, containerd,
# CRI-O, Docker and Podman namings, cgroupfs and systemd drivers), nothing otherwise.
container_of() {
	co_rt=''
	case $1 in
	crio-conmon-*) return 0 ;;
	cri-containerd-*.scope) co_id=${1#cri-containerd-} co_rt=containerd ;;
	crio-*) co_id=${1#crio-} co_rt=cri-o ;;
	docker-*.scope) co_id=${1#docker-} co_rt=docker ;;
	libpod-*.scope) co_id=${1#libpod-} co_rt=podman ;;
	*) co_id=$1 ;;
	esac
	co_id=${co_id%.scope}
	is_hex64 "$co_id" && printf '%s|%s' "$co_id" "$co_rt"
}

# classify PATH: "role|podUid|containerId|runtime" from the cgroup names alone.
classify() {
	cl_b=${1##*/} cl_parent=${1%/*}
	cl_pb=${cl_parent##*/}
	case $cl_b in
	kubepods | kubepods.slice | kubelet-kubepods.slice) echo 'kubepods|||'; return ;;
	burstable | besteffort | kubepods-burstable.slice | kubepods-besteffort.slice | kubelet-kubepods-burstable.slice | kubelet-kubepods-besteffort.slice) echo 'qos|||'; return ;;
	esac
	cl_uid=$(pod_uid_of "$cl_b")
	if [ -n "$cl_uid" ]; then echo "pod|$cl_uid||"; return; fi
	cl_c=$(container_of "$cl_b")
	if [ -n "$cl_c" ]; then
		cl_rt=${cl_c#*|}
		[ -z "$cl_rt" ] && [ "$cl_pb" = docker ] && cl_rt=docker
		echo "container|$(pod_uid_of "$cl_pb")|${cl_c%%|*}|$cl_rt"
		return
	fi
	case $cl_b in crio-conmon-*) echo "other|$(pod_uid_of "$cl_pb")||cri-o"; return ;; esac
	echo 'other|||'
}

find_dirs() { [ -n "$CG_MNT" ] && find "$CG_MNT" "$@" 2>/dev/null; }

find_pod_cgroups() {
	fp_u=$(printf '%s' "$1" | tr - _)
	find_dirs -type d \( -name "pod$1" -o -name "kubepods*-pod$fp_u.slice" \) | while IFS= read -r d; do cg_rel "$d"; done
}

find_container_cgroups() {
	find_dirs -type d -name "*$1*" | while IFS= read -r d; do
		fc=$(container_of "${d##*/}")
		case $fc in "$1"*) cg_rel "$d" ;; esac
	done
}

# The memory cgroup of a process, as /proc/PID/cgroup gives it (v1 "N:memory:/path", v2 "0::/path").
pid_cgroup() {
	if [ "$CG_VERSION" = 1 ]; then
		awk -F: '$2 ~ /(^|,)memory(,|$)/ { sub(/^[^:]*:[^:]*:/, ""); print; exit }' "$PROC/$1/cgroup" 2>/dev/null
	else
		awk -F: '$1 == "0" && $2 == "" { sub(/^0::/, ""); print; exit }' "$PROC/$1/cgroup" 2>/dev/null
	fi
}

# In a private cgroup namespace, /proc/PID/cgroup shows "/../../x/y": find the real dir ending in /x/y.
resolve_ns_relative() {
	rn=$1
	while :; do case $rn in /..*) rn=${rn#/..} ;; *) break ;; esac; done
	[ -n "$rn" ] || return 0
	find_dirs -type d -path "*$rn" | head -n 1 | while IFS= read -r d; do cg_rel "$d"; done
}

# ---------------------------------------------------------------- identities (kubectl, runtime)
# ident lines: containerId|containerName|podUid|podName|podNamespace|sandbox|runtime
# podinfo lines: uid|name|namespace|qosClass|nodeName
TOP_SCOPE=top
BUNDLE_TS=$(date -u +%Y%m%dT%H%M%SZ)
if [ "$REDACT" = 1 ]; then NAME_HOST=node; else NAME_HOST=$(printf '%s' "$HOSTNAME_" | tr -c 'A-Za-z0-9.-' '_'); fi
BUNDLE_NAME=oomscope-$NAME_HOST-$BUNDLE_TS
TOP=$WORK/bundle/$BUNDLE_NAME
mkdir -p "$TOP"
: >"$META/ident"
: >"$META/podinfo"
KUBE_RUNTIME='' POD_NODE=''

# read_kube_containers FILE PODUID PODNAME PODNS: "containerID|name" lines (containerd://…) → ident.
read_kube_containers() {
	while IFS='|' read -r kc_id kc_name; do
		[ -n "$kc_id" ] || continue
		case $kc_id in
		*://*)
			kc_rt=${kc_id%%://*}
			kc_id=${kc_id#*://}
			;;
		*) kc_rt='' ;;
		esac
		case $kc_rt in containerd | cri-o | docker) KUBE_RUNTIME=$kc_rt ;; *) kc_rt='' ;; esac
		printf '%s|%s|%s|%s|%s||%s\n' "$kc_id" "$kc_name" "$2" "$3" "$4" "$kc_rt" >>"$META/ident"
	done <"$1"
}

# save_cmd SCOPE DIR REL ROLE FORMAT CMD...: a command's stdout as one file of the bundle.
save_cmd() {
	sc_scope=$1 sc_dir=$2 sc_rel=$3 sc_role=$4 sc_fmt=$5
	shift 5
	mkdir -p "$(dirname "$sc_dir/$sc_rel")"
	sc_at=$(now_iso)
	sc_src=$*
	case $sc_src in "kc "*) sc_src="kubectl ${sc_src#kc }" ;; esac
	if run_cmd "$sc_dir/$sc_rel" "$@" && [ -s "$sc_dir/$sc_rel" ]; then
		record_file "$sc_scope" "$sc_rel" "$sc_role" "$sc_fmt" "$sc_src" '' '' '' "$sc_at"
		return 0
	fi
	rm -f "$sc_dir/$sc_rel"
	[ -n "$RUN_ERR" ] || RUN_ERR='no output'
	record_missing "$sc_scope" "$sc_rel" "$sc_src failed: $RUN_ERR"
	return 1
}

safe_name() { printf '%s' "$1" | tr -c 'A-Za-z0-9._-' '_'; }

kube_pod_lookup() {
	[ -n "$POD_NAME" ] || return 0
	if ! kubectl_ok; then
		record_missing "$TOP_SCOPE" "kubectl get pod $POD_NS/$POD_NAME" "kubectl $KUBECTL_STATE"
		return 0
	fi
	kp_file=kubectl/pod-$(safe_name "$POD_NS")-$(safe_name "$POD_NAME").json
	save_cmd "$TOP_SCOPE" "$TOP" "$kp_file" kubernetes kubectl-pod kc get pod "$POD_NAME" -n "$POD_NS" -o json || return 0
	if run_cmd "$WORK/kp" kc get pod "$POD_NAME" -n "$POD_NS" -o 'jsonpath={.metadata.uid}|{.status.qosClass}|{.spec.nodeName}'; then
		IFS='|' read -r kp_uid kp_qos kp_node <"$WORK/kp" || true
		[ -z "$POD_UID" ] && POD_UID=$kp_uid
		POD_NODE=$kp_node
		[ -z "$NODE_NAME" ] && NODE_NAME=$kp_node
		printf '%s|%s|%s|%s|%s\n' "$kp_uid" "$POD_NAME" "$POD_NS" "$(printf '%s' "$kp_qos" | tr '[:upper:]' '[:lower:]')" "$kp_node" >>"$META/podinfo"
	fi
	kp_jp='{range .status.initContainerStatuses[*]}{.containerID}|{.name}{"\n"}{end}{range .status.containerStatuses[*]}{.containerID}|{.name}{"\n"}{end}{range .status.ephemeralContainerStatuses[*]}{.containerID}|{.name}{"\n"}{end}'
	if run_cmd "$WORK/kc" kc get pod "$POD_NAME" -n "$POD_NS" -o "jsonpath=$kp_jp"; then
		read_kube_containers "$WORK/kc" "$POD_UID" "$POD_NAME" "$POD_NS"
	fi
}

pod_uid_without_kubectl() {
	if [ -n "$POD_UID" ] || [ -z "$POD_NAME" ]; then return 0; fi
	if [ "$HAVE_CRICTL" = present ] && ! skipped runtime &&
		run_cmd "$WORK/pu" crictl pods --name "^$POD_NAME\$" --namespace "^$POD_NS\$" -o yaml; then
		POD_UID=$(sed -n 's/^ *uid: *"*\([0-9a-f-]*\)"*$/\1/p' "$WORK/pu" | head -n 1)
	fi
	if [ -z "$POD_UID" ] && [ "$HAVE_DOCKER" = present ] && ! skipped runtime &&
		run_cmd "$WORK/pu" docker ps -a --filter "label=io.kubernetes.pod.name=$POD_NAME" --filter "label=io.kubernetes.pod.namespace=$POD_NS" --format '{{.Label "io.kubernetes.pod.uid"}}'; then
		POD_UID=$(head -n 1 "$WORK/pu")
	fi
	if [ -n "$POD_UID" ]; then
		say "pod $POD_NS/$POD_NAME has uid $POD_UID (from the container runtime)"
	else
		record_missing "$TOP_SCOPE" "pod $POD_NS/$POD_NAME" "its uid is unknown: kubectl $KUBECTL_STATE, and the runtime does not know it; give --pod-uid"
	fi
}

kube_node_pods_lookup() {
	[ "$ALL_PODS" = 1 ] && kubectl_ok && [ -n "$NODE_NAME" ] || return 0
	save_cmd "$TOP_SCOPE" "$TOP" "kubectl/pods-on-node-$(safe_name "$NODE_NAME").json" kubernetes kubectl-pod \
		kc get pods -A --field-selector "spec.nodeName=$NODE_NAME" -o json || return 0
	if run_cmd "$WORK/kn" kc get pods -A --field-selector "spec.nodeName=$NODE_NAME" -o 'jsonpath={range .items[*]}{.metadata.uid}|{.metadata.name}|{.metadata.namespace}|{.status.qosClass}{"\n"}{end}'; then
		awk -F'|' -v node="$NODE_NAME" 'NF >= 4 { print $1 "|" $2 "|" $3 "|" tolower($4) "|" node }' "$WORK/kn" >>"$META/podinfo"
	fi
	kn_jp='{range .items[*]}{range .status.initContainerStatuses[*]}{.containerID}|{.name}{"\n"}{end}{range .status.containerStatuses[*]}{.containerID}|{.name}{"\n"}{end}{end}'
	if run_cmd "$WORK/kn" kc get pods -A --field-selector "spec.nodeName=$NODE_NAME" -o "jsonpath=$kn_jp"; then
		read_kube_containers "$WORK/kn" '' '' ''
	fi
}

guess_node_name() {
	[ -n "$NODE_NAME" ] && return 0
	kubectl_ok || return 0
	for gn in "$HOSTNAME_" "${HOSTNAME_%%.*}"; do
		if run_cmd "$WORK/gn" kc get node "$gn" -o name; then NODE_NAME=$gn && return 0; fi
	done
}

label_of() { sed -n "s/.*\"$2\": *\"\\([^\"]*\\)\".*/\\1/p" "$1" | head -n 1; }

# Inspect JSON of each container cgroup found in the first sample; names from the runtime's labels.
inspect_containers() {
	skipped runtime && return 0
	[ "$HAVE_CRICTL" = present ] || [ "$HAVE_DOCKER" = present ] || {
		record_missing "$TOP_SCOPE" runtime/ "neither crictl nor docker is installed: no inspect JSON"
		return 0
	}
	awk -F'|' '$3 == "container" { print $5 "|" $6 "|" $4 }' "$1" | sort -u | while IFS='|' read -r ic_id ic_rt ic_pod; do
		ic_short=$(printf '%s' "$ic_id" | cut -c1-12)
		ic_file=''
		if [ "$HAVE_CRICTL" = present ] && [ "$ic_rt" != docker ]; then
			if save_cmd "$TOP_SCOPE" "$TOP" "runtime/crictl-inspect-$ic_short.json" runtime crictl-inspect crictl inspect "$ic_id"; then
				ic_file=$TOP/runtime/crictl-inspect-$ic_short.json
			elif save_cmd "$TOP_SCOPE" "$TOP" "runtime/crictl-inspectp-$ic_short.json" runtime crictl-inspect crictl inspectp "$ic_id"; then
				printf '%s|POD|%s|%s|%s|true|%s\n' "$ic_id" "$ic_pod" "$(label_of "$TOP/runtime/crictl-inspectp-$ic_short.json" io.kubernetes.pod.name)" \
					"$(label_of "$TOP/runtime/crictl-inspectp-$ic_short.json" io.kubernetes.pod.namespace)" "$ic_rt" >>"$META/ident"
			fi
		fi
		if [ -z "$ic_file" ] && [ "$HAVE_DOCKER" = present ] && { [ "$ic_rt" = docker ] || [ -z "$ic_rt" ]; }; then
			if save_cmd "$TOP_SCOPE" "$TOP" "runtime/docker-inspect-$ic_short.json" runtime docker-inspect docker inspect "$ic_id"; then
				ic_file=$TOP/runtime/docker-inspect-$ic_short.json
			fi
		fi
		[ -n "$ic_file" ] || continue
		ic_name=$(label_of "$ic_file" io.kubernetes.container.name)
		ic_sb=''
		[ "$ic_name" = POD ] && ic_sb=true
		printf '%s|%s|%s|%s|%s|%s|%s\n' "$ic_id" "$ic_name" "$(label_of "$ic_file" io.kubernetes.pod.uid)" \
			"$(label_of "$ic_file" io.kubernetes.pod.name)" "$(label_of "$ic_file" io.kubernetes.pod.namespace)" "$ic_sb" "$ic_rt" >>"$META/ident"
	done
}

# ---------------------------------------------------------------- targets → cgroups and processes
# $S/base: "path|targetIndex"; $S/targets: "kind|spec|resolved|cgroupPaths|podUid|note"
resolve_targets() {
	rt_dir=$1
	: >"$rt_dir/base"
	: >"$rt_dir/targets"
	rt_i=0
	printf '%s' "$TARGETS" | while IFS='|' read -r rt_kind rt_spec; do
		[ -n "$rt_kind" ] || continue
		rt_i=$((rt_i + 1))
		rt_uid='' rt_note=''
		: >"$WORK/found"
		case $rt_kind in
		pod)
			rt_uid=$POD_UID
			if [ -n "$rt_uid" ]; then find_pod_cgroups "$rt_uid" >"$WORK/found"; else rt_note='pod uid unknown'; fi
			;;
		container) find_container_cgroups "$rt_spec" >"$WORK/found" ;;
		pid)
			rt_p=$(pid_cgroup "$rt_spec")
			if [ -z "$rt_p" ]; then
				rt_note="process $rt_spec not found or not in a memory cgroup"
			else
				case $rt_p in /..*) rt_note="namespace-relative path $rt_p" && rt_p=$(resolve_ns_relative "$rt_p") ;; esac
				[ -n "$rt_p" ] && echo "$rt_p" >"$WORK/found"
			fi
			;;
		cgroup)
			rt_p=${rt_spec%/}
			case $rt_p in "${CG_MNT#"$HOST_ROOT"}"/*) [ -n "$HOST_ROOT" ] && rt_p=$HOST_ROOT$rt_p ;; esac
			rt_p=$(cg_rel "$rt_p")
			case $rt_p in /*) ;; *) rt_p=/$rt_p ;; esac
			[ -n "$CG_MNT" ] && [ -d "$CG_MNT$rt_p" ] && echo "$rt_p" >"$WORK/found"
			;;
		all-pods)
			find_dirs -maxdepth 3 -type d \( -name kubepods -o -name kubepods.slice -o -name kubelet-kubepods.slice \) |
				while IFS= read -r d; do cg_rel "$d"; done | awk '{ for (p in seen) if (index($0, p "/") == 1) next; seen[$0] = 1; print }' >"$WORK/found"
			;;
		esac
		[ -n "$CG_MNT" ] || rt_note='no memory cgroup hierarchy on this node'
		if [ -s "$WORK/found" ]; then
			sed "s/\$/|$rt_i/" "$WORK/found" >>"$rt_dir/base"
			rt_paths=$(tr '\n' ',' <"$WORK/found")
			printf '%s|%s|true|%s|%s|%s\n' "$rt_kind" "$rt_spec" "${rt_paths%,}" "$rt_uid" "$rt_note" >>"$rt_dir/targets"
		else
			[ -n "$rt_note" ] || rt_note='no matching cgroup found'
			if [ "$rt_kind" = pod ] && [ -n "$POD_NODE" ] && [ "$POD_NODE" != "$HOSTNAME_" ] && [ "$POD_NODE" != "${HOSTNAME_%%.*}" ]; then
				rt_note="$rt_note (kubectl says the pod runs on node $POD_NODE: run the collector there)"
			fi
			printf '%s|%s|false||%s|%s\n' "$rt_kind" "$rt_spec" "$rt_uid" "$rt_note" >>"$rt_dir/targets"
			say "target $rt_kind $rt_spec: $rt_note"
		fi
	done
}

# $S/cgroups: "path|origin|role|podUid|containerId|runtime", parents before children.
expand_cgroups() {
	ec_dir=$1
	: >"$WORK/cgraw"
	while IFS='|' read -r ec_p _; do
		[ -n "$ec_p" ] || continue
		echo "$ec_p|target" >>"$WORK/cgraw"
		[ "$ec_p" = / ] && ec_abs=$CG_MNT || ec_abs=$CG_MNT$ec_p
		find "$ec_abs" -mindepth 1 -type d 2>/dev/null | while IFS= read -r d; do echo "$(cg_rel "$d")|descendant"; done >>"$WORK/cgraw"
		ec_q=$ec_p
		# Ancestors up to the kubepods cgroup (Kubernetes), or up to the root (excluded) otherwise.
		while case $ec_q in / | */kubepods | */kubepods.slice | */kubelet-kubepods.slice) false ;; *) true ;; esac; do
			ec_q=${ec_q%/*}
			[ -n "$ec_q" ] || break
			echo "$ec_q|ancestor" >>"$WORK/cgraw"
		done
	done <"$ec_dir/base"
	awk -F'|' '{ pr = ($2 == "target") ? 0 : ($2 == "descendant") ? 1 : 2
	             if (!($1 in best) || pr < best[$1]) { best[$1] = pr; org[$1] = $2 } }
	           END { for (k in best) print k "|" org[k] }' "$WORK/cgraw" | sort -t'|' -k1,1 >"$WORK/cgsorted"
	: >"$ec_dir/cgroups"
	while IFS='|' read -r ec_p ec_o; do
		echo "$ec_p|$ec_o|$(classify "$ec_p")" >>"$ec_dir/cgroups"
	done <"$WORK/cgsorted"
}

V1_FILES='memory.stat memory.usage_in_bytes memory.limit_in_bytes memory.max_usage_in_bytes memory.failcnt
memory.soft_limit_in_bytes memory.memsw.usage_in_bytes memory.memsw.limit_in_bytes memory.memsw.max_usage_in_bytes
memory.memsw.failcnt memory.kmem.usage_in_bytes memory.kmem.limit_in_bytes memory.kmem.max_usage_in_bytes
memory.kmem.failcnt memory.kmem.tcp.usage_in_bytes memory.oom_control memory.use_hierarchy memory.swappiness
cgroup.procs'
V2_FILES='memory.stat memory.current memory.max memory.high memory.low memory.min memory.peak memory.events
memory.events.local memory.pressure memory.swap.current memory.swap.max memory.swap.peak memory.swap.events
memory.zswap.current memory.zswap.max memory.oom.group cgroup.procs cgroup.stat'

set_format() { # sets FMT, the format id (formats.md) of a cgroup file; '' when none reads it
	case $1 in
	memory.stat) FMT=cgroup-v$CG_VERSION-memory-stat ;;
	memory.oom_control) FMT=cgroup-v1-oom-control ;;
	memory.events | memory.events.local | memory.swap.events) FMT=cgroup-v2-memory-events ;;
	memory.pressure) FMT=psi ;;
	cgroup.procs) FMT=cgroup-procs ;;
	cgroup.stat) FMT='' ;;
	*) FMT=cgroup-memory-value ;;
	esac
}

copy_cgroups() {
	cc_scope=$1 cc_dir=$2 cc_s=$3
	: >"$cc_s/cgpids"
	if [ "$CG_VERSION" = 1 ]; then cc_files=$V1_FILES; else cc_files=$V2_FILES; fi
	while IFS='|' read -r cc_p cc_o _; do
		if [ "$cc_p" = / ]; then cc_abs=$CG_MNT cc_rel=cgroup; else cc_abs=$CG_MNT$cc_p cc_rel=cgroup$cc_p; fi
		[ -d "$cc_abs" ] || { record_missing "$cc_scope" "$cc_rel" "cgroup $cc_p disappeared during the capture"; continue; }
		mkdir -p "$cc_dir/$cc_rel"
		for f in $cc_files; do
			[ -e "$cc_abs/$f" ] || continue
			set_format "$f"
			copy_file "$cc_scope" "$cc_dir" "$cc_abs/$f" "$cc_rel/$f" cgroup "$FMT" "$cc_p"
		done
		# Hybrid mode: per-cgroup PSI lives in the unified (v2) tree when systemd mirrors the path there.
		if [ "$CG_MODE" = hybrid ] && [ -f "$CG_UNIFIED$cc_p/memory.pressure" ] && [ "$cc_p" != / ]; then
			copy_file "$cc_scope" "$cc_dir" "$CG_UNIFIED$cc_p/memory.pressure" "$cc_rel/memory.pressure" cgroup psi "$cc_p"
		fi
		if [ "$cc_o" != ancestor ] && [ -f "$cc_dir/$cc_rel/cgroup.procs" ]; then
			printf '%s|%s\n' "$cc_p" "$(tr '\n' ',' <"$cc_dir/$cc_rel/cgroup.procs" | sed 's/,$//')" >>"$cc_s/cgpids"
		fi
	done <"$cc_s/cgroups"
}

copy_processes() {
	cp_scope=$1 cp_dir=$2 cp_s=$3
	{
		cut -d'|' -f2 "$cp_s/cgpids" | tr ',' '\n'
		printf '%s' "$TARGETS" | awk -F'|' '$1 == "pid" { print $2 }'
	} | awk -v self="$$" 'NF && $0 != self && !seen[$0]++' | sort -n >"$cp_s/pids"
	: >"$cp_s/procs"
	cp_names='status smaps_rollup cgroup maps oom_score oom_score_adj'
	[ "$WITH_SMAPS" = 1 ] && cp_names="$cp_names smaps"
	while IFS= read -r pid; do
		if [ ! -r "$PROC/$pid/status" ]; then
			record_missing "$cp_scope" "proc/$pid" "process $pid exited before it was read"
			continue
		fi
		mkdir -p "$cp_dir/proc/$pid"
		for f in $cp_names; do
			case $f in smaps_rollup) fmt=proc-smaps-rollup ;; oom_score | oom_score_adj) fmt=proc-oom-score ;; *) fmt=proc-$f ;; esac
			copy_file "$cp_scope" "$cp_dir" "$PROC/$pid/$f" "proc/$pid/$f" process "$fmt" '' "$pid"
		done
		cp_name=$(awk -F'\t' '$1 == "Name:" { print $2; exit }' "$cp_dir/proc/$pid/status" 2>/dev/null)
		printf '%s|%s|%s\n' "$pid" "$(printf '%s' "$cp_name" | tr '|' '_')" "$(pid_cgroup "$pid")" >>"$cp_s/procs"
	done <"$cp_s/pids"
}

copy_node_files() {
	mkdir -p "$2/proc/pressure"
	for f in meminfo vmstat pressure/memory slabinfo; do
		[ -e "$PROC/$f" ] || { record_missing "$1" "proc/$f" "$PROC/$f does not exist on this kernel"; continue; }
		case $f in pressure/memory) fmt=psi ;; slabinfo) fmt=slabinfo ;; *) fmt=proc-$f ;; esac
		copy_file "$1" "$2" "$PROC/$f" "proc/$f" node "$fmt"
	done
}

# ---------------------------------------------------------------- memory-backed volumes (fincore)
tmpfs_mounts() { # mountinfo file → "device|mountPoint"
	awk '{ for (i = 7; i <= NF && $i != "-"; i++) ; if ($(i + 1) == "tmpfs") print $3 "|" $5 }' "$1" 2>/dev/null
}

same_mnt_ns() {
	[ "$(readlink "$PROC/$1/ns/mnt" 2>/dev/null)" = "$(readlink "$PROC/self/ns/mnt" 2>/dev/null)" ] && [ -z "$HOST_ROOT" ]
}

pod_uid_in_path() {
	printf '%s\n' "$1" | awk -F/ '{
		for (i = NF; i >= 1; i--) {
			c = $i
			if (c ~ /^pod[0-9a-f]+-[0-9a-f-]+$/) { print substr(c, 4); exit }
			if (c ~ /-pod[0-9a-f_]+\.slice$/) { sub(/^.*-pod/, "", c); sub(/\.slice$/, "", c); gsub(/_/, "-", c); print c; exit }
		}
	}'
}

# $S/voldirs: "dirToRead|mountPoint|device|pid|podUid|via"
list_volumes() {
	lv_s=$1
	: >"$lv_s/voldirs"
	lv_uids=$(awk -F'|' '$3 == "pod" { print $4 }' "$lv_s/cgroups" | sort -u)
	# The host's /dev/shm (POSIX shared memory of host processes and of containers that share it).
	lv_dev=$(tmpfs_mounts "$PROC/1/mountinfo" | awk -F'|' '$2 == "/dev/shm" { d = $1 } END { print d }')
	[ -d "$HOST_ROOT/dev/shm" ] && echo "$HOST_ROOT/dev/shm|/dev/shm|$lv_dev|||host" >>"$lv_s/voldirs"
	# emptyDir volumes with medium: Memory are tmpfs mounts under the kubelet's pod folders.
	if same_mnt_ns 1; then lv_pre=''; else lv_pre=$PROC/1/root; fi
	tmpfs_mounts "$PROC/1/mountinfo" | while IFS='|' read -r dev mp; do
		case $mp in */pods/*/volumes/kubernetes.io~empty-dir/*) ;; *) continue ;; esac
		lv_u=${mp#*/pods/}
		lv_u=${lv_u%%/*}
		if [ "$ALL_PODS" = 1 ] || printf '%s\n' "$lv_uids" | grep -qx "$lv_u"; then
			echo "$lv_pre$mp|$mp|$dev||$lv_u|emptyDir" >>"$lv_s/voldirs"
		fi
	done
	# tmpfs mounts inside the target processes' own mount namespaces (their /dev/shm, emptyDirs).
	while IFS= read -r pid; do
		same_mnt_ns "$pid" && continue
		lv_u=$(pod_uid_in_path "$(awk -F'|' -v pid="$pid" '$1 == pid { print $3 }' "$lv_s/procs")")
		tmpfs_mounts "$PROC/$pid/mountinfo" | while IFS='|' read -r dev mp; do
			case $mp in /dev | /proc | /proc/* | /sys | /sys/* | *secrets* | *serviceaccount*) continue ;; esac
			echo "$PROC/$pid/root$mp|$mp|$dev|$pid|$lv_u|process" >>"$lv_s/voldirs"
		done
	done <"$lv_s/pids"
	printf '%s' "$EXTRA_TMPFS" | while IFS= read -r d; do
		[ -n "$d" ] || continue
		d=${d%/}
		lv_dev=$(tmpfs_mounts "$PROC/self/mountinfo" | awk -F'|' -v m="${d#"$HOST_ROOT"}" '$2 == m { d = $1 } END { print d }')
		echo "$HOST_ROOT$d|$d|$lv_dev|||option" >>"$lv_s/voldirs"
	done
}

capture_volumes() {
	cv_scope=$1 cv_dir=$2 cv_s=$3
	list_volumes "$cv_s"
	: >"$cv_s/volumes"
	: >"$WORK/fincore"
	# One mount seen by many processes (or by its device and by --tmpfs) is read once.
	awk -F'|' '{ k = ($3 != "") ? $3 : $1; if (!seen[k]++) print }' "$cv_s/voldirs" >"$WORK/voldirs"
	while IFS='|' read -r dir mp dev pid uid via; do
		[ -d "$dir" ] || continue
		cv_df=$(df -Pk "$dir" 2>/dev/null | awk 'NR == 2 { printf "%.0f|%.0f", $3 * 1024, $2 * 1024 }')
		printf '%s|%s|%s|%s|%s|%s\n' "$mp" "$dev" "$pid" "$uid" "$via" "$cv_df" >>"$cv_s/volumes"
		if [ "$HAVE_FINCORE" = present ] && ! skipped fincore; then
			find "$dir" -xdev -type f -exec fincore -n -- {} + >>"$WORK/fincore" 2>/dev/null
		fi
	done <"$WORK/voldirs"
	if skipped fincore; then
		:
	elif [ "$HAVE_FINCORE" != present ]; then
		record_missing "$cv_scope" fincore.txt "fincore (util-linux) is not installed: no page residency of memory-backed files"
	elif [ -s "$WORK/fincore" ]; then
		# Files read through /proc/PID/root (or --host-root) are shown under their own mount's path.
		if [ -n "$HOST_ROOT" ]; then
			sed -e "s#$PROC/[0-9]*/root/#/#" -e "s# $HOST_ROOT/# /#" "$WORK/fincore" >"$WORK/fincore.paths"
		else
			sed -e "s#$PROC/[0-9]*/root/#/#" "$WORK/fincore" >"$WORK/fincore.paths"
		fi
		{
			echo '  RES PAGES SIZE FILE'
			cat "$WORK/fincore.paths"
		} >"$cv_dir/fincore.txt"
		record_file "$cv_scope" fincore.txt volume fincore "fincore -n on the files of the memory-backed mounts listed under volumes"
	else
		record_missing "$cv_scope" fincore.txt "no file on a memory-backed mount of the targets (or /dev/shm)"
	fi
}

# ---------------------------------------------------------------- one sample
capture_sample() { # SCOPE DIR
	cs_scope=$1 cs_dir=$2 cs_s=$META/$1
	mkdir -p "$cs_s" "$cs_dir"
	now_iso >"$cs_s/capturedAt"
	cut -d' ' -f1 "$PROC/uptime" >"$cs_s/uptime" 2>/dev/null
	resolve_targets "$cs_s"
	if [ -n "$CG_MNT" ]; then expand_cgroups "$cs_s"; else : >"$cs_s/cgroups"; fi
	copy_cgroups "$cs_scope" "$cs_dir" "$cs_s"
	copy_processes "$cs_scope" "$cs_dir" "$cs_s"
	copy_node_files "$cs_scope" "$cs_dir"
	capture_volumes "$cs_scope" "$cs_dir" "$cs_s"
	now_iso >"$cs_s/finishedAt"
}

# ---------------------------------------------------------------- kernel log
# Keeps every OOM report whole plus 20 lines before and 10 after; counts reports into $2.
oom_filter() {
	awk -v B=20 -v A=10 -v countfile="$2" '
	{
		if ($0 ~ /invoked oom-killer/) { inrep = 1; start = NR; nrep++ }
		trig = ($0 ~ /invoked oom-killer|Memory cgroup out of memory|Out of memory|oom-kill:|oom_reaper|Killed process|page allocation failure|killed as a result of limit/)
		if (trig || inrep) {
			from = (last + 1 > NR - B) ? last + 1 : NR - B
			for (i = from; i < NR; i++) if (i >= 1) print ring[i]
			print
			last = NR
			tail = NR + A
		} else if (NR <= tail) {
			print
			last = NR
		}
		if ($0 ~ /Killed process|oom_reaper: reaped|no killable process/ || NR - start > 5000) inrep = 0
		ring[NR] = $0
		delete ring[NR - B]
	}
	END { print nrep + 0 > countfile }' "$1"
}

save_kernel_log() { # REL RAWFILE SOURCE
	if [ "$FULL_KLOG" = 1 ]; then
		cp "$2" "$TOP/$1"
		record_file "$TOP_SCOPE" "$1" kernel-log kernel-log "$3" '' '' '' "$(now_iso)" 'whole log'
		return 0
	fi
	oom_filter "$2" "$WORK/oomcount" >"$TOP/$1"
	sk_n=$(cat "$WORK/oomcount")
	if [ -s "$TOP/$1" ]; then
		record_file "$TOP_SCOPE" "$1" kernel-log kernel-log "$3" '' '' '' "$(now_iso)" "$sk_n OOM report(s) with 20 lines before and 10 after each; other lines left out"
	else
		rm -f "$TOP/$1"
		record_missing "$TOP_SCOPE" "$1" "no OOM report in the kernel log ($3, $(wc -l <"$2" | tr -d ' ') lines read)"
	fi
}

capture_kernel_log() {
	skipped kernel-log && return 0
	kl_done=0
	if [ "$HAVE_DMESG" = present ]; then
		kl_since=''
		if [ -n "$SINCE" ] && dmesg --help 2>&1 | grep -q -- --since; then kl_since=$SINCE; fi
		if run_cmd "$WORK/dmesg" dmesg ${kl_since:+--since "$kl_since"}; then
			save_kernel_log dmesg.txt "$WORK/dmesg" "dmesg${kl_since:+ --since $kl_since}"
			kl_done=1
			# Wall-clock times as well (util-linux only; can drift after a suspend).
			if run_cmd "$WORK/dmesgT" dmesg -T ${kl_since:+--since "$kl_since"}; then
				save_kernel_log dmesg-T.txt "$WORK/dmesgT" "dmesg -T${kl_since:+ --since $kl_since}"
			fi
		else
			record_missing "$TOP_SCOPE" dmesg.txt "dmesg failed: $RUN_ERR"
		fi
	else
		record_missing "$TOP_SCOPE" dmesg.txt 'dmesg is not installed'
	fi
	# The journal repeats the ring buffer: read it only when dmesg gave no OOM report (not
	# permitted, or the reports were already overwritten), or for the boots before this one when
	# --since reaches further back than the ring buffer can.
	if [ "$HAVE_JOURNALCTL" = present ] && { [ ! -s "$TOP/dmesg.txt" ] || [ -n "$SINCE" ]; }; then
		if [ -s "$TOP/dmesg.txt" ] && [ -n "$BTIME" ]; then
			set -- --since "$SINCE" --until "@$BTIME"
		elif [ -n "$SINCE" ]; then
			set -- --since "$SINCE"
		else
			set -- -b
		fi
		if run_cmd "$WORK/journal" journalctl -k --no-pager -o short-precise "$@" && grep -qv '^-- No entries --' "$WORK/journal"; then
			save_kernel_log journal-kernel.txt "$WORK/journal" "journalctl -k -o short-precise $*"
			kl_done=1
		else
			record_missing "$TOP_SCOPE" journal-kernel.txt "journalctl -k gave no kernel messages${RUN_ERR:+: $RUN_ERR}"
		fi
	fi
	if [ "$kl_done" = 0 ]; then
		for f in /var/log/kern.log /var/log/messages; do
			[ -r "$HOST_ROOT$f" ] || continue
			grep ' kernel: ' "$HOST_ROOT$f" >"$WORK/klog" 2>/dev/null
			save_kernel_log "kernel-log-${f##*/}.txt" "$WORK/klog" "$f (kernel lines)"
			break
		done
	fi
}

# ---------------------------------------------------------------- Kubernetes (once)
capture_kubernetes() {
	skipped kubectl && return 0
	if ! kubectl_ok; then
		record_missing "$TOP_SCOPE" kubectl/ "kubectl $KUBECTL_STATE: no pod, node, event or kubelet data"
		return 0
	fi
	if [ -n "$POD_NAME" ]; then
		ck=$(safe_name "$POD_NS")-$(safe_name "$POD_NAME")
		save_cmd "$TOP_SCOPE" "$TOP" "kubectl/get-pod-$ck.txt" kubernetes kubectl-get-pods kc get pod "$POD_NAME" -n "$POD_NS" -o wide
		save_cmd "$TOP_SCOPE" "$TOP" "kubectl/describe-pod-$ck.txt" kubernetes kubectl-describe-pod kc describe pod "$POD_NAME" -n "$POD_NS"
		save_cmd "$TOP_SCOPE" "$TOP" "kubectl/events-$ck.txt" kubernetes kubectl-events kc get events -n "$POD_NS" --field-selector "involvedObject.name=$POD_NAME" -o wide
		save_cmd "$TOP_SCOPE" "$TOP" "kubectl/top-pod-$ck.txt" kubernetes kubectl-top kc top pod "$POD_NAME" -n "$POD_NS" --containers
	fi
	if [ -z "$NODE_NAME" ]; then
		record_missing "$TOP_SCOPE" kubectl/describe-node "the node name is unknown: give --node"
		return 0
	fi
	cn=$(safe_name "$NODE_NAME")
	[ "$ALL_PODS" = 1 ] && save_cmd "$TOP_SCOPE" "$TOP" "kubectl/get-pods-on-node-$cn.txt" kubernetes kubectl-get-pods \
		kc get pods -A --field-selector "spec.nodeName=$NODE_NAME" -o wide
	save_cmd "$TOP_SCOPE" "$TOP" "kubectl/describe-node-$cn.txt" kubernetes kubectl-describe-node kc describe node "$NODE_NAME"
	save_cmd "$TOP_SCOPE" "$TOP" "kubectl/events-node-$cn.txt" kubernetes kubectl-events \
		kc get events -A --field-selector "involvedObject.kind=Node,involvedObject.name=$NODE_NAME" -o wide
	save_cmd "$TOP_SCOPE" "$TOP" "kubectl/top-node-$cn.txt" kubernetes kubectl-top kc top node "$NODE_NAME"
	save_cmd "$TOP_SCOPE" "$TOP" "kubelet/stats-summary-$cn.json" kubernetes kubelet-summary \
		kc get --raw "/api/v1/nodes/$NODE_NAME/proxy/stats/summary"
}

# ---------------------------------------------------------------- JVM native memory (once)
# jcmd attaches through the JVM's attach mechanism (a SIGQUIT when the listener is not up yet).
# Only JVMs started with Native Memory Tracking are asked, and never one whose signal handling
# is reduced (-Xrs) or whose attach mechanism is disabled: SIGQUIT would kill such a process.
capture_jvm() {
	skipped jcmd && return 0
	[ "$HAVE_JCMD" = present ] || {
		record_missing "$TOP_SCOPE" jvm/ 'jcmd is not installed: no JVM native memory summary'
		return 0
	}
	while IFS='|' read -r pid name _; do
		case $name in java | java*) ;; *) continue ;; esac
		jv_opts="$(tr '\0' ' ' <"$PROC/$pid/cmdline" 2>/dev/null) $(tr '\0' '\n' <"$PROC/$pid/environ" 2>/dev/null | grep -E '^(JAVA_TOOL_OPTIONS|JDK_JAVA_OPTIONS|_JAVA_OPTIONS)=' | tr '\n' ' ')"
		case $jv_opts in *NativeMemoryTracking=summary* | *NativeMemoryTracking=detail*) ;; *)
			record_missing "$TOP_SCOPE" "jvm/$pid" "JVM $pid runs without -XX:NativeMemoryTracking: jcmd not run"
			continue
			;;
		esac
		case $jv_opts in *-Xrs* | *ReduceSignalUsage* | *DisableAttachMechanism*)
			record_missing "$TOP_SCOPE" "jvm/$pid" "JVM $pid has -Xrs/ReduceSignalUsage/DisableAttachMechanism: attaching is unsafe, jcmd not run"
			continue
			;;
		esac
		save_cmd "$TOP_SCOPE" "$TOP" "jvm/$pid-native-memory-summary.txt" jvm jvm-nmt jcmd "$pid" VM.native_memory summary
		save_cmd "$TOP_SCOPE" "$TOP" "jvm/$pid-gc-heap-info.txt" jvm jvm-heap-info jcmd "$pid" GC.heap_info
	done <"$1"
}

# ---------------------------------------------------------------- manifest
JSON_AWK='
function esc(s,    o, i, c, n) {
	o = ""; n = length(s)
	for (i = 1; i <= n; i++) {
		c = substr(s, i, 1)
		if (c == "\\") o = o "\\\\"
		else if (c == "\"") o = o "\\\""
		else if (c < " ") o = o " "
		else o = o c
	}
	return o
}
function num(v) { return v ~ /^-?[0-9]+(\.[0-9]+)?$/ }
function val(v, t,    a, m, k, j) {
	if (t == "n") return num(v) ? v : "\"" esc(v) "\""
	if (t == "b") return (v == "true") ? "true" : "false"
	if (t == "S" || t == "N") {
		m = split(v, a, ","); j = "["
		for (k = 1; k <= m; k++) j = j (k > 1 ? ", " : "") ((t == "N" && num(a[k])) ? a[k] : "\"" esc(a[k]) "\"")
		return j "]"
	}
	return "\"" esc(v) "\""
}'

# rec_json FILE SPEC INDENT: "|"-separated records → a JSON array of objects (empty fields omitted).
rec_json() {
	if [ ! -s "$1" ]; then printf '[]'; return; fi
	awk -F'|' -v spec="$2" -v ind="$3" "$JSON_AWK"'
	BEGIN { n = split(spec, f, " "); for (i = 1; i <= n; i++) { split(f[i], kv, ":"); key[i] = kv[1]; typ[i] = kv[2] }; printf "[" }
	{
		o = ""
		for (i = 1; i <= n; i++) { if ($i == "") continue; o = o (o == "" ? "" : ", ") "\"" key[i] "\": " val($i, typ[i]) }
		printf "%s\n%s  {%s}", (NR > 1 ? "," : ""), ind, o
	}
	END { printf "\n%s]", ind }' "$1"
}

str_array() { # FILE INDENT: one string per line → JSON array
	if [ ! -s "$1" ]; then printf '[]'; return; fi
	awk -v ind="$2" "$JSON_AWK"'
	BEGIN { printf "[" }
	{ printf "%s\n%s  \"%s\"", (NR > 1 ? "," : ""), ind, esc($0) }
	END { printf "\n%s]", ind }' "$1"
}

jstr() {
	if [ -z "$1" ]; then printf 'null'; return; fi
	printf '%s\n' "$1" | awk "$JSON_AWK"'{ printf "%s%s", (NR > 1 ? " " : "\""), esc($0) } END { printf "\"" }'
}
jnum() { if is_number "$1"; then printf '%s' "$1"; else printf 'null'; fi; }

# The lab manifests' "pods" array: each pod with its containers, their cgroups and processes.
pods_json() { # CGROUPS CGPIDS
	awk -F'|' -v podinfo="$META/podinfo" -v ident="$META/ident" -v cgpids="$2" -v cgroups="$1" "$JSON_AWK"'
	FILENAME == podinfo { if ($2 != "") { pname[$1] = $2; pns[$1] = $3 }; if ($4 != "") pqos[$1] = $4; next }
	FILENAME == ident {
		if ($2 != "" && !(($1) in cname)) cname[$1] = $2
		if ($6 == "true") csb[$1] = 1
		if ($3 != "" && $4 != "" && !(($3) in pname)) { pname[$3] = $4; pns[$3] = $5 }
		if ($7 != "" && !(($1) in crt)) crt[$1] = $7
		next
	}
	FILENAME == cgpids { pids[$1] = $2; next }
	FILENAME == cgroups {
		if ($3 == "pod" && !(($4) in ppath)) { order[++np] = $4; ppath[$4] = $1 }
		else if ($3 == "container" && $4 != "") { nc[$4]++; cid[$4, nc[$4]] = $5; cpath[$4, nc[$4]] = $1; if ($6 != "" && !(($5) in crt)) crt[$5] = $6 }
		next
	}
	END {
		printf "["
		for (i = 1; i <= np; i++) {
			u = order[i]; p = ppath[u]
			q = pqos[u]
			if (q == "") q = (p ~ /besteffort/) ? "besteffort" : (p ~ /burstable/) ? "burstable" : "guaranteed"
			printf "%s\n    {\n      \"uid\": \"%s\",\n", (i > 1 ? "," : ""), esc(u)
			printf "      \"name\": %s,\n", (u in pname) ? "\"" esc(pname[u]) "\"" : "null"
			printf "      \"namespace\": %s,\n", (u in pns) ? "\"" esc(pns[u]) "\"" : "null"
			printf "      \"qosClass\": \"%s\",\n      \"cgroupPath\": \"%s\",\n      \"containers\": [", esc(q), esc(p)
			for (k = 1; k <= nc[u]; k++) {
				c = cid[u, k]
				printf "%s\n        {\"name\": %s, \"id\": \"%s\", \"cgroupPath\": \"%s\"", (k > 1 ? "," : ""), (c in cname) ? "\"" esc(cname[c]) "\"" : "null", esc(c), esc(cpath[u, k])
				if (c in crt) printf ", \"runtime\": \"%s\"", esc(crt[c])
				if (c in csb) printf ", \"sandbox\": true"
				printf ", \"pids\": %s}", val(pids[cpath[u, k]], "N")
			}
			printf "%s]\n    }", (nc[u] > 0 ? "\n      " : "")
		}
		printf "%s]", (np > 0 ? "\n  " : "")
	}' "$META/podinfo" "$META/ident" "$2" "$1"
}

tools_json() {
	awk -F'|' "$JSON_AWK"'BEGIN { printf "{" } { printf "%s\"%s\": \"%s\"", (NR > 1 ? ", " : ""), esc($1), esc($2) } END { printf "}" }' "$META/tools"
}

detect_driver() { # CGROUPS
	if [ -r "$HOST_ROOT/var/lib/kubelet/config.yaml" ]; then
		dd_k=$(sed -n 's/^cgroupDriver: *\([a-z]*\).*/\1/p' "$HOST_ROOT/var/lib/kubelet/config.yaml" | head -n 1)
		[ -n "$dd_k" ] && echo "$dd_k|kubelet config.yaml cgroupDriver" && return
	fi
	if grep -q '\.slice|' "$1" 2>/dev/null; then echo 'systemd|.slice cgroup names'; return; fi
	if grep -q '/kubepods|' "$1" 2>/dev/null || grep -q '/kubepods/' "$1" 2>/dev/null; then echo 'cgroupfs|kubepods cgroup names'; return; fi
	if [ -n "$CG_MNT" ] && [ -d "$CG_MNT/kubepods.slice" ]; then echo 'systemd|kubepods.slice exists'; return; fi
	if [ -n "$CG_MNT" ] && [ -d "$CG_MNT/kubepods" ]; then echo 'cgroupfs|kubepods exists'; return; fi
	echo 'unknown|no Kubernetes cgroup seen'
}

detect_runtime() { # CGROUPS
	dr=$(awk -F'|' '$3 == "container" && $6 != "" { print $6; exit }' "$1" 2>/dev/null)
	if [ -n "$dr" ]; then echo "$dr|container cgroup names"; return; fi
	if [ -n "$KUBE_RUNTIME" ]; then echo "$KUBE_RUNTIME|kubectl containerID"; return; fi
	dr=$(awk -F'|' '$7 != "" { print $7; exit }' "$META/ident")
	if [ -n "$dr" ]; then echo "$dr|runtime inspect"; return; fi
	for s in containerd:/run/containerd/containerd.sock cri-o:/var/run/crio/crio.sock docker:/var/run/docker.sock; do
		if [ -S "$HOST_ROOT${s#*:}" ]; then echo "${s%%:*}|socket ${s#*:}"; return; fi
	done
	echo 'unknown|no container runtime seen'
}

# write_manifest SCOPE DIR KIND(single|sample|top) INDEX
write_manifest() {
	wm_s=$META/$1 wm_dir=$2 wm_kind=$3
	[ "$wm_kind" = top ] && wm_cs=$META/$LAST_SAMPLE_SCOPE || wm_cs=$wm_s
	for f in files missing; do [ -f "$META/$1.$f" ] || : >"$META/$1.$f"; done
	cut -d'|' -f1 "$META/$1.files" | sort -u >"$WORK/filelist"
	case $wm_kind in sample) wm_snap=$1 ;; top) wm_snap='' ;; *) wm_snap=capture ;; esac
	wm_drv=$(detect_driver "$wm_cs/cgroups")
	wm_rt=$(detect_runtime "$wm_cs/cgroups")
	if [ "$wm_kind" = top ]; then wm_at=$(cat "$META/$FIRST_SAMPLE_SCOPE/capturedAt"); else wm_at=$(cat "$wm_s/capturedAt"); fi
	{
		printf '{\n'
		printf '  "schema": "%s",\n' "$SCHEMA"
		printf '  "collector": "%s",\n  "collectorVersion": "%s",\n' "$ME" "$VERSION"
		printf '  "snapshot": %s,\n' "$(jstr "$wm_snap")"
		printf '  "capturedAt": %s,\n' "$(jstr "$wm_at")"
		printf '  "captureFinishedAt": %s,\n' "$(jstr "$(if [ "$wm_kind" = top ]; then now_iso; else cat "$wm_s/finishedAt"; fi)")"
		printf '  "hostname": %s,\n  "nodeName": %s,\n' "$(jstr "$MANIFEST_HOST")" "$(jstr "$NODE_NAME")"
		printf '  "kernel": %s,\n' "$(jstr "$KERNEL")"
		printf '  "bootTimeEpochSeconds": %s,\n' "$(jnum "$BTIME")"
		[ "$wm_kind" != top ] && printf '  "uptimeSeconds": %s,\n' "$(jnum "$(cat "$wm_s/uptime" 2>/dev/null)")"
		printf '  "cgroupVersion": %s,\n  "cgroupMode": "%s",\n' "$(if [ "$CG_VERSION" = 0 ]; then echo null; else echo "$CG_VERSION"; fi)" "$CG_MODE"
		printf '  "cgroupDriver": %s,\n  "cgroupDriverEvidence": %s,\n' "$(jstr "${wm_drv%%|*}")" "$(jstr "${wm_drv#*|}")"
		printf '  "cgroupRoot": "/",\n  "cgroupMount": %s,\n' "$(jstr "${CG_MNT#"$HOST_ROOT"}")"
		printf '  "runtime": %s,\n  "runtimeEvidence": %s,\n' "$(jstr "${wm_rt%%|*}")" "$(jstr "${wm_rt#*|}")"
		printf '  "hostRoot": %s,\n' "$(jstr "$HOST_ROOT")"
		printf '  "redacted": %s,\n' "$(if [ "$REDACT" = 1 ]; then echo true; else echo false; fi)"
		printf '  "arguments": %s,\n' "$(jstr "$ARGS_TEXT")"
		if [ "$wm_kind" = sample ]; then
			printf '  "sample": {"index": %s, "count": %s, "intervalSeconds": %s},\n' "$4" "$SAMPLES" "$INTERVAL"
		fi
		if [ "$wm_kind" = top ]; then
			printf '  "samples": %s,\n' "$(rec_json "$META/samples" 'dir:s index:n capturedAt:s' '  ')"
		fi
		printf '  "targets": %s,\n' "$(rec_json "$wm_cs/targets" 'kind:s spec:s resolved:b cgroupPaths:S podUid:s note:s' '  ')"
		printf '  "pods": %s,\n' "$(pods_json "$wm_cs/cgroups" "$wm_cs/cgpids")"
		if [ "$wm_kind" != top ]; then
			printf '  "cgroups": %s,\n' "$(rec_json "$wm_s/cgroups" 'path:s origin:s role:s podUid:s containerId:s runtime:s' '  ')"
			printf '  "processes": %s,\n' "$(rec_json "$wm_s/procs" 'pid:n name:s cgroupPath:s' '  ')"
			printf '  "volumes": %s,\n' "$(rec_json "$wm_s/volumes" 'mountPoint:s device:s pid:n podUid:s kind:s usedBytes:n sizeBytes:n' '  ')"
		fi
		printf '  "tools": %s,\n' "$(tools_json)"
		printf '  "files": %s,\n' "$(str_array "$WORK/filelist" '  ')"
		printf '  "fileRoles": %s,\n' "$(rec_json "$META/$1.files" 'path:s role:s format:s source:s cgroupPath:s pid:n containerId:s capturedAt:s note:s' '  ')"
		printf '  "missing": %s\n' "$(rec_json "$META/$1.missing" 'what:s reason:s' '  ')"
		printf '}\n'
	} >"$wm_dir/manifest.json"
}

# ---------------------------------------------------------------- redaction
# Host names (this node's, the Kubernetes node's, *.internal/*.local names), IPv4/IPv6 and MAC
# addresses become stable placeholders; environment variable values in inspect JSON, pod JSON
# and `describe` output become "<redacted>". Best effort: review a bundle before sharing it.
# shellcheck disable=SC2016 # an awk program, not shell
REDACT_AWK='
function bounded(s, i, n,    a, b) {
	a = (i > 1) ? substr(s, i - 1, 1) : ""
	b = substr(s, i + n, 1)
	return (a !~ /[A-Za-z0-9_.-]/ || a == "") && (b !~ /[A-Za-z0-9_-]/ || b == "")
}
function names(s,    k, o, i, n) {
	for (k = 1; k <= nn; k++) {
		if (nm[k] == "") continue
		o = ""; n = length(nm[k])
		while ((i = index(s, nm[k])) > 0) {
			if (bounded(s, i, n)) { o = o substr(s, 1, i - 1) "redacted-host-" k }
			else { o = o substr(s, 1, i - 1 + n) }
			s = substr(s, i + n)
		}
		s = o s
	}
	return s
}
function octets(ip,    a, m, k) { m = split(ip, a, "."); for (k = 1; k <= m; k++) if (a[k] + 0 > 255 || length(a[k]) > 3) return 0; return 1 }
function ipv4(s,    o, t, pre, post) {
	o = ""
	while (match(s, /[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+/)) {
		t = substr(s, RSTART, RLENGTH); pre = substr(s, RSTART - 1, 1); post = substr(s, RSTART + RLENGTH, 2)
		if (octets(t) && pre !~ /[0-9.]/ && post !~ /^\.[0-9]/) {
			if (!(t in ip)) ip[t] = "redacted-ip-" (++nip)
			o = o substr(s, 1, RSTART - 1) ip[t]
		} else o = o substr(s, 1, RSTART + RLENGTH - 1)
		s = substr(s, RSTART + RLENGTH)
	}
	return o s
}
# An address has hex groups of at most 4 digits: "::" and two groups or more (fe80::1), or six
# groups and more (MAC, full IPv6). Times (12:09:34), "0::/" (cgroup v2) and PCI ids stay.
function v6like(t,    g, m, k, full) {
	m = split(t, g, ":"); full = 0
	for (k = 1; k <= m; k++) { if (length(g[k]) > 4) return 0; if (g[k] != "") full++ }
	return (index(t, "::") > 0 && full >= 2) || full >= 6
}
function ipv6(s,    o, t) {
	o = ""
	while (match(s, /[0-9A-Fa-f]*:[0-9A-Fa-f:]*:[0-9A-Fa-f]*/)) {
		t = substr(s, RSTART, RLENGTH)
		if (v6like(t)) {
			if (!(t in ip)) ip[t] = "redacted-addr-" (++nip)
			o = o substr(s, 1, RSTART - 1) ip[t]
		} else o = o substr(s, 1, RSTART + RLENGTH - 1)
		s = substr(s, RSTART + RLENGTH)
	}
	return o s
}
function fqdn(s,    o, t) {
	o = ""
	while (match(s, /[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.(internal|local|localdomain|lan)/)) {
		t = substr(s, RSTART, RLENGTH)
		if (substr(s, RSTART + RLENGTH, 1) !~ /[A-Za-z0-9_-]/) {
			if (!(t in hn)) hn[t] = "redacted-fqdn-" (++nhn)
			o = o substr(s, 1, RSTART - 1) hn[t]
		} else o = o substr(s, 1, RSTART + RLENGTH - 1)
		s = substr(s, RSTART + RLENGTH)
	}
	return o s
}
BEGIN { nn = split(namelist, nm, "\n"); for (k = 1; k <= nn; k++) if (length(nm[k]) < 3) nm[k] = "" }
FNR == 1 { inenv = 0; envdesc = -1; isjson = (FILENAME ~ /\.json$/) }
{
	line = $0
	if (isjson && kind == "env") {
		if (inenv) {
			if (line ~ /^[ \t]*\]/) inenv = 0
			else if (line ~ /^[ \t]*"[A-Za-z_][A-Za-z0-9_.-]*=/) sub(/=.*"/, "=<redacted>\"", line)
		} else if (line ~ /"([Ee]nv)": *\[ *$/) inenv = 1
		if (line ~ /^[ \t]*"value": *"/) sub(/"value": *".*"/, "\"value\": \"<redacted>\"", line)
		if (line ~ /"kubectl\.kubernetes\.io\/last-applied-configuration": *"/) sub(/: *".*"/, ": \"<redacted>\"", line)
	} else if (kind == "env") {
		match(line, /^ */); ind = RLENGTH
		if (envdesc >= 0 && ind <= envdesc) envdesc = -1
		if (envdesc >= 0 && line ~ /^ *[^ :][^:]*: /) sub(/: .*/, ":  <redacted>", line)
		if (line ~ /^ *Environment: *$/) envdesc = ind
	}
	line = ipv6(ipv4(fqdn(names(line))))
	print line
}'

redact_bundle() {
	# Positions matter: this host's name is always redacted-host-1 (the manifest says so).
	rb_names=$(printf '%s\n%s\n%s\n%s' "$HOSTNAME_" "${HOSTNAME_%%.*}" "$NODE_NAME" "${NODE_NAME%%.*}")
	find "$TOP" -type f | while IFS= read -r f; do
		case $f in */runtime/* | */kubectl/* | */kubelet/*) rb_kind='env' ;; *) rb_kind='plain' ;; esac
		awk -v namelist="$rb_names" -v kind="$rb_kind" "$REDACT_AWK" "$f" >"$f.redacted" && mv "$f.redacted" "$f"
	done
}

# ---------------------------------------------------------------- main
MANIFEST_HOST=$HOSTNAME_
[ "$REDACT" = 1 ] && MANIFEST_HOST=redacted-host-1
say "oomscope-collect $VERSION on $HOSTNAME_ (kernel $KERNEL, cgroup $CG_MODE${CG_MNT:+ at ${CG_MNT#"$HOST_ROOT"}})"
kube_pod_lookup
pod_uid_without_kubectl
guess_node_name
kube_node_pods_lookup
# The user named the pod: keep that name even where neither kubectl nor the runtime could say it.
if [ -n "$POD_UID" ] && [ -n "$POD_NAME" ] && ! grep -q "^$POD_UID|" "$META/podinfo"; then
	printf '%s|%s|%s||\n' "$POD_UID" "$POD_NAME" "$POD_NS" >>"$META/podinfo"
fi

: >"$META/samples"
FIRST_SAMPLE_SCOPE='' LAST_SAMPLE_SCOPE=''
i=1
while [ "$i" -le "$SAMPLES" ]; do
	if [ "$SAMPLES" = 1 ]; then
		scope=$TOP_SCOPE sdir=$TOP
	else
		scope=sample-$(printf '%03d' "$i") sdir=$TOP/sample-$(printf '%03d' "$i")
	fi
	say "sample $i/$SAMPLES: cgroups, processes, /proc, memory-backed volumes"
	capture_sample "$scope" "$sdir"
	[ -n "$FIRST_SAMPLE_SCOPE" ] || FIRST_SAMPLE_SCOPE=$scope
	LAST_SAMPLE_SCOPE=$scope
	[ "$SAMPLES" = 1 ] || printf '%s|%s|%s\n' "$scope" "$i" "$(cat "$META/$scope/capturedAt")" >>"$META/samples"
	if [ "$i" = 1 ]; then
		say 'container runtime: inspect JSON'
		inspect_containers "$META/$scope/cgroups"
	fi
	if [ "$i" -lt "$SAMPLES" ]; then sleep "$INTERVAL"; fi
	i=$((i + 1))
done

say 'kernel log'
capture_kernel_log
say 'Kubernetes: pod, node, events, kubelet summary'
capture_kubernetes
capture_jvm "$META/$LAST_SAMPLE_SCOPE/procs"

if [ "$SAMPLES" = 1 ]; then
	write_manifest "$TOP_SCOPE" "$TOP" single 1
else
	while IFS='|' read -r s si _; do
		write_manifest "$s" "$TOP/$s" sample "$si"
	done <"$META/samples"
	write_manifest "$TOP_SCOPE" "$TOP" top 0
fi

if [ "$REDACT" = 1 ]; then
	say 'redacting host names, addresses and environment values'
	redact_bundle
fi

ARCHIVE=$OUTDIR/$BUNDLE_NAME.tar.gz
[ -e "$ARCHIVE" ] && ARCHIVE=$OUTDIR/$BUNDLE_NAME-$$.tar.gz
tar -czf "$ARCHIVE" -C "$WORK/bundle" "$BUNDLE_NAME" || die "cannot write $ARCHIVE"
chmod 600 "$ARCHIVE" 2>/dev/null
n_missing=$(cat "$META"/*.missing 2>/dev/null | wc -l | tr -d ' ')
say "wrote $ARCHIVE ($(find "$TOP" -type f | wc -l | tr -d ' ') files; $n_missing things missing, listed in manifest.json \"missing\")"
printf '%s\n' "$ARCHIVE"
