"""The initial store: tenancy, customers and contracts, evidence, frozen statements.

Instants are DateTime columns holding naive UTC (the models read them back as aware UTC).

Revision ID: 0001
Revises:
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("resource", sa.String(length=300), nullable=False),
        sa.Column("customer_key", sa.String(length=64), nullable=True),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_audit_log_tenant_id_at_id"), ["tenant_id", "at", "id"], unique=False
        )

    op.create_table(
        "maintenance",
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("customer_key", sa.String(length=64), nullable=True),
        sa.Column("start", sa.DateTime(), nullable=False),
        sa.Column("end", sa.DateTime(), nullable=False),
        sa.Column("scope", sa.String(length=256), nullable=True),
        sa.Column("announced_at", sa.DateTime(), nullable=True),
        sa.Column("batch_id", sa.Uuid(), nullable=True),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_maintenance")),
    )
    with op.batch_alter_table("maintenance", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_maintenance_tenant_id_customer_key_start"),
            ["tenant_id", "customer_key", "start"],
            unique=False,
        )

    op.create_table(
        "outages",
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("customer_key", sa.String(length=64), nullable=True),
        sa.Column("start", sa.DateTime(), nullable=False),
        sa.Column("end", sa.DateTime(), nullable=False),
        sa.Column("scope", sa.String(length=256), nullable=True),
        sa.Column("cause", sa.String(length=32), nullable=False),
        sa.Column("reported_at", sa.DateTime(), nullable=True),
        sa.Column("batch_id", sa.Uuid(), nullable=True),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_outages")),
    )
    with op.batch_alter_table("outages", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_outages_tenant_id_customer_key_start"),
            ["tenant_id", "customer_key", "start"],
            unique=False,
        )

    op.create_table(
        "raw_samples",
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("batch_id", sa.Uuid(), nullable=False),
        sa.Column("row", sa.Integer(), nullable=False),
        sa.Column("customer_key", sa.String(length=64), nullable=False),
        sa.Column("at", sa.BigInteger(), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.Column("scope", sa.String(length=256), nullable=False),
        sa.Column("location", sa.String(length=256), nullable=False),
        sa.Column("monitor", sa.String(length=256), nullable=False),
        sa.Column("response_ms", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("tenant_id", "batch_id", "row", name=op.f("pk_raw_samples")),
    )
    with op.batch_alter_table("raw_samples", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_raw_samples_tenant_id_customer_key_at"),
            ["tenant_id", "customer_key", "at"],
            unique=False,
        )

    op.create_table(
        "tenants",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tenants")),
    )
    op.create_table(
        "contracts",
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_contracts_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "key", name=op.f("pk_contracts")),
    )
    op.create_table(
        "customers",
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_customers_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "key", name=op.f("pk_customers")),
    )
    op.create_table(
        "users",
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("customer_key", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_users_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_users")),
    )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_users_tenant_id_name"), ["tenant_id", "name"], unique=True
        )

    op.create_table(
        "api_tokens",
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("customer_key", sa.String(length=64), nullable=True),
        sa.Column("secret_sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["tenant_id", "user_id"],
            ["users.tenant_id", "users.id"],
            name=op.f("fk_api_tokens_tenant_id_user_id_users"),
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_api_tokens")),
    )
    op.create_table(
        "contract_versions",
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("contract_key", sa.String(length=64), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("effective_from", sa.DateTime(), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(), nullable=False),
        sa.Column("uploaded_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "contract_key"],
            ["contracts.tenant_id", "contracts.key"],
            name=op.f("fk_contract_versions_tenant_id_contract_key_contracts"),
        ),
        sa.PrimaryKeyConstraint(
            "tenant_id", "contract_key", "version", name=op.f("pk_contract_versions")
        ),
    )
    op.create_table(
        "ingest_batches",
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("customer_key", sa.String(length=64), nullable=False),
        sa.Column("batch_key", sa.String(length=128), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("received_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "customer_key"],
            ["customers.tenant_id", "customers.key"],
            name=op.f("fk_ingest_batches_tenant_id_customer_key_customers"),
        ),
        sa.PrimaryKeyConstraint(
            "tenant_id", "customer_key", "batch_key", name=op.f("pk_ingest_batches")
        ),
    )
    op.create_table(
        "locations",
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("customer_key", sa.String(length=64), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "customer_key"],
            ["customers.tenant_id", "customers.key"],
            name=op.f("fk_locations_tenant_id_customer_key_customers"),
        ),
        sa.PrimaryKeyConstraint("tenant_id", "customer_key", "key", name=op.f("pk_locations")),
    )
    op.create_table(
        "metrics",
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("customer_key", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("scope", sa.String(length=256), nullable=True),
        sa.Column("batch_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["tenant_id", "customer_key"],
            ["customers.tenant_id", "customers.key"],
            name=op.f("fk_metrics_tenant_id_customer_key_customers"),
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_metrics")),
    )
    with op.batch_alter_table("metrics", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_metrics_tenant_id_customer_key_at"),
            ["tenant_id", "customer_key", "at"],
            unique=False,
        )

    op.create_table(
        "sample_runs",
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("customer_key", sa.String(length=64), nullable=False),
        sa.Column("scope", sa.String(length=256), nullable=False),
        sa.Column("location", sa.String(length=256), nullable=False),
        sa.Column("monitor", sa.String(length=256), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.Column("first_at", sa.BigInteger(), nullable=False),
        sa.Column("last_at", sa.BigInteger(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("interval", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "customer_key"],
            ["customers.tenant_id", "customers.key"],
            name=op.f("fk_sample_runs_tenant_id_customer_key_customers"),
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_sample_runs")),
    )
    with op.batch_alter_table("sample_runs", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sample_runs_tenant_id_customer_key_last_at"),
            ["tenant_id", "customer_key", "last_at"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_sample_runs_tenant_id_customer_key_scope_location_monitor_last_at"),
            ["tenant_id", "customer_key", "scope", "location", "monitor", "last_at"],
            unique=False,
        )

    op.create_table(
        "statements",
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("customer_key", sa.String(length=64), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("evidence_sha256", sa.String(length=64), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("frozen_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "customer_key"],
            ["customers.tenant_id", "customers.key"],
            name=op.f("fk_statements_tenant_id_customer_key_customers"),
        ),
        sa.PrimaryKeyConstraint("tenant_id", "customer_key", "period", name=op.f("pk_statements")),
    )
    op.create_table(
        "tickets",
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("customer_key", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=128), nullable=False),
        sa.Column("severity", sa.String(length=64), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("opened_by_role", sa.String(length=64), nullable=True),
        sa.Column("scope", sa.String(length=256), nullable=True),
        sa.ForeignKeyConstraint(
            ["tenant_id", "customer_key"],
            ["customers.tenant_id", "customers.key"],
            name=op.f("fk_tickets_tenant_id_customer_key_customers"),
        ),
        sa.PrimaryKeyConstraint("tenant_id", "customer_key", "id", name=op.f("pk_tickets")),
    )
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_tickets_tenant_id_customer_key_opened_at"),
            ["tenant_id", "customer_key", "opened_at"],
            unique=False,
        )

    op.create_table(
        "subscriptions",
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("customer_key", sa.String(length=64), nullable=False),
        sa.Column("contract_key", sa.String(length=64), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("plan", sa.String(length=64), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("monthly_fee", sa.Float(), nullable=True),
        sa.Column("fees_by_scope", sa.JSON(), nullable=False),
        sa.Column("first_order_at", sa.DateTime(), nullable=True),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "contract_key", "version"],
            [
                "contract_versions.tenant_id",
                "contract_versions.contract_key",
                "contract_versions.version",
            ],
            name=op.f("fk_subscriptions_tenant_id_contract_key_version_contract_versions"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "customer_key"],
            ["customers.tenant_id", "customers.key"],
            name=op.f("fk_subscriptions_tenant_id_customer_key_customers"),
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_subscriptions")),
    )
    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_subscriptions_tenant_id_customer_key_starts_at"),
            ["tenant_id", "customer_key", "starts_at"],
            unique=False,
        )

    op.create_table(
        "ticket_events",
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("customer_key", sa.String(length=64), nullable=False),
        sa.Column("ticket_id", sa.String(length=128), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("severity", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["tenant_id", "customer_key", "ticket_id"],
            ["tickets.tenant_id", "tickets.customer_key", "tickets.id"],
            name=op.f("fk_ticket_events_tenant_id_customer_key_ticket_id_tickets"),
        ),
        sa.PrimaryKeyConstraint(
            "tenant_id", "customer_key", "ticket_id", "seq", name=op.f("pk_ticket_events")
        ),
    )


def downgrade() -> None:
    op.drop_table("ticket_events")
    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_subscriptions_tenant_id_customer_key_starts_at"))

    op.drop_table("subscriptions")
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tickets_tenant_id_customer_key_opened_at"))

    op.drop_table("tickets")
    op.drop_table("statements")
    with op.batch_alter_table("sample_runs", schema=None) as batch_op:
        batch_op.drop_index(
            batch_op.f("ix_sample_runs_tenant_id_customer_key_scope_location_monitor_last_at")
        )
        batch_op.drop_index(batch_op.f("ix_sample_runs_tenant_id_customer_key_last_at"))

    op.drop_table("sample_runs")
    with op.batch_alter_table("metrics", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_metrics_tenant_id_customer_key_at"))

    op.drop_table("metrics")
    op.drop_table("locations")
    op.drop_table("ingest_batches")
    op.drop_table("contract_versions")
    op.drop_table("api_tokens")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_users_tenant_id_name"))

    op.drop_table("users")
    op.drop_table("customers")
    op.drop_table("contracts")
    op.drop_table("tenants")
    with op.batch_alter_table("raw_samples", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_raw_samples_tenant_id_customer_key_at"))

    op.drop_table("raw_samples")
    with op.batch_alter_table("outages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outages_tenant_id_customer_key_start"))

    op.drop_table("outages")
    with op.batch_alter_table("maintenance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_maintenance_tenant_id_customer_key_start"))

    op.drop_table("maintenance")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_tenant_id_at_id"))

    op.drop_table("audit_log")
