"""The admin home's relationship-health panel: the ties most in need of attention, on a map.

It lives in cms because the map (cms/worldmap.py) does; the scores come from events'
selector (events/selectors/health.py), which reads every tie in three queries, so the panel
costs the same few queries at ten ties or a thousand. Staff only: the public map never shows
a score (docs/decisions.md).
"""

from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.permissions import policy_registry

from core.viewsets import ANY_PERMISSION
from crm.models import Relationship
from events.selectors.health import ties_health

from .selectors import world_map

SHOWN = 5


class RelationshipHealthPanel(Component):
    name = "relationship_health"
    template_name = "cms/admin/health_panel.html"
    order = 60

    def get_context_data(self, parent_context):
        rows = ties_health()
        needing = [row for row in rows if row.health.band != "good"]
        return {
            "rows": needing[:SHOWN],
            "needing": len(needing),
            "total": len(rows),
            "map": world_map(rows),
            "list_url": reverse("relationship-health:index"),
        }


def may_see_ties(user):
    policy = policy_registry.get_by_type(Relationship)
    return policy.user_has_any_permission(user, ANY_PERMISSION)


def add_health_panel(request, panels):
    """construct_homepage_panels: the panel for staff who may see ties."""
    if may_see_ties(request.user):
        panels.append(RelationshipHealthPanel())
