"""The package stays readable: small modules, short functions, no module reaching into another's private names."""
import ast
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "gan_course"
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60
#: Still to split (issue 20): each entry may only shrink; remove it once the module or function fits.
PENDING = {}


def _modules():
    return sorted(PACKAGE.rglob("*.py"))


def _name(path):
    return path.relative_to(ROOT).as_posix()


def test_no_module_is_longer_than_the_limit():
    sizes = {_name(p): len(p.read_text(encoding="utf-8").splitlines()) for p in _modules()}
    long = {name: n for name, n in sizes.items() if n > MAX_MODULE_LINES}
    _check(long, MAX_MODULE_LINES, "modules")


def test_no_function_is_longer_than_the_limit():
    long = {}
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                size = node.end_lineno - node.lineno + 1
                if size > MAX_FUNCTION_LINES:
                    long[f"{_name(path)} {node.name}"] = size
    _check(long, MAX_FUNCTION_LINES, "functions")


def _check(long, limit, what):
    pending = {k: v for k, v in PENDING.items() if (" " in k) == (what == "functions")}
    grown = {k: n for k, n in long.items() if n > pending.get(k, limit)}
    assert grown == {}, f"split these {what} (more than {limit} lines)"
    done = sorted(set(pending) - set(long))
    assert done == [], f"these {what} fit now: remove them from PENDING"


def _private_uses(path):
    """``from .x import _y`` and ``x._y`` where ``x`` is a module of the package imported by ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules, found = set(), []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            for alias in node.names:
                if node.module is None:  # from . import x
                    modules.add(alias.asname or alias.name)
                elif alias.name.startswith("_") and node.module != "_tf":
                    found.append(f"{node.module}.{alias.name}")
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules \
                and node.attr.startswith("_") and not node.attr.startswith("__"):
            found.append(f"{node.value.id}.{node.attr}")
    return found


def test_the_loops_use_only_public_names_of_other_modules():
    for name in ("keras_gan.py", "train.py", "cli_train.py", "step.py", "runfolder.py"):
        assert _private_uses(PACKAGE / name) == [], name
