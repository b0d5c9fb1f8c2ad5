"""The apps import one another in one direction only, and no two apps import each other.

Every `import` and `from … import` of every module of every app is read with `ast`, including
the imports inside functions, so a cycle cannot hide in a function body. The order (from the
bottom up, see docs/architecture.md):

    storefront                      site-wide infrastructure: page cache, middleware, storage, mail, helpers
    catalog                         → storefront
    stories, inquiries, orders      → catalog, storefront (not each other)
    home                            → stories, catalog, storefront (home and standard pages, search, sitemap)
    reports                         → any app

Where a lower app must show something of a higher one (the maker's admin dashboard counting
inquiries and orders, the site search listing products), the higher app registers it through a
Wagtail hook instead.
"""

import ast
import functools
import itertools
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Each app and the apps it may import.
ALLOWED = {
    "storefront": set(),
    "catalog": {"storefront"},
    "stories": {"catalog", "storefront"},
    "inquiries": {"catalog", "storefront"},
    "orders": {"catalog", "storefront"},
    "home": {"stories", "catalog", "storefront"},
    "reports": {"home", "stories", "inquiries", "orders", "catalog", "storefront"},
}
# The root URLconf wires every app's URLs together: it stands above all of them.
PROJECT_MODULES = {"storefront/urls.py"}
NOT_APPS = {"tests", "benchmarks", "scripts", "docs", "locale", "static"}


def imported_modules(source, module):
    """The absolute names of the modules `source` (the text of module `module`) imports, anywhere
    in it, with the line of each: [(line, "catalog.models"), …]."""
    package = module.split(".") if module.endswith(".__init__") else module.split(".")[:-1]
    if package and package[-1] == "__init__":
        package = package[:-1]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # from . import x, from ..models import y
                base = package[: len(package) - (node.level - 1)]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module
            found.append((node.lineno, name))
    return found


@functools.cache
def app_imports():
    """[(importing app, imported app, "path:line")] for every import of one app by another."""
    edges = []
    for app in ALLOWED:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if relative in PROJECT_MODULES:
                continue
            module = relative.removesuffix(".py").replace("/", ".")
            for line, name in imported_modules(path.read_text(encoding="utf-8"), module):
                target = name.split(".")[0]
                if target in ALLOWED and target != app:
                    edges.append((app, target, f"{relative}:{line}"))
    return edges


def cycles(graph):
    """The strongly connected components of more than one app (Tarjan), each sorted."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in graph.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_every_app_has_its_place_in_the_order():
    packages = {path.parent.name for path in ROOT.glob("*/__init__.py")} - NOT_APPS
    assert packages == set(ALLOWED), "add the new app to ALLOWED, with the apps it may import"


def test_the_order_itself_has_no_cycle():
    assert cycles(ALLOWED) == []


def test_imports_are_read_inside_functions_and_relative_ones_resolved():
    source = (
        "from .models import A\n\ndef f():\n    from catalog.queries import q\n    import orders.models\n"
    )
    assert imported_modules(source, "home.search") == [
        (1, "home.models"),
        (4, "catalog.queries"),
        (5, "orders.models"),
    ]
    assert imported_modules("from .. import views", "home.templatetags.site_tags") == [(1, "home")]


def test_no_app_imports_an_app_above_it():
    wrong = [
        f"{where}: {app} imports {target}"
        for app, target, where in app_imports()
        if target not in ALLOWED[app]
    ]
    assert wrong == []


def test_no_cycle_between_apps():
    graph = {}
    for app, target, _where in app_imports():
        graph.setdefault(app, set()).add(target)
    found = cycles(graph)
    where = {
        f"{app} → {target}: {', '.join(w for a, t, w in app_imports() if (a, t) == (app, target))}"
        for component in found
        for app, target in itertools.permutations(component, 2)
        if target in graph.get(app, ())
    }
    assert found == [], "\n".join(sorted(where))
