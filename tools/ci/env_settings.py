#!/usr/bin/env python3
"""Every environment variable the services read, and a check that .env.example documents each one.

Sources: the ${VAR:default} placeholders (nested ones too) of every application.yml and of the shared
stockalerts-*.yml files in common, and every @ConfigurationProperties
record (prefix + component, in Spring's environment-variable form: stockalerts.api.web.max-page-size
becomes STOCKALERTS_API_WEB_MAX_PAGE_SIZE), with the @DefaultValue and the Javadoc @param text.

  python3 tools/ci/env_settings.py              lists them as .env.example lines
  python3 tools/ci/env_settings.py --check      fails, naming the missing lines, when .env.example lacks one
"""
import glob
import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PLACEHOLDER = re.compile(r"\$\{([A-Z][A-Z0-9_]*):((?:[^{}]|\$\{[^}]*\})*)\}")
RECORD = re.compile(
    r'@ConfigurationProperties\("([^"]+)"\)\s*(?:@\w+(?:\([^)]*\))?\s*)*public\s+record\s+\w+\s*\((.*?)\)\s*'
    r"(?:implements[^{]*)?\{",
    re.S,
)
PARAM_DOC = re.compile(r"@param (\w+) ((?:.|\n)*?)(?=\n\s*\*\s*@|\n\s*\*/)")
DEFAULT = re.compile(r'@DefaultValue(?:\(\s*(\{[^}]*\}|"[^"]*")\s*\))?')


def components(text):
    """Splits a record header at its top-level commas (not those inside generics, annotations or strings)."""
    parts, depth, quoted, start = [], 0, False, 0
    for index, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif not quoted and char in "<({":
            depth += 1
        elif not quoted and char in ">)}":
            depth -= 1
        elif not quoted and depth == 0 and char == ",":
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip()]


def env_name(prefix, component):
    kebab = re.sub(r"(?<!^)(?=[A-Z])", "-", component).lower()
    return re.sub(r"[.-]", "_", prefix + "." + kebab).upper()


def tidy(text):
    text = re.sub(r"\{@(?:code|link) ([^}]*)\}", r"\1", text.replace("*", " "))
    return " ".join(text.split())


def from_records():
    settings = []
    for path in sorted(glob.glob(os.path.join(ROOT, "*", "src", "main", "java", "**", "*.java"), recursive=True)):
        source = open(path, encoding="utf-8").read()
        for match in RECORD.finditer(source):
            prefix, header = match.groups()
            docs = {name: tidy(text) for name, text in PARAM_DOC.findall(source[: match.start()])}
            for component in components(" ".join(header.split())):
                name = re.search(r"(\w+)\s*$", component)
                if not name:
                    continue
                default = DEFAULT.search(component)
                value = ""
                if default and default.group(1):
                    value = default.group(1).strip("{}").replace('"', "").replace(" ", "")
                settings.append((env_name(prefix, name.group(1)), value, docs.get(name.group(1), ""),
                                 os.path.relpath(path, ROOT)))
    return settings


def placeholders(text):
    """The (name, default) of each placeholder in the text, and of those nested in a default."""
    found = []
    for name, value in PLACEHOLDER.findall(text):
        found.append((name, value))
        found.extend(placeholders(value))
    return found


def from_yaml():
    settings = []
    resources = os.path.join(ROOT, "*", "src", "main", "resources")
    paths = glob.glob(os.path.join(resources, "application*.yml"))
    paths += glob.glob(os.path.join(resources, "stockalerts-*.yml"))
    for path in sorted(paths):
        for line in open(path, encoding="utf-8"):
            for name, value in placeholders(line):
                settings.append((name, value, "", os.path.relpath(path, ROOT)))
    return settings


def all_settings():
    seen = {}
    for name, value, doc, origin in from_yaml() + from_records():
        if name not in seen:
            seen[name] = (value, doc, origin)
        elif doc and not seen[name][1]:
            seen[name] = (seen[name][0], doc, seen[name][2])
    return seen


def documented(example_path):
    names = set()
    for line in open(example_path, encoding="utf-8"):
        match = re.match(r"\s*#?\s*(?:export\s+)?([A-Z][A-Z0-9_]*)=", line)
        if match:
            names.add(match.group(1))
    return names


def main(argv):
    settings = all_settings()
    if "--check" not in argv:
        for name, (value, doc, origin) in sorted(settings.items()):
            print(f"# {doc or origin}\n#{name}={value}")
        return 0
    example = os.path.join(ROOT, ".env.example")
    missing = sorted(set(settings) - documented(example))
    if missing:
        print(f".env.example lacks {len(missing)} setting(s) the services read; add them, e.g.:", file=sys.stderr)
        for name in missing:
            value, doc, origin = settings[name]
            print(f"# {doc or 'read by ' + origin}\n#{name}={value}", file=sys.stderr)
        return 1
    print(f".env.example documents all {len(settings)} settings the services read")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
