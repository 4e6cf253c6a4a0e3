"""Ground truth for the scanner's Django inventory and import graph, computed with Python's own ast.

Usage: python3 django_ground_truth.py <repo>   prints JSON {"models": [...], "routes": [...], "edges": [...]}

The rules are the ones docs/analysis.md states, implemented independently of the Java scanner:
- module names are relative to the folder of manage.py;
- a model is a class defined at module level (also inside module-level if/try blocks) whose bases
  reach django.db.models.Model through import aliases and in-repo classes;
- routes start at ROOT_URLCONF and follow include("module") and include(module);
- an edge a -> b exists when module a imports in-repo module b anywhere in its body.
"""
import ast
import json
import os
import sys

SKIP = {".git", "node_modules", "__pycache__", ".tox", "venv", ".venv", "build", "dist", "site-packages"}


def python_files(repo):
    for dirpath, dirnames, filenames in os.walk(repo):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP and not os.path.exists(os.path.join(dirpath, d, "pyvenv.cfg")))
        for name in sorted(filenames):
            if name.endswith(".py"):
                yield os.path.relpath(os.path.join(dirpath, name), repo).replace(os.sep, "/")


def import_root(files):
    manage = sorted((f for f in files if f.split("/")[-1] == "manage.py"), key=len)
    return manage[0][: -len("manage.py")] if manage else ""


def module_name(path, root):
    rel = path[len(root):][:-3]
    mod = rel.replace("/", ".")
    if mod.endswith(".__init__"):
        return mod[: -len(".__init__")], True
    return mod, False


class Repo:
    def __init__(self, repo):
        files = list(python_files(repo))
        root = import_root(files)
        self.modules, self.packages, self.trees = {}, set(), {}
        for f in files:
            if not f.startswith(root):
                continue
            mod, is_pkg = module_name(f, root)
            if mod == "__init__" or "-" in mod or " " in mod:
                continue
            if is_pkg:
                self.packages.add(mod)
            self.modules[mod] = f
            try:
                with open(os.path.join(repo, f), encoding="utf-8", errors="replace") as fh:
                    self.trees[mod] = ast.parse(fh.read())
            except SyntaxError:
                self.trees[mod] = None

    def parent(self, mod):
        return mod.rsplit(".", 1)[0] if "." in mod else ("" if mod else None)

    def resolve(self, from_mod, module, level, name):
        base = module or ""
        if level:
            pkg = from_mod if from_mod in self.packages else self.parent(from_mod)
            for _ in range(level - 1):
                if pkg is None:
                    return None
                pkg = self.parent(pkg)
            if pkg is None:
                return None
            base = pkg if not base else (base if not pkg else pkg + "." + base)
        if name and name != "*":
            candidate = base + "." + name if base else name
            if candidate in self.modules:
                return candidate
        m = base
        while m:
            if m in self.modules:
                return m
            m = self.parent(m)
        return None

    # -- names --------------------------------------------------------------

    def top_level_statements(self, body):
        """Module-level statements, including those inside if/try/with/for blocks (not defs)."""
        for stmt in body:
            yield stmt
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue
            for field in ("body", "orelse", "finalbody"):
                yield from self.top_level_statements(getattr(stmt, field, []) or [])
            for handler in getattr(stmt, "handlers", []) or []:
                yield from self.top_level_statements(handler.body)

    def local_names(self, mod):
        out = {}
        tree = self.trees.get(mod)
        if tree is None:
            return out
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for a in node.names:
                    out[a.asname or a.name.split(".")[0]] = a.name if a.asname else a.name.split(".")[0]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                for a in node.names:
                    if a.name != "*":
                        out[a.asname or a.name] = node.module + "." + a.name
        return out

    def qualify(self, mod, expr):
        head, _, rest = expr.partition(".")
        rest = "." + rest if rest else ""
        names = self.local_names(mod)
        if head in names:
            return names[head] + rest
        tree = self.trees.get(mod)
        if tree is not None:
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and node.level > 0:
                    for a in node.names:
                        if (a.asname or a.name) == head:
                            target = self.resolve(mod, node.module, node.level, None)
                            return (target + "." if target else "") + a.name + rest
            for stmt in self.top_level_statements(tree.body):
                if isinstance(stmt, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and stmt.name == head:
                    return mod + "." + head + rest
        return expr

    def classes(self, mod):
        tree = self.trees.get(mod)
        if tree is None:
            return []
        return [s for s in self.top_level_statements(tree.body) if isinstance(s, ast.ClassDef)]

    def is_model(self, qualified, seen):
        if qualified == "django.db.models.Model":
            return True
        if qualified in seen or "." not in qualified:
            return False
        seen.add(qualified)
        mod, cls_name = qualified.rsplit(".", 1)
        for cls in self.classes(mod):
            if cls.name == cls_name:
                return any(self.is_model(self.qualify(mod, ast.unparse(b)), seen) for b in cls.bases)
        return False

    # -- the three answers ---------------------------------------------------

    def models(self):
        out = []
        for mod in self.modules:
            for cls in self.classes(mod):
                if self.is_model(mod + "." + cls.name, set()):
                    out.append(mod + "." + cls.name)
        return sorted(out)

    def edges(self):
        out = set()
        for mod, tree in self.trees.items():
            if tree is None:
                continue
            for node in ast.walk(tree):
                targets = []
                if isinstance(node, ast.Import):
                    targets = [self.resolve(mod, a.name, 0, None) for a in node.names]
                elif isinstance(node, ast.ImportFrom):
                    targets = [self.resolve(mod, node.module, node.level, a.name) for a in node.names]
                for t in targets:
                    if t and t != mod:
                        out.add(mod + " -> " + t)
        return sorted(out)

    def settings_modules(self):
        out = []
        for mod, tree in self.trees.items():
            if tree is None or not (mod.endswith(".settings") or mod == "settings" or ".settings." in mod):
                continue
            targets = {t.id for s in self.top_level_statements(tree.body) if isinstance(s, ast.Assign)
                       for t in s.targets if isinstance(t, ast.Name)}
            if targets & {"INSTALLED_APPS", "DEBUG", "ROOT_URLCONF", "DATABASES"}:
                out.append(mod)
        return sorted(out)

    def routes(self):
        root = None
        for s in self.settings_modules():
            for stmt in self.top_level_statements(self.trees[s].body):
                if isinstance(stmt, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "ROOT_URLCONF" for t in stmt.targets):
                    root = root or stmt.value.value
        out = []
        if root:
            self.collect(root, "", out, set())
        return out

    def collect(self, mod, prefix, out, visiting):
        tree = self.trees.get(mod)
        if tree is None or mod in visiting:
            return
        visiting.add(mod)
        for stmt in self.top_level_statements(tree.body):
            value = None
            if isinstance(stmt, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "urlpatterns" for t in stmt.targets):
                value = stmt.value
            elif isinstance(stmt, ast.AugAssign) and isinstance(stmt.target, ast.Name) and stmt.target.id == "urlpatterns":
                value = stmt.value
            for element in self.elements(value):
                self.route(mod, prefix, element, out, visiting)
        visiting.discard(mod)

    def elements(self, value):
        if isinstance(value, (ast.List, ast.Tuple)):
            return list(value.elts)
        if isinstance(value, ast.BinOp):
            return self.elements(value.left) + self.elements(value.right)
        return []

    def route(self, mod, prefix, call, out, visiting):
        if not isinstance(call, ast.Call):
            return
        fn = ast.unparse(call.func).split(".")[-1]
        if fn not in ("path", "re_path", "url") or len(call.args) < 2:
            return
        raw = call.args[0].value if isinstance(call.args[0], ast.Constant) else ""
        if fn != "path":
            raw = raw[1:] if raw.startswith("^") else raw
            raw = raw[:-1] if raw.endswith("$") else raw
        pattern = prefix + raw
        target = call.args[1]
        if isinstance(target, ast.Call) and ast.unparse(target.func).endswith("include"):
            inc = target.args[0] if target.args else None
            if isinstance(inc, ast.Constant):
                self.collect(inc.value, pattern, out, visiting)
                return
            if inc is not None:
                q = self.qualify(mod, ast.unparse(inc))
                if q in self.modules:
                    self.collect(q, pattern, out, visiting)
                else:
                    out.append(pattern + " => " + q)
                return
        expr = ast.unparse(target)
        if ".as_view(" in expr:
            expr = expr[: expr.index(".as_view(")]
        out.append(pattern + " => " + self.qualify(mod, expr))


if __name__ == "__main__":
    r = Repo(sys.argv[1])
    print(json.dumps({"models": r.models(), "routes": r.routes(), "edges": r.edges()}, indent=1))
