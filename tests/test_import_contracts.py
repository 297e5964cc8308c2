"""The import contracts in pyproject.toml hold for the code, and break on the imports they forbid.

`make lint` runs the same contracts through lint-imports; these tests show that a new upward
import or a new import circle would fail it, on the project's real import graph. The last tests
look for circles between any modules at all, which the sibling contract does not see.
"""

import copy
from pathlib import Path

import grimp
import pytest
from importlinter import configuration
from importlinter.application.use_cases import read_user_options
from importlinter.contracts.acyclic_siblings import AcyclicSiblingsContract
from importlinter.contracts.layers import LayersContract

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"
CONTRACT_TYPES = {"layers": LayersContract, "acyclic_siblings": AcyclicSiblingsContract}


@pytest.fixture(scope="module")
def options():
    configuration.configure()
    return read_user_options(str(PYPROJECT))


@pytest.fixture(scope="module")
def project_graph(options):
    return grimp.build_graph(*options.session_options["root_packages"], cache_dir=None)


@pytest.fixture
def graph(project_graph):
    # Each test adds its own import to a fresh copy.
    return copy.deepcopy(project_graph)


def contract(options, contract_id):
    (contract_options,) = [c for c in options.contracts_options if c["id"] == contract_id]
    return CONTRACT_TYPES[contract_options["type"]](
        name=contract_options["name"],
        session_options=options.session_options,
        contract_options=contract_options,
    )


def test_the_contracts_cover_every_app(options):
    assert {c["id"] for c in options.contracts_options} == {"layers", "acyclic"}
    assert contract(options, "layers").contract_options["layers"] == [
        "demo | config",
        "api",
        "cms",
        "events",
        "crm",
        "core",
    ]


@pytest.mark.parametrize("contract_id", ["layers", "acyclic"])
def test_the_code_keeps_the_contract(options, graph, contract_id):
    assert contract(options, contract_id).check(graph, verbose=False).kept


@pytest.mark.parametrize(
    ("importer", "imported"),
    [
        ("crm.selectors", "events.models"),  # crm must not know events exists
        ("events.tasks", "cms.urls"),  # events must not build the public site's addresses
        ("cms.opendata.views", "api.views.public"),  # cms must not know the API exists
        ("core.models", "crm.models"),
        ("events.services.items", "demo.events"),  # no app depends on the demo data
        ("config.urls", "demo.cms"),
    ],
)
def test_an_upward_import_breaks_the_layers(options, graph, importer, imported):
    graph.add_import(importer=importer, imported=imported, line_number=1, line_contents="import")

    check = contract(options, "layers").check(graph, verbose=False)

    assert not check.kept
    (broken,) = check.metadata["invalid_dependencies"]
    assert (broken["importer"], broken["imported"]) == (
        importer.split(".")[0],
        imported.split(".")[0],
    )


def test_an_import_circle_breaks_the_acyclic_contract(options, graph):
    # The circle this project once had: checkin -> registrations -> tasks -> checkin.
    graph.add_import(
        importer="events.tasks",
        imported="events.services.checkin",
        line_number=1,
        line_contents="from .services.checkin import check_in_by_code",
    )

    check = contract(options, "acyclic").check(graph, verbose=False)

    assert not check.kept
    assert check.metadata["cycle_breakers_by_package"].keys() == {"events"}


def import_circles(graph):
    """The graph's strongly connected components of two modules or more, each sorted.

    Tarjan's search, kept iterative so that a long chain of imports cannot reach Python's
    recursion limit.
    """
    index, lowest, stack, on_stack, circles = {}, {}, [], set(), []

    def visit(module):
        index[module] = lowest[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        return module, iter(sorted(graph.find_modules_directly_imported_by(module)))

    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [visit(root)]
        while work:
            module, imported = work[-1]
            for target in imported:
                if target not in index:
                    work.append(visit(target))
                    break
                if target in on_stack:
                    lowest[module] = min(lowest[module], index[target])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    lowest[parent] = min(lowest[parent], lowest[module])
                if lowest[module] == index[module]:
                    component = []
                    while not component or component[-1] != module:
                        component.append(stack.pop())
                        on_stack.discard(component[-1])
                    if len(component) > 1:
                        circles.append(sorted(component))
    return circles


def describe(graph, circle):
    """One circle as its modules, then each import inside it with the line that makes it."""
    lines = [" <-> ".join(circle)]
    for importer in circle:
        for imported in circle:
            for detail in graph.get_import_details(importer=importer, imported=imported):
                lines.append(
                    f"    {importer}:{detail['line_number']} -> {imported}"
                    f"  ({detail['line_contents']})"
                )
    return "\n".join(lines)


def test_no_module_imports_its_way_back_to_itself(project_graph):
    # The acyclic contract compares siblings only: a package and its own submodule importing
    # each other (as crm.models and crm.models.ties did) pass it, so every module is walked.
    circles = import_circles(project_graph)

    assert not circles, "import circles:\n" + "\n".join(
        describe(project_graph, circle) for circle in circles
    )


def test_an_import_circle_between_any_modules_is_found(graph):
    # The circle this project once had: checkin -> registrations -> tasks -> checkin.
    graph.add_import(
        importer="events.tasks",
        imported="events.services.checkin",
        line_number=1,
        line_contents="from .services.checkin import check_in_by_code",
    )

    circles = import_circles(graph)

    assert ["events.services.checkin", "events.services.registrations", "events.tasks"] in circles
