"""Delegation memberships count as steps when staff ask how the office knows someone."""

from wagtail import hooks

from ..paths import delegation_links


@hooks.register("register_path_edges")
def register_delegation_links():
    return [delegation_links]
