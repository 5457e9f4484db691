"""Checks Cloud Run service.yaml files against the limits and fields that
Cloud Run's YAML reference documents (no gcloud in CI): the Knative shape,
a valid service name, only known fields at each level, scaling annotations
as strings of integers with min <= max, containerConcurrency 0-1000,
timeoutSeconds 1-3600, one container with CPU and memory Cloud Run offers.

usage: python3 check_cloudrun.py FILE..."""
import re
import sys

import yaml

KNOWN = {
    "": {"apiVersion", "kind", "metadata", "spec"},
    "metadata": {"name", "labels", "annotations", "namespace"},
    "spec": {"template", "traffic"},
    "spec.template": {"metadata", "spec"},
    "spec.template.metadata": {"annotations", "labels", "name"},
    "spec.template.spec": {"containerConcurrency", "timeoutSeconds", "containers", "serviceAccountName", "volumes"},
    "container": {"image", "ports", "resources", "env", "command", "args", "name", "startupProbe", "livenessProbe"},
    "resources": {"limits"},
    "limits": {"cpu", "memory"},
}
CPUS = {"1", "2", "4", "6", "8"}


def check(path):
    errors = []
    doc = yaml.safe_load(open(path, encoding="utf-8"))

    def known(level, value):
        for key in value or {}:
            if key not in KNOWN[level]:
                errors.append(f"unknown field {key!r} in {level or 'the document'}")

    known("", doc)
    if doc.get("apiVersion") != "serving.knative.dev/v1" or doc.get("kind") != "Service":
        errors.append("not a serving.knative.dev/v1 Service")
    meta = doc.get("metadata") or {}
    known("metadata", meta)
    name = str(meta.get("name", ""))
    if not re.fullmatch(r"[a-z]([-a-z0-9]{0,47}[a-z0-9])?", name):
        errors.append(f"service name {name!r}: lower case letters, digits and dashes, at most 49")
    spec = doc.get("spec") or {}
    known("spec", spec)
    template = spec.get("template") or {}
    known("spec.template", template)
    tmeta = template.get("metadata") or {}
    known("spec.template.metadata", tmeta)
    annotations = tmeta.get("annotations") or {}
    scale = {}
    for key in ("autoscaling.knative.dev/minScale", "autoscaling.knative.dev/maxScale"):
        value = annotations.get(key)
        if value is None:
            continue
        if not isinstance(value, str) or not value.isdigit():
            errors.append(f"{key} must be a string of digits, not {value!r}")
        else:
            scale[key.rsplit("/", 1)[1]] = int(value)
    if scale.get("minScale", 0) > scale.get("maxScale", 1000):
        errors.append(f"minScale {scale['minScale']} above maxScale {scale['maxScale']}")
    tspec = template.get("spec") or {}
    known("spec.template.spec", tspec)
    concurrency = tspec.get("containerConcurrency", 80)
    if not isinstance(concurrency, int) or not 0 <= concurrency <= 1000:
        errors.append(f"containerConcurrency {concurrency!r} outside 0-1000")
    timeout = tspec.get("timeoutSeconds", 300)
    if not isinstance(timeout, int) or not 1 <= timeout <= 3600:
        errors.append(f"timeoutSeconds {timeout!r} outside 1-3600")
    containers = tspec.get("containers") or []
    if len(containers) != 1:
        errors.append(f"{len(containers)} containers where the service has one")
    for c in containers:
        known("container", c)
        if not c.get("image"):
            errors.append("a container without an image")
        resources = c.get("resources") or {}
        known("resources", resources)
        limits = resources.get("limits") or {}
        known("limits", limits)
        cpu = limits.get("cpu")
        if cpu is not None and str(cpu) not in CPUS:
            errors.append(f"cpu {cpu!r}: Cloud Run offers {sorted(CPUS)}")
        memory = str(limits.get("memory", "512Mi"))
        m = re.fullmatch(r"(\d+)(Mi|Gi)", memory)
        mib = int(m.group(1)) * (1024 if m.group(2) == "Gi" else 1) if m else 0
        if not 128 <= mib <= 32768:
            errors.append(f"memory {memory!r} outside 128Mi-32Gi")
    return errors


failed = 0
for path in sys.argv[1:]:
    for e in check(path):
        failed += 1
        print(f"{path}: {e}", file=sys.stderr)
print(f"cloudrun: {len(sys.argv) - 1} service(s) checked, {failed} error(s)")
sys.exit(1 if failed else 0)
