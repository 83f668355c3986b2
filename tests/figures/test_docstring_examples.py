"""The examples in the docstrings of figures/ are run, so they keep saying what the code does."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import figures

MODULES = sorted(
    module.name for module in pkgutil.walk_packages(figures.__path__, prefix="figures.")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {name} failed"


def test_the_examples_are_found():
    # counted, not run again: the test above runs them
    finder = doctest.DocTestFinder()
    examples = sum(
        len(test.examples) for name in MODULES for test in finder.find(importlib.import_module(name))
    )
    assert examples >= 20
