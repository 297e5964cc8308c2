"""Issue 15, point 1: links mailed before tokens were hashed keep working after the migration."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from core.tokens import hash_secret

BEFORE = [("events", "0012_privacy_retention_and_access_log")]
AFTER = [("events", "0013_invitation_token_hash")]


@pytest.fixture
def crm_now():
    """crm as it is today: events is moved back alone, so Person's rows must match the table."""
    executor = MigrationExecutor(connection)
    yield [node for node in executor.loader.graph.leaf_nodes() if node[0] == "crm"]
    # Every later test expects every migration applied.
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


# serialized_rollback: its flush then leaves out post_migrate, whose staff groups would clash
# with the next serialized test's restored rows.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_migration_keeps_the_hash_of_each_stored_token(crm_now):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE + crm_now)
    old = executor.loader.project_state(BEFORE + crm_now).apps
    Event = old.get_model("events", "Event")
    Person = old.get_model("crm", "Person")
    Invitation = old.get_model("events", "Invitation")
    event = Event.objects.create(
        title="International luncheon",
        starts_at="2019-02-16T03:00Z",
        ends_at="2019-02-16T06:00Z",
    )
    person = Person.objects.create(family_name="Yeom", given_name="Tae-young")
    Invitation.objects.create(event=event, person=person, token="an-old-mailed-token")

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps

    stored = new.get_model("events", "Invitation").objects.get()
    assert stored.token_hash == hash_secret("an-old-mailed-token")
    assert "token" not in {field.name for field in stored._meta.fields}
