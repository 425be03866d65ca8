"""The web's accounts: a password (Argon2) per user, and browser sessions in the store.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("password_argon2", sa.String(length=200), nullable=True))

    op.create_table(
        "browser_sessions",
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("secret_sha256", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("customer_key", sa.String(length=64), nullable=True),
        sa.Column("token_id", sa.Uuid(), nullable=True),
        sa.Column("csrf", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "user_id"],
            ["users.tenant_id", "users.id"],
            name=op.f("fk_browser_sessions_tenant_id_user_id_users"),
        ),
        sa.PrimaryKeyConstraint("tenant_id", "secret_sha256", name=op.f("pk_browser_sessions")),
    )


def downgrade() -> None:
    op.drop_table("browser_sessions")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("password_argon2")
